package com.outcomedesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.TestStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outcomes that arrive later: importing records already stored fills in an unknown outcome, and only that. Runs on
 * H2 here and on PostgreSQL in {@link PostgresImportFillsOutcomeTest}.
 */
class ImportFillsOutcomeTest {
    private static final Actor USER = new Actor("tester", Role.CLINICIAN);
    private static final String WITHOUT_OUTCOMES = """
            [{"id":"a","doctor_id":"dr_a","summary":"Seen today with fever and cough.","appointment_date":"2026-03-01"},
             {"id":"b","doctor_id":"dr_a","summary":"Follow-up for asthma, inhaler adjusted."},
             {"id":"c","doctor_id":"dr_b","summary":"New patient with knee pain today.","future_outcome":"Fully recovered."}]""";
    @TempDir Path dir;
    Engine engine;

    StoreLocation location() {
        return TestStores.h2(dir.resolve("store"));
    }

    private Engine engine() {
        if (engine == null) engine = Engine.open(location());
        return engine;
    }

    @AfterEach
    void close() {
        if (engine != null) engine.close();
    }

    private ImportReport importText(String content) throws IOException {
        Path file = Files.createTempFile(dir, "import", ".json");
        Files.writeString(file, content);
        return engine().importer().importFile(file, USER, ProgressListener.NONE);
    }

    private static UUID key(String id) {
        return UUID.nameUUIDFromBytes(("appointment:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private StoredAppointment stored(String id) {
        return engine().appointments().find(key(id)).orElseThrow();
    }

    @Test
    void anUnknownOutcomeIsFilledInAndCountedWhileAKnownOneIsKept() throws IOException {
        importText(WITHOUT_OUTCOMES);
        long hlcBefore = stored("a").hlc();
        ImportReport later = importText("""
                [{"id":"a","doctor_id":"dr_a","summary":"Seen today with fever and cough.","appointment_date":"2026-03-01",
                  "future_outcome":"Symptoms worsened despite intervention."},
                 {"id":"b","doctor_id":"dr_a","summary":"Follow-up for asthma, inhaler adjusted."},
                 {"id":"c","doctor_id":"dr_b","summary":"New patient with knee pain today.","future_outcome":"Worse."}]""");

        assertThat(later.outcomesAdded()).isEqualTo(1);
        assertThat(later.imported()).isZero();
        assertThat(later.skipped()).isEqualTo(1);
        assertThat(later.conflicting()).containsExactly(new ImportReport.Conflict(3, java.util.List.of("future_outcome")));
        StoredAppointment a = stored("a");
        assertThat(a.outcomeText()).isEqualTo("Symptoms worsened despite intervention.");
        assertThat(a.outcomeCategory()).isNotNull();
        assertThat(a.outcomeCategory().label().code()).isEqualTo("worse");
        assertThat(a.rowVersion()).isEqualTo(1);
        assertThat(a.updatedBy()).isEqualTo("tester");
        assertThat(a.hlc()).as("a local change that sync sends").isGreaterThan(hlcBefore);
        assertThat(stored("b").outcomeText()).isNull();
        assertThat(stored("c").outcomeText()).isEqualTo("Fully recovered.");
    }

    @Test
    void importingTheSameOutcomesAgainAddsNothing() throws IOException {
        importText(WITHOUT_OUTCOMES);
        String withOutcome = """
                [{"id":"b","doctor_id":"dr_a","summary":"Follow-up for asthma, inhaler adjusted.","future_outcome":"Improved."}]""";
        assertThat(importText(withOutcome).outcomesAdded()).isEqualTo(1);
        ImportReport again = importText(withOutcome);
        assertThat(again.outcomesAdded()).isZero();
        assertThat(again.skipped()).isEqualTo(1);
    }

    @Test
    void aLocallyEditedRowIsNotFilledButReportedAsConflicting() throws IOException {
        importText(WITHOUT_OUTCOMES);
        StoredAppointment b = stored("b");
        engine().appointments().update(b.id(), b.rowVersion(), new AppointmentInput("dr_a",
                "Follow-up for asthma, inhaler changed to another.", null, null, null), USER);
        ImportReport later = importText("""
                [{"id":"b","doctor_id":"dr_a","summary":"Follow-up for asthma, inhaler adjusted.","future_outcome":"Improved."}]""");
        assertThat(later.outcomesAdded()).isZero();
        assertThat(later.conflictingTotal()).isEqualTo(1);
        assertThat(stored("b").outcomeText()).isNull();
        assertThat(stored("b").summary()).isEqualTo("Follow-up for asthma, inhaler changed to another.");
    }

    @Test
    void aDeletedRowIsNotBroughtBack() throws IOException {
        importText(WITHOUT_OUTCOMES);
        engine().appointments().delete(key("b"), USER);
        ImportReport later = importText("""
                [{"id":"b","doctor_id":"dr_a","summary":"Follow-up for asthma, inhaler adjusted.","future_outcome":"Improved."}]""");
        assertThat(later.outcomesAdded()).isZero();
        assertThat(engine().appointments().find(key("b"))).isEmpty();
    }

    @Test
    void theOutcomeIsClassifiedAsAnImportedOneWouldBe() throws IOException {
        importText(WITHOUT_OUTCOMES);
        importText("""
                [{"id":"b","doctor_id":"dr_a","summary":"Follow-up for asthma, inhaler adjusted.","future_outcome":"Fully recovered."}]""");
        assertThat(stored("b").outcomeCategory()).isEqualTo(stored("c").outcomeCategory());
        assertThat(stored("b").outcomeSource()).isEqualTo(stored("c").outcomeSource());
        assertThat(stored("b").outcomeCategory()).isNotNull();
    }
}
