package com.outcomedesk.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.appointments.AppointmentService;
import com.outcomedesk.common.Actor;
import com.outcomedesk.server.problems.ProblemException;
import com.outcomedesk.store.StoredAppointment;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * Appointments: list (paged, filtered as the desktop list filters), read, create, update against a row version,
 * record an outcome, soft-delete. The engine's service validates with the form's rules and audits every change;
 * the row version goes out as the ETag and comes back as If-Match (or the body's rowVersion).
 */
final class AppointmentRoutes {
    private static final String BASE = Api.V1 + "/appointments";

    private AppointmentRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        AppointmentService appointments = s.engine().appointments();
        routes.get(BASE, ctx -> {
            Requests.actor(ctx);
            Requests.json(ctx, 200, AppointmentPages.page(appointments, ctx));
        }, Access.SIGNED_IN);
        routes.get(BASE + "/{id}", ctx -> {
            Requests.actor(ctx);
            UUID id = id(ctx);
            answer(ctx, 200, appointments.find(id).orElseThrow(() -> notFound(id)));
        }, Access.SIGNED_IN);
        routes.post(BASE, ctx -> {
            Actor actor = Requests.actor(ctx);
            StoredAppointment created = appointments.create(input(Requests.jsonObject(ctx, s.options().maxBodyBytes())), actor);
            ctx.header("Location", BASE + "/" + created.id());
            answer(ctx, 201, created);
        }, Access.SIGNED_IN);
        routes.put(BASE + "/{id}", ctx -> {
            Actor actor = Requests.actor(ctx);
            UUID id = id(ctx);
            JsonNode body = Requests.jsonObject(ctx, s.options().maxBodyBytes());
            AppointmentInput input = input(body);
            answer(ctx, 200, appointments.update(id, rowVersion(ctx, body), input, actor));
        }, Access.SIGNED_IN);
        routes.post(BASE + "/{id}/outcome", ctx -> {
            Actor actor = Requests.actor(ctx);
            UUID id = id(ctx);
            String outcome = Requests.text(Requests.jsonObject(ctx, s.options().maxBodyBytes()), "outcome");
            if (outcome == null || outcome.isBlank()) {
                throw ProblemException.invalid("outcome", "missing", "Send outcome: how the patient is doing now.");
            }
            answer(ctx, 200, appointments.recordOutcome(id, outcome, actor));
        }, Access.SIGNED_IN);
        routes.delete(BASE + "/{id}", ctx -> {
            Actor actor = Requests.actor(ctx);
            appointments.delete(id(ctx), actor);
            ctx.status(204);
        }, Access.SIGNED_IN);
    }

    private static void answer(Context ctx, int status, StoredAppointment a) {
        ctx.header("ETag", "\"" + a.rowVersion() + "\"");
        Requests.json(ctx, status, AppointmentJson.of(a));
    }

    /** The body as the form's input; the engine's rules (the desktop form's) are checked by the service. */
    private static AppointmentInput input(JsonNode body) {
        return new AppointmentInput(Requests.text(body, "doctorId"), Requests.text(body, "summary"),
                PredictRoutes.parseDate(Requests.text(body, "date")), Requests.text(body, "patientRef"),
                Requests.text(body, "outcome"));
    }

    /** The version the client read: If-Match ({@code "3"}, {@code W/"3"} or {@code 3}) or the body's rowVersion. */
    private static long rowVersion(Context ctx, JsonNode body) {
        Long header = null;
        String ifMatch = ctx.header("If-Match");
        if (ifMatch != null && !ifMatch.isBlank()) {
            String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
            if (!v.matches("\\d{1,18}")) {
                throw ProblemException.invalid("If-Match", "malformed", "If-Match must be the ETag this appointment was read with, e.g. \"3\".");
            }
            header = Long.parseLong(v);
        }
        JsonNode field = body.get("rowVersion");
        Long inBody = null;
        if (field != null && !field.isNull()) {
            if (!field.canConvertToExactIntegral() || !field.canConvertToLong() || field.asLong() < 0) {
                throw ProblemException.invalid("rowVersion", "malformed", "rowVersion must be the whole number this appointment was read with.");
            }
            inBody = field.asLong();
        }
        if (header != null && inBody != null && !header.equals(inBody)) {
            throw ProblemException.invalid("rowVersion", "conflicting", "If-Match and rowVersion name different versions; send one.");
        }
        if (header == null && inBody == null) {
            throw ProblemException.invalid("rowVersion", "missing",
                    "Send the rowVersion the appointment was read with (If-Match header or rowVersion field), so a change made meanwhile is not overwritten.");
        }
        return header != null ? header : inBody;
    }

    private static UUID id(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("id", "malformed", "id must be an appointment id as the API answers it (a UUID).");
        }
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("There is no appointment " + id + " (or it was deleted).");
    }
}
