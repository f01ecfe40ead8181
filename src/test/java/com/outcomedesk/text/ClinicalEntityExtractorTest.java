package com.outcomedesk.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicalEntityExtractorTest {
    private final ClinicalEntityExtractor extractor = ClinicalEntityExtractor.defaults();

    private List<String> names(String text, EntityType type) {
        return extractor.extract(text).stream().filter(e -> e.type() == type).map(ClinicalEntity::canonical).toList();
    }

    @Test
    void findsEntitiesOfEveryKindInAReferenceStyleSummary() {
        String s = "Complaints of shortness of breath. Suspected asthma. Ordered ECG and started inhaler use.";
        assertThat(names(s, EntityType.SYMPTOM)).containsExactly("shortness of breath");
        assertThat(names(s, EntityType.CONDITION)).containsExactly("asthma");
        assertThat(names(s, EntityType.TEST)).containsExactly("ecg");
        assertThat(names(s, EntityType.TREATMENT)).containsExactly("inhaler use");
    }

    @Test
    void toleratesCasePluralsAndAbbreviations() {
        assertThat(names("Follow-up for MIGRAINES and HTN; known T2DM.", EntityType.CONDITION))
                .containsExactly("migraine", "hypertension", "diabetes");
        assertThat(names("Prescribed Ventolin.", EntityType.MEDICATION)).containsExactly("albuterol");
        assertThat(names("History of allergies", EntityType.CONDITION)).containsExactly("allergies");
    }

    @Test
    void marksNegationWithinTheSentenceOnly() {
        List<ClinicalEntity> entities = extractor.extract("No chest pain or fever. Cough persists.");
        assertThat(entities).filteredOn(e -> e.canonical().equals("chest pain")).allMatch(ClinicalEntity::negated);
        assertThat(entities).filteredOn(e -> e.canonical().equals("cough")).noneMatch(ClinicalEntity::negated);
        assertThat(extractor.extract("Consultation regarding eczema. No alarming signs."))
                .filteredOn(e -> e.canonical().equals("alarming signs")).singleElement()
                .matches(ClinicalEntity::negated);
    }

    @Test
    void prefersTheLongestMatch() {
        assertThat(names("Diagnosed with congestive heart failure.", EntityType.CONDITION)).containsExactly("heart failure");
        assertThat(names("Chronic kidney disease stage 3.", EntityType.CONDITION)).containsExactly("chronic kidney disease");
    }

    @Test
    void readsTheFollowUpInterval() {
        assertThat(ClinicalEntityExtractor.followUpDays(Tokens.of("Will reassess in 3 days."))).hasValue(3);
        assertThat(ClinicalEntityExtractor.followUpDays(Tokens.of("Follow-up in one month"))).hasValue(30);
        assertThat(ClinicalEntityExtractor.followUpDays(Tokens.of("ongoing for 2 weeks"))).hasValue(14);
        assertThat(ClinicalEntityExtractor.followUpDays(Tokens.of("Routine check-up."))).isEmpty();
    }

    @Test
    void everyReferenceSummaryYieldsAtLeastOneEntity() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var records = mapper.readTree(com.outcomedesk.testing.TestStores.referenceSample().toFile());
        for (var r : records) {
            assertThat(extractor.extract(r.get("summary").asText())).as(r.get("summary").asText()).isNotEmpty();
        }
    }
}
