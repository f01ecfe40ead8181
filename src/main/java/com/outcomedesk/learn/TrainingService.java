package com.outcomedesk.learn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.AppVersion;
import com.outcomedesk.history.HistoryFeatures;
import com.outcomedesk.history.PatientHistoryTable;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.LearningRows;
import com.outcomedesk.store.PatientVisits;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.Featurizer;
import com.outcomedesk.common.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Trains on every labelled appointment in the store: loads them as hashed features, cross-validates all
 * candidates, fits the selected one and the five-category model on all rows, and saves a new model
 * version with its provenance. Interrupting the calling thread cancels training (nothing is saved).
 */
public final class TrainingService {
    private final LearningRows labelled;
    private final PatientVisits visits;
    private final ModelRegistry registry;
    private final Clock clock;

    public TrainingService(Database database, ModelRegistry registry, Clock clock) {
        this.labelled = new LearningRows(database);
        this.visits = new PatientVisits(database);
        this.registry = registry;
        this.clock = clock;
    }

    /** Throws {@link CancellationException} once the current thread has been interrupted. */
    static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("Training cancelled");
    }

    public TrainingResult train(TrainingRequest request, Actor actor, ProgressListener progress) {
        return run(request, actor, progress, false).result();
    }

    /**
     * Trains a challenger (saved as a candidate version, never activated here) and measures it against the active
     * champion on the same time-ordered holdout and the same folds; the caller decides what to do with it.
     */
    public ChallengerRun challenge(TrainingRequest request, Actor actor, ProgressListener progress) {
        if (request.activate()) throw new IllegalArgumentException("A challenger is activated by its policy's decision, not by training.");
        return run(request, actor, progress, true);
    }

    /** A challenger version and what it measured against the champion. */
    public record ChallengerRun(TrainingResult result, ChallengerEvidence evidence) {
    }

    private ChallengerRun run(TrainingRequest request, Actor actor, ProgressListener progress, boolean compare) {
        actor.requireAdministrator("train a model");
        long start = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now(clock);
        Featurizer featurizer = new Featurizer(request.hashBits(), ClinicalEntityExtractor.defaults());
        progress.progress("patient history", 0, 1);
        PatientHistoryTable histories = PatientHistoryTable.load(visits);
        boolean withHistory = usesPatientHistory(histories, labelled.labelledCount());
        LabelledData.Loaded loaded = LabelledData.load(labelled, featurizer, withHistory ? histories : null, progress);
        DatasetBuilder.Built built = loaded.built();
        Evaluator evaluator = new Evaluator(built.dataset(), request, progress);
        Evaluation folds;
        Optional<TimeOrderedSplit.Holdout> holdout;
        TrainedModel fitted;
        try (ParallelTasks early = new ParallelTasks()) {
            // The five-category model on all rows needs nothing from the folds: it runs beside them, which fills the end of
            // cross-validation where one core used to wait (at a million rows, about 8 s of this fit ran alone).
            Future<CategoryModel> categories = fitCategories(early, built.dataset(), request);
            folds = evaluator.evaluate();
            progress.progress("time-ordered validation and final fit", 0, 1);
            Candidate chosen = candidate(folds, built.dataset().rows());
            java.time.LocalDate[] dates = loaded.dates();
            try (ParallelTasks pool = new ParallelTasks()) {
                // The time-ordered fit and the final fit are independent: they share the two cores.
                Supplier<TrainedModel> finalFit = fitFinal(pool, built.dataset(), folds, request, built.doctorRows().keySet(), categories);
                Future<Optional<TimeOrderedSplit.Holdout>> time = pool.submit(() -> TimeOrderedSplit.holdout(built.dataset(), dates,
                        chosen, request.seed()));
                fitted = finalFit.get().withHistoryVersion(withHistory ? HistoryFeatures.VERSION : 0);
                holdout = ParallelTasks.get(time);
            }
        }
        double cvAuc = folds.selectedResult().auc();
        Optional<TimeOrderedSplit.Result> timeOrdered = holdout.map(h -> TimeOrderedSplit.result(h, cvAuc));
        Evaluation evaluation = timeOrdered.map(t -> withNote(folds, t.note())).orElse(folds);
        checkCancelled();
        LoadedModel champion = null;
        if (compare) {
            progress.progress("comparing with the active model", 0, 1);
            champion = registry.activeVersionModel().orElse(null);
        }
        progress.progress("saving", 0, 1);
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        Candidate selected = candidate(evaluation, built.dataset().rows());
        ModelProvenance provenance = provenance(request, selected, built, evaluation, actor, startedAt, durationMs, withHistory);
        TrainedModel model = fitted.withProvenance(provenance);
        ChallengerEvidence evidence = null;
        if (compare) {
            // Measured before saving, so that a cancelled or failed comparison leaves no version behind.
            evidence = ChampionComparison.measure(champion, labelled, histories, holdout, evaluation,
                    evaluator.outOfFold(evaluation.selected()), built.dataset().worseLabels(), 0);
            checkCancelled();
        }
        ModelVersionInfo version = registry.save(model, json(selected.params()), provenance.featureSpec().summary(),
                built.fingerprint(), built.dataset().rows(), request.folds(), json(metricsDocument(evaluation, timeOrdered.orElse(null))),
                json(provenanceDocument(provenance, selected, evaluation, built.doctorRows().size())), actor, startedAt, durationMs);
        boolean activated = false;
        if (request.activate()) {
            registry.activate(version.version(), actor);
            activated = true;
        }
        progress.progress("saving", 1, 1);
        TrainingResult result = new TrainingResult(version.version(), evaluation.selected(), summary(evaluation.selectedResult()),
                evaluation, activated, durationMs, built.dataset().rows(), built.doctorRows().size());
        return new ChallengerRun(result, evidence == null ? null : evidence.withChallengerVersion(version.version()));
    }

    /**
     * Patient history becomes a feature group once enough appointments have earlier ones of the same patient to learn
     * from: at least {@link #HISTORY_MIN_ROWS} and one in a hundred labelled appointments. Below that (no patient
     * references, or every patient seen once) the model is trained, saved and fed exactly as without the group.
     */
    static boolean usesPatientHistory(PatientHistoryTable histories, long labelledRows) {
        return histories.withEarlier() >= Math.max(HISTORY_MIN_ROWS, labelledRows / 100);
    }

    static final int HISTORY_MIN_ROWS = 20;

    /** Fits the selected model and the five-category model on all rows, with the out-of-fold calibration. */
    public static TrainedModel fitFinal(Dataset data, Evaluation evaluation, TrainingRequest request, Set<String> doctors) {
        try (ParallelTasks pool = new ParallelTasks()) {
            return fitFinal(pool, data, evaluation, request, doctors, fitCategories(pool, data, request)).get();
        }
    }

    /** Starts the five-category model's fit on all rows. */
    private static Future<CategoryModel> fitCategories(ParallelTasks pool, Dataset data, TrainingRequest request) {
        int[] all = allRows(data);
        return pool.submit(() -> CategoryModel.fit(data, all, LogisticTrainer.Params.forRows(data.rows()), request.seed()));
    }

    private static int[] allRows(Dataset data) {
        int[] all = new int[data.rows()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return all;
    }

    /** Starts the selected model's final fit; the supplier waits for it and for the five-category fit. */
    private static Supplier<TrainedModel> fitFinal(ParallelTasks pool, Dataset data, Evaluation evaluation, TrainingRequest request,
                                                 Set<String> doctors, Future<CategoryModel> categories) {
        int[] all = allRows(data);
        Candidate selected = Candidate.forRequest(TrainingRequest.Algorithm.AUTO, data.rows()).stream()
                .filter(c -> c.name().equals(evaluation.selected())).findFirst().orElseThrow();
        Future<BinaryModel> binary = pool.submit(() -> selected.fitter().fit(data, all, request.seed()));
        return () -> new TrainedModel(selected.name(), request.hashBits(), ParallelTasks.get(binary), evaluation.platt(),
                ParallelTasks.get(categories), null, Set.copyOf(doctors));
    }

    /** The selected candidate's headline metrics (means over folds). */
    static Map<Metric, Double> summary(Evaluation.CandidateResult result) {
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        result.metrics().forEach((name, interval) -> m.put(name, interval.mean()));
        return m;
    }

    static Map<String, Object> metricsDocument(Evaluation evaluation, TimeOrderedSplit.Result timeOrdered) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("summary", summary(evaluation.selectedResult()));
        doc.put("evaluation", evaluation);
        doc.put("timeOrdered", timeOrdered);
        return doc;
    }

    private static Candidate candidate(Evaluation evaluation, int rows) {
        return Candidate.forRequest(TrainingRequest.Algorithm.AUTO, rows).stream()
                .filter(c -> c.name().equals(evaluation.selected())).findFirst().orElseThrow();
    }

    /** The evaluation with one more note (the time-ordered figure), stored and shown with the others. */
    private static Evaluation withNote(Evaluation e, String note) {
        List<String> notes = new ArrayList<>(e.notes());
        notes.add(note);
        return new Evaluation(e.rows(), e.worseRows(), e.folds(), e.repeats(), e.seed(), e.selected(), e.candidates(),
                e.ablation(), e.categories(), e.roc(), e.calibration(), e.platt(), List.copyOf(notes));
    }

    private static ModelProvenance provenance(TrainingRequest request, Candidate selected, DatasetBuilder.Built built,
                                              Evaluation evaluation, Actor actor, OffsetDateTime at, long durationMs,
                                              boolean withHistory) {
        Map<String, String> parameters = new TreeMap<>();
        selected.params().forEach((name, value) -> parameters.put(name, String.valueOf(value)));
        return new ModelProvenance(selected.name(), request.algorithm(), parameters, ModelProvenance.FeatureSpec.of(request.hashBits(), withHistory),
                built.fingerprint(), built.dataset().rows(), evaluation.worseRows(), evaluation.folds(), evaluation.repeats(),
                request.seed(), actor.name(), libraries(), AppVersion.current(), at, durationMs);
    }

    /** The provenance as the version's provenance column has always held it (what 'metrics --json' prints). */
    private static Map<String, Object> provenanceDocument(ModelProvenance p, Candidate selected, Evaluation evaluation, int doctors) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("algorithm", p.algorithm());
        d.put("description", selected.description());
        d.put("parameters", selected.params());
        d.put("categoryModel", Map.of("algorithm", "multinomial logistic regression (AdaGrad, own)",
                "parameters", LogisticTrainer.Params.forRows((int) p.rows()).describe()));
        d.put("calibration", Map.of("method", "Platt scaling on out-of-fold predictions", "a", evaluation.platt().a(),
                "b", evaluation.platt().b()));
        d.put("featureSpec", p.featureSpec().description());
        if (p.featureSpec().patientHistory() != null) d.put("patientHistory", p.featureSpec().patientHistory());
        d.put("dataFingerprint", p.dataFingerprint());
        d.put("labelledRows", p.rows());
        d.put("worseRows", p.worseRows());
        d.put("doctors", doctors);
        d.put("folds", p.folds());
        d.put("repeats", p.repeats());
        d.put("seed", p.seed());
        d.put("user", p.trainer());
        d.put("trainedAt", p.trainedAt().toString());
        d.put("durationMs", p.durationMs());
        Map<String, String> libraries = new LinkedHashMap<>(p.libraries());
        libraries.put("outcome-desk", p.applicationVersion());
        d.put("libraries", libraries);
        return d;
    }

    /** The versions of the runtime and the libraries that fitted the model. */
    static Map<String, String> libraries() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("java", System.getProperty("java.version"));
        l.put("smile", version(smile.classification.RandomForest.class, "com.github.haifengl", "smile-core"));
        l.put("jackson", version(com.fasterxml.jackson.databind.ObjectMapper.class, "com.fasterxml.jackson.core", "jackson-databind"));
        return l;
    }

    /** A library's version from its jar's manifest (Smile ships no Maven pom.properties), else from its pom.properties. */
    private static String version(Class<?> inLibrary, String group, String artifact) {
        String manifest = inLibrary.getPackage().getImplementationVersion();
        return manifest != null ? manifest : mavenVersion(group, artifact);
    }

    private static String mavenVersion(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = TrainingService.class.getResourceAsStream(path)) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String json(Object value) {
        try {
            return ModelRegistry.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** What a training run produced; {@code metrics} are the selected candidate's means over folds. */
    public record TrainingResult(int version, String algorithm, Map<Metric, Double> metrics, Evaluation evaluation,
                                 boolean activated, long durationMs, int labelledRows, int doctors) {
        public List<String> notes() {
            return evaluation.notes();
        }
    }
}
