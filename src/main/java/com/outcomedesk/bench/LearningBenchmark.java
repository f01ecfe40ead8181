package com.outcomedesk.bench;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.learn.BinaryMetrics;
import com.outcomedesk.learn.BinaryModel;
import com.outcomedesk.learn.Calibration;
import com.outcomedesk.learn.Candidate;
import com.outcomedesk.learn.CategoryModel;
import com.outcomedesk.learn.Dataset;
import com.outcomedesk.learn.DatasetBuilder;
import com.outcomedesk.learn.Folds;
import com.outcomedesk.learn.LoadedModel;
import com.outcomedesk.learn.LogisticModel;
import com.outcomedesk.learn.LogisticTrainer;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.Predictor;
import com.outcomedesk.learn.RiskTiers;
import com.outcomedesk.learn.TrainedModel;
import com.outcomedesk.learn.TreeModel;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.demo.DemoRecord;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.FeatureGroup;
import com.outcomedesk.text.Featurizer;
import com.outcomedesk.common.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures the learning engine on demo data generated in memory (no store): featurisation, one
 * logistic-regression fit, 5-fold evaluation plus the final fit, single-prediction latency (warm,
 * in-process), parallel batch scoring, held-out AUC against the true probabilities and a text-only
 * n-gram model, and peak resident memory. Records are streamed, never all held as text.
 */
public final class LearningBenchmark {
    private static final int LATENCY_SAMPLES = 20_000;
    private static final int BATCH_CHUNK = 50_000;
    /** Batch throughput is a rate: measured on at most this many records, as regenerating them dominates otherwise. */
    private static final int BATCH_RECORDS = 200_000;
    private static final long MIN_RECORDS = 1_000;
    private static final long MAX_RECORDS = 20_000_000;
    /** Field name in refusals. */
    public static final String RECORDS = "records";

    private final long records;
    private final long seed;
    private final ProgressListener progress;

    public LearningBenchmark(long records, long seed, ProgressListener progress) {
        if (records < MIN_RECORDS || records > MAX_RECORDS) throw InvalidRequestException.outOfRange(RECORDS, MIN_RECORDS, MAX_RECORDS);
        this.records = records;
        this.seed = seed;
        this.progress = progress;
    }

    private DemoDataGenerator generator() {
        return new DemoDataGenerator(seed, DemoDataGenerator.defaultDoctorCount(records), 0);
    }

    public Map<String, Object> run() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("records", records);
        out.put("heapMaxMb", Runtime.getRuntime().maxMemory() >> 20);
        out.put("processors", Runtime.getRuntime().availableProcessors());
        out.put("loadAverageAtStart", loadAverage());
        out.put("timesAre", "wall-clock seconds; *CpuSeconds is this process's CPU time for the same step, which does not "
                + "grow when other programs share the cores");

        Featurizer featurizer = new Featurizer(TrainingRequest.DEFAULT_BITS, ClinicalEntityExtractor.defaults());
        DatasetBuilder builder = new DatasetBuilder(featurizer);
        DemoDataGenerator generator = generator();
        double[] truth = new double[(int) records];
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            DemoRecord r = generator.next();
            truth[i] = r.probabilityWorse();
            builder.add(r.id(), r.doctorId(), r.summary(), r.appointmentDate(), r.trueCategory());
            if (i % 100_000 == 0) progress.progress("generating and featurising", i, records);
        }
        DatasetBuilder.Built built = builder.build();
        Dataset data = built.dataset();
        out.put("generateAndFeaturizeSeconds", seconds(start));
        out.put("doctors", built.doctorRows().size());

        int[] y = data.worseLabels();
        Folds folds = Folds.stratified(y, 5, 1, seed);
        int[] train = folds.train(0, 0), test = folds.test(0, 0);
        LogisticTrainer.Params params = LogisticTrainer.Params.forRows(data.rows());
        progress.progress("one logistic regression fit", 0, 1);
        start = System.nanoTime();
        long cpu = cpuNanos();
        LogisticModel model = LogisticTrainer.fit(data, train, Dataset.ALL, params, seed);
        out.put("lrFitSeconds", seconds(start));
        out.put("lrFitCpuSeconds", cpuSeconds(cpu));
        LogisticModel textOnly = LogisticTrainer.fit(data, train, EnumSet.of(FeatureGroup.TEXT), params, seed);
        out.put("auc", Map.of(
                "selectedModel", auc(model, data, test, y),
                "trueProbabilities", truthAuc(truth, test, y),
                "textNgramBaseline", auc(textOnly, data, test, y),
                "split", "stratified 80/20 holdout (fold 1 of 5, seed " + seed + ")",
                "textNgramBaselineIs", "logistic regression on the same hashed 1-2-grams alone (no doctor, entities or "
                        + "date): a stand-in for TF-IDF 1-2 grams + logistic regression, not scikit-learn itself"));

        progress.progress("5-fold evaluation and final fit", 0, 1);
        start = System.nanoTime();
        cpu = cpuNanos();
        for (int f = 0; f < 5; f++) {
            LogisticModel m = LogisticTrainer.fit(data, folds.train(0, f), Dataset.ALL, params, seed + f);
            int[] t = folds.test(0, f);
            for (int row : t) m.probability(data, row);
        }
        int[] all = new int[data.rows()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        LogisticModel finalModel = LogisticTrainer.fit(data, all, Dataset.ALL, params, seed);
        out.put("cvPlusFinalFitSeconds", seconds(start));
        out.put("cvPlusFinalFitCpuSeconds", cpuSeconds(cpu));
        start = System.nanoTime();
        CategoryModel categories = CategoryModel.fit(data, all, params, seed);
        out.put("categoryModelFitSeconds", seconds(start));
        out.put("parameters", params.describe());

        Set<String> doctors = Set.copyOf(built.doctorRows().keySet());
        // The tree candidates answer and explain (TreeSHAP) differently: each is timed as a model of its own.
        Map<String, TreeModel> trees = new LinkedHashMap<>();
        for (TreeModel.Kind kind : TreeModel.Kind.values()) {
            progress.progress("fitting " + kind, 0, 1);
            trees.put(kind == TreeModel.Kind.GBM ? Candidate.GBM : Candidate.FOREST, TreeModel.fit(kind, data, train, seed));
        }
        TrainedModel trained = new TrainedModel(Candidate.LOGREG, TrainingRequest.DEFAULT_BITS, finalModel, Calibration.IDENTITY,
                categories, null, doctors);
        built = null;
        data = null;
        Predictor predictor = new Predictor(new LoadedModel(trained, null, "benchmark model", null));
        Map<String, Object> single = new LinkedHashMap<>(latency(predictor));
        single.put("model", Candidate.LOGREG);
        trees.forEach((name, tree) -> single.put(name, latency(new Predictor(new LoadedModel(new TrainedModel(name,
                TrainingRequest.DEFAULT_BITS, tree, Calibration.IDENTITY, categories, null, doctors), null, "benchmark " + name, null)))));
        out.put("singlePrediction", single);
        out.put("batch", batch(predictor));
        out.put("peakRssMb", Memory.peakRssMb());
        out.put("loadAverageAtEnd", loadAverage());
        out.put("targets", Map.of("p50Micros", 25, "p99Micros", 250, "batchPerSecond", 500_000, "lrFitSeconds", 8,
                "cvPlusFinalFitSeconds", 45, "peakRssMb", 1536));
        return out;
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    private static double auc(BinaryModel model, Dataset data, int[] rows, int[] y) {
        double[] p = new double[rows.length];
        int[] t = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            p[i] = model.probability(data, rows[i]);
            t[i] = y[rows[i]];
        }
        return BinaryMetrics.auc(t, p);
    }

    private static double truthAuc(double[] truth, int[] rows, int[] y) {
        double[] p = new double[rows.length];
        int[] t = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            p[i] = truth[rows[i]];
            t[i] = y[rows[i]];
        }
        return BinaryMetrics.auc(t, p);
    }

    /** Per-call latency of full predictions (with explanation and categories) and of the probability alone. */
    private Map<String, Object> latency(Predictor predictor) {
        progress.progress("single predictions", 0, 1);
        List<PredictionRequest> requests = new ArrayList<>();
        DemoDataGenerator generator = generator();
        for (int i = 0; i < Math.min(LATENCY_SAMPLES, records); i++) {
            DemoRecord r = generator.next();
            requests.add(new PredictionRequest(r.doctorId(), r.summary(), r.appointmentDate()));
        }
        long[] full = new long[requests.size()];
        long[] fast = new long[requests.size()];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < requests.size(); i++) {
                long t = System.nanoTime();
                predictor.predict(requests.get(i), RiskTiers.DEFAULT);
                full[i] = System.nanoTime() - t;
                t = System.nanoTime();
                predictor.probability(requests.get(i));
                fast[i] = System.nanoTime() - t;
            }
        }
        return Map.of("samples", requests.size(), "warmupRounds", 2,
                "full", percentiles(full, "predict(): calibrated probability, tier, five categories, explanation"),
                "probabilityOnly", percentiles(fast, "probability(): calibrated probability of worse only"));
    }

    private static Map<String, Object> percentiles(long[] nanos, String what) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return Map.of("what", what, "p50Micros", s[s.length / 2] / 1000.0, "p99Micros", s[(int) (s.length * 0.99)] / 1000.0);
    }

    /** Scores every record in parallel chunks (generation not timed); featurisation is included. */
    private Map<String, Object> batch(Predictor predictor) {
        DemoDataGenerator generator = generator();
        long scored = 0, nanos = 0, cpu = 0, total = Math.min(records, BATCH_RECORDS);
        while (scored < total) {
            int n = (int) Math.min(BATCH_CHUNK, total - scored);
            PredictionRequest[] chunk = new PredictionRequest[n];
            for (int i = 0; i < n; i++) {
                DemoRecord r = generator.next();
                chunk[i] = new PredictionRequest(r.doctorId(), r.summary(), r.appointmentDate());
            }
            double[] p = new double[n];
            long t = System.nanoTime(), c = cpuNanos();
            java.util.stream.IntStream.range(0, n).parallel().forEach(i -> p[i] = predictor.probability(chunk[i]));
            nanos += System.nanoTime() - t;
            cpu += cpuNanos() - c;
            scored += n;
            progress.progress("batch scoring", scored, total);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return Map.of("scored", scored, "seconds", nanos / 1e9, "perSecond", Math.round(scored / (nanos / 1e9)),
                "cpuSeconds", cpu / 1e9, "perSecondOnIdleCores", Math.round(cores * scored / (cpu / 1e9)),
                "what", "probability of worse, featurisation included, parallel over all cores; perSecondOnIdleCores = "
                        + "cores x records per CPU-second");
    }

    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static double cpuSeconds(long startNanos) {
        return Math.round((cpuNanos() - startNanos) / 1e7) / 100.0;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

}
