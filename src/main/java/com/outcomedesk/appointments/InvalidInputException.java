package com.outcomedesk.appointments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Input that breaks the engine's rules, with each broken rule by field. */
public class InvalidInputException extends IllegalArgumentException {
    private final List<AppointmentInput.Problem> problems;

    public InvalidInputException(List<AppointmentInput.Problem> problems) {
        super(String.join("; ", problems.stream().map(AppointmentInput.Problem::message).toList()) + ".");
        this.problems = List.copyOf(problems);
    }

    public List<AppointmentInput.Problem> list() {
        return problems;
    }

    /** Field name to the plain message of its first problem. */
    public Map<String, String> problems() {
        Map<String, String> byField = new LinkedHashMap<>();
        for (AppointmentInput.Problem p : problems) byField.putIfAbsent(p.field(), p.message());
        return byField;
    }
}
