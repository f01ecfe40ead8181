package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Rows cross the sync API unchanged: what the site encodes, the server decodes value for value, and back. */
class SyncWirePropertyTest {

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange((char) 0, (char) 0xd7ff).ofMaxLength(40), Arbitraries.just(null),
                Arbitraries.strings().withChars("\"\\\n\t'<>{}[]:,\u00e9\u4e2d\ud83e\udec0").ofMaxLength(20));
    }

    @Property(tries = 300)
    void anAppointmentOfferRoundTrips(@ForAll("text") String summary, @ForAll("text") String outcome,
                                      @ForAll long hlc, @ForAll boolean deleted, @ForAll boolean agreed,
                                      @ForAll("instants") Instant at, @ForAll("offsets") ZoneOffset offset) {
        OffsetDateTime time = at.atOffset(offset);
        Object[] values = {UUID.randomUUID(), summary, "dr-1", outcome, LocalDate.ofEpochDay(hlc % 50_000), summary,
                outcome, "good", "typed", time, "alice", time, "bob", "site-1a2b3c4d", hlc, deleted};
        SyncRow row = SyncTable.APPOINTMENTS.row(values, null);
        ServerSide.AppointmentOffer offer = new ServerSide.AppointmentOffer(row, agreed ? new Version(hlc - 1, "site-x") : null);
        String wire = SyncWire.push(SyncTable.APPOINTMENTS, List.of(SyncWire.offer(offer))).toString();

        ServerSide.AppointmentOffer back = SyncWire.appointmentOffer(SyncWire.rows(parse(wire)).get(0));
        assertThat(back.row().values()).isEqualTo(row.values());
        assertThat(back.row().version()).isEqualTo(row.version());
        assertThat(back.agreed()).isEqualTo(offer.agreed());
        SyncRow pulled = SyncWire.pulled(SyncTable.APPOINTMENTS, parse(SyncWire.pulled(SyncTable.APPOINTMENTS,
                SyncTable.APPOINTMENTS.row(values, 42L)).toString()));
        assertThat(pulled.values()).isEqualTo(row.values());
        assertThat(pulled.serverSeq()).isEqualTo(42L);
    }

    @Property(tries = 50)
    void theBatchIdFollowsTheRowsOnly(@ForAll("text") String summary, @ForAll long hlc) {
        Object[] values = {UUID.nameUUIDFromBytes(String.valueOf(hlc).getBytes()), null, "dr-1", null, null, summary,
                null, null, null, null, null, null, null, "site-1", hlc, false};
        SyncRow row = SyncTable.APPOINTMENTS.row(values, null);
        var once = SyncWire.push(SyncTable.APPOINTMENTS, List.of(SyncWire.offer(new ServerSide.AppointmentOffer(row, null))));
        var again = SyncWire.push(SyncTable.APPOINTMENTS, List.of(SyncWire.offer(new ServerSide.AppointmentOffer(row, null))));
        var edited = SyncWire.push(SyncTable.APPOINTMENTS, List.of(SyncWire.offer(new ServerSide.AppointmentOffer(
                SyncTable.APPOINTMENTS.with(row, "hlc", hlc + 1), null))));
        assertThat(again.get("batchId")).isEqualTo(once.get("batchId"));
        assertThat(edited.get("batchId")).isNotEqualTo(once.get("batchId"));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_000_000_000_000L).map(ms -> Instant.ofEpochMilli(ms).plusNanos(ms % 997 * 1000));
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.integers().between(-18 * 4, 18 * 4).map(q -> ZoneOffset.ofTotalSeconds(q * 900));
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return SyncWire.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
