package com.outcomedesk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A trained model with its provenance. The artifact can be megabytes: list versions with a projection
 * query rather than loading entities, which always carry it.
 */
@Entity
@Table(name = "model_versions")
public class ModelVersion {

    public enum Status { candidate, active, retired }

    @Id
    private UUID id;
    @Column(name = "version_number", nullable = false, unique = true)
    private int versionNumber;
    @Column(nullable = false)
    private String algorithm;
    private String parameters;
    @Column(name = "feature_spec")
    private String featureSpec;
    @Column(name = "data_fingerprint")
    private String dataFingerprint;
    @Column(name = "labelled_rows")
    private Long labelledRows;
    private Integer folds;
    private String metrics;
    private String provenance;
    private byte[] artifact;
    @Column(name = "artifact_format")
    private Integer artifactFormat;
    @Column(name = "artifact_sha256")
    private String artifactSha256;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "trained_by", nullable = false)
    private String trainedBy;
    @Column(name = "trained_at", nullable = false)
    private OffsetDateTime trainedAt;
    @Column(name = "duration_ms")
    private Long durationMs;
    @Column(name = "site_id", nullable = false)
    private String siteId;

    protected ModelVersion() {
    }

    public ModelVersion(UUID id, int versionNumber, String algorithm, String trainedBy, OffsetDateTime trainedAt,
                        String siteId) {
        this.id = id;
        this.versionNumber = versionNumber;
        this.algorithm = algorithm;
        this.trainedBy = trainedBy;
        this.trainedAt = trainedAt;
        this.siteId = siteId;
        this.status = Status.candidate;
    }

    public UUID getId() { return id; }
    public int getVersionNumber() { return versionNumber; }
    public String getAlgorithm() { return algorithm; }
    public String getParameters() { return parameters; }
    public void setParameters(String parameters) { this.parameters = parameters; }
    public String getFeatureSpec() { return featureSpec; }
    public void setFeatureSpec(String featureSpec) { this.featureSpec = featureSpec; }
    public String getDataFingerprint() { return dataFingerprint; }
    public void setDataFingerprint(String dataFingerprint) { this.dataFingerprint = dataFingerprint; }
    public Long getLabelledRows() { return labelledRows; }
    public void setLabelledRows(Long labelledRows) { this.labelledRows = labelledRows; }
    public Integer getFolds() { return folds; }
    public void setFolds(Integer folds) { this.folds = folds; }
    public String getMetrics() { return metrics; }
    public void setMetrics(String metrics) { this.metrics = metrics; }
    public String getProvenance() { return provenance; }
    public void setProvenance(String provenance) { this.provenance = provenance; }
    public byte[] getArtifact() { return artifact; }
    public Integer getArtifactFormat() { return artifactFormat; }
    public String getArtifactSha256() { return artifactSha256; }

    public void setArtifact(byte[] artifact, int format, String sha256) {
        this.artifact = artifact;
        this.artifactFormat = format;
        this.artifactSha256 = sha256;
    }

    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public String getTrainedBy() { return trainedBy; }
    public OffsetDateTime getTrainedAt() { return trainedAt; }
    public Long getDurationMs() { return durationMs; }
    public void setDurationMs(Long durationMs) { this.durationMs = durationMs; }
    public String getSiteId() { return siteId; }
}
