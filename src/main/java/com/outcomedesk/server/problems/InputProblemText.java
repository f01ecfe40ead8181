package com.outcomedesk.server.problems;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.appointments.AppointmentInput.Problem;

/**
 * The form's input problems in the API's words (the desktop's ProblemText words the same rules for the form): the
 * JSON field, what is wrong and what to send instead.
 */
final class InputProblemText {
    private InputProblemText() {
    }

    static String of(Problem p, String jsonField) {
        return switch (p.reason()) {
            case MISSING -> p.field().equals(AppointmentInput.DOCTOR)
                    ? "Send doctorId, the doctor's id, e.g. dr_017."
                    : "Send " + jsonField + ": what was found, decided and prescribed.";
            case TOO_SHORT -> String.format("%s must hold at least %d words (%d characters) about the appointment.",
                    jsonField, AppointmentInput.MIN_SUMMARY_WORDS, AppointmentInput.MIN_SUMMARY_CHARACTERS);
            case TOO_LONG -> String.format("%s has %,d characters; send at most %,d.", jsonField, p.actual(), p.limit());
            case BAD_START -> "doctorId must start with a letter or a digit.";
            case BAD_CHARACTERS -> "doctorId may hold only letters, digits, _ - and .; remove the " + p.characters() + ".";
            case CONTROL_CHARACTER -> String.format("%s holds a control character at position %,d (counted in Unicode "
                    + "code points); remove it.", jsonField, p.position());
            case BROKEN_UNICODE -> String.format("%s holds half of a surrogate pair at position %,d (counted in Unicode "
                    + "code points), which is not valid Unicode; send the whole character.", jsonField, p.position());
        };
    }
}
