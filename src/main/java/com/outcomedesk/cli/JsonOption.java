package com.outcomedesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.documents.Documents;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --json}: print exactly one JSON document on stdout instead of human text. */
public final class JsonOption {
    /** The mapper, initialised on first use: scoring a file without --json never loads databind's classes. */
    static ObjectMapper mapper() {
        return Documents.MAPPER;
    }

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean enabled;

    /** Prints the value as JSON when --json was given, else the human text. */
    void print(PrintWriter out, Object value, String human) {
        if (enabled) {
            try {
                out.println(mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
            }
        } else {
            out.println(human);
        }
    }
}
