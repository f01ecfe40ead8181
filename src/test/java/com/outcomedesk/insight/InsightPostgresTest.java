package com.outcomedesk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.store.OutcomeStatisticsRepository;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same SQL counting and streaming profile pass on the shared PostgreSQL server give the H2 answers. */
@NeedsPostgres
class InsightPostgresTest {
    @TempDir Path dir;

    @Test
    void rankingAndProfilesMatchH2() {
        String schema = TestStores.createPostgresSchema();
        try (Engine pg = Engine.open(TestStores.postgres(dir.resolve("pg"), schema));
             Engine h2 = Engine.open(TestStores.h2(dir.resolve("h2")))) {
            for (Engine e : new Engine[] {pg, h2}) {
                e.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
            }
            assertThat(pg.doctors().ranking(Actor.localUser(), RankingMethod.REFERENCE).rows())
                    .isEqualTo(h2.doctors().ranking(Actor.localUser(), RankingMethod.REFERENCE).rows());
            DiseaseProfiles fromPg = new DiseaseProfiler(com.outcomedesk.text.ClinicalEntityExtractor.defaults(), 50)
                    .build(new OutcomeStatisticsRepository(pg.database()));
            assertThat(fromPg).isEqualTo(h2.diseases().profiles());
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }
}
