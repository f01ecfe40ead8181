package com.outcomedesk.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/** A row as JSON, so the losing side of a conflict is kept whole whatever table it came from. */
final class RowJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RowJson() {
    }

    static String write(SyncTable table, SyncRow row) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < table.columns().size(); i++) {
            Object v = row.value(i);
            String name = table.columns().get(i).name();
            if (v == null) node.putNull(name);
            else if (v instanceof Long l) node.put(name, l);
            else if (v instanceof Integer n) node.put(name, n);
            else if (v instanceof Boolean b) node.put(name, b);
            else if (v instanceof Double d) node.put(name, d);
            else if (v instanceof byte[] bytes) node.put(name, Base64.getEncoder().encodeToString(bytes));
            else node.put(name, v.toString());
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a row as JSON", e);
        }
    }

    /** The row the JSON holds, as written by {@link #write}. */
    static SyncRow read(SyncTable table, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored conflict row is not valid JSON", e);
        }
        Object[] row = new Object[table.columns().size()];
        for (int i = 0; i < row.length; i++) {
            SyncColumn c = table.columns().get(i);
            JsonNode v = node.get(c.name());
            if (v == null || v.isNull()) continue;
            row[i] = switch (c.type()) {
                case UUID -> UUID.fromString(v.asText());
                case TEXT -> v.asText();
                case DATE -> LocalDate.parse(v.asText());
                case TIMESTAMP -> OffsetDateTime.parse(v.asText());
                case LONG -> v.asLong();
                case INT -> v.asInt();
                case BOOL -> v.asBoolean();
                case DOUBLE -> v.asDouble();
                case BYTES -> Base64.getDecoder().decode(v.asText());
            };
        }
        return table.row(row, null);
    }
}
