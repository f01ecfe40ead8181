package com.outcomedesk.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Model versions and their activations. Lists never read the artifact (it can be megabytes); the artifact is
 * read and replaced on its own. Saving and switching the active version write entities in one transaction.
 */
public final class ModelVersionRepository {
    private static final String LISTED = "SELECT id, version_number, algorithm, status, trained_by, trained_at, duration_ms, "
            + "labelled_rows, folds, data_fingerprint, metrics FROM model_versions";
    private static final RowMapper<Listed> LISTED_ROW = (rs, ctx) -> new Listed(rs.getObject(1, UUID.class), rs.getInt(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, Long.class),
            rs.getObject(8, Long.class), rs.getObject(9, Integer.class), rs.getString(10), rs.getString(11));

    private final Database database;

    public ModelVersionRepository(Database database) {
        this.database = database;
    }

    /** A version without its artifact; {@code metrics} is the stored JSON document. */
    public record Listed(UUID id, int version, String algorithm, String status, String trainedBy, OffsetDateTime trainedAt,
                         Long durationMs, Long labelledRows, Integer folds, String dataFingerprint, String metrics) {
    }

    /** A new version as saved; the JSON columns as text. */
    public record NewVersion(UUID id, String algorithm, String parameters, String featureSpec, String dataFingerprint,
                             long labelledRows, int folds, String metrics, String provenance, String trainedBy,
                             OffsetDateTime trainedAt, long durationMs, String siteId, byte[] artifact, int artifactFormat,
                             String artifactSha256) {
    }

    /** A version's artifact as stored, with what it is signed for: the version's number and training site. */
    public record StoredArtifact(byte[] artifact, Integer format, int version, String siteId) {
    }

    /** An activate or rollback event. */
    public record Activation(UUID id, String action, OffsetDateTime at, String byUser, String siteId, long hlc) {
    }

    /**
     * Saves a new (candidate) version numbered one above the highest so far; {@code build} makes it for that number
     * inside the transaction, since the artifact is signed over its number. Returns the number.
     */
    public int insert(IntFunction<NewVersion> build) {
        // Over Jdbi, as activate: `train` needs nothing else of Hibernate, whose start cost it about a second.
        return database.jdbiTransaction(h -> {
            Integer max = h.createQuery("SELECT MAX(version_number) FROM model_versions").mapTo(Integer.class).findOne().orElse(null);
            int number = max == null ? 1 : max + 1;
            NewVersion n = build.apply(number);
            h.createUpdate("INSERT INTO model_versions (id, version_number, algorithm, parameters, feature_spec, data_fingerprint, "
                            + "labelled_rows, folds, metrics, provenance, artifact, artifact_format, artifact_sha256, status, "
                            + "trained_by, trained_at, duration_ms, site_id) VALUES (:id, :number, :algorithm, :parameters, "
                            + ":featureSpec, :dataFingerprint, :labelledRows, :folds, :metrics, :provenance, :artifact, "
                            + ":artifactFormat, :artifactSha256, :status, :trainedBy, :trainedAt, :durationMs, :siteId)")
                    .bind("id", n.id()).bind("number", number).bind("algorithm", n.algorithm())
                    .bind("parameters", n.parameters()).bind("featureSpec", n.featureSpec())
                    .bind("dataFingerprint", n.dataFingerprint()).bind("labelledRows", n.labelledRows())
                    .bind("folds", n.folds()).bind("metrics", n.metrics()).bind("provenance", n.provenance())
                    .bind("artifact", n.artifact()).bind("artifactFormat", n.artifactFormat())
                    .bind("artifactSha256", n.artifactSha256()).bind("status", ModelVersion.Status.candidate.name())
                    .bind("trainedBy", n.trainedBy()).bind("trainedAt", n.trainedAt()).bind("durationMs", n.durationMs())
                    .bind("siteId", n.siteId()).execute();
            return number;
        });
    }

    public List<Listed> list() {
        return database.jdbi(h -> h.createQuery(LISTED + " ORDER BY version_number").map(LISTED_ROW).list());
    }

    public Optional<Listed> byNumber(int version) {
        return database.jdbi(h -> h.createQuery(LISTED + " WHERE version_number = :v").bind("v", version).map(LISTED_ROW).findOne());
    }

    public Optional<Listed> byId(UUID id) {
        return database.jdbi(h -> h.createQuery(LISTED + " WHERE id = :id").bind("id", id).map(LISTED_ROW).findOne());
    }

    public Optional<Listed> active() {
        return database.jdbi(h -> h.createQuery(LISTED + " WHERE status = :s").bind("s", ModelVersion.Status.active.name())
                .map(LISTED_ROW).findFirst());
    }

    /** The stored metrics JSON of a version; empty when there is no such version (or it has none). */
    public Optional<String> metrics(int version) {
        return text("metrics", version);
    }

    /** The stored provenance JSON of a version; empty when there is no such version (or it has none). */
    public Optional<String> provenance(int version) {
        return text("provenance", version);
    }

    private Optional<String> text(String column, int version) {
        return database.jdbi(h -> h.createQuery("SELECT " + column + " FROM model_versions WHERE version_number = :v")
                .bind("v", version).mapTo(String.class).findOne());
    }

    /** The versions that were activated or rolled back to, newest event first (a version may appear more than once). */
    public List<UUID> activationHistory() {
        return database.jdbi(h -> h.createQuery("SELECT model_version_id FROM model_activations ORDER BY hlc DESC")
                .map((rs, ctx) -> rs.getObject(1, UUID.class)).list());
    }

    /** Makes a version the active one (retiring the one before) and records the event, in one transaction. */
    public void activate(UUID versionId, Activation event) {
        database.jdbiTransaction(h -> {
            h.createUpdate("UPDATE model_versions SET status = :retired WHERE status = :active")
                    .bind("retired", ModelVersion.Status.retired.name()).bind("active", ModelVersion.Status.active.name()).execute();
            h.createUpdate("UPDATE model_versions SET status = :active WHERE id = :id")
                    .bind("active", ModelVersion.Status.active.name()).bind("id", versionId).execute();
            return h.createUpdate("INSERT INTO model_activations (id, model_version_id, action, occurred_at, by_user, site_id, hlc) "
                            + "VALUES (:id, :version, :action, :at, :byUser, :siteId, :hlc)")
                    .bind("id", event.id()).bind("version", versionId).bind("action", event.action()).bind("at", event.at())
                    .bind("byUser", event.byUser()).bind("siteId", event.siteId()).bind("hlc", event.hlc()).execute();
        });
    }

    public StoredArtifact artifact(UUID id) {
        return database.jdbi(h -> h.createQuery("SELECT artifact, artifact_format, version_number, site_id FROM model_versions "
                + "WHERE id = :id").bind("id", id).map((rs, ctx) -> new StoredArtifact(rs.getBytes(1), rs.getObject(2, Integer.class),
                rs.getInt(3), rs.getString(4))).one());
    }

    /** Replaces a version's artifact bytes (same format), e.g. re-signed with another key. */
    public void replaceArtifact(UUID id, byte[] artifact, String sha256) {
        database.jdbi(h -> h.createUpdate("UPDATE model_versions SET artifact = :a, artifact_sha256 = :s WHERE id = :id")
                .bind("a", artifact).bind("s", sha256).bind("id", id).execute());
    }
}
