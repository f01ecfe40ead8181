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
import com.outcomedesk.store.OutcomeMappingRepository;
import com.outcomedesk.store.OutcomeMappingRepository.PhrasingCount;
import com.outcomedesk.store.StoredOutcomeMapping;
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
    private final OutcomeMappingRepository mappings;
    private final KeywordRules rules;
    private final ChangeStamper stamper;
    private final AuditTrail audit;
    private volatile OutcomeClassifier classifier;

    public OutcomeMappingService(Database database, KeywordRules rules, ChangeStamper stamper, AuditTrail audit) {
        this.mappings = new OutcomeMappingRepository(database);
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

    /** Every mapped sentence, by category code, then by text. */
    public List<StoredOutcomeMapping> mappings() {
        return mappings.all();
    }

    /** An outcome phrasing that a rule guessed or nothing matched, with how often it occurs. */
    public record PendingPhrasing(String outcomeText, OutcomeCategory guessedCategory, OutcomeSource source, long count) {
    }

    /** Phrasings classified by keyword rule or left unmapped, most frequent first, for an administrator to review. */
    public List<PendingPhrasing> pending(int limit) {
        return mappings.unmappedPhrasingCounts(limit).stream()
                .map(c -> new PendingPhrasing(c.outcomeText(), c.category(), c.source(), c.count())).toList();
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
        List<PhrasingCount> groups = mappings.phrasingCounts();
        Map<String, StoredOutcomeMapping> mapped = new HashMap<>();
        for (StoredOutcomeMapping m : mappings()) mapped.put(m.normalizedText(), m);
        Map<String, Phrasing> byText = new LinkedHashMap<>();
        for (StoredOutcomeMapping m : mapped.values()) {
            byText.put(m.normalizedText(), new Phrasing(m.outcomeText(), m.category(), source(m), 0));
        }
        for (PhrasingCount g : groups) {
            String text = g.outcomeText();
            String key = OutcomeText.normalize(text);
            long count = g.count();
            Phrasing known = byText.get(key);
            if (known == null) {
                known = new Phrasing(text, g.category(), g.source() == OutcomeSource.KEYWORD ? PhrasingSource.KEYWORD
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

    private static PhrasingSource source(StoredOutcomeMapping m) {
        return StoredOutcomeMapping.REFERENCE.equals(m.source()) ? PhrasingSource.REFERENCE : PhrasingSource.ADMINISTRATOR;
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
        long appointments = 0;
        long changes = 0;
        for (PhrasingCount g : mappings.phrasingCountsOf(normalized)) {
            appointments += g.count();
            if (g.category() != category) changes += g.count();
        }
        return new MappingPreview(appointments, changes);
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
        int changed = mappings.map(normalized, outcomeText.strip(), category, stamper.now(), actor.name(), a -> {
            a.setOutcome(a.getOutcomeText(), category, OutcomeSource.MAPPED);
            stamper.stamp(a, actor.name());
        });
        classifier = null;
        audit.record(actor, "outcome-map", "outcome_mapping",
                normalized.length() > 200 ? normalized.substring(0, 200) : normalized, "category=" + category.code()
                + "; reclassified=" + changed);
        return changed;
    }

    private Map<String, OutcomeCategory> load() {
        Map<String, OutcomeCategory> map = new HashMap<>();
        for (StoredOutcomeMapping m : mappings()) map.put(m.normalizedText(), m.category());
        return map;
    }
}
