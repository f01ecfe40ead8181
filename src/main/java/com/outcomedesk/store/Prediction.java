package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A saved prediction; append-only, so it merges across sites without conflicts. */
@Entity
@Table(name = "predictions")
public class Prediction {

    public enum RiskTier { low, medium, high }

    @Id
    private UUID id;
    @Column(name = "appointment_id")
    private UUID appointmentId;
    @Column(name = "doctor_id")
    private String doctorId;
    @Column(name = "model_version_id")
    private UUID modelVersionId;
    @Column(name = "answered_by", nullable = false)
    private String answeredBy;
    @Convert(converter = OutcomeLabelConverter.class)
    @Column(nullable = false)
    private OutcomeLabel label;
    @Column(nullable = false)
    private double probability;
    @Convert(converter = OutcomeCategoryConverter.class)
    private OutcomeCategory category;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_tier")
    private RiskTier riskTier;
    @Column(name = "latency_micros")
    private Long latencyMicros;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "site_id", nullable = false)
    private String siteId;

    protected Prediction() {
    }

    public Prediction(UUID id, UUID appointmentId, String doctorId, UUID modelVersionId, String answeredBy,
                      OutcomeLabel label, double probability, OutcomeCategory category, RiskTier riskTier,
                      Long latencyMicros, OffsetDateTime createdAt, String createdBy, String siteId) {
        this.id = id;
        this.appointmentId = appointmentId;
        this.doctorId = doctorId;
        this.modelVersionId = modelVersionId;
        this.answeredBy = answeredBy;
        this.label = label;
        this.probability = probability;
        this.category = category;
        this.riskTier = riskTier;
        this.latencyMicros = latencyMicros;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.siteId = siteId;
    }

    public UUID getId() { return id; }
    public UUID getAppointmentId() { return appointmentId; }
    public String getDoctorId() { return doctorId; }
    public UUID getModelVersionId() { return modelVersionId; }
    public String getAnsweredBy() { return answeredBy; }
    public OutcomeLabel getLabel() { return label; }
    public double getProbability() { return probability; }
    public OutcomeCategory getCategory() { return category; }
    public RiskTier getRiskTier() { return riskTier; }
    public Long getLatencyMicros() { return latencyMicros; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public String getSiteId() { return siteId; }
}
