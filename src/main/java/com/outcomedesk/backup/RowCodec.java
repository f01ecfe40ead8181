package com.outcomedesk.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.outcomedesk.store.StoreTables.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A table part's values as JSON: numbers and booleans as themselves, times in ISO-8601 (with their offset), UUIDs as
 * text, bytes in Base64, so a backup reads the same whatever database wrote it.
 */
final class RowCodec {
    private RowCodec() {
    }

    static void write(JsonGenerator g, Kind kind, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
            return;
        }
        switch (kind) {
            case LONG -> g.writeNumber((Long) v);
            case INT -> g.writeNumber((Integer) v);
            case DOUBLE -> g.writeNumber((Double) v);
            case DECIMAL -> g.writeString(((BigDecimal) v).toPlainString());
            case BOOLEAN -> g.writeBoolean((Boolean) v);
            case BYTES -> g.writeBinary((byte[]) v);
            default -> g.writeString(v.toString());
        }
    }

    /** Reads the value at the parser's current token; a value of the wrong shape is reported as damage. */
    static Object read(JsonParser p, Kind kind) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        return switch (kind) {
            case LONG -> p.getLongValue();
            case INT -> p.getIntValue();
            case DOUBLE -> p.getDoubleValue();
            case DECIMAL -> new BigDecimal(p.getText());
            case BOOLEAN -> p.getBooleanValue();
            case BYTES -> p.getBinaryValue();
            case TEXT -> text(p);
            case DATE -> LocalDate.parse(text(p));
            case TIMESTAMP -> LocalDateTime.parse(text(p));
            case TIMESTAMP_TZ -> OffsetDateTime.parse(text(p));
            case UUID -> UUID.fromString(text(p));
        };
    }

    private static String text(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) throw new IOException("expected text at " + p.currentLocation());
        return p.getText();
    }
}
