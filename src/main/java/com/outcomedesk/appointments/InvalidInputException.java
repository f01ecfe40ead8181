package com.outcomedesk.appointments;

import java.util.Map;

/** Input that cannot be saved, with one message per offending field. */
public class InvalidInputException extends IllegalArgumentException {
    private final Map<String, String> problems;

    public InvalidInputException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
