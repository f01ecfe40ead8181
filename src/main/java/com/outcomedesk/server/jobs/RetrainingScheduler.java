package com.outcomedesk.server.jobs;

import com.outcomedesk.documents.RetrainDocuments;
import com.outcomedesk.retrain.RetrainDecision;
import com.outcomedesk.retrain.RetrainingService;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the retraining policy at a fixed interval and, when a run is due (its schedule has passed, or a drift or
 * performance alert was raised since the last run), submits the run as a training job: it queues behind other training,
 * shows in {@code GET /jobs/{id}} and can be cancelled like one. At most one policy job is queued or running at a time.
 */
public final class RetrainingScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetrainingScheduler.class);

    private final RetrainingService retraining;
    private final TrainingJobs jobs;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retraining-policy");
        t.setDaemon(true);
        return t;
    });
    private volatile Job current;

    public RetrainingScheduler(RetrainingService retraining, TrainingJobs jobs) {
        this.retraining = retraining;
        this.jobs = jobs;
    }

    /** Starts checking every {@code interval}, the first time after one interval. */
    public RetrainingScheduler start(Duration interval) {
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One check: the job submitted, or empty when none was due or one is still on its way. */
    public Optional<Job> check() {
        try {
            Job running = current;
            if (running != null && !running.state().finished()) return Optional.empty();
            Optional<String> trigger = retraining.due();
            if (trigger.isEmpty()) return Optional.empty();
            var actor = retraining.policyActor();
            Job job = jobs.submit(actor, progress -> {
                RetrainDecision d = retraining.run(trigger.get(), actor, progress);
                return new TrainingJobs.Done(RetrainDocuments.decision(d), d.challengerVersion());
            });
            current = job;
            LOG.info("retraining policy run {} submitted ({})", job.id(), trigger.get());
            return Optional.of(job);
        } catch (RuntimeException e) {
            // The next check tries again; a failing store must not stop the timer.
            LOG.warn("retraining policy check failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
