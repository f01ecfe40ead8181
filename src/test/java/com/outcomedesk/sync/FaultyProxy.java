package com.outcomedesk.sync;

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
 * A TCP proxy between a client and PostgreSQL that cuts every connection after a random number of bytes
 * (both directions counted), so a sync dies at random points: mid-batch, before a commit, after a commit before the
 * client hears of it.
 */
final class FaultyProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Random random;
    private final int maxBytesBeforeCut;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    final AtomicLong cuts = new AtomicLong();
    private volatile boolean faulty = true;

    FaultyProxy(String targetHost, int targetPort, long seed, int maxBytesBeforeCut) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.random = new Random(seed);
        this.maxBytesBeforeCut = maxBytesBeforeCut;
        Thread acceptor = new Thread(this::accept, "faulty-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on, pass everything through. */
    void heal() {
        faulty = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(server);
                long budget;
                synchronized (random) {
                    budget = faulty ? 2_000 + random.nextInt(maxBytesBeforeCut) : Long.MAX_VALUE;
                }
                AtomicLong left = new AtomicLong(budget);
                pump(client, server, left);
                pump(server, client, left);
            } catch (IOException e) {
                return;
            }
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
                // the other direction closed the pair
            } finally {
                closeQuietly(from);
                closeQuietly(to);
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
