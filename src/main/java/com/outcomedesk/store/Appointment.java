package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeSource;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One appointment: who saw the patient, what was written, and (later) what happened. */
@Entity
@Table(name = "appointments")
public class Appointment {

    public static final int MAX_SUMMARY_LENGTH = 20_000;
    public static final int MAX_OUTCOME_LENGTH = 2_000;
    public static final int MAX_DOCTOR_ID_LENGTH = 100;

    @Id
    private UUID id;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "doctor_id", nullable = false)
    private String doctorId;
    @Column(name = "patient_ref")
    private String patientRef;
    @Column(name = "appointment_date")
    private LocalDate appointmentDate;
    @Column(nullable = false, length = MAX_SUMMARY_LENGTH)
    private String summary;
    @Column(name = "outcome_text", length = MAX_OUTCOME_LENGTH)
    private String outcomeText;
    @Convert(converter = OutcomeCategoryConverter.class)
    @Column(name = "outcome_category")
    private OutcomeCategory outcomeCategory;
    @Convert(converter = OutcomeSourceConverter.class)
    @Column(name = "outcome_source")
    private OutcomeSource outcomeSource;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "site_id", nullable = false)
    private String siteId;
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;
    @Column(nullable = false)
    private long hlc;
    @Column(nullable = false)
    private boolean deleted;

    protected Appointment() {
    }

    public Appointment(UUID id, String doctorId, String summary) {
        this.id = id;
        this.doctorId = doctorId;
        this.summary = summary;
    }

    public UUID getId() { return id; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getDoctorId() { return doctorId; }
    public void setDoctorId(String doctorId) { this.doctorId = doctorId; }
    public String getPatientRef() { return patientRef; }
    public void setPatientRef(String patientRef) { this.patientRef = patientRef; }
    public LocalDate getAppointmentDate() { return appointmentDate; }
    public void setAppointmentDate(LocalDate appointmentDate) { this.appointmentDate = appointmentDate; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getOutcomeText() { return outcomeText; }
    public OutcomeCategory getOutcomeCategory() { return outcomeCategory; }
    public OutcomeSource getOutcomeSource() { return outcomeSource; }

    /** Records the outcome text together with how its category was found. */
    public void setOutcome(String text, OutcomeCategory category, OutcomeSource source) {
        this.outcomeText = text;
        this.outcomeCategory = category;
        this.outcomeSource = source;
    }

    public OffsetDateTime getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public String getSiteId() { return siteId; }
    public long getRowVersion() { return rowVersion; }
    public long getHlc() { return hlc; }
    public boolean isDeleted() { return deleted; }
    public void setDeleted(boolean deleted) { this.deleted = deleted; }

    /** Stamps a change: who, when, where, and the hybrid logical clock used to order it across sites. */
    public void stamp(String user, OffsetDateTime now, String site, long clock) {
        if (createdAt == null) {
            createdAt = now;
            createdBy = user;
        }
        updatedAt = now;
        updatedBy = user;
        siteId = site;
        hlc = clock;
    }
}
