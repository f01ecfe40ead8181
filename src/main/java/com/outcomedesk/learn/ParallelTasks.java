package com.outcomedesk.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Training's independent fits on at most two threads (the machines it runs on have two cores; more threads would only
 * hold more fits in memory at once). Tasks start in the order given, so the longest should come first. An interrupt of
 * the caller cancels them all: the workers are interrupted and {@link TrainingService#checkCancelled} stops them.
 */
final class ParallelTasks implements AutoCloseable {
    static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "outcome-desk-training");
        t.setDaemon(true);
        return t;
    });

    <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    /** The task's result, waiting for it; its failure is rethrown as it was thrown. */
    static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Training cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
    }

    static <T> List<T> getAll(List<Future<T>> futures) {
        List<T> results = new ArrayList<>(futures.size());
        for (Future<T> f : futures) results.add(get(f));
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
