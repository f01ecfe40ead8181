package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit rows on a fresh H2 store per test; {@link StoreRepositoriesPostgresTest} runs the same on PostgreSQL. */
class AuditRepositoryTest {
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 123_456_000, ZoneOffset.UTC);
    @TempDir Path dir;

    @Test
    void eachAppendFollowsTheSiteHeadAndTheWalkReadsChainsInOrder() {
        try (Database db = Database.open(TestStores.h2(dir))) {
            appendAndWalk(new AuditRepository(db));
        }
    }

    @Test
    void anAppendOnTheCallersConnectionStaysInItsTransaction() throws Exception {
        try (Database db = Database.open(TestStores.h2(dir))) {
            appendInCallersTransaction(db);
        }
    }

    @Test
    void aKnownHeadIsUsedOnlyWhileItIsStillTheNewestEntry() {
        try (Database db = Database.open(TestStores.h2(dir))) {
            AuditRepository audit = new AuditRepository(db);
            AuditHead first = audit.append("site-a", null, next("site-a", "sign-in", 1));
            assertThat(first).isEqualTo(new AuditHead(1, "hash-site-a-1"));
            AuditHead third = audit.append("site-a", first, head -> {
                AuditRow two = row("site-a", "sign-in", 2, head);
                return List.of(two, row("site-a", "sign-in", 3, Optional.of(new AuditHead(two.seq(), two.hash()))));
            });
            assertThat(third).as("a batch links entry to entry and answers the last").isEqualTo(new AuditHead(3, "hash-site-a-3"));
            assertThat(audit.entry("site-a", 3).orElseThrow().prevHash()).isEqualTo("hash-site-a-2");

            List<Optional<AuditHead>> seen = new ArrayList<>();
            java.util.function.Function<Optional<AuditHead>, List<AuditRow>> recording = head -> {
                seen.add(head);
                return next("site-a", "sign-in", 9).apply(head);
            };
            audit.append("site-a", first, recording);
            assertThat(seen.get(0)).as("someone else wrote after the known head").contains(third);
            audit.append("site-a", new AuditHead(5, "never-stored"), recording);
            assertThat(seen.get(1)).as("a head that was rolled back").contains(new AuditHead(4, "hash-site-a-4"));
            audit.append("site-a", new AuditHead(5, "hash-site-a-5-forged"), recording);
            assertThat(seen.get(2)).as("the right number with another link").contains(new AuditHead(5, "hash-site-a-5"));
            assertThat(audit.count("site-a")).isEqualTo(6);
        }
    }

    @Test
    void browsingFiltersAndLimitsNewestFirst() {
        try (Database db = Database.open(TestStores.h2(dir))) {
            AuditRepository audit = new AuditRepository(db);
            for (int i = 0; i < 4; i++) audit.append("site-a", null, next("site-a", i % 2 == 0 ? "sign-in" : "user-create", i));
            AuditRepository.Filter signIns = new AuditRepository.Filter(null, "sign-in", null, null, null, null, 0);
            assertThat(audit.list(signIns)).extracting(AuditRow::seq).containsExactly(3L, 1L);
            AuditRepository.Filter window = new AuditRepository.Filter(" ", null, "", null, T0.plusMinutes(1),
                    T0.plusMinutes(3), Integer.MAX_VALUE);
            assertThat(audit.list(window)).extracting(AuditRow::seq).containsExactly(3L, 2L);
            AuditRepository.Filter newest = new AuditRepository.Filter(null, null, null, null, null, null, 1);
            assertThat(audit.list(newest)).extracting(AuditRow::seq).containsExactly(4L);
        }
    }

    static void appendAndWalk(AuditRepository audit) {
        List<Optional<AuditHead>> heads = new ArrayList<>();
        for (String site : List.of("site-b", "site-a", "site-b", "site-a", "site-a")) {
            audit.append(site, null, head -> {
                heads.add(head);
                return next(site, "sign-in", heads.size()).apply(head);
            });
        }
        assertThat(heads.get(0)).isEmpty();
        assertThat(heads.get(2)).contains(new AuditHead(1, "hash-site-b-1"));
        assertThat(audit.head("site-a")).contains(new AuditHead(3, "hash-site-a-3"));
        assertThat(audit.head("site-c")).isEmpty();
        assertThat(audit.lastSeq("site-a")).isEqualTo(3);
        assertThat(audit.lastSeq("site-c")).isZero();
        assertThat(audit.count("site-b")).isEqualTo(2);

        List<String> walked = new ArrayList<>();
        audit.walk(row -> walked.add(row.site() + "/" + row.seq() + "<-" + row.prevHash()));
        assertThat(walked).containsExactly("site-a/1<-genesis", "site-a/2<-hash-site-a-1", "site-a/3<-hash-site-a-2",
                "site-b/1<-genesis", "site-b/2<-hash-site-b-1");
        List<Long> untilFalse = new ArrayList<>();
        audit.walk(row -> untilFalse.add(row.seq()) && untilFalse.size() < 2);
        assertThat(untilFalse).containsExactly(1L, 2L);

        AuditRow first = audit.entry("site-a", 1).orElseThrow();
        assertThat(first.occurredAt().toInstant()).isEqualTo(T0.plusMinutes(2).toInstant());
        assertThat(first.entity()).isNull();
        assertThat(first.details()).isEqualTo("n=2");
        assertThat(audit.entry("site-a", 9)).isEmpty();
        assertThat(audit.firstSeqOf("site-a", "sign-in")).isEqualTo(1);
        assertThat(audit.firstSeqOf("site-a", "audit-chain-keyed")).isZero();
    }

    static void appendInCallersTransaction(Database db) throws Exception {
        AuditRepository audit = new AuditRepository(db);
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            AuditRepository.append(c, "site-import", null, next("site-import", "import-batch", 1));
            c.rollback();
            assertThat(audit.count("site-import")).as("rolled back with the caller's work").isZero();
            AuditRepository.append(c, "site-import", null, next("site-import", "import-batch", 1));
            assertThat(audit.count("site-import")).as("not committed yet").isZero();
            c.commit();
            c.setAutoCommit(true);
        }
        assertThat(audit.count("site-import")).isEqualTo(1);
    }

    /** A row following the head: links named after their site and seq, so the order they were read in shows. */
    static java.util.function.Function<Optional<AuditHead>, List<AuditRow>> next(String site, String action, int n) {
        return head -> List.of(row(site, action, n, head));
    }

    private static AuditRow row(String site, String action, int n, Optional<AuditHead> head) {
        long seq = head.map(AuditHead::seq).orElse(0L) + 1;
        return new AuditRow(site, seq, T0.plusMinutes(n), "alice", action, null, null, "n=" + n,
                head.map(AuditHead::hash).orElse("genesis"), "hash-" + site + "-" + seq);
    }
}
