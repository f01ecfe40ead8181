package com.outcomedesk.insight;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import smile.clustering.HierarchicalClustering;
import smile.clustering.KMeans;
import smile.clustering.PartitionClustering;
import smile.clustering.linkage.UPGMALinkage;
import smile.math.MathEx;

/**
 * Groups profile vectors two ways with Smile, for every k from 2 to {@value #MAX_K}: average-linkage
 * hierarchical clustering on the cosine distances, and k-means (best of {@value #RUNS} seeded runs) on the
 * vectors scaled to unit length, where squared Euclidean distance is 2 x cosine distance. The partition with
 * the highest mean silhouette (on cosine distance) wins; ties go to hierarchical, then the smaller k.
 */
final class DiseaseClustering {
    static final int MAX_K = 8;
    private static final int RUNS = 10;
    private static final double TIE = 1e-9;

    /** Labels 0..k-1 numbered by first appearance, each point's silhouette, the choice and all candidates. */
    record Result(int[] labels, int k, double[] silhouettes, ClusteringCandidate chosen, List<ClusteringCandidate> candidates) {
    }

    private DiseaseClustering() {
    }

    static Result cluster(double[][] vectors, double[][] distances, long seed) {
        int n = vectors.length;
        if (n < 3) {
            return new Result(new int[n], n == 0 ? 0 : 1, new double[n], new ClusteringCandidate("none", n == 0 ? 0 : 1, 0), List.of());
        }
        double[][] unit = unit(vectors);
        List<ClusteringCandidate> candidates = new ArrayList<>();
        int[] best = null;
        ClusteringCandidate chosen = null;
        HierarchicalClustering tree = HierarchicalClustering.fit(new UPGMALinkage(distances));
        for (int k = 2; k <= Math.min(MAX_K, n - 1); k++) {
            for (String method : List.of("hierarchical", "kmeans")) {
                int[] labels = method.equals("hierarchical") ? tree.partition(k) : kmeans(unit, k, seed);
                if (labels == null || distinct(labels) < 2) continue;
                ClusteringCandidate candidate = new ClusteringCandidate(method, distinct(labels), mean(silhouettes(labels, distances)));
                candidates.add(candidate);
                if (chosen == null || candidate.silhouette() > chosen.silhouette() + TIE) {
                    chosen = candidate;
                    best = labels;
                }
            }
        }
        if (best == null) {
            return new Result(new int[n], 1, new double[n], new ClusteringCandidate("none", 1, 0), List.copyOf(candidates));
        }
        int[] labels = renumber(best);
        return new Result(labels, chosen.k(), silhouettes(labels, distances), chosen, List.copyOf(candidates));
    }

    private static int[] kmeans(double[][] unit, int k, long seed) {
        MathEx.setSeed(seed + k);
        try {
            return PartitionClustering.run(RUNS, () -> KMeans.fit(unit, k, 100, 1e-6)).y.clone();
        } catch (IllegalArgumentException e) {
            return null; // fewer distinct profiles than k
        }
    }

    private static double[][] unit(double[][] vectors) {
        double[][] unit = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            double norm = Math.sqrt(Arrays.stream(vectors[i]).map(v -> v * v).sum());
            unit[i] = norm == 0 ? vectors[i].clone() : Arrays.stream(vectors[i]).map(v -> v / norm).toArray();
        }
        return unit;
    }

    /** Rousseeuw's silhouette per point; 0 for a point alone in its cluster. */
    static double[] silhouettes(int[] labels, double[][] d) {
        int n = labels.length;
        int k = Arrays.stream(labels).max().orElse(0) + 1;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                sum[labels[j]] += d[i][j];
                count[labels[j]]++;
            }
            if (count[labels[i]] == 0) continue;
            double a = sum[labels[i]] / count[labels[i]];
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) if (c != labels[i] && count[c] > 0) b = Math.min(b, sum[c] / count[c]);
            double max = Math.max(a, b);
            s[i] = Double.isInfinite(b) || max == 0 ? 0 : (b - a) / max;
        }
        return s;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static int distinct(int[] labels) {
        return (int) Arrays.stream(labels).distinct().count();
    }

    private static int[] renumber(int[] labels) {
        int[] map = new int[Arrays.stream(labels).max().orElse(0) + 1];
        Arrays.fill(map, -1);
        int next = 0;
        int[] result = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (map[labels[i]] < 0) map[labels[i]] = next++;
            result[i] = map[labels[i]];
        }
        return result;
    }

    /** 2-D coordinates by classical multidimensional scaling of the distances. */
    static double[][] coordinates(double[][] distances) {
        int n = distances.length;
        if (n >= 3) {
            return ClassicalScaling.of(distances);
        }
        double[][] xy = new double[n][2];
        if (n == 2) xy[1][0] = distances[0][1];
        return xy;
    }
}
