package com.outcomedesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.testing.HostileText;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The text rule against hostile text: it refuses exactly what it should, where it is, and repair always keeps it. */
class TextRulePropertyTest {

    @Provide
    Arbitrary<String> hostile() {
        return HostileText.any();
    }

    @Property(tries = 500)
    void refusesTheFirstControlOrLoneSurrogateAtItsCodePoint(@ForAll("hostile") String s) {
        for (TextRule rule : TextRule.values()) {
            int expected = HostileText.firstRefused(s, rule == TextRule.MULTI_LINE);
            TextRule.Violation v = rule.check(s);
            if (expected == 0) {
                assertThat(v).as(rule.name()).isNull();
                continue;
            }
            assertThat(v).as(rule.name()).isNotNull();
            assertThat(v.position()).isEqualTo(expected);
            int refused = s.codePoints().skip(expected - 1).findFirst().orElseThrow();
            assertThat(v.reason()).isEqualTo(Character.isSurrogate((char) refused) && refused < 0x10000
                    ? AppointmentInput.Reason.BROKEN_UNICODE : AppointmentInput.Reason.CONTROL_CHARACTER);
        }
    }

    @Property(tries = 500)
    void repairAlwaysKeepsTheRuleAndChangesNothingElse(@ForAll("hostile") String s) {
        for (TextRule rule : TextRule.values()) {
            String repaired = rule.repair(s);
            assertThat(rule.check(repaired)).isNull();
            assertThat(rule.repair(repaired)).isEqualTo(repaired);
            if (rule.check(s) == null) assertThat(repaired).isEqualTo(rule.normalise(s));
        }
        String free = TextRule.MULTI_LINE.normalise(s);
        assertThat(free).doesNotContain("\r").isEqualTo(HostileText.lineFeeds(s));
        assertThat(TextRule.MULTI_LINE.normalise(free)).isEqualTo(free);
        assertThat(TextRule.SINGLE_LINE.normalise(s)).isSameAs(s);
    }

    @Example
    void perFieldPolicy() {
        assertThat(TextRule.MULTI_LINE.check("a\tb\nc\r\nd")).isNull();
        assertThat(TextRule.SINGLE_LINE.check("P-1\t2")).isEqualTo(
                new TextRule.Violation(AppointmentInput.Reason.CONTROL_CHARACTER, 4));
        // Positions count code points: the emoji before the NUL is one character, not two.
        assertThat(TextRule.MULTI_LINE.check("\uD83D\uDE00\u0000")).isEqualTo(
                new TextRule.Violation(AppointmentInput.Reason.CONTROL_CHARACTER, 2));
        assertThat(TextRule.MULTI_LINE.repair("a\u0000b\uD800c\r\n")).isEqualTo("ab\uFFFDc\n");
        assertThat(new AppointmentInput("dr\u0000", "Seen today with fever.", null, "P 1\n", "Better\r\nnow").check())
                .extracting(AppointmentInput.Problem::field, AppointmentInput.Problem::reason, AppointmentInput.Problem::position)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AppointmentInput.DOCTOR, AppointmentInput.Reason.CONTROL_CHARACTER, 3),
                        org.assertj.core.groups.Tuple.tuple(AppointmentInput.PATIENT, AppointmentInput.Reason.CONTROL_CHARACTER, 4));
    }
}
