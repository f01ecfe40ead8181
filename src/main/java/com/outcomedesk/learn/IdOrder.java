package com.outcomedesk.learn;

import java.util.Arrays;
import java.util.UUID;

/**
 * The order of rows by appointment id (unsigned, as the ids' text sorts), whatever order they were read in, so that
 * the same labelled rows give the same folds, models and fingerprint on every store that holds them.
 */
final class IdOrder {
    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private int size;

    void add(UUID id) {
        if (size == high.length) {
            high = Arrays.copyOf(high, size * 2);
            low = Arrays.copyOf(low, size * 2);
        }
        high[size] = id.getMostSignificantBits();
        low[size] = id.getLeastSignificantBits();
        size++;
    }

    /** {@code order[i]} is the reading position of the row that comes i-th by id. */
    int[] order() {
        // One primitive sort: each key is the id's leading bits with the row's position in the bits below them; the
        // rare runs of rows whose ids share those leading bits are then ordered by the whole id.
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, size - 1));
        long positions = (1L << bits) - 1;
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) keys[i] = ((high[i] & ~positions) | i) ^ Long.MIN_VALUE;
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) order[i] = (int) ((keys[i] ^ Long.MIN_VALUE) & positions);
        for (int start = 0; start < size; ) {
            int end = start + 1;
            while (end < size && ((keys[end] ^ keys[start]) & ~positions) == 0) end++;
            if (end - start > 1) sortByWholeId(order, start, end);
            start = end;
        }
        return order;
    }

    private void sortByWholeId(int[] order, int from, int to) {
        Integer[] run = new Integer[to - from];
        for (int i = from; i < to; i++) run[i - from] = order[i];
        Arrays.sort(run, (a, b) -> high[a] != high[b] ? Long.compareUnsigned(high[a], high[b]) : Long.compareUnsigned(low[a], low[b]));
        for (int i = from; i < to; i++) order[i] = run[i - from];
    }
}
