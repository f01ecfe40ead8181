package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.HybridClock;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transport of requests gets the next push batch before the answer to the one before, so the server's decoding
 * overlaps its applying; answers are still recorded in batch order and every row ends up pushed once.
 */
class OverlappedPushTest {
    @TempDir
    Path dir;

    @Test
    void aTransportOfRequestsHasTwoBatchesOnTheirWayAndRecordsEveryAnswer() throws Exception {
        Recording server = new Recording(true);
        assertThat(pushSixRowsInBatchesOfTwo(server)).isEqualTo(6);
        assertThat(server.mostAtOnce.get()).isEqualTo(2);
        assertThat(server.keys).hasSize(6).doesNotHaveDuplicates();
        assertThat(server.pendingAfter).isZero();
    }

    @Test
    void oneConnectionGetsOneBatchAtATime() throws Exception {
        Recording server = new Recording(false);
        assertThat(pushSixRowsInBatchesOfTwo(server)).isEqualTo(6);
        assertThat(server.mostAtOnce.get()).isEqualTo(1);
        assertThat(server.keys).hasSize(6).doesNotHaveDuplicates();
    }

    private long pushSixRowsInBatchesOfTwo(Recording server) throws Exception {
        try (Engine site = Engine.open(TestStores.h2(dir))) {
            for (int i = 0; i < 6; i++) SyncFixture.create(site, "dr-" + i, "Cough for " + (i + 2) + " days.");
            AppointmentSync sync = new AppointmentSync(2, HybridClock.system());
            try (Connection local = site.database().dataSource().getConnection()) {
                local.setAutoCommit(false);
                long pushed = sync.push(local, server).pushed();
                // A second push offers nothing: every answer was recorded as agreed.
                int offered = server.keys.size();
                sync.push(local, server);
                server.pendingAfter = server.keys.size() - offered;
                server.keys.subList(offered, server.keys.size()).clear();
                return pushed;
            }
        }
    }

    /** A server that writes every row it is offered; the first batch waits (briefly) for a second to arrive. */
    private static final class Recording implements ServerSide {
        final boolean overlapped;
        final AtomicInteger atOnce = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch second = new CountDownLatch(2);
        final List<Object> keys = Collections.synchronizedList(new ArrayList<>());
        int pendingAfter = -1;

        Recording(boolean overlapped) {
            this.overlapped = overlapped;
        }

        @Override
        public boolean takesTwoBatches() {
            return overlapped;
        }

        @Override
        public AppointmentOutcome pushAppointments(List<AppointmentOffer> rows) throws java.sql.SQLException {
            int now = atOnce.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                second.countDown();
                second.await(overlapped ? 5 : 0, TimeUnit.SECONDS);
                rows.forEach(r -> keys.add(r.row().key()));
                return new AppointmentOutcome(rows.size(), 0, Map.of(), Map.of());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.sql.SQLException("interrupted", "08006", e);
            } finally {
                atOnce.decrementAndGet();
            }
        }

        @Override
        public String serverId() {
            return "test-server";
        }

        @Override
        public void numberDirectWrites() {
        }

        @Override
        public long committed() {
            return 0;
        }

        @Override
        public AppendOutcome pushAppendOnly(SyncTable table, List<SyncRow> rows) {
            return new AppendOutcome(Map.of(), 0, 0);
        }

        @Override
        public PushResult pushMappings(List<MappingOffer> rows) {
            return PushResult.NONE;
        }

        @Override
        public List<SyncRow> page(SyncTable table, long mark, long upTo, int limit) {
            return List.of();
        }

        @Override
        public void close() {
        }
    }
}
