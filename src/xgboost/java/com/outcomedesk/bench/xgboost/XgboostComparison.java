package com.outcomedesk.bench.xgboost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoRecord;
import com.outcomedesk.learn.BinaryMetrics;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.learn.Dataset;
import com.outcomedesk.learn.DatasetBuilder;
import com.outcomedesk.learn.Folds;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.learn.TreeModel;
import com.outcomedesk.learn.XgboostColumns;
import com.outcomedesk.text.Featurizer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * Our boosted trees against XGBoost4J's histogram method on the same demo rows, the same held-out fold and the same
 * columns ({@link XgboostColumns}), with the same settings (depth, rate, row share per tree, at most 300 rounds, early
 * stopping after 15 on a seeded tenth of the training rows): held-out AUC and the wall and CPU time of one fit, beside
 * the true probabilities' AUC. Built and run only under the Maven profile {@code xgboost}:
 * {@code mvn -q -Pxgboost -DskipTests package && java -Xmx1g -cp target/outcome-desk.jar
 * com.outcomedesk.bench.xgboost.XgboostComparison [RECORDS] [SEED]}.
 */
public final class XgboostComparison {
    private XgboostComparison() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 11;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("records", records);
        out.put("seed", seed);
        out.put("loadAverageAtStart", Files.readString(Path.of("/proc/loadavg")).strip());

        Featurizer featurizer = new Featurizer(TrainingRequest.DEFAULT_BITS, ClinicalEntityExtractor.defaults());
        DatasetBuilder builder = new DatasetBuilder(featurizer);
        DemoDataGenerator generator = new DemoDataGenerator(seed, DemoDataGenerator.defaultDoctorCount(records), 0);
        double[] truth = new double[records];
        for (int i = 0; i < records; i++) {
            DemoRecord r = generator.next();
            truth[i] = r.probabilityWorse();
            builder.add(r.id(), r.doctorId(), r.summary(), r.appointmentDate(), r.trueCategory());
        }
        Dataset data = builder.build().dataset();
        int[] y = data.worseLabels();
        Folds folds = Folds.stratified(y, 5, 1, seed);
        int[] train = folds.train(0, 0), test = folds.test(0, 0);
        out.put("trainRows", train.length);
        out.put("testRows", test.length);
        out.put("trueProbabilitiesAuc", auc(y, test, truth));

        long wall = System.nanoTime(), cpu = cpu();
        TreeModel ours = TreeModel.fit(TreeModel.Kind.GBM, data, train, seed);
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("fitSeconds", seconds(wall));
        own.put("fitCpuSeconds", (cpu() - cpu) / 1e9);
        double[] p = new double[data.rows()];
        for (int row : test) p[row] = ours.probability(data, row);
        own.put("heldOutAuc", auc(y, test, p));
        own.put("parameters", XgboostColumns.describeBoosting(train.length));
        out.put("outcomeDeskSparseTrees", own);

        wall = System.nanoTime();
        cpu = cpu();
        Map<String, Object> xgb = new LinkedHashMap<>();
        // Early stopping watches a seeded tenth of the training rows, as SparseTrees does (a draw of its own).
        SplittableRandom random = new SplittableRandom(seed ^ 0xB0057L);
        java.util.stream.IntStream.Builder grownRows = java.util.stream.IntStream.builder();
        java.util.stream.IntStream.Builder watchRows = java.util.stream.IntStream.builder();
        for (int r : train) (random.nextInt(10) == 0 ? watchRows : grownRows).add(r);
        int[] inner = grownRows.build().toArray(), watch = watchRows.build().toArray();
        XgboostColumns columns = XgboostColumns.fit(data, inner);
        DMatrix dtrain = matrix(columns.matrix(data, inner));
        DMatrix dwatch = matrix(columns.matrix(data, watch));
        boolean large = train.length >= 100_000;
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("eval_metric", "logloss");
        params.put("tree_method", "hist");
        params.put("max_depth", large ? 6 : 3);
        params.put("eta", large ? 0.3 : 0.15);
        params.put("subsample", large ? 0.5 : 1.0);
        params.put("lambda", 1.0);
        params.put("nthread", Runtime.getRuntime().availableProcessors());
        params.put("seed", (int) seed);
        Map<String, DMatrix> watches = new HashMap<>();
        watches.put("watch", dwatch);
        Booster booster = XGBoost.train(dtrain, params, 300, watches, null, null, null, 15);
        xgb.put("fitSeconds", seconds(wall));
        xgb.put("fitCpuSeconds", (cpu() - cpu) / 1e9);
        String best = booster.getAttr("best_iteration");
        int rounds = best == null ? booster.getNumBoostedRound() : Integer.parseInt(best) + 1;
        DMatrix dtest = matrix(columns.matrix(data, test));
        float[][] q = booster.predict(dtest, false, rounds);
        double[] pq = new double[data.rows()];
        for (int i = 0; i < test.length; i++) pq[test[i]] = q[i][0];
        xgb.put("heldOutAuc", auc(y, test, pq));
        xgb.put("rounds", rounds);
        xgb.put("columns", columns.columns());
        xgb.put("parameters", params);
        xgb.put("version", version());
        out.put("xgboost4jHist", xgb);
        out.put("peakRssMb", peakRssMb());
        out.put("loadAverageAtEnd", Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
    }

    /** XGBoost4J's version, from the Maven metadata in its jar. */
    private static String version() throws java.io.IOException {
        try (var in = DMatrix.class.getResourceAsStream("/META-INF/maven/ml.dmlc/xgboost4j_2.12/pom.properties")) {
            if (in == null) return "unknown";
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    private static DMatrix matrix(XgboostColumns.Matrix m) throws Exception {
        DMatrix d = new DMatrix(m.start(), m.column(), m.value(), DMatrix.SparseType.CSR, m.columns());
        d.setLabel(m.labels());
        return d;
    }

    private static double auc(int[] y, int[] rows, double[] p) {
        int[] t = new int[rows.length];
        double[] s = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = y[rows[i]];
            s[i] = p[rows[i]];
        }
        return BinaryMetrics.auc(t, s);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long peakRssMb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        return -1;
    }
}
