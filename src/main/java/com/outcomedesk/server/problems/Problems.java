package com.outcomedesk.server.problems;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.appointments.InvalidInputException;
import com.outcomedesk.appointments.NoSuchAppointmentException;
import com.outcomedesk.appointments.StaleEditException;
import com.outcomedesk.common.AccessDeniedException;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.insight.UnknownDiseaseException;
import com.outcomedesk.learn.NoModelException;
import com.outcomedesk.security.AuthenticationException;
import com.outcomedesk.server.auth.TokenService;
import com.outcomedesk.store.StoreException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Phrases the engine's refusals in the API's words: JSON field names, the route to call next. Anything it does not
 * know becomes a 500 whose detail holds only an incident id; the stack trace goes to the server log under that id.
 */
public final class Problems {
    private static final Incidents INCIDENTS = new Incidents(LoggerFactory.getLogger(Problems.class), java.time.Clock.systemUTC());

    /** The desktop form's field names ({@link AppointmentInput}) to the API's JSON names. */
    private static final Map<String, String> FIELDS = Map.of(
            AppointmentInput.DOCTOR, "doctorId",
            AppointmentInput.SUMMARY, "summary",
            AppointmentInput.DATE, "date",
            AppointmentInput.OUTCOME, "outcome",
            AppointmentInput.PATIENT, "patientRef");

    private Problems() {
    }

    public static Problem of(Throwable e) {
        if (e instanceof ProblemException p) return p.problem();
        if (e instanceof InvalidRequestException r) return invalidRequest(r);
        if (e instanceof InvalidInputException i) return invalidInput(i.list());
        if (e instanceof AccessDeniedException) {
            return Problem.of(403, "forbidden", "Not allowed for this role", e.getMessage());
        }
        if (e instanceof TokenService.InvalidTokenException) {
            return Problem.of(401, "unauthorized", "Sign-in required", e.getMessage());
        }
        if (e instanceof AuthenticationException) {
            return Problem.of(401, "unauthorized", "Sign-in required", "Sign in again: POST /api/v1/auth/token.");
        }
        if (e instanceof NoModelException) {
            return Problem.of(409, "no-model", "No model can answer yet", "No model version is active and the store has "
                    + "no appointments with outcomes to fall back on: import appointments with outcomes, then "
                    + "POST /api/v1/train with {\"activate\": true}.");
        }
        if (e instanceof StaleEditException stale) {
            return Problem.of(409, "stale-row-version", "Changed by someone else", "This appointment was changed by "
                    + stale.changedBy() + " since you read it; its rowVersion is now " + stale.currentRowVersion()
                    + ". GET it again, apply your change to what it holds now, and send that rowVersion.");
        }
        if (e instanceof NoSuchAppointmentException gone) {
            return Problem.of(404, "not-found", "Not found", "There is no appointment " + gone.id() + " (or it was deleted).");
        }
        if (e instanceof UnknownDiseaseException u) return unknownDisease(u);
        if (unreachable(e)) {
            return Problem.of(503, "store-unavailable", "The store cannot be reached",
                    "The server cannot reach its database just now; nothing was changed. Try again shortly.");
        }
        if (e instanceof StoreException s) {
            String incident = incident(e);
            return Problem.of(500, "store-error", "The store refused the request",
                    "The store could not complete the request (" + s.reason().name().toLowerCase(Locale.ROOT)
                            + "); an administrator finds incident " + incident + " in the server log.");
        }
        if (e instanceof IllegalArgumentException) {
            // The engine's other refusals are sentences about the value, without options or patient data.
            return Problem.invalid(e.getMessage(), List.of());
        }
        String incident = incident(e);
        return Problem.of(500, "internal", "Internal error",
                "The server could not answer; an administrator finds incident " + incident + " in the server log.");
    }

    private static String incident(Throwable e) {
        return INCIDENTS.log(e);
    }

    private static Problem invalidRequest(InvalidRequestException e) {
        String field = e.field();
        String reason = e.reason().name().toLowerCase(Locale.ROOT);
        String message = switch (e.reason()) {
            case MISSING -> "Give " + field + ".";
            case OUT_OF_RANGE -> field + " " + e.limits() + ".";
            case MALFORMED -> field + " is not in the expected form.";
            case NOT_FOUND -> field.equals("version")
                    ? "There is no model version " + e.value() + "; GET /api/v1/models lists them."
                    : "There is no " + field + " " + e.value() + ".";
            case NO_EARLIER_VERSION -> "There is no earlier active version to roll back to; GET /api/v1/models lists them.";
        };
        if (e.reason() == InvalidRequestException.Reason.NOT_FOUND) {
            return new Problem("/problems/not-found", "Not found", 404, message, List.of(new Problem.FieldError(field, reason, message)));
        }
        if (e.reason() == InvalidRequestException.Reason.NO_EARLIER_VERSION) {
            return Problem.of(409, "no-earlier-version", "Nothing to roll back to", message);
        }
        return Problem.invalid(message, List.of(new Problem.FieldError(field, reason, message)));
    }

    /** The form's rules, one error per broken rule, worded as the desktop form words them. */
    public static Problem invalidInput(List<AppointmentInput.Problem> problems) {
        List<Problem.FieldError> errors = problems.stream().map(p -> {
            String field = FIELDS.getOrDefault(p.field(), p.field());
            return new Problem.FieldError(field, p.reason().name().toLowerCase(Locale.ROOT), InputProblemText.of(p, field));
        }).toList();
        return Problem.invalid(errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are not valid.", errors);
    }

    private static Problem unknownDisease(UnknownDiseaseException u) {
        String name = u.name() == null ? "" : u.name();
        String shown = name.codePointCount(0, name.length()) > 60 ? name.substring(0, name.offsetByCodePoints(0, 60)) + "..." : name;
        String detail = "No disease called '" + shown + "' is mentioned often enough to be profiled"
                + (u.closeSpellings().isEmpty() ? "; GET /api/v1/clusters lists those that are." : "; close names: "
                + String.join(", ", u.closeSpellings()) + ".");
        return Problem.of(404, "unknown-disease", "Unknown disease", detail);
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreException s && s.reason() == StoreException.Reason.UNREACHABLE) return true;
            if (t instanceof SQLTransientConnectionException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) return true;
            if (t instanceof org.jdbi.v3.core.ConnectionException) return true;
        }
        return false;
    }

}
