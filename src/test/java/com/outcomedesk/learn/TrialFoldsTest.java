package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.common.ProgressListener;
import org.junit.jupiter.api.Test;

class TrialFoldsTest {

    @Test
    void treesClearlyBehindOnTheTrialFoldsAreNotFittedOnTheRestAndNeverSelected() {
        Dataset data = LearnFixtures.demo(20_000, 11).data();
        Evaluator evaluator = new Evaluator(data, TrainingRequest.defaults(), ProgressListener.NONE);
        Evaluation e = evaluator.evaluate();

        assertThat(e.selected()).isEqualTo(Candidate.LOGREG);
        assertThat(e.selectedResult().evaluatedOn()).isEqualTo("5 held-out folds (5-fold)");
        assertThat(evaluator.outOfFold(Candidate.LOGREG)).hasSize(data.rows()).doesNotContain(0.0);
        // On demo data the trees trail logistic regression by more than 0.001 AUC on every fold (0.744 against 0.752).
        for (String tree : new String[] {Candidate.GBM, Candidate.FOREST}) {
            Evaluation.CandidateResult r = e.candidate(tree);
            assertThat(r.evaluatedOn()).startsWith("2 of 5 held-out folds (5-fold), stopped: behind logreg by more than 0.001 AUC");
            assertThat(r.auc()).isLessThan(e.selectedResult().auc() - Evaluator.BEHIND_BY);
            long scored = 0;
            for (long[] row : r.confusion()) for (long n : row) scored += n;
            assertThat(scored).isBetween(2L * data.rows() / 5 - 2, 2L * data.rows() / 5 + 2);
            assertThat(evaluator.outOfFold(tree)).isNull();
        }
        // The baselines are cheap and always evaluated on every fold.
        assertThat(e.candidate(Candidate.DOCTOR_RATE).evaluatedOn()).isEqualTo("5 held-out folds (5-fold)");
    }

    @Test
    void theTrialRestsOnOneFoldOnlyWhereThatFoldHoldsAHundredThousandRows() {
        assertThat(Evaluator.trialFolds(20_000, 5)).isEqualTo(2);
        assertThat(Evaluator.trialFolds(499_999, 5)).isEqualTo(2);
        assertThat(Evaluator.trialFolds(500_000, 5)).isEqualTo(1);
        assertThat(Evaluator.trialFolds(1_000_000, 10)).isEqualTo(1);
        assertThat(Evaluator.trialFolds(1_000_000, 20)).isEqualTo(2);
    }

    @Test
    void repeatedFoldsOfSmallDataEvaluateEveryCandidateOnEveryFold() {
        Evaluation e = new Evaluator(LearnFixtures.demo(2_000, 5).data(), TrainingRequest.defaults(), ProgressListener.NONE).evaluate();
        assertThat(e.candidates()).allSatisfy(c -> assertThat(c.evaluatedOn()).startsWith("25 held-out folds (5-fold x 5 repeats)"));
    }
}
