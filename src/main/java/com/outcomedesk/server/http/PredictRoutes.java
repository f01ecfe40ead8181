package com.outcomedesk.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.common.Actor;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.server.limits.Budget;
import com.outcomedesk.server.problems.Problem;
import com.outcomedesk.server.problems.ProblemException;
import com.outcomedesk.server.problems.Problems;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.Timer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code POST /predict}: one appointment, answered with the document {@code predict --json} prints, and saved. */
final class PredictRoutes {
    private PredictRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        Timer latency = Timer.builder("outcomedesk.prediction").description("Time the engine takes to predict one appointment")
                .publishPercentileHistogram().register(s.metrics());
        routes.post(Api.V1 + "/predict", ctx -> {
            Actor actor = Requests.actor(ctx);
            Requests.limit(s, ctx, Budget.PREDICT, actor.name());
            PredictionRequest request = request(Requests.jsonObject(ctx, s.options().maxBodyBytes()));
            PredictionResult r = latency.record(() -> s.engine().predictions().predict(request, s.engine().predictions().riskTiers()));
            s.engine().predictions().record(r, request.doctorId(), null, actor);
            Requests.json(ctx, 200, r);
        }, Access.SIGNED_IN);
    }

    /**
     * The request as the engine takes it, after the form's rules for the doctor id and the text rule for the summary
     * (as on every way in); a summary shorter than the form asks for is still predicted, as the command line does.
     */
    static PredictionRequest request(JsonNode body) {
        String doctorId = Requests.text(body, "doctorId");
        String summary = Requests.text(body, "summary");
        String date = Requests.text(body, "date");
        String patientRef = Requests.text(body, "patientRef");
        List<AppointmentInput.Problem> problems = new AppointmentInput(doctorId, summary, null, null, null).check().stream()
                .filter(p -> p.reason() != AppointmentInput.Reason.TOO_SHORT).toList();
        if (!problems.isEmpty()) throw new ProblemException(Problems.invalidInput(problems));
        return new PredictionRequest(doctorId.strip(), summary, parseDate(date), patientRef);
    }

    static LocalDate parseDate(String date) {
        if (date == null || date.isBlank()) return null;
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.invalid("date must be a date as YYYY-MM-DD.",
                    List.of(new Problem.FieldError("date", "malformed", "date must be a date as YYYY-MM-DD."))));
        }
    }
}
