package com.outcomedesk.appointments;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.outcome.KeywordRules;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeClassifier;
import com.outcomedesk.outcome.OutcomeSource;
import com.outcomedesk.outcome.OutcomeText;
import com.outcomedesk.security.Actor;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.OutcomeMapping;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome sentence to category mapping, kept as data: administrators extend it, and every
 * appointment whose outcome text matches a new mapping is re-classified.
 */
public final class OutcomeMappingService {
    private final Database database;
    private final KeywordRules rules;
    private final ChangeStamper stamper;
    private final AuditTrail audit;
    private volatile OutcomeClassifier classifier;

    public OutcomeMappingService(Database database, KeywordRules rules, ChangeStamper stamper, AuditTrail audit) {
        this.database = database;
        this.rules = rules;
        this.stamper = stamper;
        this.audit = audit;
    }

    public OutcomeClassifier classifier() {
        OutcomeClassifier c = classifier;
        if (c == null) {
            c = new OutcomeClassifier(load(), rules);
            classifier = c;
        }
        return c;
    }

    public List<OutcomeMapping> mappings() {
        return database.read(em -> em.createQuery(
                "select m from OutcomeMapping m order by m.category, m.outcomeText", OutcomeMapping.class).getResultList());
    }

    /** An outcome phrasing that a rule guessed or nothing matched, with how often it occurs. */
    public record PendingPhrasing(String outcomeText, OutcomeCategory guessedCategory, OutcomeSource source, long count) {
    }

    /** Phrasings classified by keyword rule or left unmapped, most frequent first, for an administrator to review. */
    public List<PendingPhrasing> pending(int limit) {
        return database.read(em -> em.createQuery(
                        "select a.outcomeText, a.outcomeCategory, a.outcomeSource, count(a) from Appointment a "
                                + "where a.deleted = false and a.outcomeSource <> :mapped "
                                + "group by a.outcomeText, a.outcomeCategory, a.outcomeSource order by count(a) desc",
                        Object[].class)
                .setParameter("mapped", OutcomeSource.MAPPED)
                .setMaxResults(limit).getResultList().stream()
                .map(r -> new PendingPhrasing((String) r[0], (OutcomeCategory) r[1], (OutcomeSource) r[2], (Long) r[3]))
                .toList());
    }

    /**
     * Maps an outcome phrasing to a category (administrators only) and re-classifies matching appointments.
     * @return how many appointments were re-classified
     */
    public int map(String outcomeText, OutcomeCategory category, Actor actor) {
        actor.requireAdministrator("change the outcome mapping");
        if (outcomeText == null || outcomeText.isBlank()) throw new IllegalArgumentException("Enter the outcome text to map.");
        String normalized = OutcomeText.normalize(outcomeText);
        int changed = database.inTransaction(em -> {
            OutcomeMapping existing = em.find(OutcomeMapping.class, normalized);
            if (existing == null) {
                em.persist(new OutcomeMapping(normalized, outcomeText.strip(), category, "admin",
                        stamper.now(), actor.name()));
            } else {
                existing.setCategory(category);
            }
            int n = 0;
            List<com.outcomedesk.store.Appointment> matches = em.createQuery(
                            "select a from Appointment a where a.outcomeText is not null and lower(a.outcomeText) like :p",
                            com.outcomedesk.store.Appointment.class)
                    .setParameter("p", "%" + normalized.replace("%", "\\%").replace("_", "\\_") + "%")
                    .getResultList();
            for (var a : matches) {
                if (OutcomeText.normalize(a.getOutcomeText()).equals(normalized)) {
                    a.setOutcome(a.getOutcomeText(), category, OutcomeSource.MAPPED);
                    stamper.stamp(a, actor.name());
                    n++;
                }
            }
            return n;
        });
        classifier = null;
        audit.record(actor, "outcome-map", "outcome_mapping",
                normalized.length() > 200 ? normalized.substring(0, 200) : normalized, "category=" + category.code()
                + "; reclassified=" + changed);
        return changed;
    }

    private Map<String, OutcomeCategory> load() {
        Map<String, OutcomeCategory> map = new HashMap<>();
        for (OutcomeMapping m : mappings()) map.put(m.getNormalizedText(), m.getCategory());
        return map;
    }
}
