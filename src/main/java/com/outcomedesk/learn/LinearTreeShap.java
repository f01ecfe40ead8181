package com.outcomedesk.learn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Path-dependent TreeSHAP of one tree in time linear in its nodes (after Yu et al. 2022, "Linear TreeShap"), for trees
 * too large for {@link ShapTables}' whole-tree cases (a forest's trees, eight splits deep). Leaf l adds to each of its d
 * path features i {@code v (o_i - z_i) sum over S of |S|! (d - |S| - 1)! / d! prod over S of o_j prod outside S of z_j}
 * (S runs over the subsets of the other path features; v is the leaf's value, z the product of the cover fractions of
 * the feature's splits along the path, o whether the row meets all of them). The Shapley weight is the integral over
 * [0, 1] of {@code t^|S| (1 - t)^(d - |S| - 1)}, so the sum is the integral of the product over j != i of
 * {@code b_j(t) = z_j (1 - t) + o_j t}: a polynomial of degree d - 1 that Gauss-Legendre quadrature integrates exactly
 * at depth / 2 points. At each point the products of b along the paths are shared: a pass down the tree gives each
 * node the product above it, a pass up the leaves' values times the products below, and a split on a feature that no
 * other split on its paths shares adds its value from those two. A feature split on more than once on a path (or
 * elsewhere below) has one b for its combined fractions, so those leaves add its value one by one. The values are
 * {@link TreeShap}'s.
 */
final class LinearTreeShap {
    /** Per node: its parent (-1 for the root), whether it is its parent's yes child, and the split feature above it. */
    private final int[] parent, edgeFeature;
    private final boolean[] isYes;
    /** Per node: the node below the previous split on the same feature on its path (none: n), the combined fraction. */
    private final int[] previous;
    private final double[] zero;
    /** The nodes whose split is the only one on its feature along every path through them. */
    private final int[] alone;
    /** The nodes below a second split on a feature; the leaves; the splits, deepest index first. */
    private final int[] repeated, leaves, splitsUpward;
    /** Per node: the leaf's value, or NaN for a split. */
    private final double[] value;
    /** Per leaf with features split more than once: the leaf, and per such feature the node below its last split. */
    private final int[] leafAt, leafItemStart, leafItem;
    private final TreeEnsemble.Tree tree;
    /** Quadrature on [0, 1] exact for the tree's polynomials: nodes, weights. */
    private final double[] t, omega, rest;
    private final int points;
    /** Per thread: room for the row's combined o, b, edge factors and the products above and below every node. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[5][0]);

    private LinearTreeShap(TreeEnsemble.Tree tree, double[] values) {
        this.tree = tree;
        int n = tree.nodes();
        parent = new int[n];
        edgeFeature = new int[n];
        isYes = new boolean[n];
        previous = new int[n];
        zero = new double[n];
        value = new double[n];
        parent[0] = -1;
        previous[0] = n;
        zero[0] = 1;
        edgeFeature[0] = -1;
        for (int node = 0; node < n; node++) {
            value[node] = tree.feature()[node] < 0 ? values[node] : Double.NaN;
            if (tree.feature()[node] < 0) continue;
            for (int child : new int[] {tree.yes()[node], tree.no()[node]}) {
                parent[child] = node;
                isYes[child] = child == tree.yes()[node];
                edgeFeature[child] = tree.feature()[node];
                int before = node;
                while (before > 0 && edgeFeature[before] != edgeFeature[child]) before = parent[before];
                previous[child] = before > 0 ? before : n;
                double fraction = (double) tree.cover()[child] / tree.cover()[node];
                zero[child] = before > 0 ? zero[before] * fraction : fraction;
            }
        }
        // A split is alone when no split above it and none below it is on its feature.
        List<Set<Integer>> below = new ArrayList<>();
        for (int node = 0; node < n; node++) below.add(new HashSet<>());
        for (int node = n - 1; node > 0; node--) {
            if (tree.feature()[node] >= 0) below.get(node).add(tree.feature()[node]);
            below.get(parent[node]).addAll(below.get(node));
        }
        boolean[] single = new boolean[n];
        for (int node = 1; node < n; node++) {
            single[node] = previous[node] == n && !below.get(node).contains(edgeFeature[node]);
        }
        alone = IntStream.range(1, n).filter(c -> single[c]).toArray();
        repeated = IntStream.range(1, n).filter(c -> previous[c] < n).toArray();
        leaves = IntStream.range(0, n).filter(c -> tree.feature()[c] < 0).toArray();
        splitsUpward = IntStream.range(0, n).map(i -> n - 1 - i).filter(c -> tree.feature()[c] >= 0).toArray();
        List<Integer> withItems = new ArrayList<>(), starts = new ArrayList<>(), items = new ArrayList<>();
        for (int node = 0; node < n; node++) {
            if (tree.feature()[node] >= 0 || node == 0) continue;
            Map<Integer, Integer> last = new HashMap<>();
            for (int at = node; at > 0; at = parent[at]) last.putIfAbsent(edgeFeature[at], at);
            int start = items.size();
            for (int at : last.values()) if (!single[at]) items.add(at);
            if (items.size() > start) {
                withItems.add(node);
                starts.add(start);
            }
        }
        starts.add(items.size());
        leafAt = withItems.stream().mapToInt(Integer::intValue).toArray();
        leafItemStart = starts.stream().mapToInt(Integer::intValue).toArray();
        leafItem = items.stream().mapToInt(Integer::intValue).toArray();
        points = Math.max(1, (tree.depth() + 1) / 2);
        double[][] quadrature = gaussLegendre(points);
        t = quadrature[0];
        omega = quadrature[1];
        rest = new double[points];
        for (int k = 0; k < points; k++) rest[k] = 1 - t[k];
    }

    /** The tree's values with leaf outputs {@code values}, or null when a node has no training rows (z = 0). */
    static LinearTreeShap of(TreeEnsemble.Tree t, double[] values) {
        for (int c : t.cover()) if (c <= 0) return null;
        return new LinearTreeShap(t, values);
    }

    /**
     * Adds {@code scale} times the tree's Shapley value of every feature at x to phi. Each pass runs over a list made
     * for it, without branches on the tree's shape, which a CPU would guess wrong at every other node.
     */
    void add(double[] x, double scale, double[] phi) {
        int n = tree.nodes(), m = points;
        double[][] s = SCRATCH.get();
        if (s[0].length < (n + 1) * m) for (int i = 0; i < s.length; i++) s[i] = new double[(n + 1) * m];
        double[] met = s[0], b = s[1], factor = s[2], above = s[3], below = s[4];
        double[] threshold = tree.threshold();
        // Whether the row meets all splits on the feature down to each node; index n stands for "no split before".
        met[0] = 1;
        met[n] = 1;
        for (int k = 0; k < m; k++) above[k] = 1;
        for (int c = 1; c < n; c++) {
            boolean meets = (x[edgeFeature[c]] <= threshold[parent[c]]) == isYes[c];
            double o = (meets ? 1 : 0) * met[previous[c]], z = zero[c];
            met[c] = o;
            for (int k = 0, at = c * m, up = parent[c] * m; k < m; k++) {
                double bk = z * rest[k] + o * t[k];
                b[at + k] = bk;
                factor[at + k] = bk;
                above[at + k] = above[up + k] * bk;
            }
        }
        // Below a second split on a feature, its factor is the ratio of its combined b to the one before.
        for (int c : repeated) {
            for (int k = 0, at = c * m, was = previous[c] * m; k < m; k++) factor[at + k] = b[at + k] / b[was + k];
        }
        if (repeated.length > 0) {
            for (int c = 1; c < n; c++) {
                for (int k = 0, at = c * m, up = parent[c] * m; k < m; k++) above[at + k] = above[up + k] * factor[at + k];
            }
        }
        // Up the tree: each node's sum of its leaves' values times the products below it.
        for (int l : leaves) for (int k = 0, at = l * m; k < m; k++) below[at + k] = value[l];
        for (int c : splitsUpward) {
            int at = c * m, y = tree.yes()[c] * m, no = tree.no()[c] * m;
            for (int k = 0; k < m; k++) below[at + k] = factor[y + k] * below[y + k] + factor[no + k] * below[no + k];
        }
        // A split alone on its feature adds (o - z) times the integral of the products above and below it.
        for (int c : alone) {
            double sum = 0;
            for (int k = 0, at = c * m, up = parent[c] * m; k < m; k++) sum += omega[k] * above[up + k] * below[at + k];
            phi[edgeFeature[c]] += scale * (met[c] - zero[c]) * sum;
        }
        // A feature split more than once on a leaf's path: that leaf's share, by its combined b.
        for (int i = 0; i < leafAt.length; i++) {
            int l = leafAt[i];
            for (int j = leafItemStart[i]; j < leafItemStart[i + 1]; j++) {
                int c = leafItem[j];
                double sum = 0;
                for (int k = 0; k < m; k++) sum += omega[k] * above[l * m + k] / b[c * m + k];
                phi[edgeFeature[c]] += scale * value[l] * (met[c] - zero[c]) * sum;
            }
        }
    }

    /**
     * The nodes and weights of Gauss-Legendre quadrature on [0, 1] with n points, which integrates polynomials of
     * degree up to 2n - 1 exactly (Newton's method on the Legendre polynomial from Chebyshev's first guesses).
     */
    private static double[][] gaussLegendre(int n) {
        double[] nodes = new double[n], weights = new double[n];
        for (int i = 0; i < n; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5)), derivative = 0;
            for (int step = 0; step < 100; step++) {
                double p0 = 1, p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                derivative = n * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / derivative;
                x -= dx;
                if (Math.abs(dx) < 1e-15) break;
            }
            nodes[i] = (x + 1) / 2;
            weights[i] = 1 / ((1 - x * x) * derivative * derivative);
        }
        return new double[][] {nodes, weights};
    }
}
