package com.outcomedesk.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Streams the reference format, a JSON array of flat objects, with Jackson's token parser. Every field is text:
 * a number, true/false, list or object where text belongs rejects the record rather than being turned into text.
 */
final class JsonRecordReader implements RecordReader {
    private final JsonParser parser;
    private final Set<String> unknownKeys = new LinkedHashSet<>();
    private long position;
    private final Map<String, Optional<Field>> fields = new HashMap<>();

    JsonRecordReader(Path file) throws IOException {
        this.parser = new JsonFactory().createParser(Utf8Input.open(file));
        try {
            if (advance() != JsonToken.START_ARRAY) throw malformed("the file must be a JSON array of records");
        } catch (JsonProcessingException e) {
            throw malformed(reason(e.getOriginalMessage()));
        }
    }

    /** Syntax errors surface from any parser call (text is decoded lazily), so all of them are caught here. */
    @Override
    public ParsedRecord next() throws IOException {
        try {
            return read();
        } catch (JsonProcessingException e) {
            throw malformed(reason(e.getOriginalMessage()));
        }
    }

    private ParsedRecord read() throws IOException {
        JsonToken token = advance();
        if (token == JsonToken.END_ARRAY) {
            if (advance() != null) throw malformed("there is more content after the closing ]");
            return null;
        }
        if (token == null) throw malformed("the array is not closed with ]");
        position++;
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new ParsedRecord(position, null, "not a JSON object", false);
        }
        EnumMap<Field, String> values = new EnumMap<>(Field.class);
        String problem = null;
        while ((token = advance()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = advance();
            Optional<Field> field = field(key);
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) parser.skipChildren();
            if (field.isEmpty()) {
                unknownKeys.add(key);
                continue;
            }
            String name = field.get().canonical();
            if (problem != null) continue;
            if (values.containsKey(field.get())) problem = name + " is given twice";
            else if (value == JsonToken.VALUE_STRING) values.put(field.get(), parser.getText());
            else if (value == JsonToken.VALUE_NULL) values.put(field.get(), null);
            else problem = name + " must be text in double quotes, not " + kind(value);
        }
        if (token != JsonToken.END_OBJECT) throw malformed("record " + position + " is not closed");
        if (problem != null) return new ParsedRecord(position, null, problem, false);
        return RecordValidator.validate(position, values);
    }

    /** Keys repeat in every record: each is matched once (a bounded number, so odd files cannot grow memory). */
    private Optional<Field> field(String key) {
        Optional<Field> f = fields.get(key);
        if (f == null) {
            f = Field.of(key);
            if (fields.size() < 64) fields.put(key, f);
        }
        return f;
    }

    private static String kind(JsonToken value) {
        return switch (value) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case START_ARRAY -> "a list";
            default -> "an object";
        };
    }

    private JsonToken advance() throws IOException {
        return parser.nextToken();
    }

    /**
     * Jackson's reason in words of our own where it would quote the file (a token could be patient data) or point
     * at its own location format; otherwise its first sentence.
     */
    static String reason(String jackson) {
        if (jackson.startsWith("Unrecognized token")) {
            return "there is unquoted text where a value belongs (text must be in double quotes)";
        }
        if (jackson.startsWith("Unexpected end-of-input")) return "the file ends before its records are closed";
        String first = jackson.lines().findFirst().orElse(jackson);
        for (String cut : new String[] {" (start marker", " at [Source", "; line:"}) {
            int at = first.indexOf(cut);
            if (at > 0) first = first.substring(0, at);
        }
        return first;
    }

    private TransferException malformed(String why) {
        var loc = parser.currentLocation();
        return new TransferException("The JSON is malformed at line " + loc.getLineNr() + ", column "
                + loc.getColumnNr() + ": " + why + ". Nothing was imported; fix the file and import it again.");
    }

    @Override
    public Set<String> unknownKeys() {
        return unknownKeys;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
