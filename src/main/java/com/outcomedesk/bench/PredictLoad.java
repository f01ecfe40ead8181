package com.outcomedesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * N client threads, each sending the prepared predict requests one after another (closed loop: a client waits for its
 * answer before the next) until the time is up; every answer's latency goes into the client's own histogram. The CPU
 * time of the client threads and of the HTTP client's own threads is measured beside the whole process's, so the
 * report tells whether the load generator, which shares the cores, is what limits the rate.
 */
final class PredictLoad {
    private final HttpClient http;
    private final List<HttpRequest> requests;
    private final int clients;
    private final LongAdder done = new LongAdder();

    /** Called every {@code every} while the load runs, with the time since it started and the requests answered. */
    record Sampler(Duration every, BiConsumer<Duration, Long> sample) {
    }

    PredictLoad(HttpClient http, List<HttpRequest> requests, int clients) {
        this.http = http;
        this.requests = requests;
        this.clients = clients;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    record Result(int clients, double seconds, long requests, long ok, Map<Integer, Long> errors, LatencyHistogram latency,
                  double processCpuSeconds, double loadGeneratorCpuSeconds) {
        Map<String, Object> document() {
            long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("clients", clients);
            doc.put("seconds", Math.round(seconds * 100) / 100.0);
            doc.put("requests", requests);
            doc.put("ok", ok);
            doc.put("errors", errorCount);
            doc.put("errorsByStatus", ServeBenchmark.byStatus(errors));
            doc.put("requestsPerSecond", Math.round(requests / seconds));
            Map<String, Object> ms = new LinkedHashMap<>();
            for (double q : new double[] {0.50, 0.95, 0.99}) {
                ms.put("p" + Math.round(q * 100), millis(latency.percentileNanos(q)));
            }
            ms.put("max", millis(latency.maxNanos()));
            doc.put("latencyMs", ms);
            doc.put("processCpuSeconds", Math.round(processCpuSeconds * 100) / 100.0);
            doc.put("loadGeneratorCpuSeconds", Math.round(loadGeneratorCpuSeconds * 100) / 100.0);
            doc.put("cpuIs", "CPU time over the run: the whole process (server and clients), and the client threads with "
                    + "the HTTP client's own (HttpClient-*) threads");
            return doc;
        }

        private static double millis(long nanos) {
            return Math.round(nanos / 1e3) / 1e3;
        }
    }

    Result run(Duration length, Sampler sampler) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        long processCpu = processCpuNanos();
        Map<Long, Long> httpClientCpu = httpClientThreadCpu();
        List<Client> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client c = new Client(i * (requests.size() / clients + 1), end);
            running.add(c);
            c.thread.start();
        }
        if (sampler != null) {
            long next = start + sampler.every().toNanos();
            while (next <= end) {
                long wait = next - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                sampler.sample().accept(Duration.ofNanos(System.nanoTime() - start), done.sum());
                next += sampler.every().toNanos();
            }
        }
        for (Client c : running) c.thread.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        long generatorCpu = 0;
        for (Map.Entry<Long, Long> after : httpClientThreadCpu().entrySet()) {
            generatorCpu += after.getValue() - httpClientCpu.getOrDefault(after.getKey(), 0L);
        }
        LatencyHistogram all = new LatencyHistogram();
        Map<Integer, Long> errors = new HashMap<>();
        long ok = 0;
        for (Client c : running) {
            all.add(c.latency);
            ok += c.ok;
            c.errors.forEach((status, n) -> errors.merge(status, n, Long::sum));
            generatorCpu += c.cpuNanos;
        }
        return new Result(clients, seconds, all.count(), ok, errors, all, (processCpuNanos() - processCpu) / 1e9, generatorCpu / 1e9);
    }

    /** CPU nanoseconds of the JDK HTTP client's threads (its selector and executor), by thread id. */
    private static Map<Long, Long> httpClientThreadCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null || !t.getThreadName().startsWith("HttpClient-")) continue;
            long nanos = THREADS.getThreadCpuTime(t.getThreadId());
            if (nanos >= 0) cpu.put(t.getThreadId(), nanos);
        }
        return cpu;
    }

    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private final class Client implements Runnable {
        final Thread thread = new Thread(this, "bench-serve-client");
        final LatencyHistogram latency = new LatencyHistogram();
        final Map<Integer, Long> errors = new HashMap<>();
        final long end;
        int next;
        long ok;
        long cpuNanos;

        Client(int first, long end) {
            this.next = first;
            this.end = end;
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (System.nanoTime() < end) {
                HttpRequest request = requests.get(next++ % requests.size());
                long t = System.nanoTime();
                int status;
                try {
                    status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException e) {
                    status = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                latency.record(System.nanoTime() - t);
                done.increment();
                if (status == 200) ok++;
                else errors.merge(status, 1L, Long::sum);
            }
            cpuNanos = Math.max(0, THREADS.getCurrentThreadCpuTime());
        }
    }
}
