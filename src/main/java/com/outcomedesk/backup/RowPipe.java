package com.outcomedesk.backup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Decodes a table part's rows on a thread of its own while the caller's thread writes them into the store: decoding
 * JSON was a quarter of a restore's load, and the store's inserts take one core. At most {@value #WAITING} batches of
 * {@value #BATCH} rows wait between the two, so memory stays bounded whatever the part's size. A failure on either
 * side stops both; the decoder's failure is thrown on the caller's thread as it was raised.
 */
final class RowPipe implements AutoCloseable {
    static final int BATCH = 256;
    static final int WAITING = 4;
    private static final List<Object[]> END = List.of();

    /** Decodes rows and hands each to the sink, in order. */
    @FunctionalInterface
    interface Decoder {
        void decode(Sink sink) throws Exception;
    }

    @FunctionalInterface
    interface Sink {
        void accept(Object[] row) throws InterruptedException;
    }

    @FunctionalInterface
    interface Writer {
        void write(Object[] row);
    }

    private final BlockingQueue<List<Object[]>> queue = new ArrayBlockingQueue<>(WAITING);
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Throwable failure;
    /** Filled on the decoder's thread only. */
    private List<Object[]> batch = new ArrayList<>(BATCH);

    private RowPipe(String part, Decoder decoder) {
        thread = new Thread(() -> run(decoder), "outcome-desk-restore-" + part);
        thread.setDaemon(true);
    }

    static RowPipe start(String part, Decoder decoder) {
        RowPipe pipe = new RowPipe(part, decoder);
        pipe.thread.start();
        return pipe;
    }

    private void run(Decoder decoder) {
        try {
            decoder.decode(row -> {
                batch.add(row);
                if (batch.size() == BATCH) {
                    put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            });
            if (!batch.isEmpty()) put(batch);
        } catch (Throwable t) {
            failure = t;
        }
        try {
            put(END);
        } catch (InterruptedException | RuntimeException e) {
            // the writer has stopped and no longer reads
        }
    }

    private void put(List<Object[]> batch) throws InterruptedException {
        if (stopped) throw new Stopped();
        while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            if (stopped) throw new Stopped();
        }
    }

    /** Writes every decoded row on the caller's thread; returns how many, or throws what stopped the decoder. */
    long drain(Writer writer) throws IOException {
        long n = 0;
        try {
            for (List<Object[]> batch; (batch = queue.take()) != END; ) {
                for (Object[] row : batch) {
                    writer.write(row);
                    n++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the restore was interrupted", e);
        }
        Throwable t = failure;
        if (t instanceof IOException io) throw io;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IOException(t.getMessage(), t);
        return n;
    }

    /** Stops the decoder (when the writer failed) and waits for its thread, which reads the part's stream. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the decoder's thread once nobody reads what it decodes. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
