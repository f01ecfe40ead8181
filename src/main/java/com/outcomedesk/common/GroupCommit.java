package com.outcomedesk.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes items that many threads submit at once in shared transactions, and returns to each caller only once its
 * own item is written (or has failed: a batch that fails is written again item by item, so only the bad one fails). Whoever holds the lock writes everything queued so
 * far, so under load one commit carries many items, and a lone caller writes its own at once: no thread of its own,
 * no delay, nothing acknowledged before it is stored.
 */
public final class GroupCommit<T> {
    private final ConcurrentLinkedQueue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    private final Consumer<List<T>> writer;
    private final int maxBatch;

    /** {@code writer} stores a batch in one transaction, or throws and stores none of it. */
    public GroupCommit(Consumer<List<T>> writer, int maxBatch) {
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be at least 1");
        this.writer = writer;
        this.maxBatch = maxBatch;
    }

    /** Returns once {@code item} is written; throws what the write of its batch threw. */
    public void submit(T item) {
        Pending<T> mine = new Pending<>(item);
        queue.add(mine);
        writing.lock();
        try {
            while (!mine.done) writeQueued();
        } finally {
            writing.unlock();
        }
        if (mine.failure instanceof RuntimeException e) throw e;
        if (mine.failure instanceof Error e) throw e;
    }

    private void writeQueued() {
        List<Pending<T>> batch = new ArrayList<>();
        for (Pending<T> p; batch.size() < maxBatch && (p = queue.poll()) != null; ) batch.add(p);
        Throwable failure = write(batch);
        // One caller's bad item must not fail the others' that happened to share its commit.
        if (failure != null && batch.size() > 1) {
            for (Pending<T> p : batch) finish(List.of(p), write(List.of(p)));
        } else {
            finish(batch, failure);
        }
    }

    private Throwable write(List<Pending<T>> batch) {
        try {
            writer.accept(batch.stream().map(p -> p.item).toList());
            return null;
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    private static <T> void finish(List<Pending<T>> batch, Throwable failure) {
        for (Pending<T> p : batch) {
            p.failure = failure;
            p.done = true;
        }
    }

    /** Read and written only under the lock. */
    private static final class Pending<T> {
        final T item;
        boolean done;
        Throwable failure;

        Pending(T item) {
            this.item = item;
        }
    }
}
