package com.outcomedesk.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.security.StoreSecrets;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.LearningRows;
import com.outcomedesk.store.ModelVersionRepository;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.Featurizer;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Model versions in the store: saving with provenance, listing, activation and rollback (recorded as
 * events), and the cached active model. Artifacts are signed with the model-signing key (the store's own,
 * or the network's once imported) over the version they belong to; loading refuses an unsigned, badly
 * signed, foreign-key or malformed artifact (see {@link ArtifactCodec}), falls back to the previous good
 * version, then to the doctor-rate baseline, and says which answered and why.
 */
public final class ModelRegistry {
    /** Field name in refusals: a model version number. */
    public static final String VERSION = "version";

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final Database database;
    private final ModelVersionRepository versions;
    private final LearningRows appointments;
    private final ChangeStamper stamper;
    private final AuditTrail audit;
    private final AtomicReference<LoadedModel> cached = new AtomicReference<>();
    /** Why the last artifact failed to load, for the fallback's explanation. */
    private volatile String lastFailure;

    public ModelRegistry(Database database, ChangeStamper stamper, AuditTrail audit) {
        this.database = database;
        this.versions = new ModelVersionRepository(database);
        this.appointments = new LearningRows(database);
        this.stamper = stamper;
        this.audit = audit;
    }

    /** Saves a new version (not yet active) and returns it. */
    ModelVersionInfo save(TrainedModel model, String parameters, String featureSpec, String fingerprint, long rows, int folds,
                          String metrics, String provenance, Actor actor, OffsetDateTime trainedAt, long durationMs) {
        UUID id = UUID.randomUUID();
        byte[] key = signingKey();
        versions.insert(number -> {
            byte[] artifact = ArtifactCodec.encode(model, new ArtifactCodec.Identity(id, number, stamper.siteId()), key);
            return new ModelVersionRepository.NewVersion(id, model.algorithm(), parameters, featureSpec, fingerprint, rows, folds,
                    metrics, provenance, actor.name(), trainedAt, durationMs, stamper.siteId(), artifact, ArtifactCodec.FORMAT,
                    ArtifactCodec.sha256(artifact));
        });
        ModelVersionInfo info = find(id).orElseThrow();
        audit.record(actor, "model.train", "model_version", id.toString(),
                "version " + info.version() + ", " + info.algorithm() + ", " + rows + " labelled rows");
        return info;
    }

    public List<ModelVersionInfo> list() {
        return versions.list().stream().map(ModelRegistry::info).toList();
    }

    public Optional<ModelVersionInfo> find(int version) {
        return versions.byNumber(version).map(ModelRegistry::info);
    }

    Optional<ModelVersionInfo> find(UUID id) {
        return versions.byId(id).map(ModelRegistry::info);
    }

    public Optional<ModelVersionInfo> active() {
        return versions.active().map(ModelRegistry::info);
    }

    private static ModelVersionInfo info(ModelVersionRepository.Listed v) {
        JsonNode summary = summary(v.metrics());
        return new ModelVersionInfo(v.id(), v.version(), v.algorithm(), v.status(), v.trainedBy(), v.trainedAt(), v.durationMs(),
                v.labelledRows(), v.folds(), v.dataFingerprint(), number(summary, Metric.AUC), number(summary, Metric.ACCURACY),
                number(summary, Metric.F1));
    }

    private static JsonNode summary(String metrics) {
        if (metrics == null) return null;
        try {
            return JSON.readTree(metrics).get("summary");
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Double number(JsonNode node, Metric metric) {
        return node == null || !node.hasNonNull(metric.key()) ? null : node.get(metric.key()).asDouble();
    }

    /** The stored metrics document of a version (every candidate's results, ablation, ROC, calibration). */
    public JsonNode metrics(int version) {
        return document(versions.metrics(version), version, "metrics");
    }

    /** The provenance document of a version. */
    public JsonNode provenance(int version) {
        return document(versions.provenance(version), version, "provenance");
    }

    private static JsonNode document(Optional<String> text, int version, String what) {
        if (text.isEmpty()) throw InvalidRequestException.notFound(VERSION, version);
        try {
            return JSON.readTree(text.get());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The " + what + " of version " + version + " are unreadable: " + e.getMessage(), e);
        }
    }

    /** Makes a version the one that answers predictions; administrators only. */
    public ModelVersionInfo activate(int version, Actor actor) {
        actor.requireAdministrator("activate a model version");
        return switchTo(version, "activate", actor);
    }

    /** Returns to the version that was active before the current one; administrators only. */
    public ModelVersionInfo rollback(Actor actor) {
        actor.requireAdministrator("roll back the active model");
        List<UUID> history = versions.activationHistory();
        UUID current = active().map(ModelVersionInfo::id).orElse(null);
        for (UUID id : history) {
            if (!id.equals(current)) return switchTo(find(id).orElseThrow().version(), "rollback", actor);
        }
        throw InvalidRequestException.noEarlierVersion(VERSION);
    }

    private ModelVersionInfo switchTo(int version, String action, Actor actor) {
        ModelVersionInfo target = find(version).orElseThrow(() -> InvalidRequestException.notFound(VERSION, version));
        LoadedModel loaded = load(target.id(), target.version());
        if (loaded == null) throw new IllegalStateException("Version " + version + " cannot be activated: its artifact is " + lastFailure + ".");
        versions.activate(target.id(), new ModelVersionRepository.Activation(UUID.randomUUID(), action, stamper.now(), actor.name(),
                stamper.siteId(), stamper.tick()));
        cached.set(loaded);
        audit.record(actor, "model." + action, "model_version", target.id().toString(), "version " + version);
        return find(version).orElseThrow();
    }

    /** The cached model that answers predictions; loaded (with fallbacks) on first use. */
    public LoadedModel current() {
        LoadedModel m = cached.get();
        if (m == null) {
            m = loadActiveWithFallback();
            if (!cached.compareAndSet(null, m)) m = cached.get();
        }
        return m;
    }

    /**
     * The active version's own model, with no fallback: what a challenger must beat. Empty when none is active or its
     * artifact is refused here (a challenger then has no champion to be compared with).
     */
    Optional<LoadedModel> activeVersionModel() {
        return active().map(v -> load(v.id(), v.version()));
    }

    /** Forgets the cached model, so the next prediction re-reads the store. */
    public void refresh() {
        cached.set(null);
    }

    private LoadedModel loadActiveWithFallback() {
        Optional<ModelVersionInfo> active = active();
        if (active.isEmpty()) return doctorRateFromStore("no model version is active yet");
        LoadedModel loaded = load(active.get().id(), active.get().version());
        if (loaded != null) return loaded;
        String reason = "version " + active.get().version() + " could not be used: " + lastFailure;
        List<UUID> history = versions.activationHistory();
        for (UUID id : history) {
            if (id.equals(active.get().id())) continue;
            ModelVersionInfo previous = find(id).orElseThrow();
            LoadedModel fallback = load(id, previous.version());
            if (fallback != null) {
                return new LoadedModel(fallback.model(), previous.version(), "model version " + previous.version()
                        + " (previous good version)", reason);
            }
        }
        return doctorRateFromStore(reason + "; no earlier version is usable");
    }

    private LoadedModel load(UUID id, int version) {
        try {
            Stored stored = stored(id);
            TrainedModel model = ArtifactCodec.decode(stored.artifact(), stored.format(), stored.identity(), signingKey());
            return new LoadedModel(model, version, "model version " + version, null);
        } catch (ArtifactCodec.RefusedArtifactException e) {
            lastFailure = e.getMessage();
            return null;
        }
    }

    /**
     * How a version was made, as its signed artifact records it; empty when the artifact predates provenance
     * (format 2) or is refused here (see {@link #artifactStates}).
     */
    public Optional<ModelProvenance> artifactProvenance(int version) {
        ModelVersionInfo v = find(version).orElseThrow(() -> InvalidRequestException.notFound(VERSION, version));
        try {
            Stored stored = stored(v.id());
            return Optional.ofNullable(ArtifactCodec.decode(stored.artifact(), stored.format(), stored.identity(), signingKey())
                    .provenance());
        } catch (ArtifactCodec.RefusedArtifactException e) {
            return Optional.empty();
        }
    }

    /** Each version's artifact state without decoding it: "ok" or "refused: <reason>", by version number. */
    public Map<Integer, String> artifactStates() {
        Map<Integer, String> states = new java.util.TreeMap<>();
        byte[] key = signingKey();
        for (ModelVersionInfo v : list()) {
            try {
                Stored stored = stored(v.id());
                ArtifactCodec.verify(stored.artifact(), stored.format(), stored.identity(), key);
                states.put(v.version(), "ok");
            } catch (ArtifactCodec.RefusedArtifactException e) {
                states.put(v.version(), e.getMessage());
            }
        }
        return states;
    }

    /** Writes this store's model-signing key to a new owner-only file, for the other sites of a network; administrators only. */
    public void exportSigningKey(java.nio.file.Path file, Actor actor) {
        actor.requireAdministrator("export the model-signing key");
        byte[] key = signingKey();
        NetworkSigningKey.write(file, key);
        audit.record(actor, "key.export-signing", "key", java.util.HexFormat.of().formatHex(ArtifactCodec.keyId(key)),
                "model-signing key exported to a file");
    }

    /**
     * Adopts a network's model-signing key from a file written by {@link #exportSigningKey}; administrators
     * only. Returns how many of this store's versions were re-signed with it.
     */
    public int importSigningKey(java.nio.file.Path file, Actor actor) {
        actor.requireAdministrator("import the network's model-signing key");
        byte[] key = NetworkSigningKey.read(file);
        int moved = adoptSigningKey(key);
        audit.record(actor, "key.import-signing", "key", java.util.HexFormat.of().formatHex(ArtifactCodec.keyId(key)),
                "model-signing key imported; " + moved + " model versions re-signed");
        return moved;
    }

    /**
     * Re-signs every artifact that verifies under the current key with the network's key, then installs that
     * key; artifacts that do not verify now are left as they are (and stay refused). Returns how many moved.
     * Copies already pushed to the shared server keep the former signature (sync never rewrites a version).
     */
    private int adoptSigningKey(byte[] networkKey) {
        byte[] key = signingKey();
        int moved = 0;
        for (ModelVersionInfo v : list()) {
            try {
                Stored stored = stored(v.id());
                byte[] signed = ArtifactCodec.resign(stored.artifact(), stored.format(), stored.identity(), key, networkKey);
                versions.replaceArtifact(v.id(), signed, ArtifactCodec.sha256(signed));
                moved++;
            } catch (ArtifactCodec.RefusedArtifactException e) {
                // Not provably ours: re-signing it would bless whatever someone wrote there.
            }
        }
        StoreSecrets.of(database.location()).replace(StoreSecrets.Purpose.MODEL_SIGNING, networkKey);
        refresh();
        return moved;
    }

    private byte[] signingKey() {
        return StoreSecrets.of(database.location()).key(StoreSecrets.Purpose.MODEL_SIGNING);
    }

    /** A version's artifact as stored, and the identity it must be signed for: its id, number and training site. */
    private record Stored(byte[] artifact, Integer format, ArtifactCodec.Identity identity) {
    }

    private Stored stored(UUID id) {
        ModelVersionRepository.StoredArtifact a = versions.artifact(id);
        return new Stored(a.artifact(), a.format(), new ArtifactCodec.Identity(id, a.version(), a.siteId()));
    }

    private double[] categoryShares() {
        double[] shares = new double[CategoryModel.K];
        appointments.categoryCounts().forEach((category, count) -> shares[category.ordinal()] = count);
        return shares;
    }

    /** The last resort: each doctor's smoothed share of worse outcomes, straight from the store. */
    private LoadedModel doctorRateFromStore(String reason) {
        Featurizer featurizer = new Featurizer(TrainingRequest.DEFAULT_BITS, ClinicalEntityExtractor.defaults());
        Map<Integer, double[]> counts = new HashMap<>();
        Set<String> doctors = new java.util.HashSet<>();
        double[] totals = new double[2];
        for (LearningRows.DoctorOutcomes d : appointments.doctorOutcomes()) {
            doctors.add(d.doctorId());
            counts.put(featurizer.doctorIndex(d.doctorId()), new double[] {d.labelled(), d.worse()});
            totals[0] += d.labelled();
            totals[1] += d.worse();
        }
        if (totals[0] == 0) {
            throw new NoModelException(reason);
        }
        double overall = totals[1] / totals[0];
        Map<Integer, Double> rates = new HashMap<>();
        counts.forEach((doctor, c) -> rates.put(doctor, (c[1] + DoctorRateModel.PRIOR_ROWS * overall) / (c[0] + DoctorRateModel.PRIOR_ROWS)));
        TrainedModel model = new TrainedModel(Candidate.DOCTOR_RATE, TrainingRequest.DEFAULT_BITS,
                new DoctorRateModel(rates, overall), Calibration.IDENTITY, null, categoryShares(), Set.copyOf(doctors));
        return new LoadedModel(model, null, "doctor-rate baseline from the store", reason);
    }
}
