package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.appointments.InvalidInputException;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.HostileText;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile appointments entered through the service API: each is refused with field, position and reason and
 * leaves the store as it was, or travels exactly from one H2 site through PostgreSQL to another H2 site, and
 * nothing is quarantined (what the rule accepts, PostgreSQL stores).
 */
@NeedsPostgres
class HostileSyncPropertyTest {
    private static Path dir;
    private static SyncFixture fixture;
    private static Engine a;
    private static Engine b;

    @BeforeContainer
    static void open() throws Exception {
        dir = Files.createTempDirectory("hostile-sync");
        fixture = new SyncFixture(dir);
        a = fixture.site();
        b = fixture.site();
    }

    @AfterContainer
    static void close() throws Exception {
        fixture.close();
        FaultInjectionTest.deleteTree(dir);
    }

    @Provide
    Arbitrary<List<HostileText.Record>> batches() {
        return HostileText.records().list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 12)
    void eachAppointmentIsRefusedExactlyOrArrivesUnchangedAtTheServerAndAnotherSite(
            @ForAll("batches") List<HostileText.Record> batch) throws Exception {
        java.util.Map<UUID, List<String>> created = new java.util.LinkedHashMap<>();
        for (HostileText.Record r : batch) {
            AppointmentInput input = new AppointmentInput(r.doctor(), r.summary(), null, r.patient(), r.outcome());
            long before = a.appointments().counts().appointments();
            List<String> expected = textProblems(r);
            if (!expected.isEmpty() || !input.normalised().check().isEmpty()) {
                InvalidInputException refused = catchThrowableOfType(
                        () -> a.appointments().create(input, SyncFixture.ADMIN), InvalidInputException.class);
                assertThat(refused).as("refused").isNotNull();
                List<String> said = refused.list().stream().map(p -> p.field() + "@" + p.position() + ":" + p.reason()).toList();
                assertThat(said).containsAll(expected);
                assertThat(a.appointments().counts().appointments()).isEqualTo(before);
                continue;
            }
            created.put(a.appointments().create(input, SyncFixture.ADMIN).id(), java.util.Arrays.asList(r.doctor(),
                    HostileText.lineFeeds(r.summary()), HostileText.lineFeeds(r.outcome()), r.patient(), null));
        }
        SyncReport pushed = fixture.sync(a);
        assertThat(pushed.quarantined()).isZero();
        fixture.sync(b);
        try (Connection server = DriverManager.getConnection(fixture.url(), TestStores.PG_USER, null)) {
            for (var e : created.entrySet()) {
                UUID id = e.getKey();
                List<String> here = a.database().withConnection(c -> stored(c, id));
                List<String> there = b.database().withConnection(c -> stored(c, id));
                assertThat(here).as("stored").isEqualTo(e.getValue());
                assertThat(stored(server, id)).as("on PostgreSQL").isEqualTo(e.getValue());
                assertThat(there).as("at the other site").isEqualTo(e.getValue());
            }
        }
        assertThat(b.sync().quarantine()).isEmpty();
    }

    /** field@position:reason for each text field the rule refuses, within its length limit. */
    private static List<String> textProblems(HostileText.Record r) {
        List<String> problems = new ArrayList<>();
        expect(problems, AppointmentInput.DOCTOR, r.doctor(), false, AppointmentInput.MAX_DOCTOR_ID_LENGTH);
        expect(problems, AppointmentInput.SUMMARY, HostileText.lineFeeds(r.summary()), true, 20_000);
        expect(problems, AppointmentInput.PATIENT, r.patient(), false, AppointmentInput.MAX_PATIENT_REF_LENGTH);
        expect(problems, AppointmentInput.OUTCOME, HostileText.lineFeeds(r.outcome()), true, 2_000);
        return problems;
    }

    private static void expect(List<String> problems, String field, String value, boolean multiLine, int max) {
        if (value == null) return;
        int at = HostileText.firstRefused(value, multiLine);
        if (at == 0 || (!field.equals(AppointmentInput.DOCTOR) && value.length() > max)) return;
        int c = value.codePoints().skip(at - 1).findFirst().orElseThrow();
        problems.add(field + "@" + at + ":" + (c >= 0xD800 && c <= 0xDFFF ? "BROKEN_UNICODE" : "CONTROL_CHARACTER"));
    }

    /** doctor id, summary, outcome text, patient reference and external id of the appointment, by id. */
    private static List<String> stored(Connection c, UUID id) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT doctor_id, summary, outcome_text, patient_ref, external_id "
                + "FROM appointments WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("row " + id).isTrue();
                List<String> v = new ArrayList<>();
                for (int i = 1; i <= 5; i++) v.add(rs.getString(i));
                return v;
            }
        }
    }
}
