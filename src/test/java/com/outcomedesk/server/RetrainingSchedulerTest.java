package com.outcomedesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.monitor.MonitorStream;
import com.outcomedesk.retrain.RetrainDecision;
import com.outcomedesk.server.jobs.Job;
import com.outcomedesk.server.jobs.RetrainingScheduler;
import com.outcomedesk.server.jobs.TrainingJobs;
import com.outcomedesk.store.TrainingJobRepository;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's policy check: an alert of a shifted stream (drift, or the calibration or AUC falling with it) under the
 * on-alert policy submits one training job, and only one.
 */
class RetrainingSchedulerTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    @TempDir Path dir;

    @Test
    void aNewAlertSubmitsOnePolicyRunAsATrainingJob() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")));
             TrainingJobs jobs = new TrainingJobs(engine.training(), new TrainingJobRepository(engine.database()),
                     Clock.systemUTC(), job -> { });
             RetrainingScheduler scheduler = new RetrainingScheduler(engine.retraining(), jobs)) {
            MonitorStream.write(engine, dir, ADMIN, 6, 150, 4, 17);
            assertThat(scheduler.check()).as("a manual policy is never due").isEmpty();
            engine.retraining().set("mode", "on-alert", ADMIN);

            Job job = scheduler.check().orElseThrow();
            assertThat(scheduler.check()).as("one policy job at a time").isEmpty();
            for (int i = 0; i < 1800 && !job.state().finished(); i++) Thread.sleep(100);
            assertThat(job.state()).isEqualTo(Job.State.SUCCEEDED);

            RetrainDecision d = engine.retraining().decisions().get(0);
            assertThat(d.trigger()).matches("alert: (drift|calibration|auc) .*");
            assertThat(d.decidedBy()).isEqualTo("policy/admin");
            assertThat(d.outcome()).as("no champion yet, and the policy is automatic").isEqualTo(RetrainDecision.Outcome.PROMOTED);
            assertThat(engine.models().active().orElseThrow().version()).isEqualTo(d.challengerVersion());
            assertThat(scheduler.check()).as("the months the run knew set off no second run").isEmpty();
        }
    }
}
