package com.outcomedesk.security;

import com.outcomedesk.common.Role;
import com.outcomedesk.common.Actor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong passwords tried all at once, from many processes or threads, are counted and locked out like one by one. */
@NeedsPostgres
class ParallelSignInTest {
    static final int ATTEMPTS = 20;
    static final String WRONG = "not the right password";
    /** Cheap enough for twenty processes on a small machine; the keyring records each entry's own cost. */
    static final PasswordHasher CHEAP = new PasswordHasher(4_096, 1, 1);
    @TempDir Path dir;

    @Test
    void twentyProcessesAtOnceCheckAtMostTheFreeAttemptsAndCountEveryOne() throws Exception {
        StoreLocation location = keyringOnly();
        Path go = dir.resolve("go");
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx48m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    ParallelSignInTest.class.getName(), dir.toString(), go.toString())
                    .redirectErrorStream(true).start());
        }
        List<BufferedReader> outputs = new ArrayList<>();
        for (Process child : children) {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ready");
            outputs.add(out);
        }
        Files.createFile(go);
        List<String> results = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            assertThat(children.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
            results.add(outputs.get(i).readLine());
        }
        assertThat(results).as("every process got the sign-in message, none a raw error")
                .containsOnly(AccountService.WRONG_CREDENTIALS);
        assertLockoutHeld(location);
    }

    @Test
    void twentyThreadsAtOnceCheckAtMostTheFreeAttemptsAndCountEveryOne() throws Exception {
        StoreLocation location = keyringOnly();
        CountDownLatch start = new CountDownLatch(1);
        List<String> results = inParallel(() -> {
            start.await();
            return attempt(location);
        }, start);
        assertThat(results).containsOnly(AccountService.WRONG_CREDENTIALS);
        assertLockoutHeld(location);
    }

    @Test
    void twentyThreadsAtOnceOnAStoreWithoutKeyringCheckAtMostTheFreeAttempts() throws Exception {
        assertAccountTableLockoutHolds(TestStores.h2(dir));
    }

    @Test
    void twentyThreadsAtOnceOnPostgresqlCheckAtMostTheFreeAttempts() throws Exception {
        String schema = TestStores.createPostgresSchema();
        try {
            assertAccountTableLockoutHolds(TestStores.postgres(dir, schema));
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }

    private static void assertAccountTableLockoutHolds(StoreLocation location) throws Exception {
        try (Engine engine = Engine.open(location)) {
            engine.accounts().createFirstAdministrator("alice", "correct horse battery".toCharArray());
            AccountService accounts = new AccountService(engine.database(), engine.audit(), engine.stamper(), CHEAP);
            CountDownLatch start = new CountDownLatch(1);
            List<String> results = inParallel(() -> {
                start.await();
                try {
                    accounts.authenticate("alice", WRONG.toCharArray());
                    return "signed in";
                } catch (RuntimeException e) {
                    return e instanceof AuthenticationException ? e.getMessage() : e.toString();
                }
            }, start);
            assertThat(results).containsOnly(AccountService.WRONG_CREDENTIALS);
            Actor admin = new Actor("alice", Role.ADMINISTRATOR);
            var failed = engine.auditLog().list(AuditQuery.action("sign-in-failed"), admin);
            assertThat(failed).hasSize(ATTEMPTS);
            assertThat(failed).filteredOn(e -> e.details().equals("wrong password")).as("attempts checked")
                    .hasSize(LockoutPolicy.FREE_ATTEMPTS);
            assertThat(accounts.find("alice").orElseThrow().failedAttempts()).isEqualTo(LockoutPolicy.FREE_ATTEMPTS);
        }
    }

    /** A child process: one wrong sign-in once the parent says go; prints the message it got. */
    public static void main(String[] args) throws Exception {
        StoreLocation location = TestStores.h2(Path.of(args[0]));
        Path go = Path.of(args[1]);
        System.out.println("ready");
        System.out.flush();
        while (!Files.exists(go)) Thread.sleep(2);
        System.out.println(attempt(location));
        System.exit(0);
    }

    static String attempt(StoreLocation location) {
        try {
            SignIn.signIn(location, "alice", WRONG.toCharArray()).close();
            return "signed in";
        } catch (RuntimeException e) {
            return e instanceof AuthenticationException ? e.getMessage() : e.toString();
        }
    }

    static List<String> inParallel(Callable<String> task, CountDownLatch start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) futures.add(pool.submit(task));
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : futures) results.add(f.get(120, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The keyring of an encrypted store, without the store: wrong passwords are refused before it is opened. */
    private StoreLocation keyringOnly() {
        StoreLocation location = TestStores.h2(dir);
        Keyring keyring = Keyring.create(EncryptedStore.keyringPath(location).orElseThrow());
        keyring.put("alice", "correct horse battery".toCharArray(), EncryptedStore.newDataKey(), CHEAP);
        keyring.save();
        return location;
    }

    private static void assertLockoutHeld(StoreLocation location) {
        Keyring keyring = Keyring.load(EncryptedStore.keyringPath(location).orElseThrow());
        List<Keyring.PendingFailure> pending = keyring.drainPendingFailures();
        assertThat(pending).as("every attempt is recorded for the audit trail").hasSize(ATTEMPTS);
        assertThat(pending).filteredOn(f -> f.reason().equals("wrong password")).as("attempts checked")
                .hasSize(LockoutPolicy.FREE_ATTEMPTS);
        assertThat(pending).filteredOn(f -> f.reason().equals("locked")).hasSize(ATTEMPTS - LockoutPolicy.FREE_ATTEMPTS);
        assertThat(keyring.entry("alice").orElseThrow().failures).as("failures counted")
                .isEqualTo(LockoutPolicy.FREE_ATTEMPTS);
        try (var files = Files.list(location.home())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
