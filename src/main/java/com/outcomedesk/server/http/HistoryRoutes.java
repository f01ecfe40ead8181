package com.outcomedesk.server.http;

import com.outcomedesk.server.problems.ProblemException;
import com.outcomedesk.store.PredictionHistoryRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /predictions}: the saved predictions, newest first, paged ({@code offset}, {@code limit}) and filtered. */
final class HistoryRoutes {
    static final int MAX_PAGE = 500;

    private HistoryRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        PredictionHistoryRepository history = new PredictionHistoryRepository(s.engine().database());
        routes.get(Api.V1 + "/predictions", ctx -> {
            Requests.actor(ctx);
            int offset = Requests.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
            int limit = Requests.intQuery(ctx, "limit", 50, 1, MAX_PAGE);
            String label = ctx.queryParam("label");
            if (label != null && !label.equals("better") && !label.equals("worse")) {
                throw ProblemException.invalid("label", "unknown", "label must be better or worse.");
            }
            PredictionHistoryRepository.Page page = history.page(new PredictionHistoryRepository.Filter(ctx.queryParam("doctorId"),
                    label, time(ctx, "from"), time(ctx, "to")), offset, limit);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("offset", offset);
            doc.put("limit", limit);
            doc.put("total", page.total());
            doc.put("items", page.rows());
            Requests.json(ctx, 200, doc);
        }, Access.SIGNED_IN);
    }

    private static OffsetDateTime time(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return null;
        try {
            return OffsetDateTime.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "malformed", name + " must be a time with offset, e.g. 2026-01-31T00:00:00Z.");
        }
    }
}
