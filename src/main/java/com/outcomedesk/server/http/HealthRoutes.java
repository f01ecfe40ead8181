package com.outcomedesk.server.http;

import com.outcomedesk.learn.ModelVersionInfo;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.outcomedesk.store.HybridClock;
import com.outcomedesk.store.SchemaState;
import com.outcomedesk.store.SyncStateRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Optional;

/**
 * Probes for a container or load balancer: {@code live} answers while the process serves; {@code ready} checks that
 * the store answers within {@link #STORE_TIMEOUT}, that its schema is the one this jar carries, which model answers,
 * disk space beside the store, and the newest change each site wrote (what it last pushed, on a server store). It
 * answers 503 when the store cannot be reached, the schema is not current or the disk is nearly full. Metrics in
 * Prometheus form.
 */
final class HealthRoutes {
    /** Below this much free space beside the store the server is not ready: writes would soon fail. */
    static final long MIN_FREE_BYTES = 100L * 1024 * 1024;
    /** A probe must answer quickly, so a store that hangs counts as not reachable after this long. */
    static final Duration STORE_TIMEOUT = Duration.ofSeconds(2);
    /** The per-site figures read every appointment, so a probe every few seconds reuses them this long. */
    static final Duration SITES_REUSED_FOR = Duration.ofSeconds(30);
    private static final ExecutorService PROBES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ready-probe");
        t.setDaemon(true);
        return t;
    });

    private record Sites(Instant readAt, Map<String, Long> newest) {
    }

    private HealthRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        AtomicReference<Sites> lastSites = new AtomicReference<>();
        routes.get(Api.V1 + "/health/live", ctx -> Requests.json(ctx, 200, Map.of("status", "live")), Access.PUBLIC);
        routes.get(Api.V1 + "/health/ready", ctx -> {
            Map<String, Object> checks = new LinkedHashMap<>();
            SchemaState schema = withinTimeout(() -> SchemaState.of(s.engine().database()));
            boolean store = schema != null;
            checks.put("store", Map.of("ok", store, "detail", store ? "reachable" : "not reachable within "
                    + STORE_TIMEOUT.toSeconds() + " s"));
            boolean migrated = store && schema.current();
            if (store) checks.put("migrations", migrations(schema));
            if (store) checks.put("model", model(s));
            long free = freeBytes(s.engine().database().location().home());
            boolean disk = free < 0 || free >= MIN_FREE_BYTES;
            checks.put("disk", free < 0 ? Map.of("ok", true, "detail", "not measured")
                    : Map.of("ok", disk, "freeBytes", free));
            if (store) checks.put("sync", sync(s, lastSites));
            boolean ready = store && migrated && disk;
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", ready ? "ready" : "not-ready");
            doc.put("checks", checks);
            Requests.json(ctx, ready ? 200 : 503, doc);
        }, Access.PUBLIC);
        routes.get(Api.V1 + "/metrics/prometheus", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(s.metrics().scrape()), Access.PUBLIC);
    }

    /** The answer, or null when the store failed or took longer than the timeout. */
    private static <T> T withinTimeout(Supplier<T> check) {
        Future<T> f = PROBES.submit(check::get);
        try {
            return f.get(STORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // not interrupted: an interrupt during H2 file I/O closes the store; the check ends by itself
            return null;
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Map<String, Object> migrations(SchemaState schema) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", schema.current());
        m.put("applied", schema.applied());
        m.put("newest", schema.newest());
        if (schema.pending() > 0) m.put("pending", schema.pending());
        return m;
    }

    private static Map<String, Object> sync(Services s, AtomicReference<Sites> lastSites) {
        Sites sites = lastSites.get();
        if (sites == null || sites.readAt().plus(SITES_REUSED_FOR).isBefore(Instant.now())) {
            Map<String, Long> newest = withinTimeout(() -> s.engine().database().withConnection(c -> {
                try (SyncStateRepository repo = SyncStateRepository.over(c)) {
                    return repo.newestAppointmentStampPerSite();
                }
            }));
            if (newest == null) return Map.of("ok", true, "detail", "not measured: the store did not answer in time");
            sites = new Sites(Instant.now(), newest);
            lastSites.set(sites);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        sites.newest().forEach((site, hlc) -> list.add(Map.of("site", site,
                "newestChangeAt", Instant.ofEpochMilli(HybridClock.millisOf(hlc)).toString())));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("detail", "the newest appointment change each site wrote (on a server store: what it last pushed)");
        m.put("sites", list);
        return m;
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
