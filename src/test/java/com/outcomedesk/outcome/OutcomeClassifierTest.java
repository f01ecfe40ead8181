package com.outcomedesk.outcome;

import com.outcomedesk.testing.TestStores;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeClassifierTest {
    private final OutcomeClassifier classifier = new OutcomeClassifier(referenceMappings(), KeywordRules.defaults());

    static Map<String, OutcomeCategory> referenceMappings() {
        try {
            List<String> lines = Files.readAllLines(TestStores.reference("outcome_categories.csv"));
            Map<String, OutcomeCategory> map = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int close = line.lastIndexOf("\",");
                String text = line.substring(1, close);
                String category = line.substring(close + 2).split(",")[0];
                map.put(OutcomeText.normalize(text), OutcomeCategory.fromCode(category));
            }
            return map;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyReferenceSentenceIsMappedWithItsCategoryAndLabel() throws IOException {
        List<String> lines = Files.readAllLines(TestStores.reference("outcome_categories.csv"));
        assertThat(lines).hasSize(25);
        for (String line : lines.subList(1, lines.size())) {
            int close = line.lastIndexOf("\",");
            String[] rest = line.substring(close + 2).split(",");
            OutcomeClassification c = classifier.classify(line.substring(1, close));
            assertThat(c.source()).isEqualTo(OutcomeSource.MAPPED);
            assertThat(c.category().code()).isEqualTo(rest[0]);
            assertThat(c.category().score()).isEqualTo(Integer.parseInt(rest[1]));
            assertThat(c.category().label().code()).isEqualTo(rest[2]);
        }
    }

    @Test
    void caseSpacingAndFinalStopDoNotMatter() {
        OutcomeClassification c = classifier.classify("  PATIENT deceased   following complications ");
        assertThat(c).isEqualTo(new OutcomeClassification(OutcomeCategory.CRITICAL, OutcomeSource.MAPPED));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Made a full recovery.|excellent",
            "Doing well, symptoms improving.|good",
            "Stable, no change at review.|neutral",
            "Condition got worse after treatment.|poor",
            "Not improving at all.|poor",
            "Admitted to ICU.|critical",
            "Patient died in hospital.|critical",
            "No complications since surgery.|good",
    })
    void unseenPhrasingsAreClassifiedByKeywordAndMarkedSo(String text, String category) {
        OutcomeClassification c = classifier.classify(text);
        assertThat(c.source()).isEqualTo(OutcomeSource.KEYWORD);
        assertThat(c.category().code()).isEqualTo(category);
    }

    @Test
    void anOutcomeNoRuleCoversStaysUnmappedInsteadOfGuessed() {
        assertThat(classifier.classify("Lost to follow-up.")).isEqualTo(OutcomeClassification.UNMAPPED);
    }

    @Test
    void aBlankOutcomeIsNotKnownYet() {
        assertThat(classifier.classify("   ")).isNull();
        assertThat(classifier.classify(null)).isNull();
    }
}
