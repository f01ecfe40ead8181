package com.outcomedesk.insight;

import java.util.List;

/** A disease name that matches no profile; the message says what to try, {@link #closeSpellings()} lists near names. */
public final class UnknownDiseaseException extends IllegalArgumentException {
    private final List<String> closeSpellings;

    UnknownDiseaseException(String message, List<String> closeSpellings) {
        super(message);
        this.closeSpellings = List.copyOf(closeSpellings);
    }

    public List<String> closeSpellings() {
        return closeSpellings;
    }
}
