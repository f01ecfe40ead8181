package com.outcomedesk.bench;

/**
 * Request latencies in fixed memory: log-linear buckets (64 per power of two, so about 1.6 % wide), as HdrHistogram
 * keeps them, so a soak of hours costs no more memory than a run of seconds and the server's RSS stays honest.
 */
final class LatencyHistogram {
    private static final int SUB = 64;
    private static final int SHIFT = 6;
    private final long[] counts = new long[SUB + (63 - SHIFT) * SUB];
    private long total;
    private long max;

    void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        max = Math.max(max, v);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) counts[i] += other.counts[i];
        total += other.total;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    long maxNanos() {
        return max;
    }

    /** The value below which the given share (0..1) of recorded values lie, as the upper edge of its bucket. */
    long percentileNanos(double share) {
        if (total == 0) return 0;
        long rank = Math.max(1, (long) Math.ceil(share * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) return Math.min(max, upperEdge(i));
        }
        return max;
    }

    static int index(long v) {
        if (v < SUB) return (int) v;
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        int shift = exponent - SHIFT;
        return SUB + shift * SUB + (int) ((v >>> shift) - SUB);
    }

    static long upperEdge(int index) {
        if (index < SUB) return index;
        int shift = (index - SUB) / SUB;
        long mantissa = SUB + (index - SUB) % SUB;
        return ((mantissa + 1) << shift) - 1;
    }
}
