package com.outcomedesk.ui.appointments;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.appointments.AppointmentInput.Problem;

/** The engine's input problems in the words the desktop form uses: what is wrong and what to do about it. */
final class ProblemText {
    private ProblemText() {
    }

    static String of(Problem p) {
        String field = switch (p.field()) {
            case AppointmentInput.DOCTOR -> "The doctor id";
            case AppointmentInput.SUMMARY -> "The summary";
            case AppointmentInput.PATIENT -> "The patient reference";
            case AppointmentInput.OUTCOME -> "The outcome";
            default -> "This field";
        };
        return switch (p.reason()) {
            case MISSING -> p.field().equals(AppointmentInput.DOCTOR)
                    ? "Enter the doctor's id, e.g. dr_017."
                    : "Write what was found, decided and prescribed.";
            case TOO_SHORT -> String.format("Write at least %d words (%d characters) about the appointment.",
                    AppointmentInput.MIN_SUMMARY_WORDS, AppointmentInput.MIN_SUMMARY_CHARACTERS);
            case TOO_LONG -> String.format("%s has %,d characters; shorten it to at most %,d.", field, p.actual(), p.limit());
            case BAD_START -> "Start the doctor id with a letter or a digit.";
            case BAD_CHARACTERS -> "Use only letters, digits, _ - and . in a doctor id; remove the " + p.characters() + ".";
            case CONTROL_CHARACTER -> String.format("%s holds an invisible control character at position %,d; "
                    + "delete it, or type that part again.", field, p.position());
            case BROKEN_UNICODE -> String.format("%s holds a broken character at position %,d (often left by copying "
                    + "from another program); type that part again.", field, p.position());
        };
    }
}
