package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeSource;
import com.outcomedesk.outcome.OutcomeText;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * The outcome sentence to category mapping, and the outcome phrasings the live appointments carry, counted, so an
 * administrator sees what to map. Phrasings are matched as {@link OutcomeText#normalize normalised}.
 */
public final class OutcomeMappingRepository {
    private final Database database;

    public OutcomeMappingRepository(Database database) {
        this.database = database;
    }

    /** Every mapping, by category code, then by text. */
    public List<StoredOutcomeMapping> all() {
        return database.read(em -> em.createQuery(
                        "select m from OutcomeMapping m order by m.category, m.outcomeText", OutcomeMapping.class)
                .getResultList().stream().map(StoredOutcomeMapping::of).toList());
    }

    /** How many live appointments carry one outcome text with one category and source. */
    public record PhrasingCount(String outcomeText, OutcomeCategory category, OutcomeSource source, long count) {
    }

    /** Every outcome text the live appointments carry, counted, in no particular order. */
    public List<PhrasingCount> phrasingCounts() {
        return database.read(em -> em.createQuery(
                        "select a.outcomeText, a.outcomeCategory, a.outcomeSource, count(a) from Appointment a "
                                + "where a.deleted = false and a.outcomeText is not null "
                                + "group by a.outcomeText, a.outcomeCategory, a.outcomeSource", Object[].class)
                .getResultList().stream().map(OutcomeMappingRepository::phrasingCount).toList());
    }

    /** Outcome texts a keyword rule classified or nothing did, most frequent first. */
    public List<PhrasingCount> unmappedPhrasingCounts(int limit) {
        return database.read(em -> em.createQuery(
                        "select a.outcomeText, a.outcomeCategory, a.outcomeSource, count(a) from Appointment a "
                                + "where a.deleted = false and a.outcomeSource <> :mapped "
                                + "group by a.outcomeText, a.outcomeCategory, a.outcomeSource order by count(a) desc",
                        Object[].class)
                .setParameter("mapped", OutcomeSource.MAPPED)
                .setMaxResults(limit).getResultList().stream().map(OutcomeMappingRepository::phrasingCount).toList());
    }

    /** The live appointments' outcome texts that normalise to the given (normalised) text, counted. */
    public List<PhrasingCount> phrasingCountsOf(String normalized) {
        return database.read(em -> em.createQuery(
                        "select a.outcomeText, a.outcomeCategory, a.outcomeSource, count(a) from Appointment a "
                                + "where a.deleted = false and a.outcomeText is not null and lower(a.outcomeText) like :p "
                                + "group by a.outcomeText, a.outcomeCategory, a.outcomeSource", Object[].class)
                .setParameter("p", like(normalized)).getResultList().stream()
                .map(OutcomeMappingRepository::phrasingCount)
                .filter(c -> OutcomeText.normalize(c.outcomeText()).equals(normalized)).toList());
    }

    private static PhrasingCount phrasingCount(Object[] r) {
        return new PhrasingCount((String) r[0], (OutcomeCategory) r[1], (OutcomeSource) r[2], (Long) r[3]);
    }

    /**
     * In one transaction: maps the (normalised) text to the category, adding the mapping as an administrator's or
     * changing an existing one's category, and hands every appointment (deleted ones too, so they sync alike) whose
     * outcome text normalises to it to {@code reclassify}. Returns how many it handed over.
     */
    public int map(String normalized, String outcomeText, OutcomeCategory category, OffsetDateTime now, String user,
                   Consumer<Appointment> reclassify) {
        return database.inTransaction(em -> {
            OutcomeMapping existing = em.find(OutcomeMapping.class, normalized);
            if (existing == null) {
                em.persist(new OutcomeMapping(normalized, outcomeText, category, StoredOutcomeMapping.ADMINISTRATOR,
                        now, user));
            } else {
                existing.setCategory(category);
            }
            int n = 0;
            List<Appointment> matches = em.createQuery(
                            "select a from Appointment a where a.outcomeText is not null and lower(a.outcomeText) like :p",
                            Appointment.class)
                    .setParameter("p", like(normalized))
                    .getResultList();
            for (Appointment a : matches) {
                if (OutcomeText.normalize(a.getOutcomeText()).equals(normalized)) {
                    reclassify.accept(a);
                    n++;
                }
            }
            return n;
        });
    }

    /** A LIKE pattern every spelling that normalises to the text matches (any run of spaces where it has one). */
    private static String like(String normalized) {
        return "%" + normalized.replace("%", "\\%").replace("_", "\\_").replace(" ", "%") + "%";
    }
}
