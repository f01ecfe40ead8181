package com.outcomedesk.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rows decoded on the pipe's thread reach the writer in order; a failure on either side ends both. */
class RowPipeTest {
    @Test
    void everyRowArrivesInOrder() throws IOException {
        List<Object> written = new ArrayList<>();
        long n;
        try (RowPipe pipe = RowPipe.start("t", sink -> {
            for (long i = 0; i < 10 * RowPipe.BATCH + 3; i++) sink.accept(new Object[] {i});
        })) {
            n = pipe.drain(row -> written.add(row[0]));
        }
        assertThat(n).isEqualTo(10L * RowPipe.BATCH + 3);
        for (int i = 0; i < written.size(); i++) assertThat(written.get(i)).isEqualTo((long) i);
    }

    @Test
    void theDecodersFailureIsThrownOnTheWritersThreadAsRaised() {
        IOException damaged = new IOException("expected text at line 3");
        try (RowPipe pipe = RowPipe.start("t", sink -> {
            sink.accept(new Object[] {1});
            throw damaged;
        })) {
            assertThatThrownBy(() -> pipe.drain(row -> { })).isSameAs(damaged);
        }
    }

    @Test
    @Timeout(30)
    void aFailingWriterStopsTheDecoder() throws InterruptedException {
        AtomicLong decoded = new AtomicLong();
        RowPipe pipe = RowPipe.start("t", sink -> {
            while (true) {
                sink.accept(new Object[] {decoded.incrementAndGet()});
            }
        });
        assertThatThrownBy(() -> pipe.drain(row -> {
            throw new IllegalStateException("the store refused a row");
        })).hasMessage("the store refused a row");
        pipe.close();
        long after = decoded.get();
        Thread.sleep(200);
        assertThat(decoded.get()).isEqualTo(after).isLessThan((RowPipe.WAITING + 4L) * RowPipe.BATCH);
    }
}
