package com.outcomedesk.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.documents.Documents;
import com.outcomedesk.server.limits.Budget;
import com.outcomedesk.server.problems.Problem;
import com.outcomedesk.server.problems.ProblemException;
import com.outcomedesk.sync.ConflictService;
import com.outcomedesk.sync.SiteRegistry;
import com.outcomedesk.sync.SyncHub;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Sync over HTTPS, for enrolled sites (HTTP Basic with the site's name and secret): {@code begin} numbers rows
 * written on the server, {@code push} applies a batch by the rules of a direct sync ({@link SyncHub}), {@code pull}
 * streams rows after a high-water mark as NDJSON, {@code mark} tells the committed change number, {@code conflicts}
 * resolves a kept conflict for the site's administrator; {@code enroll}
 * trades a one-time code for the site's secret. Bodies and answers may be gzip-compressed.
 */
final class SyncRoutes {
    static final String SITE = "outcomedesk.site";

    private SyncRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        routes.post(Api.V1 + "/sync/enroll", ctx -> {
            Requests.limit(s, ctx, Budget.SIGN_IN, "enroll");
            JsonNode body = Requests.jsonObject(ctx, 4096);
            SiteRegistry.Credential c = refusing(() -> s.hub().sites().enroll(Requests.text(body, "code"),
                    Requests.text(body, "siteId")));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("site", c.site());
            out.put("secret", c.secret());
            out.put("serverId", s.hub().mark().serverId());
            Requests.json(ctx, 200, out);
        }, Access.PUBLIC);
        routes.post(Api.V1 + "/sync/begin", ctx -> Requests.json(ctx, 200, s.hub().begin(site(ctx))), Access.SITE);
        routes.get(Api.V1 + "/sync/mark", ctx -> Requests.json(ctx, 200, s.hub().mark()), Access.SITE);
        routes.post(Api.V1 + "/sync/push", ctx -> {
            JsonNode body = body(ctx, s.options().maxImportBytes());
            String answer;
            try {
                answer = s.hub().push(site(ctx), body);
            } catch (SyncHub.Oversize e) {
                throw new ProblemException(Problem.of(413, "batch-too-large", "The batch is too large", e.getMessage()));
            } catch (SyncHub.OutsideScope e) {
                outsideScope(ctx, e);
                return;
            }
            ctx.status(200).contentType("application/json");
            try (OutputStream out = answerStream(ctx)) {
                out.write(answer.getBytes(StandardCharsets.UTF_8));
            }
        }, Access.SITE);
        routes.post(Api.V1 + "/sync/conflicts/{id}/{decision}", ctx -> {
            JsonNode body = Requests.jsonObject(ctx, 4096);
            ConflictService.Decision decision = switch (ctx.pathParam("decision")) {
                case "confirm" -> ConflictService.Decision.CONFIRM;
                case "swap" -> ConflictService.Decision.SWAP;
                default -> throw ProblemException.notFound("A conflict takes confirm or swap.");
            };
            java.util.UUID id;
            try {
                id = java.util.UUID.fromString(ctx.pathParam("id"));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("id", "malformed", "The conflict id is a UUID, as 'sync conflicts' lists it.");
            }
            String by = Requests.text(body, "by");
            if (by == null || by.isBlank() || by.length() > 100) {
                throw ProblemException.invalid("by", "missing", "Give by: the name of the site's administrator who decided (at most 100 characters).");
            }
            try {
                Requests.json(ctx, 200, s.hub().resolve(site(ctx), id, decision, by.strip()));
            } catch (SyncHub.OutsideScope e) {
                outsideScope(ctx, e);
            } catch (com.outcomedesk.sync.SyncException e) {
                // Decided already (by another administrator), or a model conflict, which cannot be swapped.
                throw new ProblemException(Problem.of(409, "conflict-not-open", "The conflict cannot be resolved so",
                        e.getMessage()));
            }
        }, Access.SITE);
        routes.get(Api.V1 + "/sync/pull", ctx -> {
            SiteRegistry.Site site = site(ctx);
            String table = ctx.queryParam("table");
            long since = longQuery(ctx, "since", 0);
            long upTo = longQuery(ctx, "upTo", Long.MAX_VALUE);
            int limit = Requests.intQuery(ctx, "limit", SyncHub.MAX_PULL_ROWS, 1, SyncHub.MAX_PULL_ROWS);
            if (table == null || table.isBlank()) throw ProblemException.invalid("table", "missing", "Give table, e.g. table=appointments.");
            ctx.status(200).contentType("application/x-ndjson");
            try (OutputStream out = answerStream(ctx)) {
                s.hub().pull(site, table.strip(), since, upTo, limit, out);
            }
        }, Access.SITE);
    }

    /** A problem document with the refused rows, so the site holds back just those and sends the rest. */
    private static void outsideScope(Context ctx, SyncHub.OutsideScope e) throws JsonProcessingException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/outside-scope");
        problem.put("title", "The request changes rows outside this site's scope");
        problem.put("status", 403);
        problem.put("detail", e.getMessage());
        problem.put("refused", e.refused());
        ctx.status(403).contentType(Problem.MEDIA_TYPE).result(Documents.MAPPER.writeValueAsBytes(problem));
    }

    /** The site the credentials of the request belong to; 401 or 403 with the reason when it may not sync. */
    static SiteRegistry.Site authenticate(Services s, Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw ProblemException.unauthorized("Sync requests carry the site's credential (HTTP Basic: site name and "
                    + "secret); 'sync enroll' stores it on the site.");
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized("The Authorization header is not valid HTTP Basic.");
        }
        int colon = pair.indexOf(':');
        String name = colon < 0 ? pair : pair.substring(0, colon);
        String secret = colon < 0 ? null : pair.substring(colon + 1);
        return refusing(() -> s.hub().sites().authenticate(name, secret));
    }

    private static SiteRegistry.Site site(Context ctx) {
        SiteRegistry.Site site = ctx.attribute(SITE);
        if (site == null) throw ProblemException.unauthorized("Sync requests carry the site's credential.");
        return site;
    }

    private static <T> T refusing(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SiteRegistry.Refusal r) {
            if (r.forbidden()) throw new ProblemException(Problem.of(403, "site-refused", "This site may not sync", r.getMessage()));
            throw new ProblemException(Problem.of(401, "unauthorized", "Unknown site credential", r.getMessage()));
        }
    }

    /** The push body, gunzipped when sent so, read up to the limit. */
    private static JsonNode body(Context ctx, long limit) {
        boolean gzip = String.valueOf(ctx.header("Content-Encoding")).toLowerCase(Locale.ROOT).contains("gzip");
        JsonNode node;
        try (InputStream raw = ctx.bodyInputStream();
             InputStream in = new LimitedInputStream(gzip ? new GZIPInputStream(raw, 64 * 1024) : raw, limit)) {
            node = Documents.MAPPER.readTree(in);
        } catch (LimitedInputStream.TooLargeException e) {
            throw ProblemException.tooLarge(limit);
        } catch (JsonProcessingException e) {
            throw Requests.malformed(e);
        } catch (java.util.zip.ZipException e) {
            throw new ProblemException(Problem.of(400, "malformed-gzip", "Malformed gzip", "The body says gzip but is not."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject() || !node.path("rows").isArray()) {
            throw new ProblemException(Problem.invalid("The body must be a JSON object with batchId, table and rows.", List.of()));
        }
        return node;
    }

    private static OutputStream answerStream(Context ctx) throws IOException {
        OutputStream raw = ctx.res().getOutputStream();
        if (!String.valueOf(ctx.header("Accept-Encoding")).toLowerCase(Locale.ROOT).contains("gzip")) return raw;
        ctx.header("Content-Encoding", "gzip");
        // The fastest level: on a LAN the deflating, not the bytes, is what a first pull of a million rows waits on.
        return new GZIPOutputStream(raw, 64 * 1024) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        };
    }

    private static long longQuery(Context ctx, String name, long fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            long n = Long.parseLong(raw.strip());
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "out_of_range", name + " must be a whole number, 0 or more.");
    }
}
