package com.outcomedesk.server.problems;

import java.util.Map;

/** Thrown by the server's own code to answer with a problem document (and any headers it needs, e.g. Retry-After). */
public final class ProblemException extends RuntimeException {
    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Sign-in required", detail),
                Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException tooLarge(long limit) {
        return new ProblemException(Problem.of(413, "body-too-large", "The request body is too large",
                "This route takes at most " + limit + " bytes; send large sets to /api/v1/predict/batch, which streams."));
    }

    public static ProblemException invalid(String field, String reason, String message) {
        return new ProblemException(Problem.invalid(message, java.util.List.of(new Problem.FieldError(field, reason, message))));
    }
}
