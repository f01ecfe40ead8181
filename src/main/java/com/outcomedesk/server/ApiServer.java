package com.outcomedesk.server;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.security.StoreSecrets;
import com.outcomedesk.server.auth.TokenService;
import com.outcomedesk.server.http.Access;
import com.outcomedesk.server.http.Api;
import com.outcomedesk.server.http.Services;
import com.outcomedesk.server.jobs.RetrainingScheduler;
import com.outcomedesk.server.jobs.TrainingJobs;
import com.outcomedesk.server.limits.RateLimits;
import com.outcomedesk.server.limits.StoredRateLimits;
import com.outcomedesk.server.openapi.ApiDocs;
import com.outcomedesk.store.TrainingJobRepository;
import com.outcomedesk.sync.SyncHub;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTP server over one open engine: Javalin on Jetty 12, one connector (TLS, or plain HTTP on loopback when
 * asked), the API, its description and the metrics registry. The caller owns the engine and closes it after
 * {@link #close()}.
 */
public final class ApiServer implements AutoCloseable {
    /**
     * How long a request waits for a database connection before it answers 503: short, so a client hears soon that
     * the database is down; a pool busy for that long answers 503 too, which tells a client to retry.
     */
    static final java.time.Duration CONNECTION_WAIT = java.time.Duration.ofSeconds(2);
    private final Javalin app;
    private final TrainingJobs jobs;
    /** How often the retraining policy is checked for a due run (a schedule passed, or a new alert). */
    static final java.time.Duration RETRAINING_CHECK = java.time.Duration.ofMinutes(15);
    private RetrainingScheduler retraining;
    private ServerConnector connector;

    private ApiServer(Javalin app, TrainingJobs jobs) {
        this.app = app;
        this.jobs = jobs;
    }

    public static ApiServer start(Engine engine, ServerOptions options) {
        return start(engine, options, Clock.systemUTC());
    }

    public static ApiServer start(Engine engine, ServerOptions options, Clock clock) {
        engine.database().waitForConnectionsAtMost(CONNECTION_WAIT);
        PrometheusMeterRegistry metrics = metrics(engine);
        Counter.Builder finished = Counter.builder("outcomedesk.training.jobs").description("Training jobs that ended, by state");
        TrainingJobs jobs = new TrainingJobs(engine.training(), new TrainingJobRepository(engine.database()), clock, job -> finished
                .tag("state", job.state().name().toLowerCase(Locale.ROOT)).register(metrics).increment());
        Gauge.builder("outcomedesk.training.jobs.active", jobs, TrainingJobs::active).register(metrics);
        TokenService tokens = new TokenService(TokenService.storeKey(StoreSecrets.of(engine.database().location())),
                engine.accounts(), clock, options.tokenLifetime());
        Services services = new Services(engine, options, tokens, new RateLimits(StoredRateLimits.load(engine.settings(), options.rateLimits())), jobs, metrics,
                new SyncHub(engine.database(), engine.audit(), engine.settings().siteId(), engine.stamper().hlc(), clock));
        ApiServer[] server = new ApiServer[1];
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = options.maxBodyBytes();
            config.jetty.addConnector((jetty, http) -> server[0].connector(jetty, http, options));
            Api.configure(config, services);
            ApiDocs.register(config.routes, Access.PUBLIC);
        });
        server[0] = new ApiServer(app, jobs);
        try {
            app.start();
        } catch (RuntimeException e) {
            jobs.close();
            throw e;
        }
        server[0].retraining = new RetrainingScheduler(engine.retraining(), jobs).start(RETRAINING_CHECK);
        return server[0];
    }

    private ServerConnector connector(Server jetty, HttpConfiguration http, ServerOptions options) {
        http.setSendServerVersion(false);
        if (options.insecureHttp()) {
            connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        } else {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            try {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (var in = java.nio.file.Files.newInputStream(options.keystore())) {
                    keys.load(in, options.keystorePassword());
                }
                tls.setKeyStore(keys);
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                throw new IllegalArgumentException("The keystore " + options.keystore() + " cannot be read as PKCS12 with "
                        + "this password: " + e.getMessage(), e);
            }
            tls.setKeyStorePassword(new String(options.keystorePassword()));
            tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            HttpConfiguration https = new HttpConfiguration(http);
            https.addCustomizer(new SecureRequestCustomizer());
            connector = new ServerConnector(jetty, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
        }
        connector.setHost(options.bind());
        connector.setPort(options.port());
        return connector;
    }

    private static PrometheusMeterRegistry metrics(Engine engine) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List.of(new ClassLoaderMetrics(), new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(),
                new ProcessorMetrics(), new UptimeMetrics()).forEach(b -> b.bindTo(registry));
        if (engine.database().dataSource() instanceof HikariDataSource pool) {
            Gauge.builder("outcomedesk.pool.active", pool, p -> p.getHikariPoolMXBean().getActiveConnections())
                    .description("Store connections in use").register(registry);
            Gauge.builder("outcomedesk.pool.idle", pool, p -> p.getHikariPoolMXBean().getIdleConnections()).register(registry);
            Gauge.builder("outcomedesk.pool.pending", pool, p -> p.getHikariPoolMXBean().getThreadsAwaitingConnection())
                    .description("Requests waiting for a store connection").register(registry);
        }
        return registry;
    }

    /** The port the server listens on (the chosen one when started on port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The routes the server registers, as "METHOD path" (for the test that holds the OpenAPI document to them). */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().filter(e -> e.endpoint.method.isHttpMethod())
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    /** Blocks until the server stops (the {@code serve} command). */
    public void join() throws InterruptedException {
        app.jettyServer().server().join();
    }

    @Override
    public void close() {
        app.stop();
        if (retraining != null) retraining.close();
        jobs.close();
    }
}
