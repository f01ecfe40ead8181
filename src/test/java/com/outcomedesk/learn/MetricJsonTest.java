package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics documents stored before the {@link Metric} enum (string keys) read to the same values and are written alike. */
class MetricJsonTest {
    /** One candidate's metrics as the string-keyed code stored them in model_versions.metrics. */
    private static final String STORED = "{\"name\":\"logreg\",\"description\":\"logistic regression\",\"metrics\":{"
            + "\"accuracy\":{\"mean\":0.71,\"low\":0.69,\"high\":0.73},"
            + "\"precision\":{\"mean\":0.62,\"low\":0.6,\"high\":0.64},"
            + "\"recall\":{\"mean\":0.55,\"low\":0.5,\"high\":0.6},"
            + "\"f1\":{\"mean\":0.58,\"low\":0.56,\"high\":0.6},"
            + "\"macroF1\":{\"mean\":0.67,\"low\":0.65,\"high\":0.69},"
            + "\"auc\":{\"mean\":0.76,\"low\":0.74,\"high\":0.78},"
            + "\"logLoss\":{\"mean\":0.55,\"low\":0.53,\"high\":0.57},"
            + "\"brier\":{\"mean\":0.19,\"low\":0.18,\"high\":0.2}},"
            + "\"confusion\":[[50,10],[12,28]],\"fitMillis\":12,\"evaluatedOn\":\"5 held-out folds (5-fold)\"}";

    @Test
    void aCandidateStoredWithStringKeysReadsToTheSameValuesAndWritesBackByteForByte() throws Exception {
        Evaluation.CandidateResult read = ModelRegistry.JSON.readValue(STORED, Evaluation.CandidateResult.class);
        assertThat(read.metrics()).hasSize(Metric.values().length);
        assertThat(read.metrics().get(Metric.AUC)).isEqualTo(new Interval(0.76, 0.74, 0.78));
        assertThat(read.metrics().get(Metric.LOG_LOSS).mean()).isEqualTo(0.55);
        assertThat(read.metrics().get(Metric.MACRO_F1).high()).isEqualTo(0.69);
        assertThat(read.auc()).isEqualTo(0.76);
        assertThat(ModelRegistry.JSON.writeValueAsString(read)).isEqualTo(STORED);
    }

    @Test
    void theSummaryIsWrittenUnderTheOldKeysInTheOldOrder() throws Exception {
        Evaluation.CandidateResult read = ModelRegistry.JSON.readValue(STORED, Evaluation.CandidateResult.class);
        String summary = ModelRegistry.JSON.writeValueAsString(TrainingService.summary(read));
        assertThat(summary).isEqualTo("{\"accuracy\":0.71,\"precision\":0.62,\"recall\":0.55,\"f1\":0.58,\"macroF1\":0.67,"
                + "\"auc\":0.76,\"logLoss\":0.55,\"brier\":0.19}");
        JsonNode tree = ModelRegistry.JSON.readTree(summary);
        for (Metric m : List.of(Metric.AUC, Metric.ACCURACY, Metric.F1)) assertThat(tree.get(m.key()).isNumber()).isTrue();
    }

    @Test
    void everyKeyNamesItsMetricAndNoOther() {
        for (Metric m : Metric.values()) assertThat(Metric.fromKey(m.key())).isSameAs(m);
        assertThat(Map.of("auc", Metric.AUC, "logLoss", Metric.LOG_LOSS, "macroF1", Metric.MACRO_F1))
                .allSatisfy((key, metric) -> assertThat(metric.key()).isEqualTo(key));
    }
}
