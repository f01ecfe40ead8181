package com.outcomedesk.sync;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Local H2 sites and one PostgreSQL server schema for a sync test; closing drops the schema. */
public final class SyncFixture implements AutoCloseable {
    public static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);

    final String schema = TestStores.createPostgresSchema();
    final ServerConfig server = new ServerConfig(url(), TestStores.PG_USER, null);
    final List<Engine> sites = new ArrayList<>();
    private final Path dir;

    public SyncFixture(Path dir) {
        this.dir = dir;
    }

    String url() {
        return TestStores.PG_URL + "?currentSchema=" + schema;
    }

    public Engine site() {
        try {
            Engine e = Engine.open(TestStores.h2(Files.createDirectories(dir.resolve("site" + sites.size()))));
            sites.add(e);
            e.sync().configure(url(), TestStores.PG_USER, null, ADMIN);
            return e;
        } catch (java.io.IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public SyncReport sync(Engine site) {
        SyncReport r = site.sync().sync(1);
        if (!r.complete()) throw new AssertionError("sync did not complete: " + r.message());
        return r;
    }

    /** Syncs every site until a whole round moves nothing. */
    public void syncUntilQuiet() {
        for (int round = 0; round < 5; round++) {
            long moved = 0;
            for (Engine e : sites) {
                SyncReport r = sync(e);
                moved += r.pushed() + r.pulled();
            }
            if (moved == 0) return;
        }
        throw new AssertionError("sites still exchanging changes after 5 rounds");
    }

    Map<String, String> serverChecksum() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), TestStores.PG_USER, null)) {
            return StoreChecksum.of(c);
        }
    }

    static Map<String, String> checksum(Engine e) {
        return e.database().withConnection(StoreChecksum::of);
    }

    public static StoredAppointment create(Engine e, String doctor, String summary) {
        return e.appointments().create(new AppointmentInput(doctor, summary, null, null, null), ADMIN);
    }

    /** Both sites edit one appointment before syncing, which leaves one open conflict; returns the appointment's id. */
    public java.util.UUID concurrentEdit(Engine a, Engine b) {
        StoredAppointment created = create(a, "dr-1", "Cough for two weeks.");
        sync(a);
        sync(b);
        StoredAppointment onA = a.appointments().find(created.id()).orElseThrow();
        StoredAppointment onB = b.appointments().find(created.id()).orElseThrow();
        a.appointments().update(onA.id(), onA.rowVersion(),
                new AppointmentInput("dr-1", "Cough for three weeks.", null, null, null), ADMIN);
        b.appointments().update(onB.id(), onB.rowVersion(),
                new AppointmentInput("dr-1", "Cough, now with fever.", null, null, null), ADMIN);
        sync(a);
        sync(b);
        syncUntilQuiet();
        return created.id();
    }

    @Override
    public void close() {
        for (Engine e : sites) e.close();
        TestStores.dropPostgresSchema(schema);
    }
}
