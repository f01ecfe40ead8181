package com.outcomedesk.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.UUID;

/** A row as JSON, so the losing side of a conflict is kept whole whatever table it came from. */
final class RowJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RowJson() {
    }

    static String write(SyncTable table, SyncRow row) {
        try {
            return MAPPER.writeValueAsString(node(table, row));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a row as JSON", e);
        }
    }

    /** The row as a JSON object of its catalogue columns (bytes in base64, stamps and dates as ISO text). */
    static ObjectNode node(SyncTable table, SyncRow row) {
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
        return node;
    }

    private static Number number(JsonNode v) {
        if (!v.isNumber()) throw new IllegalArgumentException("not a number");
        return v.numberValue();
    }

    /** The row the JSON holds, as written by {@link #write}. */
    static SyncRow read(SyncTable table, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored conflict row is not valid JSON", e);
        }
        return read(table, node, null);
    }

    /**
     * The row a JSON object of {@link #node} holds, with its server number if given; a value of the wrong kind is an
     * {@link IllegalArgumentException} naming the column.
     */
    static SyncRow read(SyncTable table, JsonNode node, Long serverSeq) {
        if (node == null || !node.isObject()) throw new IllegalArgumentException("A " + table.name() + " row must be a JSON object.");
        Object[] row = new Object[table.columns().size()];
        for (int i = 0; i < row.length; i++) {
            SyncColumn c = table.columns().get(i);
            JsonNode v = node.get(c.name());
            if (v == null || v.isNull()) continue;
            try {
                row[i] = value(c, v);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(table.name() + "." + c.name() + " is not a valid " + c.type()
                        .name().toLowerCase(java.util.Locale.ROOT) + " value.", e);
            }
        }
        return table.row(row, serverSeq);
    }

    private static Object value(SyncColumn c, JsonNode v) {
        if (c.type() != SyncColumn.Type.TEXT && c.type() != SyncColumn.Type.BOOL && v.isBoolean()) {
            throw new IllegalArgumentException("a boolean where a " + c.type() + " belongs");
        }
        return switch (c.type()) {
            case UUID -> UUID.fromString(v.asText());
            case TEXT -> v.asText();
            case DATE -> IsoTime.date(v.asText());
            case TIMESTAMP -> IsoTime.stamp(v.asText());
            case LONG -> number(v).longValue();
            case INT -> Math.toIntExact(number(v).longValue());
            case BOOL -> v.asBoolean();
            case DOUBLE -> number(v).doubleValue();
            case BYTES -> Base64.getDecoder().decode(v.asText());
        };
    }
}
