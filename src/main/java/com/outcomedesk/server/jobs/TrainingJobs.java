package com.outcomedesk.server.jobs;

import com.outcomedesk.common.Actor;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.learn.TrainingService;
import com.outcomedesk.documents.TrainingDocuments;
import com.outcomedesk.server.problems.Problems;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs training requests one after the other on a thread of their own, so that a request answers at once and a
 * client that goes away does not stop the work. Cancelling interrupts the job, which the training service checks
 * between stages.
 */
public final class TrainingJobs implements AutoCloseable {
    private final TrainingService training;
    private final Clock clock;
    private final Consumer<Job> finished;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "training-job");
        t.setDaemon(true);
        return t;
    });
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final Map<UUID, Future<?>> running = new ConcurrentHashMap<>();

    /** {@code finished} hears of every job that ends (metrics). */
    public TrainingJobs(TrainingService training, Clock clock, Consumer<Job> finished) {
        this.training = training;
        this.clock = clock;
        this.finished = finished;
    }

    public Job submit(TrainingRequest request, Actor actor) {
        Job job = new Job(UUID.randomUUID(), actor.name(), clock.instant());
        jobs.put(job.id(), job);
        running.put(job.id(), executor.submit(() -> run(job, request, actor)));
        return job;
    }

    private void run(Job job, TrainingRequest request, Actor actor) {
        if (!job.start(clock.instant())) return;
        try {
            TrainingService.TrainingResult result = training.train(request, actor, job::progress);
            job.succeed(TrainingDocuments.result(result), clock.instant());
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || job.state() == Job.State.CANCELLED) job.cancelled(clock.instant());
            else job.fail(Problems.of(e), clock.instant());
        } finally {
            running.remove(job.id());
            Thread.interrupted();
            finished.accept(job);
        }
    }

    public Optional<Job> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Cancels a queued or running job; true when it was still to finish. */
    public boolean cancel(UUID id) {
        Job job = jobs.get(id);
        if (job == null || !job.requestCancel(clock.instant())) return false;
        // A queued job never runs, so its entry goes here; a running one is interrupted and ends by itself.
        Future<?> f = running.remove(id);
        if (f != null) f.cancel(true);
        return true;
    }

    public long active() {
        return jobs.values().stream().filter(j -> !j.state().finished()).count();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
