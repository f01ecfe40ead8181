package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import java.time.OffsetDateTime;

/**
 * One outcome sentence mapped to its category. The source is "reference" for the seeded sentences, "admin" for those
 * an administrator added.
 */
public record StoredOutcomeMapping(String normalizedText, String outcomeText, OutcomeCategory category, String source,
                                   OffsetDateTime createdAt, String createdBy) {
    public static final String REFERENCE = "reference";
    public static final String ADMINISTRATOR = "admin";

    static StoredOutcomeMapping of(OutcomeMapping m) {
        return new StoredOutcomeMapping(m.getNormalizedText(), m.getOutcomeText(), m.getCategory(), m.getSource(),
                m.getCreatedAt(), m.getCreatedBy());
    }
}
