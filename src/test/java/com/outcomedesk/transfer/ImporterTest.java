package com.outcomedesk.transfer;

import com.outcomedesk.common.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.appointments.AppointmentQuery;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.outcome.OutcomeSource;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
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
            assertThat(a.summary()).contains("\n");
            assertThat(a.outcomeSource()).isEqualTo(OutcomeSource.KEYWORD);
            assertThat(a.appointmentDate()).hasToString("2025-02-03");
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

    @Test
    void aStoredIdWithOtherContentIsReportedAsConflictingWithPositionAndFields() throws IOException {
        importText("first.json", """
                [{"id":"a","doctor_id":"dr_a","summary":"Seen today with fever and cough."},
                 {"id":"b","doctor_id":"dr_a","summary":"Follow-up for asthma, inhaler adjusted.","future_outcome":"Improved."}]""");
        ImportReport again = importText("second.json", """
                [{"id":"a","doctor_id":"dr_a","summary":"Seen today with fever and cough."},
                 {"id":"b","doctor_id":"dr_b","summary":"Follow-up for asthma, inhaler adjusted.","future_outcome":"Worse."},
                 {"id":"c","doctor_id":"dr_a","summary":"New patient with knee pain."},
                 {"id":"c","doctor_id":"dr_a","summary":"New patient with knee pain, later."},
                 {"id":"c","doctor_id":"dr_a","summary":"New patient with knee pain."}]""");
        assertThat(again.imported()).isEqualTo(1);
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(again.conflictingTotal()).isEqualTo(2);
        assertThat(again.conflicting()).containsExactly(
                new ImportReport.Conflict(4, java.util.List.of("summary")),
                new ImportReport.Conflict(2, java.util.List.of("doctor_id", "future_outcome")));
        assertThat(engine.appointments().page(AppointmentQuery.ALL.withDoctor("dr_b"), 0, 10)).isEmpty();
    }

    @Test
    void spacesAroundIdsAreRemovedWithAWarning() throws IOException {
        ImportReport report = importText("spaces.json", """
                [{"id":"a","doctor_id":"dr_a","summary":"Seen today with fever and cough."},
                 {"id":" b ","doctor_id":"dr_a","summary":"Seen today with fever and cough, again."},
                 {"id":"c\\t","doctor_id":"dr_a","summary":"Seen today with fever and cough, third."}]""");
        assertThat(report.imported()).isEqualTo(3);
        assertThat(report.warnings()).containsExactly(
                "Removed spaces around the id of 2 records (the first is record 2); ids are compared without them");
    }

    @Test
    void aFolderAMissingFileAndALatin1FileAreNamedForWhatTheyAre() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("exports"));
        assertThatThrownBy(() -> engine.importer().importFile(folder, USER, ProgressListener.NONE))
                .hasMessage(folder + " is a folder, not a file: give the path of a .json or .csv file.");
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> engine.importer().importFile(missing, USER, ProgressListener.NONE))
                .hasMessage("There is no file " + missing + ": check the path and try again.");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "id,doctor_id,summary\n1,dr_a,Patient seen, caf\u00e9 au lait spots noted\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> engine.importer().importFile(latin1, USER, ProgressListener.NONE))
                .isInstanceOf(TransferException.class)
                .hasMessage("latin1.csv is not UTF-8 text (byte 0xE9 at byte offset 45, line 2): save it as UTF-8 and try again.");
        assertThat(engine.appointments().counts().appointments()).isZero();
    }

    @Test
    void jsonSyntaxErrorsGiveLineAndColumnWithoutQuotingTheFile() {
        String[][] cases = {
                {"[{\"doctor_id\":\"dr_a\",\"summary\": P-SECRET}]", "line 1, column 35: there is unquoted text"},
                {"[{\"doctor_id\":\"dr_a\",\"summary\":\"P-SECRET\t\"}]", "line 1, column 42: Illegal unquoted character"},
                {"[{\"doctor_id\":\"dr_a\",\n\"summary\":\"P-SECRET", "line 2, column 20: the file ends before its records are closed"},
                {"[{\"doctor_id\":\"dr_a\" \"summary\":\"x\"}]", "line 1, column 23: Unexpected character"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> importText("broken.json", c[0])).isInstanceOf(TransferException.class)
                    .hasMessageContaining("The JSON is malformed at " + c[1])
                    .hasMessageNotContaining("P-SECRET").hasMessageNotContaining("REDACTED").hasMessageNotContaining("Source");
        }
    }
}
