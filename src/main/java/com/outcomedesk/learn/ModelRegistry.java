package com.outcomedesk.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.security.StoreSecrets;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.ModelActivation;
import com.outcomedesk.store.ModelVersion;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.Featurizer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
    private static final String LIST_SQL = "SELECT id, version_number, algorithm, status, trained_by, trained_at, duration_ms, "
            + "labelled_rows, folds, data_fingerprint, metrics FROM model_versions";

    private final Database database;
    private final ChangeStamper stamper;
    private final AuditTrail audit;
    private final AtomicReference<LoadedModel> cached = new AtomicReference<>();
    /** Why the last artifact failed to load, for the fallback's explanation. */
    private volatile String lastFailure;

    public ModelRegistry(Database database, ChangeStamper stamper, AuditTrail audit) {
        this.database = database;
        this.stamper = stamper;
        this.audit = audit;
    }

    /** Saves a new version (not yet active) and returns it. */
    ModelVersionInfo save(TrainedModel model, String parameters, String featureSpec, String fingerprint, long rows, int folds,
                          String metrics, String provenance, Actor actor, OffsetDateTime trainedAt, long durationMs) {
        UUID id = UUID.randomUUID();
        byte[] key = signingKey();
        database.inTransactionDo(em -> {
            Integer max = em.createQuery("SELECT MAX(m.versionNumber) FROM ModelVersion m", Integer.class).getSingleResult();
            int number = max == null ? 1 : max + 1;
            byte[] artifact = ArtifactCodec.encode(model, new ArtifactCodec.Identity(id, number, stamper.siteId()), key);
            ModelVersion v = new ModelVersion(id, number, model.algorithm(), actor.name(), trainedAt, stamper.siteId());
            v.setParameters(parameters);
            v.setFeatureSpec(featureSpec);
            v.setDataFingerprint(fingerprint);
            v.setLabelledRows(rows);
            v.setFolds(folds);
            v.setMetrics(metrics);
            v.setProvenance(provenance);
            v.setArtifact(artifact, ArtifactCodec.FORMAT, ArtifactCodec.sha256(artifact));
            v.setDurationMs(durationMs);
            em.persist(v);
        });
        ModelVersionInfo info = find(id).orElseThrow();
        audit.record(actor, "model.train", "model_version", id.toString(),
                "version " + info.version() + ", " + info.algorithm() + ", " + rows + " labelled rows");
        return info;
    }

    public List<ModelVersionInfo> list() {
        return query(" ORDER BY version_number", null);
    }

    public Optional<ModelVersionInfo> find(int version) {
        return query(" WHERE version_number = ?", version).stream().findFirst();
    }

    Optional<ModelVersionInfo> find(UUID id) {
        return query(" WHERE id = ?", id).stream().findFirst();
    }

    public Optional<ModelVersionInfo> active() {
        return query(" WHERE status = ?", "active").stream().findFirst();
    }

    private List<ModelVersionInfo> query(String where, Object parameter) {
        return database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(LIST_SQL + where)) {
                if (parameter != null) ps.setObject(1, parameter);
                List<ModelVersionInfo> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JsonNode summary = summary(rs.getString(11));
                        list.add(new ModelVersionInfo(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getObject(6, OffsetDateTime.class), (Long) rs.getObject(7, Long.class),
                                (Long) rs.getObject(8, Long.class), (Integer) rs.getObject(9, Integer.class), rs.getString(10),
                                number(summary, "auc"), number(summary, "accuracy"), number(summary, "f1")));
                    }
                }
                return list;
            }
        });
    }

    private static JsonNode summary(String metrics) {
        if (metrics == null) return null;
        try {
            return JSON.readTree(metrics).get("summary");
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Double number(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).asDouble();
    }

    /** The stored metrics document of a version (every candidate's results, ablation, ROC, calibration). */
    public JsonNode metrics(int version) {
        String text = database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT metrics FROM model_versions WHERE version_number = ?")) {
                ps.setInt(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (text == null) throw InvalidRequestException.notFound(VERSION, version);
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The metrics of version " + version + " are unreadable: " + e.getMessage(), e);
        }
    }

    /** The provenance document of a version. */
    public JsonNode provenance(int version) {
        return database.read(em -> {
            List<String> p = em.createQuery("SELECT m.provenance FROM ModelVersion m WHERE m.versionNumber = :v", String.class)
                    .setParameter("v", version).getResultList();
            if (p.isEmpty()) throw InvalidRequestException.notFound(VERSION, version);
            try {
                return JSON.readTree(p.get(0));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Makes a version the one that answers predictions; administrators only. */
    public ModelVersionInfo activate(int version, Actor actor) {
        actor.requireAdministrator("activate a model version");
        return switchTo(version, "activate", actor);
    }

    /** Returns to the version that was active before the current one; administrators only. */
    public ModelVersionInfo rollback(Actor actor) {
        actor.requireAdministrator("roll back the active model");
        List<UUID> history = database.read(em -> em.createQuery(
                "SELECT a.modelVersionId FROM ModelActivation a ORDER BY a.hlc DESC", UUID.class).getResultList());
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
        database.inTransactionDo(em -> {
            em.createQuery("UPDATE ModelVersion m SET m.status = :retired WHERE m.status = :active")
                    .setParameter("retired", ModelVersion.Status.retired).setParameter("active", ModelVersion.Status.active)
                    .executeUpdate();
            em.createQuery("UPDATE ModelVersion m SET m.status = :active WHERE m.id = :id")
                    .setParameter("active", ModelVersion.Status.active).setParameter("id", target.id()).executeUpdate();
            em.persist(new ModelActivation(UUID.randomUUID(), target.id(), action, stamper.now(), actor.name(),
                    stamper.siteId(), stamper.tick()));
        });
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
        List<UUID> history = database.read(em -> em.createQuery(
                "SELECT a.modelVersionId FROM ModelActivation a ORDER BY a.hlc DESC", UUID.class).getResultList());
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
                database.inTransactionDo(em -> em.createQuery("UPDATE ModelVersion m SET m.artifact = :a, m.artifactSha256 = :s "
                        + "WHERE m.id = :id").setParameter("a", signed).setParameter("s", ArtifactCodec.sha256(signed))
                        .setParameter("id", v.id()).executeUpdate());
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
        Object[] row = database.read(em -> (Object[]) em.createQuery("SELECT m.artifact, m.artifactFormat, m.versionNumber, "
                + "m.siteId FROM ModelVersion m WHERE m.id = :id").setParameter("id", id).getSingleResult());
        return new Stored((byte[]) row[0], (Integer) row[1], new ArtifactCodec.Identity(id, (Integer) row[2], (String) row[3]));
    }

    private double[] categoryShares() {
        double[] shares = new double[CategoryModel.K];
        database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT outcome_category, COUNT(*) FROM appointments WHERE deleted = FALSE "
                    + "AND outcome_category IS NOT NULL GROUP BY outcome_category"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) shares[com.outcomedesk.outcome.OutcomeCategory.fromCode(rs.getString(1)).ordinal()] = rs.getLong(2);
            }
            return null;
        });
        return shares;
    }

    /** The last resort: each doctor's smoothed share of worse outcomes, straight from the store. */
    private LoadedModel doctorRateFromStore(String reason) {
        Featurizer featurizer = new Featurizer(TrainingRequest.DEFAULT_BITS, ClinicalEntityExtractor.defaults());
        Map<Integer, double[]> counts = new HashMap<>();
        Set<String> doctors = new java.util.HashSet<>();
        double[] totals = new double[2];
        database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT doctor_id, COUNT(*), SUM(CASE WHEN outcome_category IN "
                    + "('poor', 'critical') THEN 1 ELSE 0 END) FROM appointments WHERE deleted = FALSE AND outcome_category "
                    + "IS NOT NULL GROUP BY doctor_id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    doctors.add(rs.getString(1));
                    counts.put(featurizer.doctorIndex(rs.getString(1)), new double[] {rs.getLong(2), rs.getLong(3)});
                    totals[0] += rs.getLong(2);
                    totals[1] += rs.getLong(3);
                }
            }
            return null;
        });
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
