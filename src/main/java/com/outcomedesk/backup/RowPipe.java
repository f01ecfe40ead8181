package com.outcomedesk.backup;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Hands rows from the thread that produces them to one thread that consumes them, in batches, so that reading the store
 * overlaps encoding and compressing (a backup) and decoding overlaps inserting (a restore) on a machine with two cores.
 * A few batches are in flight at most, so memory stays bounded; a failure on either side stops both and is thrown to
 * the producer. Rows must not be reused by the producer once added.
 */
final class RowPipe implements AutoCloseable {
    /** What the consuming thread does with each row, in the order they were added. */
    @FunctionalInterface
    interface Sink {
        void row(Object[] values) throws Exception;
    }

    private static final int BATCH = 500;
    private static final int IN_FLIGHT = 4;
    private static final List<Object[]> END = List.of();

    private final BlockingQueue<List<Object[]>> queue = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final FutureTask<Void> consumer;
    private List<Object[]> batch = new ArrayList<>(BATCH);
    private volatile boolean stopped;

    RowPipe(String name, Sink sink) {
        consumer = new FutureTask<>(() -> {
            while (!stopped) {
                List<Object[]> rows = queue.take();
                if (rows == END) return null;
                for (Object[] row : rows) sink.row(row);
            }
            return null;
        });
        Thread thread = new Thread(consumer, name);
        thread.setDaemon(true);
        thread.start();
    }

    void add(Object[] row) throws IOException {
        batch.add(row);
        if (batch.size() >= BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Hands on the last rows and waits until the consumer has taken every row; throws what it failed with. */
    void finish() throws IOException {
        if (!batch.isEmpty()) hand(batch);
        batch = new ArrayList<>(0);
        hand(END);
        await();
    }

    private void hand(List<Object[]> rows) throws IOException {
        try {
            while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                if (consumer.isDone()) {
                    await();
                    throw new IOException("the thread writing the rows stopped before they were all handed on");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing rows on");
        }
    }

    private void await() throws IOException {
        try {
            consumer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for rows to be written");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) throw io;
            if (cause instanceof UncheckedIOException io) throw io.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IOException(cause.getMessage(), cause);
        }
    }

    /** Tells the consumer to stop after its current batch (the producer failed): the rows still queued are dropped. */
    @Override
    public void close() {
        if (consumer.isDone()) return;
        stopped = true;
        queue.clear();
        queue.offer(END);
    }
}
