package com.outcomedesk.monitor;

import java.util.Arrays;

/** A growable array of doubles: a million probabilities cost 8 MB, not the 16+ of boxed ones. */
final class DoubleList {
    private double[] values = new double[64];
    private int size;

    void add(double v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double[] sorted() {
        double[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}
