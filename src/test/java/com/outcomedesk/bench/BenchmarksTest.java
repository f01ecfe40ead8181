package com.outcomedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.common.ProgressListener;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The learning and import benchmarks run end to end at a small size, so engine changes cannot silently break them. */
class BenchmarksTest {

    @Test
    void learningBenchmarkFitsScoresAndReportsAuc() {
        Map<String, Object> result = new LearningBenchmark(2_000, 7, ProgressListener.NONE).run();
        assertThat(result).containsEntry("records", 2_000L).containsKeys("lrFitSeconds", "singlePrediction", "batch");
        assertThat((Double) ((Map<?, ?>) result.get("auc")).get("selectedModel")).isBetween(0.5, 1.0);
        // The tree models' explained predictions are timed beside logistic regression's.
        @SuppressWarnings("unchecked")
        Map<String, Object> single = (Map<String, Object>) result.get("singlePrediction");
        assertThat(single).containsKeys("full", "gbm", "forest");
        @SuppressWarnings("unchecked")
        Map<String, Object> gbm = (Map<String, Object>) single.get("gbm");
        assertThat(gbm.get("full").toString()).contains("p99Micros");
    }

    @Test
    void importBenchmarkImportsEveryGeneratedRecord() throws Exception {
        Map<String, Object> result = ImportBenchmark.run(1_000, 1, false);
        assertThat(result).containsEntry("imported", 1_000L).containsEntry("rejected", 0L);
    }
}
