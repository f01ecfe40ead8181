package com.outcomedesk.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.common.Actor;
import com.outcomedesk.server.limits.Budget;
import com.outcomedesk.server.limits.RateLimitSettings;
import com.outcomedesk.server.limits.StoredRateLimits;
import com.outcomedesk.server.problems.Problem;
import com.outcomedesk.server.problems.ProblemException;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rate limits an administrator reads and changes ({@code {"signIn","predict","batch","train"}}, requests a
 * minute per user and per address). A PUT may name some budgets only; the others keep their value. A change is
 * stored, audited and applied to the next request.
 */
final class SettingsRoutes {
    private SettingsRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        StoredRateLimits stored = new StoredRateLimits(s.engine().database(), s.engine().audit(), s.limits());
        routes.get(Api.V1 + "/settings/rate-limits", ctx -> {
            Requests.actor(ctx).requireAdministrator("read the rate limits");
            Requests.json(ctx, 200, document(stored.current()));
        }, Access.SIGNED_IN);
        routes.put(Api.V1 + "/settings/rate-limits", ctx -> {
            Actor actor = Requests.actor(ctx);
            actor.requireAdministrator("change the rate limits");
            RateLimitSettings next = parsed(Requests.jsonObject(ctx, s.options().maxBodyBytes()), stored.current());
            Requests.json(ctx, 200, document(stored.change(next, actor)));
        }, Access.SIGNED_IN);
    }

    static Map<String, Object> document(RateLimitSettings limits) {
        Map<String, Object> doc = new LinkedHashMap<>();
        for (Budget b : Budget.values()) doc.put(StoredRateLimits.name(b), limits.of(b));
        return doc;
    }

    /** The current limits with the body's values; every field wrong is named at once, and nothing changes then. */
    static RateLimitSettings parsed(JsonNode body, RateLimitSettings current) {
        List<Problem.FieldError> errors = new ArrayList<>();
        RateLimitSettings next = current;
        Map<String, Budget> known = new LinkedHashMap<>();
        for (Budget b : Budget.values()) known.put(StoredRateLimits.name(b), b);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            Budget b = known.get(field);
            if (b == null) {
                errors.add(new Problem.FieldError(field, "unknown", "There is no rate limit " + field + "; the limits are "
                        + String.join(", ", known.keySet()) + "."));
                continue;
            }
            JsonNode v = body.get(field);
            int max = RateLimitSettings.maximum(b);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1 || v.intValue() > max) {
                errors.add(new Problem.FieldError(field, "out_of_range", field + " must be a whole number of requests a "
                        + "minute from 1 to " + max + "."));
                continue;
            }
            next = next.with(b, v.intValue());
        }
        if (!errors.isEmpty()) throw new ProblemException(Problem.invalid("The rate limits were not changed.", errors));
        return next;
    }
}
