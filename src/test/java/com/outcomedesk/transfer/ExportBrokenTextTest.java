package com.outcomedesk.transfer;

import com.outcomedesk.common.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lone surrogate stored before the text rule never stops the export of the whole store. */
class ExportBrokenTextTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    @TempDir Path dir;

    @Test
    void aStoredLoneSurrogateIsWrittenAsReplacementAndItsRecordNamed() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            engine.appointments().create(new AppointmentInput("dr_1", "Cough for two weeks.", null, null, null), ADMIN);
            UUID broken = engine.appointments().create(new AppointmentInput("dr_1", "Fever since Monday.", null, null,
                    null), ADMIN).id();
            engine.database().withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE appointments SET summary = ? WHERE id = ?")) {
                    ps.setString(1, "Fever \uD800since Monday.");
                    ps.setObject(2, broken);
                    return ps.executeUpdate();
                }
            });
            for (FileFormat format : FileFormat.values()) {
                Path out = dir.resolve("out." + format.name().toLowerCase());
                ExportReport report = engine.exporter().export(out, format, ExportMode.IDENTIFIABLE, ADMIN,
                        ProgressListener.NONE);
                assertThat(report.records()).isEqualTo(2);
                assertThat(report.replaced()).containsExactly(broken.toString());
                assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("Fever \uFFFDsince Monday.");
            }
            // The store keeps what it had: only the file holds the replacement.
            assertThat(engine.appointments().find(broken).orElseThrow().summary()).isEqualTo("Fever \uD800since Monday.");
        }
    }
}
