package com.outcomedesk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.OutcomeStatisticsRepository;
import com.outcomedesk.store.SyncStateRepository;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heavy queries use the index meant for them on H2 with every migration's index in place. An index added
 * for one screen once made H2 take it for every "deleted = FALSE" query: the ranking and the disease profiling
 * then read whole rows and sorted, minutes on a million appointments, while their benchmarks stayed fast. The store is
 * shared: after the import in {@link #open} the tests only EXPLAIN statements, which write nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlansTest {
    @TempDir static Path dir;
    Engine engine;

    @BeforeAll
    void open() throws Exception {
        engine = Engine.open(TestStores.h2(dir.resolve("store")));
        Path file = dir.resolve("demo.json");
        DemoDataWriter.write(new DemoDataGenerator(5, 20, 0.05), 3_000, file, null, ProgressListener.NONE);
        engine.importer().importFile(file, Actor.localUser(), ProgressListener.NONE);
    }

    @AfterAll
    void close() {
        engine.close();
    }

    @Test
    void theDoctorRankingCountsOnItsCoveringIndex() {
        assertThat(plan(OutcomeStatisticsRepository.OUTCOME_COUNTS, Map.of()))
                .contains("IDX_APPOINTMENTS_DOCTOR_SORT");
    }

    @Test
    void theDiseaseProfilingWalksThePrimaryKeyInOrder() {
        assertThat(plan(OutcomeStatisticsRepository.SUMMARIES_AFTER, Map.of("after", UUID.randomUUID(), "limit", 20_000)))
                .contains("PRIMARY_KEY").contains("index sorted");
    }

    @Test
    void theNewestFirstListReadsItsIndexInOrder() {
        assertThat(plan("SELECT id FROM appointments WHERE deleted = FALSE ORDER BY created_at DESC, id DESC LIMIT 100", Map.of()))
                .contains("IDX_APPOINTMENTS_CREATED").contains("index sorted");
    }

    @Test
    void theLargestClockStampReadsTheNarrowMonitorIndex() {
        assertThat(plan(SyncStateRepository.LARGEST_STAMP, Map.of())).contains("IDX_APPOINTMENTS_MONITOR");
    }

    /** H2's plan of the statement as the repositories send it (named parameters bound by Jdbi). */
    private String plan(String sql, Map<String, ?> parameters) {
        return engine.database().jdbi(h -> h.createQuery("EXPLAIN " + sql).bindMap(parameters).mapTo(String.class).first());
    }
}
