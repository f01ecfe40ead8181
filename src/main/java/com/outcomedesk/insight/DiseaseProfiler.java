package com.outcomedesk.insight;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.store.AppointmentSummary;
import com.outcomedesk.store.OutcomeStatisticsRepository;
import com.outcomedesk.text.ClinicalEntity;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Builds disease profiles in one streaming pass over the stored summaries: pages of rows in key order
 * (keyset paging, so memory stays flat on H2 and PostgreSQL alike), entities extracted in parallel within
 * a page, counts merged per disease. Only non-negated mentions count.
 */
final class DiseaseProfiler {
    /** Every clinical entity but the diseases themselves: what a note says goes with a disease. */
    static final Set<EntityType> FEATURE_TYPES = EnumSet.of(EntityType.SYMPTOM, EntityType.FINDING, EntityType.TEST,
            EntityType.MEDICATION, EntityType.TREATMENT, EntityType.PLAN, EntityType.REFERRAL);
    static final int PAGE = 20_000;

    private final ClinicalEntityExtractor extractor;
    private final int pageSize;

    DiseaseProfiler(ClinicalEntityExtractor extractor, int pageSize) {
        this.extractor = extractor;
        this.pageSize = pageSize;
    }

    private record Mentions(Set<String> diseases, Set<String> features, OutcomeCategory outcome) {
    }

    private static final class Counts {
        long appointments;
        final Map<String, Long> features = new HashMap<>();
        final long[] outcomes = new long[OutcomeCategory.values().length];

        void add(Mentions m) {
            appointments++;
            for (String f : m.features()) features.merge(f, 1L, Long::sum);
            if (m.outcome() != null) outcomes[m.outcome().ordinal()]++;
        }

        DiseaseProfile toProfile(String name) {
            Map<String, Long> sorted = new LinkedHashMap<>();
            features.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return new DiseaseProfile(name, appointments, sorted, new DoctorOutcomes(name, outcomes).mix());
        }
    }

    DiseaseProfiles build(OutcomeStatisticsRepository statistics) {
        Counts baseline = new Counts();
        Map<String, Counts> diseases = new HashMap<>();
        long scanned = 0;
        UUID last = null;
        while (true) {
            List<AppointmentSummary> page = statistics.summaries(last, pageSize);
            if (page.isEmpty()) break;
            last = page.get(page.size() - 1).id();
            scanned += page.size();
            List<Mentions> mentions = page.parallelStream().map(this::mentions).toList();
            for (Mentions m : mentions) {
                if (m.diseases().isEmpty()) continue;
                baseline.add(m);
                for (String d : m.diseases()) diseases.computeIfAbsent(d, k -> new Counts()).add(m);
            }
            if (page.size() < pageSize) break;
        }
        List<DiseaseProfile> profiles = new ArrayList<>();
        diseases.forEach((name, counts) -> profiles.add(counts.toProfile(name)));
        profiles.sort(Comparator.comparingLong(DiseaseProfile::appointments).reversed().thenComparing(DiseaseProfile::name));
        return new DiseaseProfiles(scanned, baseline.toProfile("all diseases"), List.copyOf(profiles));
    }

    private Mentions mentions(AppointmentSummary row) {
        Set<String> diseases = new TreeSet<>();
        Set<String> features = new TreeSet<>();
        for (ClinicalEntity e : extractor.extract(row.summary())) {
            if (e.negated()) continue;
            if (e.type() == EntityType.CONDITION) diseases.add(e.canonical());
            else if (FEATURE_TYPES.contains(e.type())) features.add(e.type().code() + ":" + e.canonical());
        }
        return new Mentions(diseases, features, row.outcome());
    }
}
