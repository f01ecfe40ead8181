package com.outcomedesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.audit.AuditEntry;
import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.transfer.ExportMode;
import com.outcomedesk.transfer.FileFormat;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** After a full flow, with the app's own loggers at DEBUG, no log line or audit entry holds clinical text. */
class LogPrivacyTest {
    static final char[] PASSWORD = "river stone lantern".toCharArray();
    static final String SUMMARY = "Walrus pelican marker: chest pain after a fall";
    static final String EDITED = "Walrus pelican marker: chest pain resolved";
    static final String PATIENT = "PAT-443322";
    @TempDir Path dir;
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level previous;

    @BeforeEach
    void capture() {
        captured.start();
        root().addAppender(captured);
        Logger ours = (Logger) LoggerFactory.getLogger("com.outcomedesk");
        previous = ours.getLevel();
        ours.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        root().detachAppender(captured);
        ((Logger) LoggerFactory.getLogger("com.outcomedesk")).setLevel(previous);
    }

    @Test
    void aFullFlowLogsNoSummaryTextOrPatientReference() throws Exception {
        StoreLocation location = TestStores.h2(dir);
        SignIn.initialize(location, "alice", PASSWORD);
        try {
            SignIn.signIn(location, "alice", "wrong password!!".toCharArray()).close();
        } catch (AuthenticationException expected) {
            // a failed sign-in is part of the flow
        }
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "doctor_id,summary,patient_ref\ndr_1,\"" + SUMMARY + "\"," + PATIENT + "\n,missing doctor,"
                + PATIENT + "\n");
        List<AuditEntry> trail;
        try (SignIn.Session s = SignIn.signIn(location, "alice", PASSWORD)) {
            var engine = s.engine();
            engine.importer().importFile(TestStores.referenceSample(), s.actor(), ProgressListener.NONE);
            engine.importer().importFile(bad, s.actor(), ProgressListener.NONE);
            StoredAppointment a = engine.appointments().create(new AppointmentInput("dr_2", SUMMARY, LocalDate.of(2025, 1, 2),
                    PATIENT, null), s.actor());
            engine.appointments().update(a.id(), a.rowVersion(), new AppointmentInput("dr_2", EDITED,
                    LocalDate.of(2025, 1, 2), PATIENT, "Patient recovered fully."), s.actor());
            try {
                engine.appointments().update(a.id(), a.rowVersion(), new AppointmentInput("dr_2", SUMMARY,
                        null, PATIENT, null), s.actor());
            } catch (RuntimeException staleEdit) {
                // a conflicting edit is part of the flow
            }
            engine.appointments().delete(a.id(), s.actor());
            engine.exporter().export(dir.resolve("out.json"), FileFormat.JSON, ExportMode.IDENTIFIABLE, s.actor(),
                    ProgressListener.NONE);
            engine.exporter().export(dir.resolve("deid.csv"), FileFormat.CSV, ExportMode.DEIDENTIFIED, s.actor(),
                    ProgressListener.NONE);
            trail = engine.auditLog().list(AuditQuery.ALL, s.actor());
        }

        StringBuilder logged = new StringBuilder();
        for (ILoggingEvent e : captured.list) {
            logged.append(e.getFormattedMessage()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) logged.append(t.getMessage()).append('\n');
        }
        trail.forEach(e -> logged.append(e).append('\n'));
        assertThat(trail).extracting(AuditEntry::action).contains("sign-in-failed", "sign-in", "import",
                "appointment-create", "appointment-update", "appointment-delete", "export");
        assertThat(logged.toString()).doesNotContain("Walrus", "pelican", PATIENT, "Follow-up for diabetes");
        assertThat(Files.readString(dir.resolve("deid.csv"))).doesNotContain(PATIENT);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    }
}
