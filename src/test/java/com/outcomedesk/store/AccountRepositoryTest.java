package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account rows on a fresh H2 store per test; {@link StoreRepositoriesPostgresTest} runs the same on PostgreSQL. */
class AccountRepositoryTest {
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 123_456_000, ZoneOffset.ofHours(2));
    @TempDir Path dir;

    @Test
    void theLockoutCounterMovesOnlyFromTheCountSeenAndIsClearedBySignInOrNewPassword() {
        try (Database db = Database.open(TestStores.h2(dir))) {
            lockoutCounter(new AccountRepository(db));
        }
    }

    @Test
    void accountsAreFoundListedByNameAndCountedByActiveRole() {
        try (Database db = Database.open(TestStores.h2(dir))) {
            findAndCount(new AccountRepository(db));
        }
    }

    @Test
    void aStoreIsSeenToHaveAccountsWithoutOpeningIt() {
        assertThat(AccountRepository.anyIn(TestStores.h2(dir))).as("no schema yet").isFalse();
        try (Database db = Database.open(TestStores.h2(dir))) {
            assertThat(AccountRepository.anyIn(TestStores.h2(dir))).as("schema, no rows").isFalse();
            new AccountRepository(db).insert("alice", "administrator", "$argon2id$alice", T0, "alice");
        }
        assertThat(AccountRepository.anyIn(TestStores.h2(dir))).isTrue();
    }

    static void lockoutCounter(AccountRepository accounts) {
        assertThat(accounts.any()).isFalse();
        accounts.insert("bob", "clinician", "$argon2id$bob", T0, "alice");
        assertThat(accounts.any()).isTrue();
        assertThat(accounts.attempt("bob")).contains(new SignInAttempt("$argon2id$bob", 0, null));
        assertThat(accounts.attempt("nobody")).isEmpty();

        OffsetDateTime until = T0.plusSeconds(30);
        assertThat(accounts.countFailure("bob", 0, null)).isTrue();
        assertThat(accounts.countFailure("bob", 0, until)).as("another attempt counted first").isFalse();
        assertThat(accounts.countFailure("bob", 1, until)).isTrue();
        SignInAttempt twice = accounts.attempt("bob").orElseThrow();
        assertThat(twice.failures()).isEqualTo(2);
        assertThat(twice.lockedUntil()).isEqualTo(until.withOffsetSameInstant(twice.lockedUntil().getOffset()));
        assertThat(accounts.find("bob").orElseThrow().failedAttempts()).isEqualTo(2);

        accounts.clearFailures("bob");
        assertThat(accounts.attempt("bob")).contains(new SignInAttempt("$argon2id$bob", 0, null));

        accounts.countFailure("bob", 0, until);
        OffsetDateTime changed = T0.plusDays(1);
        accounts.setPassword("bob", "$argon2id$new", changed);
        assertThat(accounts.attempt("bob")).contains(new SignInAttempt("$argon2id$new", 0, null));
        assertThat(accounts.passwordHash("bob")).contains("$argon2id$new");
        assertThat(accounts.find("bob").orElseThrow().passwordChangedAt()).isEqualTo(sameInstant(changed,
                accounts.find("bob").orElseThrow().passwordChangedAt()));
    }

    static void findAndCount(AccountRepository accounts) {
        accounts.insert("carol", "administrator", "$argon2id$carol", T0, "carol");
        accounts.insert("alice", "administrator", "$argon2id$alice", T0.plusMinutes(1), "carol");
        accounts.insert("bob", "clinician", "$argon2id$bob", T0.plusMinutes(2), "alice");

        assertThat(accounts.all()).extracting(AccountRow::name).containsExactly("alice", "bob", "carol");
        AccountRow bob = accounts.find("bob").orElseThrow();
        assertThat(bob.role()).isEqualTo("clinician");
        assertThat(bob.disabled()).isFalse();
        assertThat(bob.createdBy()).isEqualTo("alice");
        assertThat(bob.createdAt().toInstant()).isEqualTo(T0.plusMinutes(2).toInstant().truncatedTo(ChronoUnit.MICROS));
        assertThat(bob.passwordChangedAt().toInstant()).isEqualTo(bob.createdAt().toInstant());
        assertThat(accounts.find("dave")).isEmpty();
        assertThat(accounts.passwordHash("dave")).isEmpty();

        assertThat(accounts.countActive("administrator", "alice")).isEqualTo(1);
        accounts.disable("carol");
        assertThat(accounts.find("carol").orElseThrow().disabled()).isTrue();
        assertThat(accounts.countActive("administrator", "alice")).isZero();
        accounts.setRole("bob", "administrator");
        assertThat(accounts.countActive("administrator", "alice")).isEqualTo(1);
        assertThat(accounts.find("bob").orElseThrow().role()).isEqualTo("administrator");
    }

    private static OffsetDateTime sameInstant(OffsetDateTime t, OffsetDateTime as) {
        return t.withOffsetSameInstant(as.getOffset());
    }
}
