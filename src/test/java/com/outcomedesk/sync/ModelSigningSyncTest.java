package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.common.AccessDeniedException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model versions travel through the shared server with their signed artifacts; a site verifies them only
 * with the network's key. Until it imports that key it refuses them, says why, and the baseline answers.
 */
@NeedsPostgres
class ModelSigningSyncTest {
    private static final PredictionRequest VISIT = new PredictionRequest("dr_10",
            "Follow-up for diabetes. Improvements noted. Will reassess in 1 month.", null);
    private static final TrainingRequest LOGREG = new TrainingRequest(TrainingRequest.Algorithm.LOGREG, 2, true, 42, 18);
    @TempDir Path dir;

    @Test
    void aSiteRefusesAnotherSitesModelsUntilItImportsTheNetworksSigningKey() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site(), b = f.site();
            a.importer().importFile(TestStores.referenceSample(), SyncFixture.ADMIN, ProgressListener.NONE);
            a.training().train(LOGREG, SyncFixture.ADMIN, ProgressListener.NONE);
            f.syncUntilQuiet();

            PredictionResult refused = b.predictions().predict(VISIT);
            assertThat(refused.modelVersion()).isNull();
            assertThat(refused.answeredBy()).isEqualTo("doctor-rate baseline from the store");
            assertThat(refused.fallbackReason()).startsWith("version 1 could not be used: refused: signed with a key this site "
                    + "does not hold: import the network's signing key");
            assertThat(b.models().artifactStates()).containsEntry(1,
                    "refused: signed with a key this site does not hold: import the network's signing key");

            Path key = dir.resolve("network.key");
            assertThatThrownBy(() -> a.models().exportSigningKey(key, new Actor("nurse", Role.CLINICIAN)))
                    .isInstanceOf(AccessDeniedException.class);
            a.models().exportSigningKey(key, SyncFixture.ADMIN);
            assertThat(Files.getPosixFilePermissions(key)).hasSize(2);
            assertThatThrownBy(() -> b.models().importSigningKey(key, new Actor("nurse", Role.CLINICIAN)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(b.models().importSigningKey(key, SyncFixture.ADMIN)).isZero();

            PredictionResult answered = b.predictions().predict(VISIT);
            assertThat(answered.modelVersion()).isEqualTo(1);
            assertThat(answered.fallbackReason()).isNull();
            assertThat(audited(a, "key.export-signing")).isEqualTo(1);
            assertThat(audited(b, "key.import-signing")).isEqualTo(1);

            // What the adopting site trains from now on, the first site verifies too.
            b.training().train(LOGREG, SyncFixture.ADMIN, ProgressListener.NONE);
            f.syncUntilQuiet();
            a.models().refresh();
            assertThat(a.predictions().predict(VISIT).modelVersion()).isEqualTo(2);
            assertThat(a.models().artifactStates()).containsEntry(1, "ok").containsEntry(2, "ok");
        }
    }

    private static long audited(Engine e, String action) {
        return e.database().withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE action = ?")) {
                ps.setString(1, action);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
