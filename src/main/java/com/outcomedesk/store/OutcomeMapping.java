package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An outcome sentence mapped to its category: seeded from the reference, extended by administrators. */
@Entity
@Table(name = "outcome_mappings")
public class OutcomeMapping {
    @Id
    @Column(name = "normalized_text")
    private String normalizedText;
    @Column(name = "outcome_text", nullable = false)
    private String outcomeText;
    @Convert(converter = OutcomeCategoryConverter.class)
    @Column(nullable = false)
    private OutcomeCategory category;
    @Column(nullable = false)
    private String source;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected OutcomeMapping() {
    }

    public OutcomeMapping(String normalizedText, String outcomeText, OutcomeCategory category, String source,
                          OffsetDateTime createdAt, String createdBy) {
        this.normalizedText = normalizedText;
        this.outcomeText = outcomeText;
        this.category = category;
        this.source = source;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public String getNormalizedText() { return normalizedText; }
    public String getOutcomeText() { return outcomeText; }
    public OutcomeCategory getCategory() { return category; }
    public void setCategory(OutcomeCategory category) { this.category = category; }
    public String getSource() { return source; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
