package com.outcomedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a name has an account shows neither in the answer, nor in the work done, nor in the keyring. */
class AccountEnumerationTest {
    static final char[] PW = "correct horse battery".toCharArray();
    static final char[] WRONG = "not the right password".toCharArray();
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    @TempDir Path dir;

    /** The keyring of an encrypted store, without the store: refusals come before the store is opened. */
    private StoreLocation keyringOnly(PasswordHasher hasher) {
        StoreLocation location = TestStores.h2(dir);
        Keyring keyring = Keyring.create(EncryptedStore.keyringPath(location).orElseThrow());
        keyring.put("alice", PW, EncryptedStore.newDataKey(), hasher);
        keyring.save();
        return location;
    }

    @Test
    void anEncryptedStoreAnswersALockedAccountAndAnUnknownNameAlike() {
        StoreLocation location = keyringOnly(ParallelSignInTest.CHEAP);
        for (int i = 0; i < LockoutPolicy.FREE_ATTEMPTS; i++) {
            assertThatThrownBy(() -> SignIn.signIn(location, "alice", WRONG)).hasMessage(AccountService.WRONG_CREDENTIALS);
        }
        assertThatThrownBy(() -> SignIn.signIn(location, "alice", WRONG)).as("locked")
                .hasMessage(AccountService.WRONG_CREDENTIALS);
        assertThatThrownBy(() -> SignIn.signIn(location, "mallory", WRONG)).as("unknown")
                .hasMessage(AccountService.WRONG_CREDENTIALS);
    }

    @Test
    void everyKeyringRefusalDerivesOneKeyAtTheEntriesCost() {
        Path keyring = EncryptedStore.keyringPath(keyringOnly(ParallelSignInTest.CHEAP)).orElseThrow();
        CountingHasher hasher = new CountingHasher(19_456, 2, 1);
        KeyringSignIn signIn = new KeyringSignIn(keyring, hasher);
        String cost = "m=4096,t=1,p=1";
        assertThatThrownBy(() -> signIn.unlock("mallory", WRONG, NOW)).hasMessage(AccountService.WRONG_CREDENTIALS);
        assertThat(hasher.takeAll()).as("unknown name").containsExactly(cost);
        for (int i = 0; i < LockoutPolicy.FREE_ATTEMPTS; i++) {
            assertThatThrownBy(() -> signIn.unlock("alice", WRONG, NOW)).hasMessage(AccountService.WRONG_CREDENTIALS);
        }
        assertThat(hasher.takeAll()).as("wrong passwords").hasSize(LockoutPolicy.FREE_ATTEMPTS).containsOnly(cost);
        assertThatThrownBy(() -> signIn.unlock("alice", PW, NOW)).hasMessage(AccountService.WRONG_CREDENTIALS);
        assertThat(hasher.takeAll()).as("waiting account").containsExactly(cost);
        assertThat(signIn.unlock("alice", PW, NOW.plusMinutes(1))).hasSize(32);
    }

    @Test
    void unknownNamesDoNotGrowTheKeyringAndReachTheAuditTrailAsOneCount() throws Exception {
        StoreLocation location = TestStores.h2(dir);
        SignIn.initialize(location, "alice", PW);
        Path keyring = EncryptedStore.keyringPath(location).orElseThrow();
        Clock first = Clock.fixed(NOW.toInstant(), ZoneOffset.UTC);
        Clock later = Clock.fixed(NOW.plusSeconds(1).toInstant(), ZoneOffset.UTC);
        assertThatThrownBy(() -> SignIn.signIn(location, "nobody-0", WRONG, first)).isInstanceOf(AuthenticationException.class);
        long size = Files.size(keyring);
        for (int i = 1; i <= 100; i++) {
            String name = "nobody-" + i;
            assertThatThrownBy(() -> SignIn.signIn(location, name, WRONG, later)).isInstanceOf(AuthenticationException.class);
        }
        assertThat(Files.size(keyring) - size).as("bytes added by 100 more unknown names (the count's digits)")
                .isLessThanOrEqualTo(2);
        assertThat(Files.readString(keyring)).doesNotContain("nobody");
        try (SignIn.Session s = SignIn.signIn(location, "alice", PW)) {
            var failed = s.engine().auditLog().list(AuditQuery.action("sign-in-failed"), s.actor());
            assertThat(failed).extracting(e -> e.details()).containsExactly("unknown user; 101 attempts, the first at "
                    + NOW + ", the last at " + NOW.plusSeconds(1));
        }
    }

    @Test
    void aStoreWithoutKeyringAnswersALockedAccountAndAnUnknownNameAlike() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            engine.accounts().createFirstAdministrator("alice", PW);
            for (int i = 0; i < LockoutPolicy.FREE_ATTEMPTS; i++) {
                assertThatThrownBy(() -> engine.accounts().authenticate("alice", WRONG))
                        .hasMessage(AccountService.WRONG_CREDENTIALS);
            }
            assertThatThrownBy(() -> engine.accounts().authenticate("alice", PW)).as("locked")
                    .hasMessage(AccountService.WRONG_CREDENTIALS);
            assertThatThrownBy(() -> engine.accounts().authenticate("mallory", PW)).as("unknown")
                    .hasMessage(AccountService.WRONG_CREDENTIALS);
        }
    }

    @Test
    void aStoreWithoutKeyringWorksAlikeForALockedAccountAndAnUnknownName() {
        StoreLocation location = TestStores.h2(dir);
        try (Engine engine = Engine.open(location)) {
            engine.accounts().createFirstAdministrator("alice", PW);
            CountingHasher hasher = new CountingHasher(4_096, 1, 1);
            AccountService accounts = new AccountService(engine.database(), engine.audit(), engine.stamper(), hasher);
            assertThatThrownBy(() -> accounts.authenticate("mallory", WRONG)).hasMessage(AccountService.WRONG_CREDENTIALS);
            List<String> unknown = hasher.takeAll();
            for (int i = 0; i < LockoutPolicy.FREE_ATTEMPTS; i++) {
                assertThatThrownBy(() -> accounts.authenticate("alice", WRONG)).hasMessage(AccountService.WRONG_CREDENTIALS);
            }
            hasher.takeAll();
            assertThatThrownBy(() -> accounts.authenticate("alice", PW)).as("locked")
                    .hasMessage(AccountService.WRONG_CREDENTIALS);
            assertThat(hasher.takeAll()).as("a waiting account costs what an unknown name costs").isEqualTo(unknown)
                    .containsExactly("m=4096,t=1,p=1");
        }
    }
}
