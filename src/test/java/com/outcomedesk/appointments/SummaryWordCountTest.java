package com.outcomedesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The summary's word count without a regex counts as {@code split("\\s+")} did. */
class SummaryWordCountTest {
    @Property(tries = 2_000)
    void countsAsTheRegexSplitDid(@ForAll @StringLength(max = 40) @Chars({'a', 'b', ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u2003'})
                                  String text) {
        String trimmed = text.strip();
        assertThat(AppointmentInput.words(trimmed, Integer.MAX_VALUE)).isEqualTo(trimmed.split("\\s+").length);
        assertThat(AppointmentInput.words(trimmed, 3)).isEqualTo(Math.min(3, trimmed.split("\\s+").length));
    }
}
