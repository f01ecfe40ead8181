package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The wire's quick date and stamp reading agrees with the JDK's parser on every text, good or bad. */
class IsoTimePropertyTest {

    @Provide
    Arbitrary<OffsetDateTime> stamps() {
        Arbitrary<Instant> at = Arbitraries.longs().between(-62_000_000_000L, 250_000_000_000L)
                .flatMap(s -> Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999_999),
                                Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000))
                        .map(n -> Instant.ofEpochSecond(s, n)));
        Arbitrary<ZoneOffset> offset = Arbitraries.oneOf(Arbitraries.just(ZoneOffset.UTC),
                Arbitraries.integers().between(-18 * 4, 18 * 4).map(q -> ZoneOffset.ofTotalSeconds(q * 900)),
                Arbitraries.integers().between(-64_800, 64_800).map(ZoneOffset::ofTotalSeconds));
        return Arbitraries.oneOf(at.flatMap(i -> offset.map(i::atOffset)),
                at.map(i -> i.atOffset(ZoneOffset.UTC).withSecond(0).withNano(0)));
    }

    /** A stamp's text with one character replaced, dropped or doubled: mostly invalid, sometimes another stamp. */
    @Provide
    Arbitrary<String> mangled() {
        return stamps().map(OffsetDateTime::toString).flatMap(t -> Arbitraries.integers().between(0, t.length() - 1)
                .flatMap(i -> Arbitraries.of("0", "9", "-", ":", ".", "Z", "+", "T", " ", "", "x", "00")
                        .map(c -> t.substring(0, i) + c + t.substring(i + 1))));
    }

    @Property(tries = 3000)
    void readsEveryStampAsTheJdk(@ForAll("stamps") OffsetDateTime stamp) {
        String text = stamp.toString();
        assertThat(IsoTime.stamp(text)).isEqualTo(OffsetDateTime.parse(text)).isEqualTo(stamp);
    }

    @Property(tries = 3000)
    void readsOrRefusesEveryMangledStampAsTheJdk(@ForAll("mangled") String text) {
        agrees(text, OffsetDateTime::parse, IsoTime::stamp);
        if (text.length() >= 10) agrees(text.substring(0, 10), LocalDate::parse, IsoTime::date);
    }

    @Property(tries = 1000)
    void readsEveryDateAsTheJdk(@ForAll("stamps") OffsetDateTime stamp) {
        LocalDate date = stamp.toLocalDate();
        assertThat(IsoTime.date(date.toString())).isEqualTo(date);
    }

    private static <T> void agrees(String text, Function<String, T> jdk, Function<String, T> quick) {
        T expected;
        try {
            expected = jdk.apply(text);
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> quick.apply(text)).as(text).isInstanceOf(DateTimeException.class)
                    .hasMessage(e.getMessage());
            return;
        }
        assertThat(quick.apply(text)).as(text).isEqualTo(expected);
    }
}
