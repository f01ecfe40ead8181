package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The feature-major scorer a predictor uses gives exactly the category model's own probabilities. */
class CategoryScorerTest {
    @Test
    void theScorerAnswersBitForBitAsTheModel() {
        Dataset d = LearnFixtures.demo(2_000, 9).data();
        int[] train = new int[1_500];
        for (int i = 0; i < train.length; i++) train[i] = i;
        CategoryModel model = CategoryModel.fit(d, train, LogisticTrainer.Params.forRows(train.length), 3);
        CategoryModel.Scorer scorer = model.scorer();
        for (int row = 0; row < d.rows(); row++) {
            assertThat(scorer.probabilities(d, row)).as("row %d", row).containsExactly(model.probabilities(d, row));
        }
    }
}
