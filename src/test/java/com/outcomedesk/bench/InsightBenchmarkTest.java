package com.outcomedesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped benchmark runs end to end at a small size, so schema changes cannot silently break it. */
class InsightBenchmarkTest {

    @Test
    void rankingBenchmarkRanksEveryGeneratedAppointment() {
        InsightBenchmark.Ranking r = InsightBenchmark.ranking(20_000, message -> { });
        assertThat(r.records()).isEqualTo(20_000);
        assertThat(r.doctors()).isEqualTo(400);
        assertThat(r.rankingSeconds()).isPositive();
    }

    @Test
    void profilingBenchmarkProfilesAndGroupsDiseases() {
        InsightBenchmark.Profiling p = InsightBenchmark.profiling(5_000, 3, message -> { });
        assertThat(p.records()).isEqualTo(5_000);
        assertThat(p.diseases()).isGreaterThan(5);
        assertThat(p.groups()).isPositive();
    }
}
