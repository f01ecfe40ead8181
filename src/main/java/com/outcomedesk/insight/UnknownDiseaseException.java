package com.outcomedesk.insight;

import java.util.List;

/**
 * A disease name that matches no profile; the message says what to try (repeating the name cut to its start when
 * long), {@link #name()} is the name as asked, {@link #closeSpellings()} lists near names.
 */
public final class UnknownDiseaseException extends IllegalArgumentException {
    private final String name;
    private final List<String> closeSpellings;

    UnknownDiseaseException(String message, String name, List<String> closeSpellings) {
        super(message);
        this.name = name;
        this.closeSpellings = List.copyOf(closeSpellings);
    }

    public String name() {
        return name;
    }

    public List<String> closeSpellings() {
        return closeSpellings;
    }
}
