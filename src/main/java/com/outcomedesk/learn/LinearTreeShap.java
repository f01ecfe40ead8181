package com.outcomedesk.learn;

import java.util.ArrayList;
import java.util.Arrays;
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
    /** Per node: the split feature above it. */
    private final int[] edgeFeature;
    /** Per node: the node below the previous split on the same feature on its path (none: n), the combined fraction. */
    private final int[] previous;
    private final double[] zero;
    /** Per node: 1 when its split is the only one on its feature along every path through it, else 0. */
    private final double[] alone;
    /** The splits in index order (parents first); the leaves. */
    private final int[] splits, leaves;
    /**
     * Per leaf and quadrature point: the weight times the leaf's value, so that every sum up the tree carries the
     * quadrature weights and a split's integral is a plain dot product.
     */
    private final double[] weightedLeaf;
    /**
     * Per node, state and point: the factor its edge puts on the products along a path. A row's b on the edge is
     * {@code z (1 - t) + o t} with o 0 or 1, so the factor takes one of three values, worked out here instead of per
     * row: state 0, no earlier split on the feature was met; 1, the earlier ones were (or there are none) and this one
     * is not; 2, all are. Below a second split on a feature the factor is the ratio of its combined b to the one
     * before.
     */
    private final double[] factor;
    /**
     * Per leaf with features split more than once: the leaf and its value; per such feature, the node below its last
     * split.
     */
    private final int[] leafAt, leafItemStart, leafItem;
    private final double[] leafAtValue;
    /** Per node, o (0 or 1) and point: the quadrature weight over the node's combined b, for those leaves' shares. */
    private final double[] weightOverB;
    private final TreeEnsemble.Tree tree;
    private final int points;
    /** Per thread: room for the row's o, factor states and the products above and below every node. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        double[] met = new double[0], above = new double[0], below = new double[0];
        int[] factorAt = new int[0];

        void fit(int nodes, int points) {
            if (factorAt.length >= nodes && above.length >= nodes * points) return;
            met = new double[nodes + 1];
            above = new double[nodes * points];
            below = new double[nodes * points];
            factorAt = new int[nodes];
        }
    }

    private LinearTreeShap(TreeEnsemble.Tree tree, double[] values) {
        this.tree = tree;
        int n = tree.nodes();
        int[] parent = new int[n];
        edgeFeature = new int[n];
        previous = new int[n];
        zero = new double[n];
        parent[0] = -1;
        previous[0] = n;
        zero[0] = 1;
        edgeFeature[0] = -1;
        for (int node = 0; node < n; node++) {
            if (tree.feature()[node] < 0) continue;
            for (int child : new int[] {tree.yes()[node], tree.no()[node]}) {
                parent[child] = node;
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
        alone = new double[n];
        for (int node = 1; node < n; node++) {
            alone[node] = previous[node] == n && !below.get(node).contains(edgeFeature[node]) ? 1 : 0;
        }
        splits = IntStream.range(0, n).filter(c -> tree.feature()[c] >= 0).toArray();
        leaves = IntStream.range(0, n).filter(c -> tree.feature()[c] < 0).toArray();
        List<Integer> withItems = new ArrayList<>(), starts = new ArrayList<>(), items = new ArrayList<>();
        for (int node = 0; node < n; node++) {
            if (tree.feature()[node] >= 0 || node == 0) continue;
            Map<Integer, Integer> last = new HashMap<>();
            for (int at = node; at > 0; at = parent[at]) last.putIfAbsent(edgeFeature[at], at);
            int start = items.size();
            for (int at : last.values()) if (alone[at] == 0) items.add(at);
            if (items.size() > start) {
                withItems.add(node);
                starts.add(start);
            }
        }
        starts.add(items.size());
        leafAt = withItems.stream().mapToInt(Integer::intValue).toArray();
        leafItemStart = starts.stream().mapToInt(Integer::intValue).toArray();
        leafItem = items.stream().mapToInt(Integer::intValue).toArray();
        leafAtValue = Arrays.stream(leafAt).mapToDouble(l -> values[l]).toArray();
        points = Math.max(1, (tree.depth() + 1) / 2);
        double[][] quadrature = gaussLegendre(points);
        double[] t = quadrature[0], omega = quadrature[1];
        int m = points;
        weightedLeaf = new double[leaves.length * m];
        for (int i = 0; i < leaves.length; i++) {
            for (int k = 0; k < m; k++) weightedLeaf[i * m + k] = omega[k] * values[leaves[i]];
        }
        factor = new double[n * 3 * m];
        weightOverB = new double[n * 2 * m];
        for (int c = 1; c < n; c++) {
            for (int k = 0; k < m; k++) {
                double missed = zero[c] * (1 - t[k]), met = missed + t[k];
                weightOverB[(c * 2) * m + k] = omega[k] / missed;
                weightOverB[(c * 2 + 1) * m + k] = omega[k] / met;
                if (previous[c] == n) {
                    factor[(c * 3) * m + k] = missed;
                    factor[(c * 3 + 1) * m + k] = missed;
                    factor[(c * 3 + 2) * m + k] = met;
                } else {
                    double before = zero[previous[c]] * (1 - t[k]);
                    factor[(c * 3) * m + k] = missed / before;
                    factor[(c * 3 + 1) * m + k] = missed / (before + t[k]);
                    factor[(c * 3 + 2) * m + k] = met / (before + t[k]);
                }
            }
        }
    }

    /** The tree's values with leaf outputs {@code values}, or null when a node has no training rows (z = 0). */
    static LinearTreeShap of(TreeEnsemble.Tree t, double[] values) {
        for (int c : t.cover()) if (c <= 0) return null;
        return new LinearTreeShap(t, values);
    }

    /**
     * Adds {@code scale} times the tree's Shapley value of every feature at x to phi: one pass down the splits for the
     * products above each node, one pass up for the sums below and the values of the splits alone on their feature,
     * then the leaves' shares of features split more than once.
     */
    void add(double[] x, double scale, double[] phi) {
        int n = tree.nodes(), m = points;
        Scratch s = SCRATCH.get();
        s.fit(n, m);
        double[] met = s.met, above = s.above, below = s.below;
        int[] factorAt = s.factorAt;
        int[] yes = tree.yes(), no = tree.no(), feature = tree.feature();
        double[] threshold = tree.threshold();
        // Whether the row meets all splits on the feature down to each node; index n stands for "no split before".
        met[0] = 1;
        met[n] = 1;
        Arrays.fill(above, 0, m, 1);
        for (int p : splits) {
            double go = x[feature[p]] <= threshold[p] ? 1 : 0;
            int y = yes[p], u = no[p];
            double wasY = met[previous[y]], wasU = met[previous[u]], oy = go * wasY, ou = (1 - go) * wasU;
            met[y] = oy;
            met[u] = ou;
            int yf = (y * 3 + (int) (wasY + oy)) * m, uf = (u * 3 + (int) (wasU + ou)) * m;
            factorAt[y] = yf;
            factorAt[u] = uf;
            for (int k = 0, ya = y * m, ua = u * m, up = p * m; k < m; k++) {
                double a = above[up + k];
                above[ya + k] = a * factor[yf + k];
                above[ua + k] = a * factor[uf + k];
            }
        }
        for (int i = 0; i < leaves.length; i++) {
            // A loop, not System.arraycopy: the call costs more than copying a few values.
            for (int k = 0, at = leaves[i] * m, from = i * m; k < m; k++) below[at + k] = weightedLeaf[from + k];
        }
        // Up the tree: each node's sum of its leaves' weighted values times the factors below it; a split alone on its
        // feature adds (o - z) times the integral of the products above and below each of its children.
        for (int i = splits.length - 1; i >= 0; i--) {
            int p = splits[i], y = yes[p], u = no[p];
            int at = p * m, ya = y * m, ua = u * m, yf = factorAt[y], uf = factorAt[u];
            double wy = alone[y] * (met[y] - zero[y]), wu = alone[u] * (met[u] - zero[u]), sum = 0;
            for (int k = 0; k < m; k++) {
                double by = below[ya + k], bu = below[ua + k];
                below[at + k] = factor[yf + k] * by + factor[uf + k] * bu;
                sum += above[at + k] * (wy * by + wu * bu);
            }
            phi[feature[p]] += scale * sum;
        }
        // A feature split more than once on a leaf's path: that leaf's share, by its combined b.
        for (int i = 0; i < leafAt.length; i++) {
            int l = leafAt[i];
            double v = scale * leafAtValue[i];
            for (int j = leafItemStart[i]; j < leafItemStart[i + 1]; j++) {
                int c = leafItem[j], w = (c * 2 + (int) met[c]) * m;
                double sum = 0;
                for (int k = 0, a = l * m; k < m; k++) sum += above[a + k] * weightOverB[w + k];
                phi[edgeFeature[c]] += v * (met[c] - zero[c]) * sum;
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
