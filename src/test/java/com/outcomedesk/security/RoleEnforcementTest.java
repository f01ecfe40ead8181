package com.outcomedesk.security;

import com.outcomedesk.common.AccessDeniedException;
import com.outcomedesk.common.Role;
import com.outcomedesk.common.Actor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.RiskTiers;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.transfer.ExportMode;
import com.outcomedesk.transfer.FileFormat;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each administrator-only service refuses a clinician in the engine itself, whatever the UI shows. */
@NeedsPostgres
class RoleEnforcementTest {
    static final Actor CLINICIAN = new Actor("carol", Role.CLINICIAN);
    @TempDir Path dir;

    @Test
    void everyProtectedServiceRefusesAClinician() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            Actor admin = engine.accounts().createFirstAdministrator("alice", "river stone lantern".toCharArray());
            engine.accounts().create("carol", Role.CLINICIAN, "quiet meadow 42".toCharArray(), admin);
            engine.accounts().create("dave", Role.CLINICIAN, "another long phrase".toCharArray(), admin);
            Path export = dir.resolve("out.json");

            refused(() -> engine.accounts().list(CLINICIAN));
            refused(() -> engine.accounts().create("eve", Role.ADMINISTRATOR, "yet another phrase".toCharArray(), CLINICIAN));
            refused(() -> engine.accounts().changeRole("carol", Role.ADMINISTRATOR, CLINICIAN));
            refused(() -> engine.accounts().changePassword("dave", "some new phrase!".toCharArray(), CLINICIAN));
            refused(() -> engine.accounts().disable("dave", CLINICIAN));
            refused(() -> engine.securitySettings().setIdleLock(60, CLINICIAN));
            refused(() -> engine.exporter().export(export, FileFormat.JSON, ExportMode.IDENTIFIABLE, CLINICIAN,
                    ProgressListener.NONE));
            refused(() -> engine.auditLog().list(AuditQuery.ALL, CLINICIAN));
            refused(() -> engine.auditLog().verify(CLINICIAN));
            refused(() -> engine.auditLog().export(dir.resolve("audit.csv"), AuditQuery.ALL, CLINICIAN));
            refused(() -> engine.outcomes().map("Lost to follow-up.", OutcomeCategory.NEUTRAL, CLINICIAN));
            refused(() -> engine.training().train(TrainingRequest.defaults(), CLINICIAN, ProgressListener.NONE));
            refused(() -> engine.models().activate(1, CLINICIAN));
            refused(() -> engine.models().rollback(CLINICIAN));
            refused(() -> engine.predictions().setRiskTiers(new RiskTiers(0.3, 0.6), CLINICIAN));
            refused(() -> engine.sync().configure(TestStores.PG_URL, TestStores.PG_USER, null, CLINICIAN));

            assertThat(export).doesNotExist();
            assertThat(dir.resolve("audit.csv")).doesNotExist();
            assertThat(engine.accounts().find("carol").orElseThrow().role()).isEqualTo(Role.CLINICIAN);
            assertThat(engine.securitySettings().idleLock().toMinutes()).isEqualTo(SecuritySettings.DEFAULT_IDLE_LOCK_MINUTES);
            assertThat(engine.predictions().riskTiers()).isEqualTo(RiskTiers.DEFAULT);
            assertThat(engine.sync().config()).isEmpty();

            // what a clinician may do
            engine.accounts().changePassword("carol", "my own new phrase".toCharArray(), CLINICIAN);
            engine.exporter().export(export, FileFormat.JSON, ExportMode.DEIDENTIFIED, CLINICIAN, ProgressListener.NONE);
            assertThat(export).exists();
        }
    }

    @Test
    void theLastAdministratorCannotBeDemotedOrDisabled() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            Actor admin = engine.accounts().createFirstAdministrator("alice", "river stone lantern".toCharArray());
            assertThatThrownBy(() -> engine.accounts().changeRole("alice", Role.CLINICIAN, admin))
                    .hasMessageContaining("only active administrator");
            assertThatThrownBy(() -> engine.accounts().disable("alice", admin))
                    .hasMessageContaining("only active administrator");
            assertThatThrownBy(() -> engine.accounts().createFirstAdministrator("bob", "river stone lantern".toCharArray()))
                    .hasMessageContaining("already has accounts");
        }
    }

    private static void refused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class).hasMessageContaining("only an administrator");
    }
}
