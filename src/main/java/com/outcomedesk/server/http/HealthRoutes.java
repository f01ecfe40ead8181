package com.outcomedesk.server.http;

import com.outcomedesk.learn.ModelVersionInfo;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Probes for a container or load balancer: {@code live} answers while the process serves; {@code ready} checks the
 * store (a connection answers; the schema was migrated when the server opened it), which model answers, and disk
 * space, and answers 503 when the store cannot be reached or the disk is nearly full. Metrics in Prometheus form.
 */
final class HealthRoutes {
    /** Below this much free space beside the store the server is not ready: writes would soon fail. */
    static final long MIN_FREE_BYTES = 100L * 1024 * 1024;

    private HealthRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        routes.get(Api.V1 + "/health/live", ctx -> Requests.json(ctx, 200, Map.of("status", "live")), Access.PUBLIC);
        routes.get(Api.V1 + "/health/ready", ctx -> {
            Map<String, Object> checks = new LinkedHashMap<>();
            boolean store = storeAnswers(s);
            checks.put("store", Map.of("ok", store, "detail", store ? "reachable; schema migrated at start-up" : "not reachable"));
            if (store) checks.put("model", model(s));
            long free = freeBytes(s.engine().database().location().home());
            boolean disk = free < 0 || free >= MIN_FREE_BYTES;
            checks.put("disk", free < 0 ? Map.of("ok", true, "detail", "not measured")
                    : Map.of("ok", disk, "freeBytes", free));
            boolean ready = store && disk;
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", ready ? "ready" : "not-ready");
            doc.put("checks", checks);
            Requests.json(ctx, ready ? 200 : 503, doc);
        }, Access.PUBLIC);
        routes.get(Api.V1 + "/metrics/prometheus", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(s.metrics().scrape()), Access.PUBLIC);
    }

    private static boolean storeAnswers(Services s) {
        try {
            return s.engine().database().withConnection(c -> c.isValid(2));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Object> model(Services s) {
        Optional<ModelVersionInfo> active = s.engine().models().active();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("activeVersion", active.map(ModelVersionInfo::version).orElse(null));
        m.put("answeredBy", active.map(v -> "model version " + v.version() + " (" + v.algorithm() + ")")
                .orElse("the doctor-rate baseline, from the appointments with outcomes (no active version)"));
        return m;
    }

    private static long freeBytes(Path home) {
        try {
            Path p = home;
            while (p != null && !Files.exists(p)) p = p.getParent();
            return p == null ? -1 : Files.getFileStore(p).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
