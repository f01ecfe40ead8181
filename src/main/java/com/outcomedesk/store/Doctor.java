package com.outcomedesk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(name = "doctors")
public class Doctor {
    @Id
    @Column(name = "doctor_id")
    private String doctorId;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Doctor() {
    }

    public Doctor(String doctorId, OffsetDateTime createdAt) {
        this.doctorId = doctorId;
        this.createdAt = createdAt;
    }

    public String getDoctorId() { return doctorId; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
