package com.outcomedesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

    private static List<DemoRecord> generate(long seed, int n) {
        DemoDataGenerator g = new DemoDataGenerator(seed, 20, 0.05);
        List<DemoRecord> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(g.next());
        return list;
    }

    @Test
    void theSameSeedGivesTheSameRecordsAndAnotherSeedDifferentOnes() {
        assertThat(generate(7, 200)).isEqualTo(generate(7, 200));
        assertThat(generate(8, 200)).isNotEqualTo(generate(7, 200));
    }

    @Test
    void outcomesFollowTheTrueProbability() {
        List<DemoRecord> records = generate(3, 40_000);
        double meanP = records.stream().mapToDouble(DemoRecord::probabilityWorse).average().orElseThrow();
        double worseRate = records.stream().filter(r -> r.trueCategory().label() == OutcomeLabel.WORSE).count()
                / (double) records.size();
        assertThat(worseRate).isCloseTo(meanP, org.assertj.core.data.Offset.offset(0.01));
        double pWhenWorse = records.stream().filter(r -> r.trueCategory().label() == OutcomeLabel.WORSE)
                .mapToDouble(DemoRecord::probabilityWorse).average().orElseThrow();
        double pWhenBetter = records.stream().filter(r -> r.trueCategory().label() == OutcomeLabel.BETTER)
                .mapToDouble(DemoRecord::probabilityWorse).average().orElseThrow();
        assertThat(pWhenWorse - pWhenBetter).as("the text and doctor carry real signal").isGreaterThan(0.1);
    }

    @Test
    void recordsAreVariedAndSomeOutcomesAreUnknown() {
        List<DemoRecord> records = generate(5, 5_000);
        Set<String> firstWords = new HashSet<>();
        records.forEach(r -> firstWords.add(r.summary().split(" ")[0]));
        assertThat(firstWords.size()).as("several sentence shapes").isGreaterThan(6);
        assertThat(records.stream().map(DemoRecord::summary).distinct().count()).isGreaterThan(3_000);
        long unknown = records.stream().filter(r -> r.outcome() == null).count();
        assertThat(unknown).isBetween(150L, 350L);
        assertThat(records.stream().map(DemoRecord::trueCategory).distinct()).containsExactlyInAnyOrder(OutcomeCategory.values());
    }

    /** Every symptom and condition phrase, as a whole-word pattern. */
    private static final List<Pattern> PHRASES = phrases();

    private static List<Pattern> phrases() {
        Vocabulary v = Vocabulary.load();
        return Stream.concat(v.symptoms().stream(), v.conditions().stream())
                .map(t -> Pattern.compile("\\b" + Pattern.quote(t.text()) + "\\b", Pattern.CASE_INSENSITIVE)).toList();
    }

    @Property(tries = 100)
    void noSummaryNamesASymptomOrConditionTwice(@ForAll long seed) {
        DemoDataGenerator g = new DemoDataGenerator(seed, 10, 0.05);
        for (int i = 0; i < 300; i++) {
            String summary = g.next().summary();
            for (Pattern phrase : PHRASES) {
                assertThat(phrase.matcher(summary).results().count()).as(summary).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void plantedOutliersIncludeGoodAndBadDoctorsWithRealVolume() {
        DemoDataGenerator g = new DemoDataGenerator(11, 40, 0);
        List<DoctorProfile> outliers = g.doctors().stream().filter(d -> d.outlier() != DoctorProfile.Outlier.NONE).toList();
        assertThat(outliers).extracting(DoctorProfile::outlier)
                .contains(DoctorProfile.Outlier.GOOD, DoctorProfile.Outlier.BAD);
        double medianWeight = g.doctors().stream().mapToDouble(DoctorProfile::volumeWeight).sorted()
                .toArray()[g.doctors().size() / 2];
        assertThat(outliers).allMatch(d -> d.volumeWeight() >= medianWeight);
    }
}
