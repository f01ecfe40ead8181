package com.outcomedesk.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.outcomedesk.common.Actor;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.learn.RiskTiers;
import com.outcomedesk.documents.Documents;
import com.outcomedesk.server.limits.Budget;
import com.outcomedesk.server.problems.Problem;
import com.outcomedesk.server.problems.ProblemException;
import com.outcomedesk.server.problems.Problems;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.Counter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /predict/batch}: NDJSON (one {@code {"id","doctorId","summary","date"}} object a line) or CSV with a
 * header, read and answered one record at a time, so a body of any size is never held whole. Each input record
 * gives one output line: its prediction, or the problem that refused it; a last line counts them. Batch predictions
 * are not saved, as {@code predict --input} saves none.
 */
final class BatchRoutes {
    /** The longest NDJSON line read: a summary of 20,000 characters, four bytes each, with room to spare. */
    static final int MAX_LINE_CHARS = 256 * 1024;
    private static final CsvMapper CSV = new CsvMapper();

    private BatchRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        Counter rows = Counter.builder("outcomedesk.batch.rows").description("Records predicted by /predict/batch")
                .register(s.metrics());
        routes.post(Api.V1 + "/predict/batch", ctx -> {
            Actor actor = Requests.actor(ctx);
            Requests.limit(s, ctx, Budget.BATCH, actor.name());
            boolean csv = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT).startsWith("text/csv");
            RiskTiers tiers = s.engine().predictions().riskTiers();
            Reader reader = new BufferedReader(new InputStreamReader(ctx.bodyInputStream(), StandardCharsets.UTF_8), 64 * 1024);
            ctx.status(200).contentType("application/x-ndjson");
            OutputStream out = ctx.res().getOutputStream();
            try (JsonGenerator g = Documents.MAPPER.getFactory().createGenerator(out)) {
                g.setRootValueSeparator(null);
                Tally tally = new Tally();
                Iterator<JsonNode> records = csv ? csvRecords(reader) : new NdjsonRecords(reader);
                try {
                    while (records.hasNext()) {
                        tally.line++;
                        JsonNode record;
                        try {
                            record = records.next();
                        } catch (ProblemException malformed) {
                            ObjectNode line = Documents.MAPPER.createObjectNode().put("line", tally.line);
                            line.set("problem", Documents.MAPPER.valueToTree(malformed.problem()));
                            write(g, line);
                            tally.rejected++;
                            continue;
                        }
                        answer(s, g, tally, record, tiers);
                        if (tally.line % 256 == 0) g.flush();
                    }
                } catch (BatchInputException e) {
                    ObjectNode line = Documents.MAPPER.createObjectNode().put("line", tally.line + 1);
                    line.set("problem", Documents.MAPPER.valueToTree(e.problem()));
                    write(g, line);
                    tally.rejected++;
                }
                rows.increment(tally.predicted);
                ObjectNode end = Documents.MAPPER.createObjectNode();
                end.putObject("summary").put("predicted", tally.predicted).put("rejected", tally.rejected);
                write(g, end);
            }
        }, Access.SIGNED_IN);
    }

    private static final class Tally {
        long line;
        long predicted;
        long rejected;
    }

    /** Written field by field, not through a tree: building one per record cost more than the prediction. */
    private static void answer(Services s, JsonGenerator g, Tally tally, JsonNode record, RiskTiers tiers) throws IOException {
        String id = null;
        PredictionRequest request = null;
        PredictionResult result = null;
        Problem problem = null;
        try {
            if (!record.isObject()) throw new IllegalArgumentException("Each record must be a JSON object.");
            JsonNode given = record.get("id");
            if (given != null && given.isTextual()) id = given.textValue();
            request = PredictRoutes.request(record);
            result = s.engine().predictions().predict(request, tiers);
            tally.predicted++;
        } catch (RuntimeException e) {
            problem = Problems.of(e);
            if (problem.status() >= 500) throw e;
            tally.rejected++;
        }
        g.writeStartObject();
        g.writeNumberField("line", tally.line);
        if (id != null) g.writeStringField("id", id);
        if (result != null) {
            g.writeStringField("doctorId", request.doctorId());
            g.writeFieldName("prediction");
            g.writeObject(result);
        } else {
            g.writeFieldName("problem");
            g.writeObject(problem);
        }
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        g.writeTree(node);
        g.writeRaw('\n');
    }

    /** CSV with a header: the API's names or the import format's ({@code doctor_id}, {@code appointment_date}). */
    private static Iterator<JsonNode> csvRecords(Reader reader) throws IOException {
        MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(reader);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return it.hasNextValue();
                } catch (IOException e) {
                    throw BatchInputException.of(e);
                }
            }

            @Override
            public JsonNode next() {
                try {
                    Map<String, String> row = it.nextValue();
                    ObjectNode node = Documents.MAPPER.createObjectNode();
                    put(node, "id", row, "id");
                    put(node, "doctorId", row, "doctorId", "doctor_id", "doctor");
                    put(node, "summary", row, "summary");
                    put(node, "date", row, "date", "appointment_date");
                    return node;
                } catch (IOException e) {
                    throw BatchInputException.of(e);
                }
            }
        };
    }

    private static void put(ObjectNode node, String field, Map<String, String> row, String... columns) {
        for (String c : columns) {
            String v = row.get(c);
            if (v != null) {
                node.put(field, v);
                return;
            }
        }
    }

    /** NDJSON: one JSON object a line, blank lines skipped; a line past the limit ends the batch. */
    private static final class NdjsonRecords implements Iterator<JsonNode> {
        private final Reader reader;
        private String next;
        private boolean done;

        NdjsonRecords(Reader reader) {
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                String line = readLine();
                if (line == null) done = true;
                else if (!line.isBlank()) next = line;
            }
            return next != null;
        }

        @Override
        public JsonNode next() {
            hasNext();
            String line = next;
            next = null;
            try {
                return Documents.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON", "The record is not well-formed JSON"
                        + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()) + "."));
            }
        }

        private String readLine() {
            StringBuilder s = new StringBuilder();
            try {
                int c;
                while ((c = reader.read()) >= 0) {
                    if (c == '\n') return s.toString();
                    if (s.length() >= MAX_LINE_CHARS) throw BatchInputException.lineTooLong();
                    s.append((char) c);
                }
            } catch (IOException e) {
                throw BatchInputException.of(e);
            }
            return s.isEmpty() ? null : s.toString();
        }
    }

    /** Input that cannot be read on: the batch stops with a last problem line. */
    private static final class BatchInputException extends RuntimeException {
        private final Problem problem;

        private BatchInputException(Problem problem) {
            super(problem.detail(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }

        static BatchInputException of(IOException e) {
            String where = e instanceof JsonProcessingException j && j.getLocation() != null
                    ? " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() : "";
            return new BatchInputException(Problem.of(400, "malformed-input",
                    "The batch cannot be read on", "The input cannot be read" + where + "; the records before were answered."));
        }

        static BatchInputException lineTooLong() {
            return new BatchInputException(Problem.of(413, "line-too-long", "A record is too long",
                    "A line is longer than " + MAX_LINE_CHARS + " characters; the records before were answered."));
        }
    }
}
