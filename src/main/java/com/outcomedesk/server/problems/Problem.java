package com.outcomedesk.server.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One problem document. {@code type} is a stable URI-reference naming the kind (relative: the API has no fixed host),
 * {@code errors} lists the fields a validation refused, each with a machine-readable reason and a sentence.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A refused field: its JSON name, a reason code (e.g. {@code missing}, {@code too_long}) and what to do. */
    public record FieldError(String field, String reason, String message) {
    }

    public static Problem of(int status, String kind, String title, String detail) {
        return new Problem("/problems/" + kind, title, status, detail, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem("/problems/invalid-request", "The request is not valid", 400, detail, List.copyOf(errors));
    }
}
