package com.outcomedesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outcomedesk.sync.ServerSide.AppendOutcome;
import com.outcomedesk.sync.ServerSide.AppointmentOffer;
import com.outcomedesk.sync.ServerSide.AppointmentOutcome;
import com.outcomedesk.sync.ServerSide.MappingOffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sync API's JSON, one codec for the site ({@link HttpServerSide}) and the server ({@link SyncHub}). A push is
 * {@code {"batchId","table","rows":[{"row":{...},"agreed":{"hlc","site"}}|{"row","agreedCategory"}|{"row"}]}}; its
 * answer {@code {"written","conflicts","serverWins":[row],"refused":[{"key","field","reason"}],"numbers":{key:n}}};
 * a pull is NDJSON, one row a line with its {@code server_seq}. Rows are their catalogue columns ({@link RowJson}).
 */
final class SyncWire {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private SyncWire() {
    }

    /** A push body, its batch id the hash of its rows: the same rows sent again carry the same id. */
    static ObjectNode push(SyncTable table, List<ObjectNode> rows) {
        try {
            return (ObjectNode) MAPPER.readTree(pushBody(table, rows));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read a push body back", e);
        }
    }

    /**
     * {@link #push} as the bytes sent: the rows are written once, and the batch id (SHA-256 of the table's name, a
     * newline and the rows' JSON) is hashed from those bytes.
     */
    static byte[] pushBody(SyncTable table, List<ObjectNode> rows) {
        ArrayNode array = MAPPER.createArrayNode();
        rows.forEach(array::add);
        try {
            byte[] json = MAPPER.writeValueAsBytes(array);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((table.name() + "\n").getBytes(StandardCharsets.UTF_8));
            String head = MAPPER.createObjectNode().put("batchId", HexFormat.of().formatHex(sha.digest(json)))
                    .put("table", table.name()).toString();
            ByteArrayOutputStream body = new ByteArrayOutputStream(json.length + head.length() + 16);
            body.write(head.substring(0, head.length() - 1).getBytes(StandardCharsets.UTF_8));
            body.write(",\"rows\":".getBytes(StandardCharsets.UTF_8));
            body.write(json);
            body.write('}');
            return body.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a push body in memory", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static ObjectNode offer(AppointmentOffer o) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("row", RowJson.node(SyncTable.APPOINTMENTS, o.row()));
        if (o.agreed() == null) n.putNull("agreed");
        else n.putObject("agreed").put("hlc", o.agreed().hlc()).put("site", o.agreed().site());
        return n;
    }

    static ObjectNode offer(MappingOffer o) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("row", RowJson.node(SyncTable.MAPPINGS, o.row()));
        n.put("agreedCategory", o.agreedCategory());
        return n;
    }

    static ObjectNode offer(SyncTable table, SyncRow row) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("row", RowJson.node(table, row));
        return n;
    }

    static AppointmentOffer appointmentOffer(JsonNode n) {
        SyncRow row = RowJson.read(SyncTable.APPOINTMENTS, n.get("row"), null);
        JsonNode a = n.get("agreed");
        Version agreed = a == null || a.isNull() ? null : new Version(a.path("hlc").asLong(), a.path("site").asText());
        return new AppointmentOffer(row, agreed);
    }

    static MappingOffer mappingOffer(JsonNode n) {
        JsonNode c = n.get("agreedCategory");
        return new MappingOffer(RowJson.read(SyncTable.MAPPINGS, n.get("row"), null), c == null || c.isNull() ? null : c.asText());
    }

    static ObjectNode answer(AppointmentOutcome o) {
        ObjectNode n = counts(o.written(), o.conflicts());
        ArrayNode wins = n.putArray("serverWins");
        o.serverWins().values().forEach(r -> wins.add(RowJson.node(SyncTable.APPOINTMENTS, r)));
        ArrayNode refused = n.putArray("refused");
        o.refused().forEach((k, p) -> refused.addObject().put("key", k.toString()).put("field", p.field())
                .put("reason", p.reason()));
        return n;
    }

    static AppointmentOutcome appointmentOutcome(JsonNode n) {
        Map<Object, SyncRow> wins = new HashMap<>();
        for (JsonNode r : n.path("serverWins")) {
            SyncRow row = RowJson.read(SyncTable.APPOINTMENTS, r, null);
            wins.put(row.key(), row);
        }
        Map<Object, Quarantine.Problem> refused = new LinkedHashMap<>();
        for (JsonNode r : n.path("refused")) {
            refused.put(UUID.fromString(r.path("key").asText()), new Quarantine.Problem(
                    r.path("field").isNull() ? null : r.path("field").asText(null), r.path("reason").asText()));
        }
        return new AppointmentOutcome(n.path("written").asLong(), n.path("conflicts").asLong(), wins, refused);
    }

    static ObjectNode answer(AppendOutcome o) {
        ObjectNode n = counts(o.written(), o.conflicts());
        ObjectNode numbers = n.putObject("numbers");
        o.numbers().forEach((k, v) -> numbers.put(k.toString(), v));
        return n;
    }

    static AppendOutcome appendOutcome(JsonNode n) {
        Map<UUID, Long> numbers = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("numbers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            numbers.put(UUID.fromString(e.getKey()), e.getValue().asLong());
        }
        return new AppendOutcome(numbers, n.path("written").asLong(), n.path("conflicts").asLong());
    }

    static ObjectNode answer(PushResult r) {
        return counts(r.pushed(), r.conflicts());
    }

    static PushResult pushResult(JsonNode n) {
        return new PushResult(n.path("written").asLong(), n.path("conflicts").asLong(), 0);
    }

    private static ObjectNode counts(long written, long conflicts) {
        return MAPPER.createObjectNode().put("written", written).put("conflicts", conflicts);
    }

    /** A pulled row: its columns and its server number. */
    static ObjectNode pulled(SyncTable table, SyncRow row) {
        return RowJson.node(table, row).put("server_seq", row.serverSeq());
    }

    static SyncRow pulled(SyncTable table, JsonNode n) {
        return RowJson.read(table, n, n.path("server_seq").asLong());
    }

    static List<JsonNode> rows(JsonNode body) {
        List<JsonNode> rows = new ArrayList<>();
        body.path("rows").forEach(rows::add);
        return rows;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
