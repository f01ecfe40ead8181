package com.outcomedesk.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RowPipeTest {
    @Test
    void everyRowReachesTheConsumerOnItsOwnThreadInOrderBeforeFinishReturns() throws IOException {
        List<Long> seen = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        try (RowPipe pipe = new RowPipe("test-consumer", row -> {
            seen.add((Long) row[0]);
            if (threads.isEmpty()) threads.add(Thread.currentThread().getName());
        })) {
            for (long i = 0; i < 10_007; i++) pipe.add(new Object[] {i});
            pipe.finish();
        }
        assertThat(seen).hasSize(10_007);
        for (int i = 0; i < seen.size(); i++) assertThat(seen.get(i)).isEqualTo(i);
        assertThat(threads).containsExactly("test-consumer");
    }

    @Test
    void aFailureOfTheConsumerIsThrownToTheProducerAndStopsIt() {
        RowPipe pipe = new RowPipe("test-consumer", row -> {
            if ((Long) row[0] == 1_234) throw new IOException("disk full at row 1234");
        });
        assertThatThrownBy(() -> {
            for (long i = 0; i < 1_000_000; i++) pipe.add(new Object[] {i});
            pipe.finish();
        }).isInstanceOf(IOException.class).hasMessage("disk full at row 1234");
        pipe.close();
    }

    @Test
    void aRuntimeFailureKeepsItsType() {
        RowPipe pipe = new RowPipe("test-consumer", row -> {
            throw new IllegalStateException("row refused");
        });
        assertThatThrownBy(() -> {
            pipe.add(new Object[] {1L});
            pipe.finish();
        }).isInstanceOf(IllegalStateException.class).hasMessage("row refused");
    }

    @Test
    void closingWithoutFinishingStopsTheConsumerAfterItsBatch() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Object[]> seen = new ArrayList<>();
        RowPipe pipe = new RowPipe("test-consumer", row -> {
            started.countDown();
            release.await();
            synchronized (seen) {
                seen.add(row);
            }
        });
        for (long i = 0; i < 2_000; i++) pipe.add(new Object[] {i});
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        pipe.close();
        release.countDown();
        Thread.sleep(200);
        synchronized (seen) {
            assertThat(seen.size()).isLessThan(2_000);
        }
    }
}
