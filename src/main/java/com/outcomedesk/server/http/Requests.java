package com.outcomedesk.server.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.common.Actor;
import com.outcomedesk.documents.Documents;
import com.outcomedesk.server.limits.Budget;
import com.outcomedesk.server.problems.Problem;
import com.outcomedesk.server.problems.ProblemException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reading requests and writing answers the same way on every route. */
public final class Requests {
    static final String ACTOR = "outcomedesk.actor";
    /**
     * How much of a refused body is read and thrown away before the 413 is sent. A client still writing
     * when the server closes gets a TCP reset that destroys the answer unread; past this much the
     * connection is closed anyway, so a client sending gigabytes is cut off rather than drained.
     */
    static final long DRAINED_AT_MOST = 64L << 20;

    private Requests() {
    }

    /** The signed-in user (the sign-in check put it there before the route ran). */
    public static Actor actor(Context ctx) {
        Actor a = ctx.attribute(ACTOR);
        if (a == null) throw ProblemException.unauthorized("Send a bearer token: POST /api/v1/auth/token gives one.");
        return a;
    }

    /** The JSON object of the body, read up to the limit: 413 past it, 400 with line and column when malformed. */
    public static JsonNode jsonObject(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) throw ProblemException.tooLarge(limit);
        JsonNode node;
        try (InputStream in = new LimitedInputStream(ctx.bodyInputStream(), limit)) {
            node = Documents.MAPPER.readTree(in);
        } catch (LimitedInputStream.TooLargeException e) {
            throw ProblemException.tooLarge(limit);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw new ProblemException(Problem.invalid("The body must be a JSON object.", List.of()));
        }
        return node;
    }

    static ProblemException malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                ? "a field is given twice" : "it is not well-formed JSON";
        return new ProblemException(Problem.of(400, "malformed-json", "Malformed JSON",
                "The body cannot be read: " + what + where + "."));
    }

    /** A text field: absent or null gives null; a number, list or object where text belongs is refused. */
    public static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ProblemException.invalid(field, "not_text", field + " must be text in double quotes.");
        return v.textValue();
    }

    public static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "out_of_range", name + " must be a whole number from " + min + " to " + max + ".");
    }

    public static int intPath(Context ctx, String name) {
        try {
            return Integer.parseInt(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "malformed", name + " must be a whole number.");
        }
    }

    /** Takes a permit of the budget for the user (if signed in) and the client address, or answers 429. */
    public static void limit(Services s, Context ctx, Budget budget, String user) {
        OptionalLong wait = s.limits().take(budget, user, ctx.ip());
        if (wait.isPresent()) {
            throw new ProblemException(Problem.of(429, "rate-limited", "Too many requests",
                    "Too many " + budget.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " requests; try again in "
                            + wait.getAsLong() + " s."), Map.of("Retry-After", String.valueOf(wait.getAsLong())));
        }
    }

    public static void json(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(Documents.MAPPER.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static void problem(Context ctx, Problem p, Map<String, String> headers) {
        headers.forEach(ctx::header);
        if (p.status() == 413) discardUnreadBody(ctx);
        try {
            ctx.status(p.status()).contentType(Problem.MEDIA_TYPE).result(Documents.MAPPER.writeValueAsBytes(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void discardUnreadBody(Context ctx) {
        if (ctx.req().getContentLengthLong() > DRAINED_AT_MOST) {
            ctx.header("Connection", "close");
            return;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = DRAINED_AT_MOST;
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0; ) left -= n;
            if (left <= 0) ctx.header("Connection", "close");
        } catch (IOException | IllegalStateException e) {
            ctx.header("Connection", "close");
        }
    }
}
