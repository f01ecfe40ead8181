package com.outcomedesk.security;

import com.outcomedesk.common.Role;
import com.outcomedesk.common.Actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NeedsPostgres
class SignInTest {
    static final char[] ADMIN_PW = "correct horse battery".toCharArray();
    @TempDir Path dir;

    @Test
    void aPasswordThePolicyRefusesIsRefusedBeforeTheStoreIsOpened() {
        StoreLocation location = TestStores.h2(dir);
        assertThatThrownBy(() -> SignIn.initialize(location, "alice", "short".toCharArray()))
                .hasMessage("The password must have at least 12 characters.");
        assertThatThrownBy(() -> SignIn.initialize(location, "alice", "alice in wonderland".toCharArray()))
                .hasMessage("The password must not contain the user name.");
        assertThat(dir.resolve("outcome-desk.mv.db")).as("no store was created to say so").doesNotExist();
    }

    @Test
    void initEncryptsTheStoreAndEveryUserUnlocksItWithTheirOwnPassword() {
        StoreLocation location = TestStores.h2(dir);
        SignIn.initialize(location, "alice", ADMIN_PW);
        assertThat(EncryptedStore.isEncrypted(location)).isTrue();
        assertThatThrownBy(() -> Engine.open(location)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> SignIn.withoutAccounts(location)).isInstanceOf(SignInRequiredException.class)
                .message().doesNotContain("--");

        try (SignIn.Session s = SignIn.signIn(location, "alice", ADMIN_PW)) {
            assertThat(s.actor()).isEqualTo(new Actor("alice", Role.ADMINISTRATOR));
            s.engine().accounts().create("bob", Role.CLINICIAN, "tulip garden secret".toCharArray(), s.actor());
        }
        try (SignIn.Session s = SignIn.signIn(location, "bob", "tulip garden secret".toCharArray())) {
            assertThat(s.actor().role()).isEqualTo(Role.CLINICIAN);
            s.engine().accounts().changePassword("bob", "a different phrase".toCharArray(), s.actor());
        }
        assertThatThrownBy(() -> SignIn.signIn(location, "bob", "tulip garden secret".toCharArray()))
                .isInstanceOf(AuthenticationException.class).hasMessage(AccountService.WRONG_CREDENTIALS);
        try (SignIn.Session s = SignIn.signIn(location, "bob", "a different phrase".toCharArray())) {
            assertThat(s.actor().name()).isEqualTo("bob");
        }
    }

    @Test
    void fiveFailuresLockTheAccountForAGrowingTimeAndAreAudited() {
        StoreLocation location = TestStores.h2(dir);
        SignIn.initialize(location, "alice", ADMIN_PW);
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        for (int i = 0; i < LockoutPolicy.FREE_ATTEMPTS; i++) {
            assertThatThrownBy(() -> SignIn.signIn(location, "alice", "wrong password!".toCharArray(), clock))
                    .hasMessage(AccountService.WRONG_CREDENTIALS);
        }
        assertThatThrownBy(() -> SignIn.signIn(location, "alice", ADMIN_PW, clock))
                .as("even the right password waits 30 s, told like any failure").hasMessage(AccountService.WRONG_CREDENTIALS);
        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> SignIn.signIn(location, "alice", "wrong password!".toCharArray(), clock))
                .hasMessage(AccountService.WRONG_CREDENTIALS);
        clock.advance(Duration.ofSeconds(59));
        assertThatThrownBy(() -> SignIn.signIn(location, "alice", ADMIN_PW, clock))
                .as("now 60 s").hasMessage(AccountService.WRONG_CREDENTIALS);
        clock.advance(Duration.ofSeconds(2));
        try (SignIn.Session s = SignIn.signIn(location, "alice", ADMIN_PW, clock)) {
            assertThat(s.engine().auditLog().list(com.outcomedesk.audit.AuditQuery.action("sign-in-failed"), s.actor())).hasSize(8);
        }
    }

    @Test
    void hasAccountsIsFalseForANewOrAccountlessStoreAndLooksOnlyAtItsOwnSchema() {
        assertThat(SignIn.hasAccounts(TestStores.h2(dir.resolve("not-yet-created")))).isFalse();
        StoreLocation accountless = TestStores.h2(dir.resolve("accountless"));
        Engine.open(accountless).close();
        assertThat(SignIn.hasAccounts(accountless)).isFalse();

        String withAccounts = TestStores.createPostgresSchema();
        String empty = TestStores.createPostgresSchema();
        try {
            SignIn.initialize(TestStores.postgres(dir, withAccounts), "alice", ADMIN_PW);
            assertThat(SignIn.hasAccounts(TestStores.postgres(dir, empty))).isFalse();
            assertThat(SignIn.hasAccounts(TestStores.postgres(dir, withAccounts))).isTrue();
        } finally {
            TestStores.dropPostgresSchema(withAccounts);
            TestStores.dropPostgresSchema(empty);
        }
    }

    @Test
    void aPostgresqlStoreChecksThePasswordHashAndAuditsEveryAttempt() {
        String schema = TestStores.createPostgresSchema();
        try {
            StoreLocation location = TestStores.postgres(dir, schema);
            SignIn.initialize(location, "alice", ADMIN_PW);
            assertThat(EncryptedStore.isEncrypted(location)).isFalse();
            assertThat(SignIn.hasAccounts(location)).isTrue();
            assertThatThrownBy(() -> SignIn.withoutAccounts(location)).isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> SignIn.signIn(location, "alice", "wrong password!".toCharArray()))
                    .hasMessage(AccountService.WRONG_CREDENTIALS);
            assertThatThrownBy(() -> SignIn.signIn(location, "nobody", ADMIN_PW))
                    .hasMessage(AccountService.WRONG_CREDENTIALS);
            try (SignIn.Session s = SignIn.signIn(location, "alice", ADMIN_PW)) {
                assertThat(s.actor().isAdministrator()).isTrue();
                var failed = s.engine().auditLog().list(com.outcomedesk.audit.AuditQuery.action("sign-in-failed"), s.actor());
                assertThat(failed).extracting(e -> e.details()).containsExactlyInAnyOrder("wrong password", "unknown user");
                assertThat(s.engine().auditLog().verify(s.actor()).intact()).isTrue();
            }
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
