package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HybridClockTest {
    private final HybridClock clock = new HybridClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void ticksGrowEvenWhenTheWallClockStandsStill() {
        long a = clock.tick();
        assertThat(clock.tick()).isGreaterThan(a);
    }

    @Test
    void theFirstTickWaitsForAStoredTimestampStillBeingReadAndOrdersAfterIt() throws Exception {
        CompletableFuture<Long> stored = new CompletableFuture<>();
        clock.observeWhenKnown(stored);
        long future = (Instant.parse("2030-01-01T00:00:00Z").toEpochMilli()) << 16;
        CompletableFuture<Long> tick = CompletableFuture.supplyAsync(clock::tick);
        Thread.sleep(100);
        assertThat(tick).as("waits for the stored timestamp").isNotDone();
        stored.complete(future);
        assertThat(tick.get(5, TimeUnit.SECONDS)).isGreaterThan(future);
    }

    @Test
    void aFailedReadOfTheStoredTimestampDoesNotStopTheClock() {
        clock.observeWhenKnown(CompletableFuture.failedFuture(new IllegalStateException("store closed")));
        assertThat(clock.tick()).isPositive();
    }
}
