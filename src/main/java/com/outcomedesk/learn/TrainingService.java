package com.outcomedesk.learn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.LearningRows;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.Featurizer;
import com.outcomedesk.common.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Trains on every labelled appointment in the store: loads them as hashed features, cross-validates all
 * candidates, fits the selected one and the five-category model on all rows, and saves a new model
 * version with its provenance. Interrupting the calling thread cancels training (nothing is saved).
 */
public final class TrainingService {
    private final LearningRows labelled;
    private final ModelRegistry registry;
    private final Clock clock;

    public TrainingService(Database database, ModelRegistry registry, Clock clock) {
        this.labelled = new LearningRows(database);
        this.registry = registry;
        this.clock = clock;
    }

    /** Throws {@link CancellationException} once the current thread has been interrupted. */
    static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("Training cancelled");
    }

    public TrainingResult train(TrainingRequest request, Actor actor, ProgressListener progress) {
        actor.requireAdministrator("train a model");
        long start = System.nanoTime();
        OffsetDateTime startedAt = OffsetDateTime.now(clock);
        Featurizer featurizer = new Featurizer(request.hashBits(), ClinicalEntityExtractor.defaults());
        DatasetBuilder.Built built = LabelledData.load(labelled, featurizer, progress);
        Evaluation evaluation = new Evaluator(built.dataset(), request, progress).evaluate();
        progress.progress("final fit", 0, 1);
        TrainedModel model = fitFinal(built.dataset(), evaluation, request, built.doctorRows().keySet());
        checkCancelled();
        progress.progress("saving", 0, 1);
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        Candidate selected = Candidate.forRequest(TrainingRequest.Algorithm.AUTO, built.dataset().rows()).stream()
                .filter(c -> c.name().equals(evaluation.selected())).findFirst().orElseThrow();
        String featureSpec = Featurizer.specDescription(request.hashBits());
        ModelVersionInfo version = registry.save(model, json(selected.params()), featureSpec, built.fingerprint(),
                built.dataset().rows(), request.folds(), json(metricsDocument(evaluation)),
                json(provenance(request, selected, featureSpec, built, evaluation, actor, startedAt, durationMs)),
                actor, startedAt, durationMs);
        boolean activated = false;
        if (request.activate()) {
            registry.activate(version.version(), actor);
            activated = true;
        }
        progress.progress("saving", 1, 1);
        return new TrainingResult(version.version(), evaluation.selected(), summary(evaluation.selectedResult()), evaluation,
                activated, durationMs, built.dataset().rows(), built.doctorRows().size());
    }

    /** Fits the selected model and the five-category model on all rows, with the out-of-fold calibration. */
    public static TrainedModel fitFinal(Dataset data, Evaluation evaluation, TrainingRequest request, Set<String> doctors) {
        int[] all = new int[data.rows()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        Candidate selected = Candidate.forRequest(TrainingRequest.Algorithm.AUTO, data.rows()).stream()
                .filter(c -> c.name().equals(evaluation.selected())).findFirst().orElseThrow();
        BinaryModel binary = selected.fitter().fit(data, all, request.seed());
        CategoryModel categories = CategoryModel.fit(data, all, LogisticTrainer.Params.forRows(data.rows()), request.seed());
        return new TrainedModel(selected.name(), request.hashBits(), binary, evaluation.platt(), categories, null, Set.copyOf(doctors));
    }

    /** The selected candidate's headline metrics (means over folds). */
    static Map<Metric, Double> summary(Evaluation.CandidateResult result) {
        Map<Metric, Double> m = new EnumMap<>(Metric.class);
        result.metrics().forEach((name, interval) -> m.put(name, interval.mean()));
        return m;
    }

    static Map<String, Object> metricsDocument(Evaluation evaluation) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("summary", summary(evaluation.selectedResult()));
        doc.put("evaluation", evaluation);
        return doc;
    }

    private static Map<String, Object> provenance(TrainingRequest request, Candidate selected, String featureSpec,
                                                  DatasetBuilder.Built built, Evaluation evaluation, Actor actor,
                                                  OffsetDateTime at, long durationMs) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("algorithm", selected.name());
        p.put("description", selected.description());
        p.put("parameters", selected.params());
        p.put("categoryModel", Map.of("algorithm", "multinomial logistic regression (AdaGrad, own)",
                "parameters", LogisticTrainer.Params.forRows(built.dataset().rows()).describe()));
        p.put("calibration", Map.of("method", "Platt scaling on out-of-fold predictions", "a", evaluation.platt().a(),
                "b", evaluation.platt().b()));
        p.put("featureSpec", featureSpec);
        p.put("dataFingerprint", built.fingerprint());
        p.put("labelledRows", built.dataset().rows());
        p.put("worseRows", evaluation.worseRows());
        p.put("doctors", built.doctorRows().size());
        p.put("folds", evaluation.folds());
        p.put("repeats", evaluation.repeats());
        p.put("seed", request.seed());
        p.put("user", actor.name());
        p.put("trainedAt", at.toString());
        p.put("durationMs", durationMs);
        p.put("libraries", libraries());
        return p;
    }

    static Map<String, String> libraries() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("java", System.getProperty("java.version"));
        l.put("smile", mavenVersion("com.github.haifengl", "smile-core"));
        l.put("jackson", mavenVersion("com.fasterxml.jackson.core", "jackson-databind"));
        l.put("outcome-desk", com.outcomedesk.Version.current());
        return l;
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
