package com.outcomedesk.insight;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.OutcomeStatisticsRepository;
import com.outcomedesk.text.ClinicalEntityExtractor;

/** Groups of alike diseases from the stored summaries: one streaming pass builds the profiles, then {@link DiseaseAtlas}. */
public final class DiseaseInsights {
    /** A disease needs this many (non-negated) mentions to be compared with others. */
    public static final int DEFAULT_MIN_MENTIONS = 5;
    /** Seed of the k-means runs, so the same data always gives the same groups. */
    public static final long DEFAULT_SEED = 42;

    private final OutcomeStatisticsRepository statistics;
    private final AuditTrail audit;
    private final ClinicalEntityExtractor extractor;

    public DiseaseInsights(Database database, AuditTrail audit, ClinicalEntityExtractor extractor) {
        this.statistics = new OutcomeStatisticsRepository(database);
        this.audit = audit;
        this.extractor = extractor;
    }

    /** Profiles every disease in one pass over the store (no clustering). */
    public DiseaseProfiles profiles() {
        return new DiseaseProfiler(extractor, DiseaseProfiler.PAGE).build(statistics);
    }

    /** Profiles, groups and maps the diseases in the store now. */
    public DiseaseAtlas atlas(Actor actor) {
        DiseaseAtlas atlas = atlas(profiles(), DEFAULT_MIN_MENTIONS, DEFAULT_SEED);
        audit.record(actor, "insight.diseases", "disease_groups", "all",
                "diseases=" + atlas.profiles().size() + " groups=" + atlas.groups().size());
        return atlas;
    }

    /** Groups already-built profiles; diseases with fewer than {@code minMentions} mentions are left out. */
    public DiseaseAtlas atlas(DiseaseProfiles profiles, int minMentions, long seed) {
        if (minMentions < 1) throw new IllegalArgumentException("minMentions must be at least 1");
        return new DiseaseAtlas(profiles, minMentions, seed, extractor);
    }
}
