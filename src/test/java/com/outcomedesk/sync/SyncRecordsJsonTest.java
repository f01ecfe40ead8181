package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sync's records are plain values Jackson writes and reads: they are to be the wire format of sync over HTTP. */
class SyncRecordsJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void versionAndPushResultRoundTrip() throws Exception {
        Version v = new Version(42L << 16 | 3, "site-a");
        assertThat(JSON.readValue(JSON.writeValueAsString(v), Version.class)).isEqualTo(v);
        PushResult r = new PushResult(7, 2, 1);
        assertThat(JSON.readValue(JSON.writeValueAsString(r), PushResult.class)).isEqualTo(r);
    }

    @Test
    void versionsOrderByStampThenSite() {
        assertThat(new Version(2, "a")).isGreaterThan(new Version(1, "z"));
        assertThat(new Version(1, "b")).isGreaterThan(new Version(1, "a"));
    }

    @Test
    void anAppointmentRowIsWrittenWithItsVersionAndValues() throws Exception {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 0, ZoneOffset.UTC);
        SyncRow row = SyncTable.APPOINTMENTS.row(new Object[] {id, "ext-1", "dr_a", "p-1", LocalDate.of(2026, 2, 28),
                "summary", "better", "good", "mapped", at, "ann", at, "ann", "site-a", 99L, true}, 12L);

        JsonNode json = JSON.readTree(JSON.writeValueAsString(row));

        assertThat(json.get("table").asText()).isEqualTo("appointments");
        assertThat(json.get("key").asText()).isEqualTo(id.toString());
        assertThat(json.get("version").get("hlc").asLong()).isEqualTo(99L);
        assertThat(json.get("version").get("site").asText()).isEqualTo("site-a");
        assertThat(json.get("deleted").asBoolean()).isTrue();
        assertThat(json.get("site").asText()).isEqualTo("site-a");
        assertThat(json.get("serverSeq").asLong()).isEqualTo(12L);
        assertThat(json.get("values")).hasSize(SyncTable.APPOINTMENTS.columns().size());
        assertThat(json.get("values").get(4).asText()).isEqualTo("2026-02-28");
        assertThat(json.get("values").get(9).asText()).isEqualTo("2026-03-01T09:30:00Z");
    }

    @Test
    void aRowWithoutAClockHasNoVersion() {
        SyncRow mapping = SyncTable.MAPPINGS.row(new Object[] {"better", "Better", "good", "admin",
                OffsetDateTime.now(), "ann"}, null);
        assertThat(mapping.version()).isNull();
        assertThat(mapping.site()).isNull();
        assertThat(mapping.deleted()).isFalse();
        assertThat(mapping.key()).isEqualTo("better");
    }
}
