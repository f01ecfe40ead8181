package com.outcomedesk.server.jobs;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.documents.TrainingDocuments;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.learn.TrainingService;
import com.outcomedesk.server.problems.Problems;
import com.outcomedesk.store.TrainingJobRepository;
import com.outcomedesk.store.TrainingJobRow;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs training requests one after the other on a thread of their own, so that a request answers at once and a
 * client that goes away does not stop the work. Cancelling interrupts the job, which the training service checks
 * between stages. Every job is written to the store as it moves (submitted, started, each new stage, its end), so
 * that it can be read after a restart; a job the previous process left unfinished is marked failed at start-up.
 */
public final class TrainingJobs implements AutoCloseable {
    /** Why a job that was queued or running when the server stopped ended. */
    public static final String STOPPED = "the server stopped while it ran";
    private static final Logger LOG = LoggerFactory.getLogger(TrainingJobs.class);

    private final TrainingService training;
    private final TrainingJobRepository store;
    private final Clock clock;
    private final Consumer<Job> finished;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "training-job");
        t.setDaemon(true);
        return t;
    });
    /**
     * Writes the job records. Not the training thread: cancelling interrupts that one, and an interrupt during a
     * write closes an H2 file store's channel (the whole store would be lost to the process).
     */
    private final ExecutorService records = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "training-job-records");
        t.setDaemon(true);
        return t;
    });
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final Map<UUID, Future<?>> running = new ConcurrentHashMap<>();

    /** {@code finished} hears of every job that ends (metrics). Ends the jobs an earlier server left unfinished. */
    public TrainingJobs(TrainingService training, TrainingJobRepository store, Clock clock, Consumer<Job> finished) {
        this.training = training;
        this.store = store;
        this.clock = clock;
        this.finished = finished;
        int ended = store.failUnfinished(List.of("queued", "running"), "failed", STOPPED, clock.instant());
        if (ended > 0) LOG.warn("{} training job(s) left unfinished by the previous server start were marked failed", ended);
    }

    public Job submit(TrainingRequest request, Actor actor) {
        return submit(actor, progress -> {
            TrainingService.TrainingResult result = training.train(request, actor, progress);
            return new Done(TrainingDocuments.result(result), result.version());
        });
    }

    /** Work a job runs: training of some kind that ends with a document and the model version it produced. */
    @FunctionalInterface
    public interface Work {
        Done run(ProgressListener progress);
    }

    /** What a job's work produced. */
    public record Done(Map<String, Object> result, int version) {
    }

    /** Queues any training work (a policy run, say) as a job of its own, run after the ones before it. */
    public Job submit(Actor actor, Work work) {
        Job job = new Job(UUID.randomUUID(), actor.name(), clock.instant());
        store.save(job.row());
        jobs.put(job.id(), job);
        running.put(job.id(), executor.submit(() -> run(job, work)));
        return job;
    }

    private void run(Job job, Work work) {
        if (!job.start(clock.instant())) return;
        saved(job);
        try {
            Done done = work.run((stage, n, total) -> {
                if (job.progress(stage, n, total)) saved(job);
            });
            job.succeed(done.result(), done.version(), clock.instant());
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || job.state() == Job.State.CANCELLED) job.cancelled(clock.instant());
            else job.fail(Problems.of(e), clock.instant());
        } finally {
            running.remove(job.id());
            Thread.interrupted();
            saved(job);
            finished.accept(job);
        }
    }

    /**
     * Writes the job down; when the store cannot take it the job goes on (its record catches up at the next write,
     * or the next start-up marks it failed).
     */
    private void saved(Job job) {
        TrainingJobRow row = job.row();
        try {
            records.execute(() -> {
                try {
                    store.save(row);
                } catch (RuntimeException e) {
                    LOG.warn("training job {} could not be written to the store: {}", row.id(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            // closed: close() wrote the job's last record already
        }
    }

    /** The job, from this process or as the store kept it. */
    public Optional<Job> find(UUID id) {
        Job job = jobs.get(id);
        return job != null ? Optional.of(job) : store.find(id).map(Job::restored);
    }

    /** Cancels a queued or running job; true when it was still to finish. */
    public boolean cancel(UUID id) {
        Job job = jobs.get(id);
        if (job == null || !job.requestCancel(clock.instant())) return false;
        saved(job);
        // A queued job never runs, so its entry goes here; a running one is interrupted and ends by itself.
        Future<?> f = running.remove(id);
        if (f != null) f.cancel(true);
        return true;
    }

    public long active() {
        return jobs.values().stream().filter(j -> !j.state().finished()).count();
    }

    /** Jobs still queued or running end failed (the server is stopping), then their thread is interrupted. */
    @Override
    public void close() {
        for (Job job : jobs.values()) {
            if (job.state().finished()) continue;
            job.fail(Job.failure(STOPPED), clock.instant());
            saved(job);
        }
        executor.shutdownNow();
        records.shutdown();
        try {
            if (!records.awaitTermination(10, TimeUnit.SECONDS)) LOG.warn("training job records still being written at close");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
