package com.outcomedesk.transfer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Streams CSV with a header line (comma, semicolon or tab separated; quoted fields may span lines). */
final class CsvRecordReader implements RecordReader {
    private final MappingIterator<List<String>> rows;
    private final List<Optional<Field>> columns = new ArrayList<>();
    private final Set<String> unknownKeys = new LinkedHashSet<>();
    private long position;

    CsvRecordReader(Path file) throws IOException {
        char separator = separatorOf(file);
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        this.rows = mapper.readerForListOf(String.class).with(schema).readValues(Utf8Input.open(file));
        if (!rows.hasNext()) throw new TransferException(file.getFileName() + " has no header line.");
        for (String name : rows.next()) {
            String key = name.replace("\uFEFF", "").strip();
            Optional<Field> field = Field.of(key);
            columns.add(field);
            if (field.isEmpty() && !key.isEmpty()) unknownKeys.add(key);
        }
        if (!columns.contains(Optional.of(Field.DOCTOR_ID)) || !columns.contains(Optional.of(Field.SUMMARY))) {
            throw new TransferException("Cannot import " + file.getFileName()
                    + ": the CSV header must name a doctor_id and a summary column. Nothing was imported.");
        }
    }

    private static char separatorOf(Path file) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Utf8Input.open(file), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) return ',';
            long commas = header.chars().filter(c -> c == ',').count();
            long semicolons = header.chars().filter(c -> c == ';').count();
            long tabs = header.chars().filter(c -> c == '\t').count();
            if (tabs > commas && tabs > semicolons) return '\t';
            return semicolons > commas ? ';' : ',';
        }
    }

    @Override
    public ParsedRecord next() throws IOException {
        List<String> row;
        try {
            if (!rows.hasNext()) return null;
            row = rows.next();
        } catch (RuntimeJsonMappingException e) {
            String why = e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException p
                    ? JsonRecordReader.reason(p.getOriginalMessage()) : "it cannot be read as CSV";
            throw new TransferException("The CSV is malformed after record " + position + ": "
                    + why + ". Nothing was imported; fix the file and import it again.");
        }
        if (row.size() == 1 && row.get(0).isBlank()) return next();
        position++;
        if (row.size() > columns.size()) {
            return new ParsedRecord(position, null, "has " + row.size() + " fields but the header names " + columns.size(), false);
        }
        EnumMap<Field, String> values = new EnumMap<>(Field.class);
        for (int i = 0; i < row.size(); i++) {
            int column = i;
            columns.get(i).ifPresent(f -> values.put(f, row.get(column)));
        }
        return RecordValidator.validate(position, values);
    }

    @Override
    public Set<String> unknownKeys() {
        return unknownKeys;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
