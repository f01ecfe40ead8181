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
 * worse rate and the month. Split search walks only the non-zeros of the rows in a node, so a tree costs about one
 * pass over the data per level and trees can see every row (Smile's CART re-sorted dense columns for each tree and
 * needed a 5,000-row sample to stay affordable). Gradient boosting (logistic loss, second-order leaves, early stopping
 * on an inner validation tenth) or a random forest (bootstrap rows, a random share of the columns per node). The
 * trees come out in {@link TreeEnsemble}'s flat layout with each node's cover (training rows that reached it), which
 * {@link TreeShap} explains by.
 */
final class SparseTrees {
    /** Boosting: learning rate, maximum rounds, rounds without validation gain before stopping, depth. */
    static final double RATE = 0.15;
    static final int MAX_ROUNDS = 300, PATIENCE = 15, BOOST_DEPTH = 3;
    /** Forest: trees, depth, share of the columns tried at each node. */
    static final int FOREST_TREES = 30, FOREST_DEPTH = 8;
    static final double FOREST_COLUMN_SHARE = 0.3;
    static final int MAX_COLUMNS = 4_000, RATE_BINS = 32;
    private static final double LAMBDA = 1.0;

    private final Dataset data;
    private final int[] rows;
    private final int columns;
    /** Per sample position: its binary columns (CSR). */
    private final int[] start, column;
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
        this.columns = kept.size();
        int[] colOf = new int[data.dimension()];
        Arrays.fill(colOf, -1);
        columnOf = new HashMap<>();
        for (int c = 0; c < columns; c++) {
            colOf[kept.get(c)[0]] = c;
            columnOf.put(kept.get(c)[0], c);
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
        column = cols.toArray();
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
        boolean[] validation = new boolean[n];
        int validationCount = 0;
        if (n >= 200) {
            for (int i = 0; i < n; i++) if (random.nextInt(10) == 0) {
                validation[i] = true;
                validationCount++;
            }
        }
        int[] train = new int[n - validationCount], held = new int[validationCount];
        for (int i = 0, a = 0, b = 0; i < n; i++) if (validation[i]) held[b++] = i; else train[a++] = i;
        double positives = 0;
        for (int i : train) positives += y[i];
        double prior = Math.min(1 - 1e-6, Math.max(1e-6, positives / Math.max(1, train.length)));
        double base = Math.log(prior / (1 - prior));
        double[] score = new double[n];
        Arrays.fill(score, base);
        double[] g = new double[n], h = new double[n];
        List<TreeEnsemble.Tree> trees = new ArrayList<>();
        double bestLoss = held.length == 0 ? 0 : loss(held, score);
        int bestRounds = 0;
        Builder builder = new Builder(BOOST_DEPTH, Math.max(1.0, train.length / 2_000.0), 1.0, null);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            TrainingService.checkCancelled();
            for (int i : train) {
                double p = Sigmoid.of(score[i]);
                g[i] = p - y[i];
                h[i] = Math.max(1e-6, p * (1 - p));
            }
            TreeEnsemble.Tree tree = builder.build(train.clone(), g, h, RATE);
            trees.add(tree);
            for (int i = 0; i < n; i++) score[i] += 2 * tree.leaf1()[leaf(tree, i)];
            if (held.length == 0) {
                bestRounds = trees.size();
                continue;
            }
            double l = loss(held, score);
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

    private double loss(int[] held, double[] score) {
        double sum = 0;
        for (int i : held) {
            double p = Sigmoid.of(score[i]);
            sum -= y[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        return sum / held.length;
    }

    // ---- forest

    private TreeEnsemble forest(long seed) {
        int n = rows.length;
        SplittableRandom random = new SplittableRandom(seed ^ 0xF0E57L);
        double[] g = new double[n], h = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = -y[i];
            h[i] = 1;
        }
        TreeEnsemble.Tree[] trees = new TreeEnsemble.Tree[FOREST_TREES];
        double[] weight = new double[FOREST_TREES];
        for (int t = 0; t < FOREST_TREES; t++) {
            TrainingService.checkCancelled();
            int[] bag = new int[n];
            for (int i = 0; i < n; i++) bag[i] = random.nextInt(n);
            Arrays.sort(bag);
            Builder builder = new Builder(FOREST_DEPTH, 5, 1e-6, random.split());
            TreeEnsemble.Tree tree = builder.build(bag, g, h, 1.0);
            // A regression leaf on the 0/1 label is the share of worse: the forest leaf's two class probabilities.
            for (int k = 0; k < tree.nodes(); k++) {
                if (tree.feature()[k] >= 0) continue;
                double q = Math.min(1, Math.max(0, tree.leaf1()[k]));
                tree.leaf0()[k] = 1 - q;
                tree.leaf1()[k] = q;
            }
            trees[t] = tree;
            weight[t] = 1;
        }
        return new TreeEnsemble(false, 0, 0, weight, trees);
    }

    private int leaf(TreeEnsemble.Tree t, int i) {
        int node = 0;
        while (t.feature()[node] >= 0) node = value(t.feature()[node], i) <= t.threshold()[node] ? t.yes()[node] : t.no()[node];
        return node;
    }

    private double value(int feature, int i) {
        if (feature == columns) return rate[i];
        if (feature == columns + 1) return month[i];
        for (int k = start[i]; k < start[i + 1]; k++) if (column[k] == feature) return 1;
        return 0;
    }

    /** Grows one tree depth-first over sample positions, nodes numbered in pre-order (children after parents). */
    private final class Builder {
        final int maxDepth;
        final double minHessian, lambda;
        /** Forest trees sample columns and keep the mean label in their leaves; boosting trees do neither. */
        final SplittableRandom columnSampler;
        final double[] gs = new double[columns], hs = new double[columns];
        final int[] touched = new int[columns];
        final boolean[] isTouched = new boolean[columns];
        DatasetBuilder.IntList feature, yes, no, cover;
        List<Double> threshold, leaf;
        double scale;

        Builder(int maxDepth, double minHessian, double lambda, SplittableRandom columnSampler) {
            this.maxDepth = maxDepth;
            this.minHessian = minHessian;
            this.lambda = lambda;
            this.columnSampler = columnSampler;
        }

        TreeEnsemble.Tree build(int[] sample, double[] g, double[] h, double scale) {
            feature = new DatasetBuilder.IntList(16);
            yes = new DatasetBuilder.IntList(16);
            no = new DatasetBuilder.IntList(16);
            cover = new DatasetBuilder.IntList(16);
            threshold = new ArrayList<>();
            leaf = new ArrayList<>();
            this.scale = scale;
            grow(sample, 0, sample.length, 0, g, h);
            int size = feature.size();
            double[] thr = new double[size], l1 = new double[size];
            for (int k = 0; k < size; k++) {
                thr[k] = threshold.get(k);
                l1[k] = leaf.get(k);
            }
            return new TreeEnsemble.Tree(feature.toArray(), thr, yes.toArray(), no.toArray(), new double[size], l1, cover.toArray());
        }

        /** A new node reached by {@code rows} sample positions (a bootstrap row counts as often as it was drawn). */
        private int node(int rows) {
            feature.add(-1);
            yes.add(0);
            no.add(0);
            cover.add(rows);
            threshold.add(0.0);
            leaf.add(0.0);
            return feature.size() - 1;
        }

        private int grow(int[] s, int from, int to, int depth, double[] g, double[] h) {
            int at = node(to - from);
            double gTotal = 0, hTotal = 0;
            for (int k = from; k < to; k++) {
                gTotal += g[s[k]];
                hTotal += h[s[k]];
            }
            Split best = depth < maxDepth && hTotal >= 2 * minHessian ? bestSplit(s, from, to, gTotal, hTotal, g, h) : null;
            if (best == null) {
                // Boosting: half the Newton step (TreeEnsemble doubles it); forest: the node's mean label.
                double w = -gTotal / (hTotal + lambda);
                leaf.set(at, columnSampler != null ? w : scale * w / 2);
                return at;
            }
            importance[best.feature] += best.gain;
            int mid = partition(s, from, to, best);
            feature.set(at, best.feature);
            threshold.set(at, best.threshold);
            yes.set(at, grow(s, from, mid, depth + 1, g, h));
            no.set(at, grow(s, mid, to, depth + 1, g, h));
            return at;
        }

        private record Split(int feature, double threshold, double gain) {
        }

        private double score(double g, double h) {
            return g * g / (h + lambda);
        }

        private Split bestSplit(int[] s, int from, int to, double gTotal, double hTotal, double[] g, double[] h) {
            int touchedCount = 0;
            for (int k = from; k < to; k++) {
                int i = s[k];
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int c = column[e];
                    if (!isTouched[c]) {
                        isTouched[c] = true;
                        touched[touchedCount++] = c;
                    }
                    gs[c] += g[i];
                    hs[c] += h[i];
                }
            }
            double parent = score(gTotal, hTotal);
            int bestFeature = -1;
            double bestGain = 1e-9, bestThreshold = 0;
            for (int t = 0; t < touchedCount; t++) {
                int c = touched[t];
                double gl = gs[c], hl = hs[c];
                gs[c] = 0;
                hs[c] = 0;
                isTouched[c] = false;
                if (columnSampler != null && columnSampler.nextDouble() >= FOREST_COLUMN_SHARE) continue;
                double hr = hTotal - hl;
                if (hl < minHessian || hr < minHessian) continue;
                double gain = score(gl, hl) + score(gTotal - gl, hr) - parent;
                // present goes right (x = 1 > 0.5), absent left
                if (gain > bestGain) {
                    bestGain = gain;
                    bestFeature = c;
                    bestThreshold = 0.5;
                }
            }
            {
                double[][] rateHist = histogram(s, from, to, g, h, rateBin, RATE_BINS);
                Split r = scan(rateHist, gTotal, hTotal, parent, columns, bestGain);
                if (r != null) {
                    bestGain = r.gain;
                    bestFeature = r.feature;
                    bestThreshold = rateEdge[(int) r.threshold];
                }
                double[][] monthHist = histogram(s, from, to, g, h, month, 13);
                Split m = scan(monthHist, gTotal, hTotal, parent, columns + 1, bestGain);
                if (m != null) {
                    bestGain = m.gain;
                    bestFeature = m.feature;
                    bestThreshold = m.threshold + 0.5;
                }
            }
            return bestFeature < 0 ? null : new Split(bestFeature, bestThreshold, bestGain);
        }

        private double[][] histogram(int[] s, int from, int to, double[] g, double[] h, int[] bin, int bins) {
            double[][] hist = new double[2][bins];
            for (int k = from; k < to; k++) {
                hist[0][bin[s[k]]] += g[s[k]];
                hist[1][bin[s[k]]] += h[s[k]];
            }
            return hist;
        }

        /** The best "value <= bin b" split of a histogram; threshold is the bin index. */
        private Split scan(double[][] hist, double gTotal, double hTotal, double parent, int feature, double atLeast) {
            double gl = 0, hl = 0;
            Split best = null;
            for (int b = 0; b < hist[0].length - 1; b++) {
                gl += hist[0][b];
                hl += hist[1][b];
                double hr = hTotal - hl;
                if (hl < minHessian || hr < minHessian) continue;
                double gain = score(gl, hl) + score(gTotal - gl, hr) - parent;
                if (gain > atLeast) {
                    atLeast = gain;
                    best = new Split(feature, b, gain);
                }
            }
            return best;
        }

        /** Moves the node's samples that go left (value <= threshold) to the front; returns where the right ones start. */
        private int partition(int[] s, int from, int to, Split split) {
            int left = from;
            for (int k = from; k < to; k++) {
                if (value(split.feature, s[k]) <= split.threshold) {
                    int t = s[left];
                    s[left] = s[k];
                    s[k] = t;
                    left++;
                }
            }
            return left;
        }
    }
}
