package com.outcomedesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of PostgreSQL that makes the database fail without stopping the shared server. Either it
 * cuts each connection after a random number of bytes (both directions counted), so work dies at random points
 * (mid-batch, before a commit, after a commit before the client hears of it); or it passes everything until the
 * test cuts it: open connections drop and new ones close as soon as they arrive, until {@link #restore()}.
 */
public final class FaultyProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    /** Null when connections are cut only by {@link #cut()}. */
    private final Random random;
    private final int maxBytesBeforeCut;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicLong cuts = new AtomicLong();
    private volatile boolean cut;

    /** Passes everything through until {@link #cut()}. */
    public FaultyProxy(String targetHost, int targetPort) throws IOException {
        this(targetHost, targetPort, null, 0);
    }

    /** Cuts each connection after 2,000 plus up to {@code maxBytesBeforeCut} bytes, drawn from the seed. */
    public FaultyProxy(String targetHost, int targetPort, long seed, int maxBytesBeforeCut) throws IOException {
        this(targetHost, targetPort, new Random(seed), maxBytesBeforeCut);
    }

    private FaultyProxy(String targetHost, int targetPort, Random random, int maxBytesBeforeCut) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.random = random;
        this.maxBytesBeforeCut = maxBytesBeforeCut;
        Thread acceptor = new Thread(this::accept, "faulty-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** How many connections the proxy has cut so far. */
    public long cuts() {
        return cuts.get();
    }

    /** The database is gone: open connections drop, new ones are closed as soon as they arrive. */
    public void cut() {
        cut = true;
        cuts.addAndGet(open.size() / 2);
        for (Socket s : open) closeQuietly(s);
        open.clear();
    }

    /** The database is back: new connections go through again. */
    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(server);
                AtomicLong left = new AtomicLong(budget());
                pump(client, server, left);
                pump(server, client, left);
            } catch (IOException e) {
                if (listener.isClosed()) return;
            }
        }
    }

    private long budget() {
        if (random == null) return Long.MAX_VALUE;
        synchronized (random) {
            return 2_000 + random.nextInt(maxBytesBeforeCut);
        }
    }

    private void pump(Socket from, Socket to, AtomicLong budget) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    long left = budget.addAndGet(-n);
                    if (left < 0) {
                        if (left + n >= 0) { // this read crossed the budget: forward part of it, then cut
                            out.write(buffer, 0, (int) (n + left));
                            out.flush();
                            cuts.incrementAndGet();
                        }
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other direction, or cut(), closed the pair
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "faulty-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) closeQuietly(s);
    }
}
