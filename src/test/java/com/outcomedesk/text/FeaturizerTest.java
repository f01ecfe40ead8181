package com.outcomedesk.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class FeaturizerTest {
    private final Featurizer featurizer = new Featurizer(18, ClinicalEntityExtractor.defaults());

    private List<String> names(String doctor, String summary, LocalDate date) {
        List<String> names = new ArrayList<>();
        featurizer.featurize(doctor, summary, date, true, (group, index, name) -> {
            assertThat(index).isBetween(0, featurizer.dimension() - 1);
            names.add(group + " " + name);
        });
        return names;
    }

    @Test
    void normalisesCaseNumbersAndDurationsIntoBucketsAndBigrams() {
        List<String> names = names("dr_1", "Headaches for 3 DAYS, BP 140/90. Will reassess in 2 weeks.", null);
        assertThat(names).contains("TEXT headache", "TEXT <days>", "TEXT <weeks>", "TEXT #", "TEXT headache for",
                "ENTITY follow-up days", "DOCTOR doctor dr_1");
        assertThat(names).noneMatch(n -> n.contains("DAYS") || n.contains("140"));
    }

    @Test
    void marksNegatedEntitiesAndAddsDateFeaturesOnlyWhenPresent() {
        List<String> names = names("dr_2", "No fever. Physical exam normal.", LocalDate.of(2025, 1, 15));
        assertThat(names).anyMatch(n -> n.startsWith("ENTITY entity symptom:fever:negated"));
        assertThat(names).contains("DATE month 1", "DATE season winter");
        assertThat(names("dr_2", "No fever.", null)).noneMatch(n -> n.startsWith("DATE"));
    }

    @Property
    void fastTokenizerMatchesTokensOf(@ForAll @StringLength(max = 200) String text) {
        Tokens expected = Tokens.of(text), actual = Featurizer.tokenize(text);
        assertThat(actual.words()).isEqualTo(expected.words());
        assertThat(actual.sentence()).isEqualTo(expected.sentence());
    }

    @Test
    void hashingIsDeterministicAndIndependentOfNames() {
        List<Integer> withNames = new ArrayList<>();
        List<Integer> without = new ArrayList<>();
        String summary = "Follow-up for diabetes. Improvements noted. Will reassess in 1 month.";
        featurizer.featurize("dr_10", summary, null, true, (g, i, n) -> withNames.add(i));
        featurizer.featurize("dr_10", summary, null, false, (g, i, n) -> without.add(i));
        assertThat(withNames).isEqualTo(without).isNotEmpty();
    }
}
