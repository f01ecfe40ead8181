package com.outcomedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.learn.TrainingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bench-serve runs end to end at a tiny size: a real server, real clients, a model's predictions, a batch. */
class ServeBenchmarkTest {

    @Test
    void loadsPredictAndBatchWithoutErrors() throws Exception {
        List<String> steps = new ArrayList<>();
        Map<String, Object> r = ServeBenchmark.run(new ServeBenchmark.Settings(2, 1, 0, 300, 0, 1_000,
                TrainingRequest.Algorithm.LOGREG, false), steps::add);

        Map<?, ?> predict = (Map<?, ?>) r.get("predict");
        assertThat((Long) predict.get("requests")).isPositive();
        assertThat(predict.get("errors")).isEqualTo(0L);
        assertThat(predict.get("ok")).isEqualTo(predict.get("requests"));
        Map<?, ?> latency = (Map<?, ?>) predict.get("latencyMs");
        assertThat((Double) latency.get("p50")).isPositive().isLessThanOrEqualTo((Double) latency.get("p99"));
        assertThat((Double) latency.get("p99")).isLessThanOrEqualTo((Double) latency.get("max"));

        Map<?, ?> batch = (Map<?, ?>) r.get("batch");
        assertThat(batch.get("status")).isEqualTo(200);
        assertThat(batch.get("predicted")).isEqualTo(300L);
        assertThat(batch.get("rejected")).isEqualTo(0L);
        assertThat(batch.get("answerLines")).isEqualTo(301L);
        assertThat((Long) batch.get("rowsPerSecond")).isPositive();

        assertThat(((Map<?, ?>) ((Map<?, ?>) r.get("store")).get("model")).get("active")).isEqualTo(true);
        assertThat((Long) ((Map<?, ?>) r.get("rssMb")).get("peakMb")).isPositive();
        assertThat((String) r.get("rateLimits")).contains("raised");
        assertThat((String) r.get("accessLog")).doesNotContain(" 0 lines");
        assertThat((Double) predict.get("processCpuSeconds")).isPositive();
        Map<?, ?> met = (Map<?, ?>) r.get("targetsMet");
        assertThat(met.get("predict")).isInstanceOf(Boolean.class);
        assertThat(met.get("batch")).isInstanceOf(Boolean.class);
        assertThat(r).containsKeys("loadAverageAtStart", "loadAverageAtEnd", "targets").doesNotContainKey("soak");
        assertThat(steps).anyMatch(s -> s.startsWith("training"));
    }

    @Test
    void wrkLoadsPredictFromItsOwnProcessWhenInstalled() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(WrkLoad.find().isPresent(), "wrk is not installed");
        Map<String, Object> r = ServeBenchmark.run(new ServeBenchmark.Settings(4, 1, 0, 0, 0, 1_000,
                TrainingRequest.Algorithm.LOGREG, true), s -> { });
        Map<?, ?> wrk = (Map<?, ?>) r.get("predictWrk");
        assertThat((Long) wrk.get("requests")).isPositive();
        assertThat(wrk.get("errors")).isEqualTo(0L);
        assertThat((Long) wrk.get("requestsPerSecond")).isPositive();
        Map<?, ?> latency = (Map<?, ?>) wrk.get("latencyMs");
        assertThat((Double) latency.get("p50")).isPositive().isLessThanOrEqualTo((Double) latency.get("p99"));
        assertThat((Double) wrk.get("serverCpuSeconds")).isPositive();
        assertThat(((Map<?, ?>) r.get("targetsMet")).get("predictWrk")).isInstanceOf(Boolean.class);
    }

    @Test
    void aBodyThatWouldCloseTheLuaStringIsQuotedOneLevelDeeper() {
        String lua = WrkLoad.script("t0ken", List.of("{\"summary\":\"a]]b\"}", "{\"summary\":\"c]=]d\"}"));
        assertThat(lua).contains("[=[{\"summary\":\"a]]b\"}]=]").contains("[==[{\"summary\":\"c]=]d\"}]==]")
                .contains("Bearer t0ken");
    }

    @Test
    void histogramPercentilesAreWithinABucketOfTheTruth() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) h.record(v * 1_000);
        assertThat(h.count()).isEqualTo(100_000);
        assertThat(h.percentileNanos(0.5)).isBetween(50_000_000L, 50_800_000L);
        assertThat(h.percentileNanos(0.99)).isBetween(99_000_000L, 100_600_000L);
        assertThat(h.percentileNanos(1.0)).isEqualTo(h.maxNanos()).isEqualTo(100_000_000L);
    }
}
