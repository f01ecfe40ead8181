package com.outcomedesk.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.time.api.Dates;

/** The one date format: whatever the choice and region, a shown date reads back, ISO always reads, and nothing throws. */
class DateStyleTest {
    static final Locale[] LOCALES = {Locale.US, Locale.UK, Locale.GERMANY, Locale.FRANCE, Locale.JAPAN,
            Locale.forLanguageTag("nl-NL"), Locale.forLanguageTag("en-CA"), Locale.ROOT};

    @Provide
    Arbitrary<LocalDate> dates() {
        return Dates.dates().between(LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31));
    }

    @Provide
    Arbitrary<Locale> locales() {
        return Arbitraries.of(LOCALES);
    }

    @Property(tries = 400)
    void aShownDateReadsBackAsTheSameDate(@ForAll("dates") LocalDate date, @ForAll DateStyle style,
                                          @ForAll("locales") Locale locale) {
        String shown = style.formatter(locale).format(date);
        DateStyle.Parsed parsed = style.parse(shown, locale);
        assertThat(parsed.problem()).as(shown).isNull();
        assertThat(parsed.date()).isEqualTo(date);
    }

    @Property(tries = 400)
    void isoIsAlwaysAccepted(@ForAll("dates") LocalDate date, @ForAll DateStyle style, @ForAll("locales") Locale locale) {
        assertThat(style.parse(date.toString(), locale).date()).isEqualTo(date);
        assertThat(style.parse(" " + date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth() + " ", locale)
                .date()).isEqualTo(date);
    }

    @Property(tries = 1000)
    void anyTextIsADateOrSaysInWordsWhyNot(@ForAll String text, @ForAll DateStyle style, @ForAll("locales") Locale locale) {
        DateStyle.Parsed parsed = style.parse(text, locale);
        if (text.isBlank()) {
            assertThat(parsed.date()).isNull();
            assertThat(parsed.ok()).isTrue();
        } else if (parsed.ok()) {
            assertThat(parsed.date()).isNotNull();
        } else {
            assertThat(parsed.date()).isNull();
            assertThat(parsed.problem()).contains("is not a date").contains("2025-03-15");
        }
    }

    @Property(tries = 300)
    void numbersThatAreNoDateAreRefused(@ForAll("dates") LocalDate date, @ForAll DateStyle style,
                                        @ForAll("locales") Locale locale) {
        int y = date.getYear();
        assertThat(style.parse(y + "-13-01", locale).problem()).contains("no month 13");
        assertThat(style.parse(y + "-" + date.getMonthValue() + "-" + (date.lengthOfMonth() + 1), locale).problem())
                .contains("has " + date.lengthOfMonth() + " days");
    }

    @Example
    void dayFirstAndMonthFirstReadTheirOwnOrder() {
        assertThat(DateStyle.DAY_FIRST.parse("15/03/2025", Locale.US).date()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(DateStyle.DAY_FIRST.parse("1.2.2025", Locale.US).date()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(DateStyle.MONTH_FIRST.parse("03/15/2025", Locale.UK).date()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(DateStyle.MONTH_FIRST.parse("15/03/2025", Locale.UK).problem()).contains("no month 15");
        assertThat(DateStyle.DAY_FIRST.parse("15/03/25", Locale.UK).problem()).contains("year in full");
        assertThat(DateStyle.LOCALE.parse("15/03/2025", Locale.UK).date()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(DateStyle.LOCALE.parse("3/15/2025", Locale.US).date()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(DateStyle.LOCALE.formatter(Locale.GERMANY).format(LocalDate.of(2025, 3, 5))).isEqualTo("05.03.2025");
        assertThat(DateStyle.ISO.parse("15/03/2025", Locale.UK).problem()).contains("Type a date such as 2025-03-15,");
        assertThat(DateStyle.DAY_FIRST.parse("next tuesday", Locale.UK).problem())
                .isEqualTo("\u201cnext tuesday\u201d is not a date. Type a date such as 15/03/2025 or 2025-03-15, "
                        + "or pick one from the calendar.");
    }

    @Example
    void everyStoredDateFormatChoiceHasTheStyleOfTheSameName() {
        for (com.outcomedesk.settings.DateFormatChoice choice : com.outcomedesk.settings.DateFormatChoice.values()) {
            assertThat(DateStyle.valueOf(choice.name())).isNotNull();
        }
        assertThat(DateStyle.values()).hasSameSizeAs(com.outcomedesk.settings.DateFormatChoice.values());
    }
}
