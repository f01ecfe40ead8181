package com.outcomedesk.learn;

import java.util.SplittableRandom;

/**
 * Seeded stratified K-fold assignment, optionally repeated with a new shuffle each time. Every
 * candidate is evaluated on exactly these folds.
 */
public final class Folds {
    private final int k;
    private final int[][] assignment;

    private Folds(int k, int[][] assignment) {
        this.k = k;
        this.assignment = assignment;
    }

    public static Folds stratified(int[] labels, int k, int repeats, long seed) {
        if (k < 2) throw new IllegalArgumentException("Use at least 2 folds.");
        SplittableRandom random = new SplittableRandom(seed);
        int[][] assignment = new int[repeats][labels.length];
        for (int r = 0; r < repeats; r++) {
            for (int cls = 0; cls <= 1; cls++) {
                int count = 0;
                for (int y : labels) if (y == cls) count++;
                int[] members = new int[count];
                int m = 0;
                for (int i = 0; i < labels.length; i++) if (labels[i] == cls) members[m++] = i;
                for (int i = count - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = members[i];
                    members[i] = members[j];
                    members[j] = t;
                }
                // Continue the round-robin across classes so fold sizes stay balanced.
                int offset = cls == 0 ? 0 : countOf(labels, 0) % k;
                for (int i = 0; i < count; i++) assignment[r][members[i]] = (offset + i) % k;
            }
        }
        return new Folds(k, assignment);
    }

    private static int countOf(int[] labels, int cls) {
        int c = 0;
        for (int y : labels) if (y == cls) c++;
        return c;
    }

    public int k() {
        return k;
    }

    public int repeats() {
        return assignment.length;
    }

    public int[] train(int repeat, int fold) {
        return select(repeat, fold, false);
    }

    public int[] test(int repeat, int fold) {
        return select(repeat, fold, true);
    }

    private int[] select(int repeat, int fold, boolean inFold) {
        int[] a = assignment[repeat];
        int n = 0;
        for (int f : a) if ((f == fold) == inFold) n++;
        int[] rows = new int[n];
        int m = 0;
        for (int i = 0; i < a.length; i++) if ((a[i] == fold) == inFold) rows[m++] = i;
        return rows;
    }
}
