package com.outcomedesk.appointments;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.outcome.KeywordRules;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeClassifier;
import com.outcomedesk.outcome.OutcomeSource;
import com.outcomedesk.outcome.OutcomeText;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.OutcomeMapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /** Where a phrasing's category comes from: the reference sentences, an administrator, a keyword rule, or nothing. */
    public enum PhrasingSource {
        REFERENCE, ADMINISTRATOR, KEYWORD, UNMAPPED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Keyword guesses and unmapped phrasings wait for an administrator. */
        public boolean needsReview() {
            return this == KEYWORD || this == UNMAPPED;
        }
    }

    /**
     * One outcome phrasing: its text as first seen, its category now (null when unmapped), where that comes from, and
     * how many (non-deleted) appointments carry it, spelling variants that normalise alike counted together.
     */
    public record Phrasing(String outcomeText, OutcomeCategory category, PhrasingSource source, long appointments) {
    }

    /**
     * Every phrasing, mapped or not: those needing review first (unmapped, then keyword guesses), then by how many
     * appointments they affect. One grouped count over the appointments; mapped sentences nobody used yet count 0.
     */
    public List<Phrasing> phrasings() {
        List<Object[]> groups = database.read(em -> em.createQuery(
                "select a.outcomeText, a.outcomeCategory, a.outcomeSource, count(a) from Appointment a "
                        + "where a.deleted = false and a.outcomeText is not null "
                        + "group by a.outcomeText, a.outcomeCategory, a.outcomeSource", Object[].class).getResultList());
        Map<String, OutcomeMapping> mapped = new HashMap<>();
        for (OutcomeMapping m : mappings()) mapped.put(m.getNormalizedText(), m);
        Map<String, Phrasing> byText = new LinkedHashMap<>();
        for (OutcomeMapping m : mapped.values()) {
            byText.put(m.getNormalizedText(), new Phrasing(m.getOutcomeText(), m.getCategory(), source(m), 0));
        }
        for (Object[] g : groups) {
            String text = (String) g[0];
            String key = OutcomeText.normalize(text);
            long count = (Long) g[3];
            Phrasing known = byText.get(key);
            if (known == null) {
                OutcomeSource how = (OutcomeSource) g[2];
                known = new Phrasing(text, (OutcomeCategory) g[1], how == OutcomeSource.KEYWORD ? PhrasingSource.KEYWORD
                        : PhrasingSource.UNMAPPED, 0);
            }
            byText.put(key, new Phrasing(known.outcomeText(), known.category(), known.source(), known.appointments() + count));
        }
        List<Phrasing> list = new ArrayList<>(byText.values());
        list.sort(Comparator.comparing((Phrasing p) -> p.source() == PhrasingSource.UNMAPPED ? 0 : p.source() == PhrasingSource.KEYWORD ? 1 : 2)
                .thenComparing(Comparator.comparingLong(Phrasing::appointments).reversed())
                .thenComparing(Phrasing::outcomeText));
        return List.copyOf(list);
    }

    private static PhrasingSource source(OutcomeMapping m) {
        return "reference".equals(m.getSource()) ? PhrasingSource.REFERENCE : PhrasingSource.ADMINISTRATOR;
    }

    /** What mapping a phrasing would do: appointments carrying it, and how many of them would get another category. */
    public record MappingPreview(long appointments, long categoryChanges) {
    }

    /** Counts, without changing anything, what {@link #map} would re-classify among the non-deleted appointments. */
    public MappingPreview preview(String outcomeText, OutcomeCategory category) {
        if (outcomeText == null || outcomeText.isBlank()) throw new IllegalArgumentException("Enter the outcome text to map.");
        TextRule.Violation broken = TextRule.MULTI_LINE.check(outcomeText);
        if (broken != null) {
            throw new InvalidInputException(List.of(new AppointmentInput.Problem(AppointmentInput.OUTCOME, broken.reason(),
                    0, 0, broken.position(), "")));
        }
        String normalized = OutcomeText.normalize(outcomeText);
        List<Object[]> groups = database.read(em -> em.createQuery(
                        "select a.outcomeText, a.outcomeCategory, count(a) from Appointment a where a.deleted = false "
                                + "and a.outcomeText is not null and lower(a.outcomeText) like :p group by a.outcomeText, a.outcomeCategory",
                        Object[].class)
                .setParameter("p", like(normalized)).getResultList());
        long appointments = 0;
        long changes = 0;
        for (Object[] g : groups) {
            if (!OutcomeText.normalize((String) g[0]).equals(normalized)) continue;
            appointments += (Long) g[2];
            if (g[1] != category) changes += (Long) g[2];
        }
        return new MappingPreview(appointments, changes);
    }

    /** A LIKE pattern every spelling that normalises to the text matches (any run of spaces where it has one). */
    private static String like(String normalized) {
        return "%" + normalized.replace("%", "\\%").replace("_", "\\_").replace(" ", "%") + "%";
    }

    /**
     * Maps an outcome phrasing to a category (administrators only) and re-classifies matching appointments.
     * @return how many appointments were re-classified
     */
    public int map(String outcomeText, OutcomeCategory category, Actor actor) {
        actor.requireAdministrator("change the outcome mapping");
        if (outcomeText == null || outcomeText.isBlank()) throw new IllegalArgumentException("Enter the outcome text to map.");
        TextRule.Violation broken = TextRule.MULTI_LINE.check(outcomeText);
        if (broken != null) {
            throw new InvalidInputException(List.of(new AppointmentInput.Problem(AppointmentInput.OUTCOME, broken.reason(),
                    0, 0, broken.position(), "")));
        }
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
                    .setParameter("p", like(normalized))
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
