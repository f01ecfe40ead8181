package com.outcomedesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages read by seeking to a known start are the pages read by position, ties in creation time included. The store is
 * shared by the test methods because they only read it (pages, counts, finds); the one write is the set-up's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppointmentPagingTest {
    static final int PAGE = 7;
    @TempDir static Path dir;
    Engine engine;
    AppointmentService service;

    @BeforeAll
    void open() {
        engine = Engine.open(TestStores.h2(dir));
        // One import stamps many rows with the same creation instant, so the id must break the ties.
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
        service = engine.appointments();
        service.delete(service.page(AppointmentQuery.ALL, 10, 1).get(0).id(), Actor.localUser());
    }

    @AfterAll
    void close() {
        engine.close();
    }

    @Test
    void seekingAndSkippingGiveTheSamePagesCoveringEveryLiveRowOnce() {
        AppointmentQuery all = AppointmentQuery.ALL;
        long count = service.count(all);
        assertThat(count).isEqualTo(399);

        List<AppointmentService.PageStart> starts = service.pageStarts(all, PAGE);
        assertThat(starts).hasSize((int) ((count + PAGE - 1) / PAGE));
        List<UUID> seen = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            List<UUID> sought = ids(service.pageFrom(all, starts.get(k), PAGE));
            assertThat(sought).as("page %d", k).isEqualTo(ids(service.page(all, k * PAGE, PAGE)));
            seen.addAll(sought);
        }
        assertThat(seen).hasSize((int) count).doesNotHaveDuplicates();
    }

    @Test
    void filteredCountsAndPagesAgree() {
        String doctor = service.page(AppointmentQuery.ALL, 0, 1).get(0).doctorId();
        AppointmentQuery mine = AppointmentQuery.ALL.withDoctor(doctor);
        List<AppointmentService.PageStart> starts = service.pageStarts(mine, PAGE);
        List<UUID> seen = new ArrayList<>();
        for (AppointmentService.PageStart start : starts) seen.addAll(ids(service.pageFrom(mine, start, PAGE)));
        assertThat(seen).hasSize((int) service.count(mine)).doesNotHaveDuplicates();
        for (UUID id : seen) assertThat(service.find(id).orElseThrow().doctorId()).isEqualTo(doctor);
    }

    private static List<UUID> ids(List<StoredAppointment> page) {
        return page.stream().map(StoredAppointment::id).toList();
    }
}
