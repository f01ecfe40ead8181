package com.outcomedesk.server.http;

import com.outcomedesk.common.Actor;
import com.outcomedesk.server.problems.Problem;
import com.outcomedesk.server.problems.ProblemException;
import com.outcomedesk.server.problems.Problems;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the API together on a Javalin configuration: the routes, the sign-in check before every route that needs it,
 * problem documents for every failure, and after every request one access-log line and one timing. The log line
 * holds the method, the route template (never the path's values or the query), the status, the time and the user.
 */
public final class Api {
    public static final String V1 = "/api/v1";
    private static final Logger ACCESS = LoggerFactory.getLogger("com.outcomedesk.server.access");

    private Api() {
    }

    public static void configure(JavalinConfig config, Services s) {
        config.routes.beforeMatched(ctx -> {
            if (ctx.routeRoles().contains(Access.SIGNED_IN)) ctx.attribute(Requests.ACTOR, signedIn(s, ctx));
            if (ctx.routeRoles().contains(Access.SITE)) {
                com.outcomedesk.sync.SiteRegistry.Site site = SyncRoutes.authenticate(s, ctx);
                ctx.attribute(SyncRoutes.SITE, site);
                ctx.attribute(Requests.ACTOR, site.actor());
            }
        });
        AuthRoutes.register(config.routes, s);
        PredictRoutes.register(config.routes, s);
        BatchRoutes.register(config.routes, s);
        HistoryRoutes.register(config.routes, s);
        ImportRoutes.register(config.routes, s);
        ModelRoutes.register(config.routes, s);
        InsightRoutes.register(config.routes, s);
        HealthRoutes.register(config.routes, s);
        AppointmentRoutes.register(config.routes, s);
        ExportRoutes.register(config.routes, s);
        SettingsRoutes.register(config.routes, s);
        SyncRoutes.register(config.routes, s);
        SiteRoutes.register(config.routes, s);
        MonitorRoutes.register(config.routes, s);
        RetrainRoutes.register(config.routes, s);
        config.routes.exception(HttpResponseException.class, (e, ctx) -> Requests.problem(ctx, httpProblem(e), Map.of()));
        config.routes.exception(Exception.class, (e, ctx) -> Requests.problem(ctx, Problems.of(e),
                e instanceof ProblemException p ? p.headers() : Map.of()));
        config.requestLogger.http((ctx, ms) -> logged(s, ctx, ms));
    }

    private static Actor signedIn(Services s, Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthorized("Send a bearer token (Authorization: Bearer TOKEN); POST " + V1 + "/auth/token gives one.");
        }
        return s.tokens().verify(header.substring(7).strip());
    }

    private static Problem httpProblem(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> Problem.of(404, "not-found", "Not found", "There is no such route; GET /openapi.json lists them.");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", "This route does not take this method.");
            case 413 -> Problem.of(413, "body-too-large", "The request body is too large", "The body is over the limit.");
            default -> Problem.of(e.getStatus(), "http-" + e.getStatus(), "Request refused", "The request was refused.");
        };
    }

    private static void logged(Services s, Context ctx, Float ms) {
        String route = route(ctx);
        Actor actor = ctx.attribute(Requests.ACTOR);
        String status = String.valueOf(ctx.statusCode());
        ACCESS.info("{} {} {} {}ms {}", ctx.method().name(), route, status, Math.round(ms), actor == null ? "-" : actor.name());
        Timer.builder("http.server.requests").description("HTTP requests by route template and status")
                .tags("method", ctx.method().name(), "route", route, "status", status)
                .publishPercentileHistogram().register(s.metrics()).record(Duration.ofNanos((long) (ms * 1_000_000)));
    }

    /** The matched route template, e.g. {@code /api/v1/models/{n}}; "unmatched" when no route matched. */
    private static String route(Context ctx) {
        try {
            io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
            return matched == null ? "unmatched" : matched.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
