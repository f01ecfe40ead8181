package com.outcomedesk.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.learn.ChallengerEvidence;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** The promotion rule alone: examples at its edges, then properties over any figures. */
class PromotionRuleTest {
    private static final RetrainingPolicy AUTOMATIC = RetrainingPolicy.DEFAULTS.with("mode", "on-alert");

    static ChallengerEvidence evidence(Double championAuc, double challengerAuc, Double championError, double challengerError,
                                       Double championFolds, double challengerFolds) {
        return new ChallengerEvidence(3, "logreg", 4, "gbm", new ChallengerEvidence.Holdout(LocalDate.of(2024, 5, 1), 800, 200,
                championAuc, challengerAuc, championError, challengerError, 0.2, 0.2),
                new ChallengerEvidence.Folds(5, 1, championFolds, challengerFolds));
    }

    @Test
    void betterByTheMarginAndNoWorseCalibratedIsPromotedUnderAnAutomaticPolicy() {
        PromotionRule.Verdict v = PromotionRule.decide(evidence(0.70, 0.75, 0.05, 0.05, 0.74, 0.76), AUTOMATIC);
        assertThat(v.outcome()).isEqualTo(RetrainDecision.Outcome.PROMOTED);
        assertThat(v.reasons()).last().asString().startsWith("Promoted version 4");
    }

    @Test
    void exactlyTheMarginIsEnoughButJustBelowIsNot() {
        RetrainingPolicy p = AUTOMATIC.with("aucMargin", "0.25");
        assertThat(PromotionRule.decide(evidence(0.5, 0.75, 0.05, 0.05, 0.7, 0.7), p).outcome())
                .isEqualTo(RetrainDecision.Outcome.PROMOTED);
        assertThat(PromotionRule.decide(evidence(0.5, 0.7499, 0.05, 0.05, 0.7, 0.7), p).outcome())
                .isEqualTo(RetrainDecision.Outcome.KEPT);
    }

    @Test
    void aZeroMarginStillNeedsAGain() {
        RetrainingPolicy p = AUTOMATIC.with("aucMargin", "0");
        assertThat(PromotionRule.decide(evidence(0.7, 0.7, 0.05, 0.05, 0.7, 0.7), p).outcome()).isEqualTo(RetrainDecision.Outcome.KEPT);
    }

    @Test
    void worseCalibrationKeepsTheChampionWhateverTheAuc() {
        PromotionRule.Verdict v = PromotionRule.decide(evidence(0.6, 0.9, 0.02, 0.08, 0.6, 0.9), AUTOMATIC);
        assertThat(v.outcome()).isEqualTo(RetrainDecision.Outcome.KEPT);
        assertThat(v.reasons()).anyMatch(r -> r.contains("worse calibrated")).last().asString().startsWith("Kept version 3");
    }

    @Test
    void aChallengerAlgorithmWorseOnTheSameFoldsIsKept() {
        assertThat(PromotionRule.decide(evidence(0.6, 0.8, 0.05, 0.05, 0.8, 0.79), AUTOMATIC).outcome())
                .isEqualTo(RetrainDecision.Outcome.KEPT);
    }

    @Test
    void withoutAHoldoutNothingIsPromotedButWithoutAChampionTheChallengerIs() {
        ChallengerEvidence noHoldout = new ChallengerEvidence(3, "logreg", 4, "gbm", null, new ChallengerEvidence.Folds(5, 1, 0.6, 0.9));
        assertThat(PromotionRule.decide(noHoldout, AUTOMATIC).outcome()).isEqualTo(RetrainDecision.Outcome.KEPT);
        ChallengerEvidence first = new ChallengerEvidence(null, null, 1, "logreg", null, new ChallengerEvidence.Folds(5, 1, null, 0.7));
        assertThat(PromotionRule.decide(first, AUTOMATIC).outcome()).isEqualTo(RetrainDecision.Outcome.PROMOTED);
        assertThat(PromotionRule.decide(first, RetrainingPolicy.DEFAULTS).outcome()).isEqualTo(RetrainDecision.Outcome.RECOMMENDED);
    }

    @Property
    void aPromotionAlwaysRestsOnEveryCondition(@ForAll("auc") double championAuc, @ForAll("auc") double challengerAuc,
                                               @ForAll("error") double championError, @ForAll("error") double challengerError,
                                               @ForAll("auc") double championFolds, @ForAll("auc") double challengerFolds,
                                               @ForAll @DoubleRange(min = 0, max = 0.5) double margin,
                                               @ForAll @DoubleRange(min = 0, max = 0.5) double tolerance) {
        RetrainingPolicy p = new RetrainingPolicy(RetrainingPolicy.Mode.SCHEDULE, 30, margin, tolerance, "admin");
        ChallengerEvidence e = evidence(championAuc, challengerAuc, championError, challengerError, championFolds, challengerFolds);
        PromotionRule.Verdict v = PromotionRule.decide(e, p);
        boolean expected = challengerAuc - championAuc > 0 && challengerAuc - championAuc >= margin
                && challengerError - championError <= tolerance && challengerFolds >= championFolds;
        assertThat(v.outcome() == RetrainDecision.Outcome.PROMOTED).isEqualTo(expected);
        assertThat(v.reasons()).isNotEmpty();
    }

    @Property
    void aManualPolicyNeverActivates(@ForAll("auc") double championAuc, @ForAll("auc") double challengerAuc,
                                     @ForAll("error") double championError, @ForAll("error") double challengerError) {
        ChallengerEvidence e = evidence(championAuc, challengerAuc, championError, challengerError, 0.5, 0.5);
        assertThat(PromotionRule.decide(e, RetrainingPolicy.DEFAULTS).outcome()).isNotEqualTo(RetrainDecision.Outcome.PROMOTED);
    }

    @Property
    void aLargerMarginNeverTurnsAKeepIntoAPromotion(@ForAll("auc") double championAuc, @ForAll("auc") double challengerAuc,
                                                    @ForAll @DoubleRange(min = 0, max = 0.25) double margin,
                                                    @ForAll @DoubleRange(min = 0, max = 0.25) double more) {
        ChallengerEvidence e = evidence(championAuc, challengerAuc, 0.05, 0.05, 0.5, 0.5);
        RetrainingPolicy lower = new RetrainingPolicy(RetrainingPolicy.Mode.ALERT, 30, margin, 0.01, "admin");
        RetrainingPolicy higher = new RetrainingPolicy(RetrainingPolicy.Mode.ALERT, 30, margin + more, 0.01, "admin");
        if (PromotionRule.decide(e, lower).outcome() == RetrainDecision.Outcome.KEPT) {
            assertThat(PromotionRule.decide(e, higher).outcome()).isEqualTo(RetrainDecision.Outcome.KEPT);
        }
    }

    @Property
    void aChampionFigureThatIsMissingOrNotANumberKeepsTheChampion(@ForAll("auc") double challengerAuc,
                                                                 @ForAll("missing") Double missing) {
        assertThat(PromotionRule.decide(evidence(missing, challengerAuc, 0.05, 0.0, 0.5, 0.9), AUTOMATIC).outcome())
                .isEqualTo(RetrainDecision.Outcome.KEPT);
        assertThat(PromotionRule.decide(evidence(0.5, challengerAuc, missing, 0.0, 0.5, 0.9), AUTOMATIC).outcome())
                .isEqualTo(RetrainDecision.Outcome.KEPT);
    }

    @Property
    void anIdenticalChallengerIsNeverPromoted(@ForAll("auc") double auc, @ForAll("error") double error) {
        assertThat(PromotionRule.decide(evidence(auc, auc, error, error, auc, auc), AUTOMATIC).outcome())
                .isEqualTo(RetrainDecision.Outcome.KEPT);
    }

    @Provide
    Arbitrary<Double> auc() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 1), Arbitraries.of(0.0, 0.5, 1.0, Double.NaN));
    }

    @Provide
    Arbitrary<Double> error() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 0.5), Arbitraries.of(0.0, 0.5));
    }

    @Provide
    Arbitrary<Double> missing() {
        return Arbitraries.just(Double.NaN).injectNull(0.5);
    }
}
