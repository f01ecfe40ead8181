package com.outcomedesk.transfer;

import com.outcomedesk.common.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.appointments.AppointmentQuery;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.outcome.OutcomeSource;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the migrations and imports on the embedded H2 store and on the PostgreSQL server alike. Every store a test
 * opens is new (an H2 directory or a PostgreSQL schema of its own), and the schemas go when the test ends.
 */
@NeedsPostgres
class ImportIntegrationTest {
    private static final Actor USER = new Actor("tester", Role.ADMINISTRATOR);
    @TempDir Path dir;
    private final List<String> schemas = new ArrayList<>();
    private int counter;

    @AfterEach
    void dropSchemas() {
        schemas.forEach(TestStores::dropPostgresSchema);
    }

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("h2"), Arguments.of("postgresql"));
    }

    /** A fresh, empty store of the given kind. */
    private Engine open(String kind) {
        Path home = dir.resolve(kind + "-" + (++counter));
        if (kind.equals("h2")) return Engine.open(TestStores.h2(home));
        String s = TestStores.createPostgresSchema();
        schemas.add(s);
        StoreLocation location = TestStores.postgres(home, s);
        return Engine.open(location);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void referenceSampleImportsCompletelyAndOnlyOnce(String kind) {
        try (Engine engine = open(kind)) {
            ImportReport first = engine.importer().importFile(TestStores.referenceSample(), USER, ProgressListener.NONE);
            assertThat(first.imported()).isEqualTo(400);
            assertThat(first.rejectedTotal()).isZero();
            assertThat(first.warnings()).isEmpty();

            ImportReport second = engine.importer().importFile(TestStores.referenceSample(), USER, ProgressListener.NONE);
            assertThat(second.imported()).isZero();
            assertThat(second.skipped()).isEqualTo(400);

            var counts = engine.appointments().counts();
            assertThat(counts.appointments()).isEqualTo(400);
            assertThat(counts.withOutcome()).isEqualTo(400);
            assertThat(counts.unmappedOutcomes()).isZero();
            assertThat(counts.doctors()).isEqualTo(10);
            assertThat(engine.appointments().page(AppointmentQuery.ALL, 0, 400))
                    .allMatch(a -> a.outcomeSource() == OutcomeSource.MAPPED && a.outcomeCategory() != null);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void malformedFileIsRefusedAndTheStoreIsUnchanged(String kind) throws IOException {
        try (Engine engine = open(kind)) {
            engine.importer().importFile(TestStores.referenceSample(), USER, ProgressListener.NONE);
            Path broken = dir.resolve(kind + "-broken.json");
            // Valid records first, then a syntax error: nothing of it may be written.
            Files.writeString(broken, "[{\"id\":\"a\",\"doctor_id\":\"dr_x\",\"summary\":\"fine\"},\n{\"id\":\"b\",\"doctor_id\": ");
            assertThatThrownBy(() -> engine.importer().importFile(broken, USER, ProgressListener.NONE))
                    .isInstanceOf(TransferException.class)
                    .hasMessageContaining("malformed at line 2")
                    .hasMessageContaining("Nothing was imported");
            assertThat(engine.appointments().counts().appointments()).isEqualTo(400);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void exportedFilesImportBackIntoAnEmptyStoreUnchanged(String kind) {
        Path json = dir.resolve(kind + "-export.json");
        Path csv = dir.resolve(kind + "-export.csv");
        try (Engine engine = open(kind)) {
            engine.importer().importFile(TestStores.referenceSample(), USER, ProgressListener.NONE);
            assertThat(engine.exporter().export(json, FileFormat.JSON, ProgressListener.NONE).records()).isEqualTo(400);
            assertThat(engine.exporter().export(csv, FileFormat.CSV, ProgressListener.NONE).records()).isEqualTo(400);
        }
        for (Path file : new Path[] {json, csv}) {
            try (Engine fresh = open("h2")) {
                ImportReport report = fresh.importer().importFile(file, USER, ProgressListener.NONE);
                assertThat(report.imported()).isEqualTo(400);
                assertThat(report.rejectedTotal()).isZero();
                // Same ids: importing the original sample on top adds nothing.
                assertThat(fresh.importer().importFile(TestStores.referenceSample(), USER, ProgressListener.NONE).imported())
                        .isZero();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void recordsTheDatabaseWouldRefuseAreRejectedBeforeInsertAndTheRestOfTheBatchIsStored(String kind) throws IOException {
        Path file = dir.resolve(kind + "-db-limits.json");
        String ok = "\"doctor_id\":\"dr_a\",\"summary\":\"Seen today with fever and cough.\"";
        Files.writeString(file, "[{\"id\":\"good-1\"," + ok + ",\"patient_ref\":\"P-SECRET-77\"},\n"
                + "{\"id\":\"nul\\u0000id\"," + ok + "},\n"
                + "{\"id\":\"lone\\ud800\"," + ok + "},\n"
                + "{\"id\":\"old\"," + ok + ",\"appointment_date\":\"0000-01-01\"},\n"
                + "{\"id\":\"good-2\"," + ok + "}]");
        try (Engine engine = open(kind)) {
            ImportReport report = engine.importer().importFile(file, USER, ProgressListener.NONE);
            assertThat(report.imported()).isEqualTo(2);
            assertThat(report.rejected()).extracting(ImportReport.Rejection::position).containsExactly(2L, 3L, 4L);
            assertThat(report.rejected()).allSatisfy(r -> assertThat(r.reason()).doesNotContain("nul").doesNotContain("P-SECRET"));
            assertThat(engine.appointments().counts().appointments()).isEqualTo(2);
        }
    }
}
