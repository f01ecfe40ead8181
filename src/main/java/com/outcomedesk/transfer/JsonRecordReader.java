package com.outcomedesk.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Streams the reference format, a JSON array of flat objects, with Jackson's token parser. */
final class JsonRecordReader implements RecordReader {
    private final JsonParser parser;
    private final Set<String> unknownKeys = new LinkedHashSet<>();
    private long position;

    JsonRecordReader(Path file) throws IOException {
        this.parser = new JsonFactory().createParser(file.toFile());
        JsonToken first = advance();
        if (first != JsonToken.START_ARRAY) throw malformed("the file must be a JSON array of records");
    }

    @Override
    public ParsedRecord next() throws IOException {
        JsonToken token = advance();
        if (token == JsonToken.END_ARRAY) {
            if (advance() != null) throw malformed("there is more content after the closing ]");
            return null;
        }
        if (token == null) throw malformed("the array is not closed with ]");
        position++;
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new ParsedRecord(position, null, "not a JSON object");
        }
        EnumMap<Field, String> values = new EnumMap<>(Field.class);
        String nested = null;
        while ((token = advance()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = advance();
            Optional<Field> field = Field.of(key);
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
                if (field.isPresent()) nested = key;
                else unknownKeys.add(key);
            } else if (field.isPresent()) {
                values.put(field.get(), value == JsonToken.VALUE_NULL ? null : parser.getText());
            } else {
                unknownKeys.add(key);
            }
        }
        if (token != JsonToken.END_OBJECT) throw malformed("record " + position + " is not closed");
        if (nested != null) return new ParsedRecord(position, null, nested + " must be text, not a list or object");
        return RecordValidator.validate(position, values);
    }

    private JsonToken advance() throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            int marker = why.indexOf(" (start marker");
            throw malformed((marker > 0 ? why.substring(0, marker) : why).lines().findFirst().orElse(why));
        }
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
