package com.outcomedesk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heavy queries use the index meant for them on H2 with every migration's index in place. An index added
 * for one screen once made H2 take it for every "deleted = FALSE" query: the ranking and the disease profiling
 * then read whole rows and sorted, minutes on a million appointments, while their benchmarks stayed fast.
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
        assertThat(plan(DoctorOutcomeQuery.SQL)).contains("IDX_APPOINTMENTS_DOCTOR_OUTCOME");
    }

    @Test
    void theDiseaseProfilingWalksThePrimaryKeyInOrder() {
        assertThat(plan(DiseaseProfiler.NEXT, UUID.randomUUID(), 20_000)).contains("PRIMARY_KEY").contains("index sorted");
    }

    @Test
    void theNewestFirstListReadsItsIndexInOrder() {
        assertThat(plan("SELECT id FROM appointments WHERE deleted = FALSE ORDER BY created_at DESC, id DESC LIMIT 100"))
                .contains("IDX_APPOINTMENTS_CREATED").contains("index sorted");
    }

    private String plan(String sql, Object... parameters) {
        return engine.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < parameters.length; i++) ps.setObject(i + 1, parameters[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
