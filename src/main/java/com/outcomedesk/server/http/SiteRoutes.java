package com.outcomedesk.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.common.Actor;
import com.outcomedesk.sync.SiteRegistry;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** Administrators manage the sites enrolled for sync: add one (its one-time code), list, suspend, resume, revoke, and
 * set what each may change and see (scope). */
final class SiteRoutes {
    private SiteRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        routes.post(Api.V1 + "/sites", ctx -> {
            Actor actor = Requests.actor(ctx);
            JsonNode body = Requests.jsonObject(ctx, 4096);
            Requests.json(ctx, 201, s.hub().sites().add(Requests.text(body, "name"), actor));
        }, Access.SIGNED_IN);
        routes.get(Api.V1 + "/sites", ctx -> {
            Requests.actor(ctx).requireAdministrator("list the sites");
            Requests.json(ctx, 200, Map.of("sites", s.hub().sites().list()));
        }, Access.SIGNED_IN);
        routes.post(Api.V1 + "/sites/{name}/{action}", ctx -> {
            Actor actor = Requests.actor(ctx);
            SiteRegistry sites = s.hub().sites();
            String name = ctx.pathParam("name");
            SiteRegistry.Site site = switch (ctx.pathParam("action")) {
                case "suspend" -> sites.suspend(name, actor);
                case "resume" -> sites.resume(name, actor);
                case "revoke" -> sites.revoke(name, actor);
                case "scope" -> {
                    JsonNode body = Requests.jsonObject(ctx, 4096);
                    yield sites.scope(name, optional(body, "push"), optional(body, "pull"), actor);
                }
                default -> throw com.outcomedesk.server.problems.ProblemException.notFound(
                        "A site takes suspend, resume, revoke or scope.");
            };
            Requests.json(ctx, 200, site);
        }, Access.SIGNED_IN);
    }

    /** A scope given as text, or null when absent (left as it is). */
    private static String optional(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) {
            throw com.outcomedesk.server.problems.ProblemException.invalid(field, "not_text", field
                    + " must be text: '*' or site names or store site ids, comma-separated.");
        }
        return n.asText();
    }
}
