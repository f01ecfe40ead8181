package com.outcomedesk.learn;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.GroupCommit;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.history.PatientHistoryLookup;
import com.outcomedesk.history.PatientHistoryTable;
import com.outcomedesk.store.LearningRows;
import com.outcomedesk.store.PatientVisits;
import com.outcomedesk.store.PredictionRepository;
import com.outcomedesk.store.PredictionRepository.NewPrediction;
import com.outcomedesk.store.SettingsRepository;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Predicts with the cached active model (see {@link ModelRegistry#current()}): the calibrated
 * probability of a worse outcome, its risk tier, the likeliest of the five categories, and the terms
 * that drove the score. An unknown doctor contributes no doctor effect and the result says so.
 */
public final class PredictionService {
    private static final int RECORD_BATCH = 256;
    private static final long TIERS_FRESH_NANOS = 1_000_000_000L;
    private final PredictionRepository saved;
    private final LearningRows appointments;
    private final PatientVisits visits;
    private final ModelRegistry registry;
    private final SettingsRepository settings;
    private final ChangeStamper stamper;
    private final AuditTrail audit;
    /** Predictions saved one by one (a form, the server) share commits with those saved at the same moment. */
    private final GroupCommit<Recorded> recorder;
    /** Model numbers are unique in a store and never reused, so the id of each is read once. */
    private final Map<Integer, UUID> modelIds = new ConcurrentHashMap<>();
    private volatile Predictor predictor;
    private volatile Tiers tiers;

    public PredictionService(Database database, ModelRegistry registry, SettingsRepository settings, ChangeStamper stamper,
                             AuditTrail audit) {
        this.recorder = new GroupCommit<>(batch -> write(database, batch), RECORD_BATCH);
        this.saved = new PredictionRepository(database);
        this.appointments = new LearningRows(database);
        this.visits = new PatientVisits(database);
        this.registry = registry;
        this.settings = settings;
        this.stamper = stamper;
        this.audit = audit;
    }

    public RiskTiers riskTiers() {
        long now = System.nanoTime();
        Tiers t = tiers;
        if (t == null || now - t.readAt() > TIERS_FRESH_NANOS) tiers = t = new Tiers(RiskTiers.from(settings), now);
        return t.value();
    }

    /** Stores new default risk cut-offs; administrators only. */
    public void setRiskTiers(RiskTiers tiers, Actor actor) {
        actor.requireAdministrator("change the risk cut-offs");
        settings.put(RiskTiers.SETTING, tiers.format());
        this.tiers = null;
        audit.record(actor, "setting-change", "setting", RiskTiers.SETTING, "value=" + tiers.format());
    }

    /**
     * The predictor for the cached active model, rebuilt when activation swaps the model. A model trained with patient
     * history looks up each request's patient in the store (one indexed read) at the time it predicts.
     */
    public Predictor predictor() {
        LoadedModel current = registry.current();
        Predictor p = predictor;
        if (p == null || p.loaded() != current) predictor = p = new Predictor(current, PatientHistoryLookup.of(visits));
        return p;
    }

    public PredictionResult predict(PredictionRequest request) {
        return predict(request, riskTiers());
    }

    public PredictionResult predict(PredictionRequest request, RiskTiers tiers) {
        return predictor().predict(request, tiers);
    }

    /** Saves a prediction for the record (counts and latency in 'metrics'); no summary text is stored. */
    public void record(PredictionResult result, String doctorId, UUID appointmentId, Actor actor) {
        NewPrediction p = prediction(result, doctorId, appointmentId, actor);
        recorder.submit(new Recorded(p, new AuditTrail.Entry(actor, "prediction", "prediction", p.id().toString(),
                "appointment=" + appointmentId + "; answeredBy=" + result.answeredBy())));
    }

    /** The predictions and their audit entries in one transaction: both are stored, or neither. */
    private void write(Database database, List<Recorded> batch) {
        database.jdbcTransaction(c -> {
            PredictionRepository.insert(c, batch.stream().map(Recorded::prediction).toList());
            audit.recordAllAndCommit(c, batch.stream().map(Recorded::entry).toList());
            return null;
        });
    }

    /** Predicts every appointment whose outcome is not known yet and saves the predictions; returns how many. */
    public long predictPending(Actor actor, ProgressListener progress) {
        RiskTiers tiers = riskTiers();
        Predictor predictor = predictor();
        // Histories for every appointment in one pass over the store, not one read per appointment.
        PatientHistoryTable histories = predictor.usesPatientHistory() ? PatientHistoryTable.load(visits) : null;
        long[] done = {0};
        List<NewPrediction> chunk = new ArrayList<>();
        appointments.forEachPending((id, doctorId, summary, date, patientRef) -> {
            PredictionRequest request = new PredictionRequest(doctorId, summary, date, patientRef);
            PredictionResult result = histories == null ? predictor.predict(request, tiers)
                    : predictor.predict(request, tiers, histories.of(id));
            chunk.add(prediction(result, doctorId, id, actor));
            if (chunk.size() == 1000) save(chunk);
            if (++done[0] % 1000 == 0) {
                progress.progress("predicting", done[0], -1);
                // Cancel interrupts the thread; the predictions saved so far are kept.
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("Prediction cancelled after " + done[0] + " appointments; their predictions are saved.");
                }
            }
        });
        save(chunk);
        audit.record(actor, "prediction-batch", "appointments", null, "predictions=" + done[0]);
        return done[0];
    }

    private void save(List<NewPrediction> chunk) {
        saved.saveAll(chunk);
        chunk.clear();
    }

    private NewPrediction prediction(PredictionResult result, String doctorId, UUID appointmentId, Actor actor) {
        UUID modelId = result.modelVersion() == null ? null : modelIds.computeIfAbsent(result.modelVersion(),
                n -> registry.find(n).map(ModelVersionInfo::id).orElse(null));
        return new NewPrediction(UUID.randomUUID(), appointmentId, doctorId, modelId, result.answeredBy(),
                OutcomeLabel.fromCode(result.label()), result.probability(), OutcomeCategory.fromCode(result.category()),
                PredictionRepository.RiskTier.valueOf(result.riskTier()), result.latencyMicros(), stamper.now(), actor.name(), stamper.siteId());
    }

    private record Recorded(NewPrediction prediction, AuditTrail.Entry entry) {
    }

    /** The cut-offs as last read; another process's change is seen within {@link #TIERS_FRESH_NANOS}. */
    private record Tiers(RiskTiers value, long readAt) {
    }

    /** The latest prediction saved for an appointment, as its row in a list shows it. */
    public record Saved(UUID appointmentId, String label, double probability, String riskTier, String category,
                        OffsetDateTime savedAt) {
    }

    /** The latest saved prediction of each of these appointments that has one (one read, on the appointment index). */
    public Map<UUID, Saved> latestFor(Collection<UUID> appointmentIds) {
        return saved.latestFor(appointmentIds).values().stream().collect(Collectors.toMap(PredictionRepository.Saved::appointmentId,
                s -> new Saved(s.appointmentId(), s.label(), s.probability(), s.riskTier(), s.category(), s.savedAt())));
    }

    /** How many predictions were saved, and their latency. */
    public record PredictionStats(long count, Double meanLatencyMicros, Long maxLatencyMicros) {
    }

    public PredictionStats stats() {
        PredictionRepository.Stats s = saved.stats();
        return new PredictionStats(s.count(), s.meanLatencyMicros(), s.maxLatencyMicros());
    }
}
