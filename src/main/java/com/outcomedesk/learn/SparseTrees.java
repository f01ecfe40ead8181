package com.outcomedesk.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Our own tree learner over the sparse features: every entity feature (entities, negation, durations and numbers as
 * thresholds, entity pairs, follow-up bucket) seen often enough becomes a binary column, beside the doctor's smoothed
 * worse rate and the month. Trees grow level by level on gradient histograms ({@link Grower}): a level costs one
 * sequential pass over the non-zeros, so boosting sees every labelled row (Smile's CART re-sorted dense columns for
 * each tree and needed a 5,000-row sample). Gradient boosting (logistic loss, second-order leaves, early stopping on an
 * inner validation tenth, {@link Boosting}) or a random forest (bootstrap rows, a random share of the columns per node). The
 * trees come out in {@link TreeEnsemble}'s flat layout with each node's cover (training rows that reached it), which
 * {@link TreeShap} explains by.
 */
final class SparseTrees {
    /** Boosting: maximum rounds, rounds without validation gain before stopping. */
    static final int MAX_ROUNDS = 300, PATIENCE = 15;

    /**
     * Boosting's depth, learning rate and the share of the training rows each tree grows on (stochastic boosting: over
     * the rounds every row is used). Chosen by measurement on demo data: at 20,000 rows depth 3 at 0.15 on all rows; at
     * 800,000 rows depth 6 at 0.3 on half the rows per tree gained AUC (0.7398 to 0.7404) in fewer rounds (300 to 130).
     */
    record Boosting(int depth, double rate, double subsample) {
        static final int LARGE = 100_000;

        static Boosting forRows(int rows) {
            return rows >= LARGE ? new Boosting(6, 0.3, 0.5) : new Boosting(3, 0.15, 1.0);
        }
    }
    /** Forest: trees, depth, share of the columns tried at each node. */
    static final int FOREST_TREES = 30, FOREST_DEPTH = 8;
    static final double FOREST_COLUMN_SHARE = 0.3;
    static final int MAX_COLUMNS = 4_000, RATE_BINS = 32;
    private static final double LAMBDA = 1.0;

    private final Dataset data;
    private final int[] rows;
    private final int columns;
    /** Per sample position: its binary columns (CSR; fewer than 65,536 columns, so one char each), ascending. */
    private final int[] start;
    private final char[] column;
    private final int[] y;
    private final double[] rate;
    private final int[] rateBin, month;
    private final double[] rateEdge;
    final Map<Integer, Integer> columnOf;
    final DoctorRateModel rates;
    final double[] importance;

    private SparseTrees(Dataset data, int[] rows) {
        this.data = data;
        this.rows = rows;
        this.rates = DoctorRateModel.fit(data, rows);
        int[] kept = frequentEntities(data, rows);
        int[] seenIn = new int[data.dimension()];
        this.columns = kept.length;
        int[] colOf = new int[data.dimension()];
        Arrays.fill(colOf, -1);
        columnOf = new HashMap<>();
        for (int c = 0; c < columns; c++) {
            colOf[kept[c]] = c;
            columnOf.put(kept[c], c);
        }
        DatasetBuilder.IntList cols = new DatasetBuilder.IntList(rows.length * 8 + 16);
        start = new int[rows.length + 1];
        Arrays.fill(seenIn, -1);
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < data.entityCount(rows[i]); k++) {
                int c = colOf[data.entity(rows[i], k)];
                if (c >= 0 && seenIn[c] != i) {
                    seenIn[c] = i;
                    cols.add(c);
                }
            }
            start[i + 1] = cols.size();
        }
        column = new char[cols.size()];
        for (int k = 0; k < column.length; k++) column[k] = (char) cols.get(k);
        // Ascending within a row: the commonest columns come first, so looking one up mostly stops after a step or two.
        for (int i = 0; i < rows.length; i++) Arrays.sort(column, start[i], start[i + 1]);
        y = new int[rows.length];
        rate = new double[rows.length];
        month = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = data.worse(rows[i]);
            rate[i] = rates.probability(data, rows[i]);
            month[i] = data.monthOfYear[rows[i]];
        }
        double[] sorted = rate.clone();
        Arrays.sort(sorted);
        rateEdge = new double[RATE_BINS - 1];
        for (int b = 0; b < rateEdge.length; b++) rateEdge[b] = sorted[(int) ((long) (b + 1) * (sorted.length - 1) / RATE_BINS)];
        rateBin = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int b = Arrays.binarySearch(rateEdge, rate[i]);
            rateBin[i] = b >= 0 ? firstEqual(rateEdge, b) : -b - 1;
        }
        importance = new double[columns + 2];
    }

    /**
     * The entity features that become binary columns: those seen in at least max(3, rows/5000) of the rows and absent
     * from as many, at most {@link #MAX_COLUMNS}, commonest first (ties by feature index).
     */
    static int[] frequentEntities(Dataset data, int[] rows) {
        int[] count = new int[data.dimension()];
        int[] seenIn = new int[data.dimension()];
        Arrays.fill(seenIn, -1);
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < data.entityCount(rows[i]); k++) {
                int f = data.entity(rows[i], k);
                if (seenIn[f] != i) {
                    seenIn[f] = i;
                    count[f]++;
                }
            }
        }
        int minCount = Math.max(3, rows.length / 5_000);
        List<int[]> kept = new ArrayList<>();
        for (int f = 0; f < count.length; f++) if (count[f] >= minCount && count[f] <= rows.length - minCount) kept.add(new int[] {f, count[f]});
        kept.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
        if (kept.size() > MAX_COLUMNS) kept = kept.subList(0, MAX_COLUMNS);
        return kept.stream().mapToInt(k -> k[0]).toArray();
    }

    private static int firstEqual(double[] edges, int b) {
        while (b > 0 && edges[b - 1] == edges[b]) b--;
        return b;
    }

    static TreeModel fit(TreeModel.Kind kind, Dataset data, int[] rows, long seed) {
        SparseTrees t = new SparseTrees(data, rows);
        TreeEnsemble ensemble = kind == TreeModel.Kind.GBM ? t.boost(seed) : t.forest(seed);
        return new TreeModel(kind, ensemble, Map.copyOf(t.columnOf), t.rates, t.importance);
    }

    // ---- boosting

    private TreeEnsemble boost(long seed) {
        int n = rows.length;
        SplittableRandom random = new SplittableRandom(seed ^ 0xB0057L);
        // Early stopping watches a seeded tenth of the training rows; the trees are grown on the other nine tenths.
        boolean[] held = new boolean[n];
        int heldCount = 0;
        if (n >= 200) {
            for (int i = 0; i < n; i++) if (random.nextInt(10) == 0) {
                held[i] = true;
                heldCount++;
            }
        }
        int[] weight = new int[n];
        double positives = 0;
        for (int i = 0; i < n; i++) if (!held[i]) positives += y[i];
        Boosting params = Boosting.forRows(n);
        double subsample = params.subsample();
        double prior = Math.min(1 - 1e-6, Math.max(1e-6, positives / Math.max(1, n - heldCount)));
        double base = Math.log(prior / (1 - prior));
        double[] score = new double[n];
        Arrays.fill(score, base);
        double[] g = new double[n], h = new double[n];
        List<TreeEnsemble.Tree> trees = new ArrayList<>();
        double bestLoss = heldCount == 0 ? 0 : loss(held, heldCount, score);
        int bestRounds = 0;
        Grower grower = new Grower(params.depth(), Math.max(1.0, (n - heldCount) * subsample / 2_000.0), LAMBDA, null);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            TrainingService.checkCancelled();
            for (int i = 0; i < n; i++) {
                if (held[i]) continue;
                // Each tree grows on a seeded share of the training rows (stochastic boosting): over the rounds every row is used.
                weight[i] = subsample >= 1 || random.nextDouble() < subsample ? 1 : 0;
                if (weight[i] == 0) continue;
                double p = Sigmoid.of(score[i]);
                g[i] = p - y[i];
                h[i] = Math.max(1e-6, p * (1 - p));
            }
            TreeEnsemble.Tree tree = grower.grow(g, h, weight, params.rate());
            trees.add(tree);
            // Every row, held or not, was routed to its leaf while the tree grew.
            for (int i = 0; i < n; i++) score[i] += 2 * tree.leaf1()[grower.nodeOf[i]];
            if (heldCount == 0) {
                bestRounds = trees.size();
                continue;
            }
            double l = loss(held, heldCount, score);
            if (l < bestLoss - 1e-9) {
                bestLoss = l;
                bestRounds = trees.size();
            } else if (trees.size() - bestRounds >= PATIENCE) {
                break;
            }
        }
        // Smile's convention, which TreeEnsemble follows: p = sigmoid(2 (intercept + shrinkage * sum of leaves)).
        return new TreeEnsemble(true, base / 2, 1.0, new double[0], trees.subList(0, Math.max(1, bestRounds)).toArray(TreeEnsemble.Tree[]::new));
    }

    private double loss(boolean[] held, int heldCount, double[] score) {
        double sum = 0;
        for (int i = 0; i < held.length; i++) {
            if (!held[i]) continue;
            double p = Sigmoid.of(score[i]);
            sum -= y[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return sum / heldCount;
    }

    /** Whether sample position i has binary column c (its columns are ascending). */
    private boolean hasColumn(int i, int c) {
        for (int k = start[i]; k < start[i + 1]; k++) {
            if (column[k] >= c) return column[k] == c;
        }
        return false;
    }

    // ---- forest

    private TreeEnsemble forest(long seed) {
        int n = rows.length;
        SplittableRandom random = new SplittableRandom(seed ^ 0xF0E57L);
        double[] g = new double[n], h = new double[n];
        int[] weight = new int[n];
        TreeEnsemble.Tree[] trees = new TreeEnsemble.Tree[FOREST_TREES];
        double[] treeWeight = new double[FOREST_TREES];
        for (int t = 0; t < FOREST_TREES; t++) {
            TrainingService.checkCancelled();
            // A bootstrap sample as counts: a row drawn twice weighs twice.
            Arrays.fill(weight, 0);
            for (int i = 0; i < n; i++) weight[random.nextInt(n)]++;
            for (int i = 0; i < n; i++) {
                g[i] = -y[i] * weight[i];
                h[i] = weight[i];
            }
            Grower grower = new Grower(FOREST_DEPTH, 5, 1e-6, random.split());
            TreeEnsemble.Tree tree = grower.grow(g, h, weight, 1.0);
            // A regression leaf on the 0/1 label is the share of worse: the forest leaf's two class probabilities.
            for (int k = 0; k < tree.nodes(); k++) {
                if (tree.feature()[k] >= 0) continue;
                double q = Math.min(1, Math.max(0, tree.leaf1()[k]));
                tree.leaf0()[k] = 1 - q;
                tree.leaf1()[k] = q;
            }
            trees[t] = tree;
            treeWeight[t] = 1;
        }
        return new TreeEnsemble(false, 0, 0, treeWeight, trees);
    }

    /**
     * Grows one tree level by level with gradient histograms: each level is one pass over the rows in their stored
     * order (sequential reads of the sparse rows), adding each row's gradient to the histogram of its node; only the
     * smaller child of each split is counted and its sibling is the parent minus it. Every row (also those of weight 0,
     * e.g. the early-stopping rows) is routed to its node, so after {@link #grow} {@link #nodeOf} holds each row's leaf.
     * Nodes are numbered level by level, so children come after their parent.
     */
    private final class Grower {
        /** Histogram layout of a node: the binary columns, the doctor-rate bins, then the 13 month values; g and h interleaved. */
        final int width = columns + RATE_BINS + 13;
        final int maxDepth;
        final double minHessian, lambda;
        /** Forest trees try a random share of the columns at each node; boosting trees try them all. */
        final SplittableRandom columnSampler;
        final int[] nodeOf;
        DatasetBuilder.IntList feature, yes, no, bin;
        List<Double> threshold, nodeG, nodeH;
        int[] cover = new int[16];

        Grower(int maxDepth, double minHessian, double lambda, SplittableRandom columnSampler) {
            this.maxDepth = maxDepth;
            this.minHessian = minHessian;
            this.lambda = lambda;
            this.columnSampler = columnSampler;
            this.nodeOf = new int[rows.length];
        }

        private record Split(int feature, int bin, double gain, double gl, double hl) {
        }

        TreeEnsemble.Tree grow(double[] g, double[] h, int[] weight, double scale) {
            feature = new DatasetBuilder.IntList(16);
            yes = new DatasetBuilder.IntList(16);
            no = new DatasetBuilder.IntList(16);
            bin = new DatasetBuilder.IntList(16);
            threshold = new ArrayList<>();
            nodeG = new ArrayList<>();
            nodeH = new ArrayList<>();
            Arrays.fill(nodeOf, 0);
            double gRoot = 0, hRoot = 0;
            int coverRoot = 0;
            for (int i = 0; i < rows.length; i++) {
                gRoot += g[i];
                hRoot += h[i];
                coverRoot += weight[i];
            }
            node(gRoot, hRoot);
            cover[0] = coverRoot;
            int[] level = {0};
            double[][] hist = {histograms(level, new int[] {0}, g, h, weight)};
            for (int depth = 0; depth < maxDepth && level.length > 0; depth++) {
                int[] children = new int[2 * level.length];
                int[] countedSlot = new int[level.length];
                int[] parentSlot = new int[level.length], splitNodes = new int[level.length];
                int pairs = 0;
                for (int s = 0; s < level.length; s++) {
                    int at = level[s];
                    Split split = nodeH.get(at) >= 2 * minHessian ? bestSplit(hist[s], nodeG.get(at), nodeH.get(at)) : null;
                    if (split == null) continue;
                    importance[split.feature] += split.gain;
                    int left = node(split.gl, split.hl), right = node(nodeG.get(at) - split.gl, nodeH.get(at) - split.hl);
                    feature.set(at, split.feature);
                    bin.set(at, split.bin);
                    threshold.set(at, split.feature < columns ? 0.5 : split.feature == columns ? rateEdge[split.bin] : split.bin + 0.5);
                    yes.set(at, left);
                    no.set(at, right);
                    splitNodes[pairs] = at;
                    children[2 * pairs] = left;
                    children[2 * pairs + 1] = right;
                    parentSlot[pairs] = s;
                    // The child with less hessian is counted; its sibling is the parent minus it.
                    countedSlot[pairs] = split.hl <= nodeH.get(at) - split.hl ? 0 : 1;
                    pairs++;
                }
                if (pairs == 0) break;
                route(weight, Arrays.copyOf(splitNodes, pairs));
                if (depth + 1 == maxDepth) break;
                int[] next = Arrays.copyOf(children, 2 * pairs);
                int[] counted = new int[pairs];
                for (int p = 0; p < pairs; p++) counted[p] = next[2 * p + countedSlot[p]];
                double[] small = histograms(next, counted, g, h, weight);
                double[][] nextHist = new double[2 * pairs][];
                for (int p = 0; p < pairs; p++) {
                    double[] parent = hist[parentSlot[p]];
                    double[] mine = Arrays.copyOfRange(small, p * 2 * width, (p + 1) * 2 * width);
                    for (int k = 0; k < parent.length; k++) parent[k] -= mine[k];
                    nextHist[2 * p + countedSlot[p]] = mine;
                    nextHist[2 * p + 1 - countedSlot[p]] = parent;
                }
                level = next;
                hist = nextHist;
            }
            int size = feature.size();
            double[] thr = new double[size], l1 = new double[size];
            for (int k = 0; k < size; k++) {
                thr[k] = threshold.get(k);
                // Boosting: half the Newton step (TreeEnsemble doubles it); forest: the node's mean label.
                double w = -nodeG.get(k) / (nodeH.get(k) + lambda);
                l1[k] = feature.get(k) >= 0 ? 0 : columnSampler != null ? w : scale * w / 2;
            }
            return new TreeEnsemble.Tree(feature.toArray(), thr, yes.toArray(), no.toArray(), new double[size], l1,
                    Arrays.copyOf(cover, size));
        }

        private int node(double g, double h) {
            feature.add(-1);
            yes.add(0);
            no.add(0);
            bin.add(0);
            threshold.add(0.0);
            nodeG.add(g);
            nodeH.add(h);
            if (feature.size() > cover.length) cover = Arrays.copyOf(cover, cover.length * 2);
            cover[feature.size() - 1] = 0;
            return feature.size() - 1;
        }

        /** Sends every row of a node split at this level to its child, counting the children's cover. */
        private void route(int[] weight, int[] split) {
            int nodes = feature.size();
            int[] splitFeature = new int[nodes], splitBin = new int[nodes], left = new int[nodes], right = new int[nodes];
            Arrays.fill(splitFeature, -1);
            for (int at : split) {
                splitFeature[at] = feature.get(at);
                splitBin[at] = bin.get(at);
                left[at] = yes.get(at);
                right[at] = no.get(at);
            }
            for (int i = 0; i < rows.length; i++) {
                int at = nodeOf[i];
                int f = splitFeature[at];
                if (f < 0) continue;
                boolean goesLeft = f < columns ? !hasColumn(i, f) : (f == columns ? rateBin[i] : month[i]) <= splitBin[at];
                int child = goesLeft ? left[at] : right[at];
                nodeOf[i] = child;
                cover[child] += weight[i];
            }
        }

        /** The histograms of the counted nodes (one block of 2 * width per entry, in the order given). */
        private double[] histograms(int[] level, int[] counted, double[] g, double[] h, int[] weight) {
            int[] slotOf = new int[feature.size()];
            Arrays.fill(slotOf, -1);
            for (int s = 0; s < counted.length; s++) slotOf[counted[s]] = s;
            double[] hist = new double[counted.length * 2 * width];
            int rateAt = 2 * columns, monthAt = 2 * (columns + RATE_BINS);
            for (int i = 0; i < rows.length; i++) {
                if (weight[i] == 0) continue;
                int s = slotOf[nodeOf[i]];
                if (s < 0) continue;
                int base = s * 2 * width;
                double gi = g[i], hi = h[i];
                for (int k = start[i]; k < start[i + 1]; k++) {
                    int at = base + 2 * column[k];
                    hist[at] += gi;
                    hist[at + 1] += hi;
                }
                int r = base + rateAt + 2 * rateBin[i];
                hist[r] += gi;
                hist[r + 1] += hi;
                int m = base + monthAt + 2 * month[i];
                hist[m] += gi;
                hist[m + 1] += hi;
            }
            return hist;
        }

        private double score(double g, double h) {
            return g * g / (h + lambda);
        }

        private Split bestSplit(double[] hist, double gTotal, double hTotal) {
            double parent = score(gTotal, hTotal);
            Split best = null;
            double bestGain = 1e-9;
            for (int c = 0; c < columns; c++) {
                double gr = hist[2 * c], hr = hist[2 * c + 1];
                if (hr == 0) continue;
                if (columnSampler != null && columnSampler.nextDouble() >= FOREST_COLUMN_SHARE) continue;
                double hl = hTotal - hr;
                if (hl < minHessian || hr < minHessian) continue;
                double gl = gTotal - gr;
                // present goes right (x = 1 > 0.5), absent left
                double gain = score(gl, hl) + score(gr, hr) - parent;
                if (gain > bestGain) {
                    bestGain = gain;
                    best = new Split(c, 0, gain, gl, hl);
                }
            }
            Split r = scan(hist, 2 * columns, RATE_BINS, columns, gTotal, hTotal, parent, bestGain);
            if (r != null) {
                best = r;
                bestGain = r.gain;
            }
            Split m = scan(hist, 2 * (columns + RATE_BINS), 13, columns + 1, gTotal, hTotal, parent, bestGain);
            return m != null ? m : best;
        }

        /** The best "bin <= b" split of an ordered histogram. */
        private Split scan(double[] hist, int from, int bins, int feature, double gTotal, double hTotal, double parent, double atLeast) {
            double gl = 0, hl = 0;
            Split best = null;
            for (int b = 0; b < bins - 1; b++) {
                gl += hist[from + 2 * b];
                hl += hist[from + 2 * b + 1];
                double hr = hTotal - hl;
                if (hl < minHessian || hr < minHessian) continue;
                double gain = score(gl, hl) + score(gTotal - gl, hr) - parent;
                if (gain > atLeast) {
                    atLeast = gain;
                    best = new Split(feature, b, gain, gl, hl);
                }
            }
            return best;
        }
    }
}
