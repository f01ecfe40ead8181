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
        assertThat(names).noneMatch(n -> n.contains("DAYS") || n.startsWith("TEXT") && n.contains("140"));
    }

    @Test
    void keepsDurationsAndNumbersAsValuesAndThresholds() {
        List<String> names = names("dr_1", "Cough for 10 days. BP 140/90.", null);
        assertThat(names).contains("ENTITY days = 10", "ENTITY days >= 7", "ENTITY days >= 10", "ENTITY bp = 140",
                "ENTITY bp >= 128");
        assertThat(names).doesNotContain("ENTITY days >= 14", "ENTITY bp >= 256");
    }

    @Test
    void scopesNegationToItsPhraseAndPairsEntitiesAcrossSentences() {
        List<String> names = names("dr_1", "No fever but chest pain. Referred to cardiology.", null);
        assertThat(names).contains("ENTITY entity symptom:fever:negated", "ENTITY entity symptom:chest pain")
                .anyMatch(n -> n.startsWith("ENTITY pair") && n.contains("chest pain") && n.contains("cardiology"))
                .noneMatch(n -> n.startsWith("ENTITY pair") && n.contains("fever") && n.contains("chest pain"));
        List<String> legacy = new ArrayList<>();
        new Featurizer(18, Featurizer.LEGACY_VERSION, ClinicalEntityExtractor.defaults()).featurize("dr_1",
                "No fever but chest pain. Referred to cardiology.", null, true, (g, i, n) -> legacy.add(g + " " + n));
        assertThat(legacy).contains("ENTITY entity symptom:chest pain:negated").noneMatch(n -> n.contains("pair") || n.contains("days"));
    }

    @Test
    void explainedUnitsCoverTheNoteWithNegatedPhrasesWhole() {
        List<Featurizer.TextUnit> units = featurizer.explain("dr_1", "No chest pain, persistent cough for 3 days.", null,
                (g, i, n, a, b) -> { });
        assertThat(units).extracting(Featurizer.TextUnit::text).containsExactly("No chest pain", "persistent", "cough", "for", "3 days");
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
        Tokens expected = Tokens.of(text), actual = featurizer.tokenize(text);
        assertThat(actual.words()).isEqualTo(expected.words());
        // The second time every word comes from the thread's cache.
        assertThat(featurizer.tokenize(text).words()).isEqualTo(expected.words());
        assertThat(actual.sentence()).isEqualTo(expected.sentence());
        assertThat(actual.start()).isEqualTo(expected.start());
        assertThat(actual.end()).isEqualTo(expected.end());
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
