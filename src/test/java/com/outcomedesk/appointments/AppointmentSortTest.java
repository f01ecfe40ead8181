package com.outcomedesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sorting the list is the store's query: pages in every order, read off an index, and the patient filter. The store
 * is shared by the test methods because they only read it (pages, counts, query plans); the imports are the set-up's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppointmentSortTest {
    @TempDir static Path dir;
    Engine engine;
    AppointmentService service;

    @BeforeAll
    void open() throws Exception {
        engine = Engine.open(TestStores.h2(dir.resolve("store")));
        Path file = dir.resolve("demo.json");
        DemoDataWriter.write(new DemoDataGenerator(9, 12, 0.2), 1_500, file, null, ProgressListener.NONE);
        engine.importer().importFile(file, Actor.localUser(), ProgressListener.NONE);
        // Rows without a date or patient reference sort too.
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
        service = engine.appointments();
    }

    @AfterAll
    void close() {
        engine.close();
    }

    @Test
    void everyOrderPagesThroughEveryRowOnceInOrder() {
        long total = service.count(AppointmentQuery.ALL);
        for (AppointmentSort.Key key : AppointmentSort.Key.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                AppointmentSort sort = new AppointmentSort(key, descending);
                List<StoredAppointment> all = new ArrayList<>();
                for (int offset = 0; offset < total; offset += 300) all.addAll(service.page(AppointmentQuery.ALL, sort, offset, 300));
                assertThat(all).as(sort.toString()).hasSize((int) total);
                assertThat(new HashSet<>(all.stream().map(StoredAppointment::id).toList())).hasSize((int) total);
                Comparator<StoredAppointment> byKey = Comparator.comparing(value(key), Comparator.nullsFirst(Comparator.naturalOrder()));
                assertThat(all).as(sort.toString()).isSortedAccordingTo(descending ? byKey.reversed() : byKey);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<StoredAppointment, Comparable> value(AppointmentSort.Key key) {
        return switch (key) {
            case CREATED -> StoredAppointment::createdAt;
            case DATE -> StoredAppointment::appointmentDate;
            case DOCTOR -> StoredAppointment::doctorId;
            case PATIENT -> StoredAppointment::patientRef;
            case CATEGORY -> a -> a.outcomeCategory() == null ? null : a.outcomeCategory().code();
        };
    }

    @Test
    void everyOrderReadsItsIndexInOrder() {
        String[][] orders = {{"appointment_date", "IDX_APPOINTMENTS_DATE_SORT"}, {"doctor_id", "IDX_APPOINTMENTS_DOCTOR_SORT"},
                {"patient_ref", "IDX_APPOINTMENTS_PATIENT_SORT"}, {"outcome_category", "IDX_APPOINTMENTS_CATEGORY_SORT"}};
        for (String[] o : orders) {
            assertThat(plan("SELECT id FROM appointments WHERE deleted = FALSE ORDER BY " + o[0]
                    + ", created_at DESC, id DESC LIMIT 100")).contains(o[1]).contains("index sorted");
            assertThat(plan("SELECT id FROM appointments WHERE deleted = FALSE ORDER BY " + o[0]
                    + " DESC, created_at, id LIMIT 100")).contains(o[1]).contains("index sorted");
        }
    }

    @Test
    void thePatientFilterMatchesFromTheStartOfTheReference() {
        String ref = service.page(AppointmentQuery.ALL, new AppointmentSort(AppointmentSort.Key.PATIENT, true), 0, 1)
                .get(0).patientRef();
        List<StoredAppointment> mine = service.page(AppointmentQuery.ALL.withPatient(ref.substring(0, ref.length() - 1)), 0, 2_000);
        assertThat(mine).isNotEmpty().allSatisfy(a -> assertThat(a.patientRef()).startsWith(ref.substring(0, ref.length() - 1)));
        assertThat(mine).extracting(StoredAppointment::patientRef).contains(ref);
        assertThat(service.count(AppointmentQuery.ALL.withPatient(ref.substring(1)))).isZero();
        assertThat(service.count(AppointmentQuery.ALL.withPatient("%"))).isZero();
    }

    private String plan(String sql) {
        return engine.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
