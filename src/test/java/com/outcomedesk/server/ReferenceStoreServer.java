package com.outcomedesk.server;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server on a random loopback port over an H2 store holding the reference sample, with the administrator
 * alice and the clinician carl signed in: what the API test classes share; a subclass may serve a PostgreSQL store
 * instead. Not encrypted (as a PostgreSQL store is not): the server works on the open engine either way, and
 * encrypting would add seconds to every run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReferenceStoreServer {
    static final String ADMIN_PASSWORD = "river stone lantern";
    static final String CLINICIAN_PASSWORD = "maple cloud harbour";

    @TempDir
    static Path dir;
    Engine engine;
    Actor alice;
    ApiServer server;
    ApiClient api;
    String admin;
    String clinician;

    /** The store the server works on: a new H2 file store by default. */
    StoreLocation store() {
        return TestStores.h2(dir.resolve("store"));
    }

    /** Removes what {@link #store()} made outside the test's folder; nothing by default. */
    void dropStore() {
    }

    /** What a test class adds to the store before the server starts; nothing by default. */
    void beforeServing() {
    }

    @BeforeAll
    void start() {
        engine = Engine.open(store());
        alice = engine.accounts().createFirstAdministrator("alice", ADMIN_PASSWORD.toCharArray());
        engine.accounts().create("carl", Role.CLINICIAN, CLINICIAN_PASSWORD.toCharArray(), alice);
        engine.importer().importFile(TestStores.referenceSample(), alice, ProgressListener.NONE);
        beforeServing();
        server = ApiServer.start(engine, ServerOptions.loopbackHttp(0));
        api = ApiClient.plain(server.port());
        admin = api.signIn("alice", ADMIN_PASSWORD);
        clinician = api.signIn("carl", CLINICIAN_PASSWORD);
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
        if (engine != null) engine.close();
        dropStore();
    }
}
