package com.outcomedesk.sync;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.server.ApiServer;
import com.outcomedesk.server.ServerOptions;
import com.outcomedesk.testing.TestStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real OutcomeDesk Server on a PostgreSQL schema of its own, and local H2 sites enrolled with it that sync over
 * HTTP with no database login; closing stops the server and drops the schema.
 */
final class HttpSyncFixture implements AutoCloseable {
    final String schema;
    final Engine serverEngine;
    final ApiServer server;
    final List<Engine> sites = new ArrayList<>();
    private final Path dir;

    HttpSyncFixture(Path dir) throws IOException {
        this(dir, true);
    }

    /** With {@code postgres} false the server's store is H2, as a small network's server may run. */
    HttpSyncFixture(Path dir, boolean postgres) throws IOException {
        this.dir = dir;
        Path home = Files.createDirectories(dir.resolve("server"));
        schema = postgres ? TestStores.createPostgresSchema() : null;
        serverEngine = Engine.open(postgres ? TestStores.postgres(home, schema) : TestStores.h2(home));
        server = ApiServer.start(serverEngine, ServerOptions.loopbackHttp(0));
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A new site, enrolled under the name with a fresh code from the server's administrator. */
    Engine site(String name) {
        return site(name, java.time.Clock.systemUTC());
    }

    /** As {@link #site(String)}, the site's clock (its stamps and hybrid clock) the given one. */
    Engine site(String name, java.time.Clock clock) {
        try {
            Engine e = Engine.open(TestStores.h2(Files.createDirectories(dir.resolve(name))), clock);
            sites.add(e);
            enroll(e, name, url());
            return e;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    void enroll(Engine site, String name, String via) {
        SiteRegistry.Enrollment code = serverEngine.sync().sites().add(name, SyncFixture.ADMIN);
        site.sync().enroll(via, code.code(), false, SyncFixture.ADMIN);
    }

    SyncReport sync(Engine site) {
        SyncReport r = site.sync().sync(1);
        if (!r.complete()) throw new AssertionError("sync did not complete: " + r.message());
        return r;
    }

    void syncUntilQuiet() {
        for (int round = 0; round < 6; round++) {
            long moved = 0;
            for (Engine e : sites) {
                SyncReport r = sync(e);
                moved += r.pushed() + r.pulled();
            }
            if (moved == 0) return;
        }
        throw new AssertionError("sites still exchanging changes after 6 rounds");
    }

    Map<String, String> serverChecksum() throws SQLException {
        if (schema == null) return SyncFixture.checksum(serverEngine);
        try (Connection c = DriverManager.getConnection(TestStores.PG_URL + "?currentSchema=" + schema, TestStores.PG_USER, null)) {
            return StoreChecksum.of(c);
        }
    }

    @Override
    public void close() {
        for (Engine e : sites) e.close();
        server.close();
        serverEngine.close();
        if (schema != null) TestStores.dropPostgresSchema(schema);
    }
}
