package com.outcomedesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.appointments.AppointmentQuery;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.outcome.OutcomeSource;
import com.outcomedesk.security.Actor;
import com.outcomedesk.security.Role;
import com.outcomedesk.testing.TestStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
    private static final Actor USER = new Actor("tester", Role.CLINICIAN);
    @TempDir Path dir;
    private Engine engine;

    @BeforeEach
    void open() {
        engine = Engine.open(TestStores.h2(dir.resolve("store")));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private ImportReport importText(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return engine.importer().importFile(file, USER, ProgressListener.NONE);
    }

    @Test
    void recordsWithoutDoctorOrSummaryAreRejectedWithPositionAndTheRestImported() throws IOException {
        ImportReport report = importText("mixed.json", """
                [{"id":"1","doctor_id":"dr_a","summary":"Follow-up for asthma.","future_outcome":"Symptoms worsened despite intervention."},
                 {"id":"2","doctor_id":"","summary":"No doctor"},
                 {"id":"3","summary":"Missing doctor"},
                 {"id":"4","doctor_id":"dr_b","summary":"   "},
                 {"id":"5","doctor_id":"dr_b","summary":"Routine check-up, all well.","colour":"blue"}]""");
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).extracting(ImportReport.Rejection::position).containsExactly(2L, 3L, 4L);
        assertThat(report.rejected().get(0).reason()).contains("doctor_id");
        assertThat(report.rejected().get(2).reason()).contains("summary");
        assertThat(report.warnings()).containsExactly("Ignored unknown field 'colour'");
    }

    @Test
    void recordsBreakingTheEngineRulesAreRejectedWithPositionAndReason() throws IOException {
        ImportReport report = importText("rules.json", """
                [{"doctor_id":"Dr. Smith!!","summary":"Follow-up for asthma, inhaler adjusted."},
                 {"doctor_id":"dr_a","summary":"x"},
                 {"doctor_id":"dr_a","summary":"Seen today with\\u0007 fever and cough."},
                 {"doctor_id":"dr_a","summary":"Seen today with fever and cough."}]""");
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.rejected()).extracting(ImportReport.Rejection::position, ImportReport.Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "doctor id may hold only letters, digits, '_', '-' and '.', not '!', spaces"),
                org.assertj.core.groups.Tuple.tuple(2L, "summary is too short: at least 3 words and 10 characters are needed"),
                org.assertj.core.groups.Tuple.tuple(3L, "summary holds a control character at character 16"));
    }

    @Test
    void aSummaryOverTheLimitIsRejectedWithItsLength() throws IOException {
        String huge = "x".repeat(1_000_000);
        ImportReport report = importText("huge.json", "[{\"doctor_id\":\"dr_a\",\"summary\":\"" + huge + "\"}]");
        assertThat(report.imported()).isZero();
        assertThat(report.rejected().get(0).reason()).contains("1,000,000 characters").contains("20,000");
    }

    @Test
    void csvWithOtherColumnSpellingsAndQuotedNewlinesImports() throws IOException {
        ImportReport report = importText("notes.csv", """
                ID;Doctor ID;Summary;Outcome;Date
                a1;dr_1;"Patient presents with cough;
                second line";Made a full recovery.;2025-02-03
                a2;dr_2;Follow-up for eczema.;;2025-02-04
                a3;dr_2;Bad date;;03/02/2025
                """);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.rejected()).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo(3);
            assertThat(r.reason()).contains("appointment_date");
        });
        var rows = engine.appointments().page(AppointmentQuery.ALL.withDoctor("dr_1"), 0, 10);
        assertThat(rows).singleElement().satisfies(a -> {
            assertThat(a.getSummary()).contains("\n");
            assertThat(a.getOutcomeSource()).isEqualTo(OutcomeSource.KEYWORD);
            assertThat(a.getAppointmentDate()).hasToString("2025-02-03");
        });
        assertThat(engine.appointments().count(AppointmentQuery.ALL.withOutcomeKnown(false))).isEqualTo(1);
    }

    @Test
    void aFileThatIsNeitherJsonNorCsvIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path binary = dir.resolve("photo.png");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        assertThatThrownBy(() -> engine.importer().importFile(binary, USER, ProgressListener.NONE))
                .isInstanceOf(TransferException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> importText("prose.txt", "Dear doctor\nplease find attached"))
                .isInstanceOf(TransferException.class).hasMessageContaining("neither a JSON array nor a CSV");
        assertThatThrownBy(() -> importText("object.json", "{\"doctor_id\":\"dr_1\"}"))
                .isInstanceOf(TransferException.class).hasMessageContaining("JSON array");
        assertThatThrownBy(() -> importText("header.csv", "name,age\nbob,3\n"))
                .isInstanceOf(TransferException.class).hasMessageContaining("doctor_id and a summary");
        assertThat(engine.appointments().counts().appointments()).isZero();
    }

    @Test
    void recordsWithoutIdsAreStillImportedOnlyOnce() throws IOException {
        String content = "[{\"doctor_id\":\"dr_a\",\"summary\":\"Follow-up for gout.\"}]";
        assertThat(importText("noid.json", content).imported()).isEqualTo(1);
        assertThat(importText("noid.json", content).skipped()).isEqualTo(1);
    }
}
