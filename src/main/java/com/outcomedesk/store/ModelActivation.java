package com.outcomedesk.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An explicit activate/rollback event: the history of which model answered when. */
@Entity
@Table(name = "model_activations")
public class ModelActivation {
    @Id
    private UUID id;
    @Column(name = "model_version_id", nullable = false)
    private UUID modelVersionId;
    @Column(nullable = false)
    private String action;
    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime at;
    @Column(name = "by_user", nullable = false)
    private String byUser;
    @Column(name = "site_id", nullable = false)
    private String siteId;
    @Column(nullable = false)
    private long hlc;

    protected ModelActivation() {
    }

    public ModelActivation(UUID id, UUID modelVersionId, String action, OffsetDateTime at, String byUser,
                           String siteId, long hlc) {
        this.id = id;
        this.modelVersionId = modelVersionId;
        this.action = action;
        this.at = at;
        this.byUser = byUser;
        this.siteId = siteId;
        this.hlc = hlc;
    }

    public UUID getId() { return id; }
    public UUID getModelVersionId() { return modelVersionId; }
    public String getAction() { return action; }
    public OffsetDateTime getAt() { return at; }
    public String getByUser() { return byUser; }
    public String getSiteId() { return siteId; }
    public long getHlc() { return hlc; }
}
