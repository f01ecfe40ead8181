package com.outcomedesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.appointments.AppointmentInput.Problem;
import com.outcomedesk.appointments.AppointmentInput.Reason;
import com.outcomedesk.testing.TestStores;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The engine's rules for what can be saved, field by field. */
class AppointmentInputTest {
    static final String SUMMARY = "Follow-up for asthma, inhaler adjusted.";

    static List<Problem> check(String doctor, String summary) {
        return new AppointmentInput(doctor, summary, null, null, null).check();
    }

    @Example
    void theIssuesExamplesAreRefusedWithFieldAndReason() {
        assertThat(check("Dr. Smith!!", SUMMARY)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(AppointmentInput.DOCTOR);
            assertThat(p.reason()).isEqualTo(Reason.BAD_CHARACTERS);
            assertThat(p.characters()).isEqualTo("'!', spaces");
            assertThat(p.message()).isEqualTo("doctor id may hold only letters, digits, '_', '-' and '.', not '!', spaces");
        });
        assertThat(check("dr_01", "x")).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(AppointmentInput.SUMMARY);
            assertThat(p.reason()).isEqualTo(Reason.TOO_SHORT);
        });
        assertThat(check("dr_01", "Cough, fever")).extracting(Problem::reason).containsExactly(Reason.TOO_SHORT);
        assertThat(check("dr_01", "a b c")).extracting(Problem::reason).containsExactly(Reason.TOO_SHORT);
        assertThat(check("dr_01", "Cough and fever.")).isEmpty();
        assertThat(check("", " ")).extracting(Problem::field, Problem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AppointmentInput.DOCTOR, Reason.MISSING),
                org.assertj.core.groups.Tuple.tuple(AppointmentInput.SUMMARY, Reason.MISSING));
    }

    @Example
    void doctorIdsStartWithALetterOrDigitAndHoldAtMost64() {
        assertThat(check("_dr", SUMMARY)).extracting(Problem::reason).containsExactly(Reason.BAD_START);
        assertThat(check("dr.smith-2_b", SUMMARY)).isEmpty();
        assertThat(check("d".repeat(64), SUMMARY)).isEmpty();
        assertThat(check("d".repeat(65), SUMMARY)).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("doctor id has 65 characters; at most 64 are allowed"));
        assertThat(check("dr_müller", SUMMARY)).extracting(Problem::characters).containsExactly("'ü'");
    }

    @Example
    void textMustBeValidUnicodeWithoutControlCharacters() {
        assertThat(check("dr_1", "Seen today:\tcough\nand fever.\r\n")).isEmpty();
        assertThat(check("dr_1", "Seen today \uD83D\uDE00 with fever.")).isEmpty();
        assertThat(check("dr_1", "Seen today \uD83D with fever.")).singleElement()
                .satisfies(p -> assertThat(p).extracting(Problem::reason, Problem::position).containsExactly(Reason.BROKEN_UNICODE, 12));
        assertThat(check("dr_1", "Seen today with\u0007 fever.")).singleElement()
                .satisfies(p -> assertThat(p).extracting(Problem::reason, Problem::position).containsExactly(Reason.CONTROL_CHARACTER, 16));
        assertThat(new AppointmentInput("dr_1", SUMMARY, null, "P1\u0000", "Better \uDC00").check())
                .extracting(Problem::field).containsExactly(AppointmentInput.PATIENT, AppointmentInput.OUTCOME);
        assertThat(check("dr_1", "word ".repeat(4_001))).extracting(Problem::reason).containsExactly(Reason.TOO_LONG);
    }

    @Example
    void everyReferenceRecordIsValid() throws IOException {
        JsonNode all = new ObjectMapper().readTree(TestStores.referenceSample().toFile());
        assertThat(all).hasSize(400);
        for (JsonNode r : all) {
            assertThat(check(r.get("doctor_id").asText(), r.get("summary").asText())).as(r.toString()).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> validIds() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('A', 'Z').range('0', '9');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars('_', '-', '.').ofMaxLength(63);
        return net.jqwik.api.Combinators.combine(first, rest).as((f, r) -> f + r);
    }

    @Property(tries = 300)
    void idsOfTheAllowedCharactersAreAccepted(@ForAll("validIds") String id) {
        assertThat(check(id, SUMMARY)).isEmpty();
    }

    @Property(tries = 500)
    void anyTextIsCheckedWithoutFailingAndEachProblemNamesItsField(@ForAll String doctor, @ForAll String summary) {
        List<Problem> problems = check(doctor, summary);
        boolean validId = doctor.strip().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
        assertThat(problems.stream().anyMatch(p -> p.field().equals(AppointmentInput.DOCTOR))).isEqualTo(!validId);
        problems.forEach(p -> assertThat(p.message()).isNotBlank());
    }
}
