package com.outcomedesk.appointments;

import com.outcomedesk.store.Appointment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a user enters for an appointment, and the engine's rules for it, shared by the desktop form, import and
 * any other way in. {@link #check()} names each field that breaks a rule and why; each caller words it for its own
 * users ({@link Problem#message()} is the plain wording of the import report and the command line).
 *
 * <p>The rules: a doctor id is 1 to 64 letters a-z or A-Z, digits, '_', '-' or '.', starting with a letter or digit (the
 * reference data's ids are {@code dr_01}..{@code dr_10}); a summary has at least {@value #MIN_SUMMARY_WORDS}
 * words and {@value #MIN_SUMMARY_CHARACTERS} characters once trimmed and at most 20,000 characters. All text keeps the
 * {@link TextRule}: summaries and outcomes as {@link TextRule#MULTI_LINE} (callers store {@link #normalised()}),
 * doctor ids and patient references as {@link TextRule#SINGLE_LINE}.
 */
public record AppointmentInput(String doctorId, String summary, LocalDate appointmentDate, String patientRef,
                               String outcomeText) {

    public static final String DOCTOR = "doctor";
    public static final String SUMMARY = "summary";
    public static final String DATE = "date";
    public static final String OUTCOME = "outcome";
    public static final String PATIENT = "patient";

    public static final int MAX_DOCTOR_ID_LENGTH = 64;
    public static final int MIN_SUMMARY_WORDS = 3;
    public static final int MIN_SUMMARY_CHARACTERS = 10;
    public static final int MAX_PATIENT_REF_LENGTH = 200;

    /** Why a field cannot be saved. */
    public enum Reason {
        MISSING, TOO_SHORT, TOO_LONG,
        /** A doctor id that starts with '_', '-' or '.'. */
        BAD_START,
        /** Characters a doctor id may not hold; {@link Problem#characters()} lists them. */
        BAD_CHARACTERS,
        /** A control character the field may not hold at {@link Problem#position()} (see {@link TextRule}). */
        CONTROL_CHARACTER,
        /** Half of a surrogate pair without its other half at {@link Problem#position()}: not valid Unicode. */
        BROKEN_UNICODE
    }

    /**
     * One broken rule. {@code actual} and {@code limit} are lengths in characters; {@code position} is the 1-based
     * code point for the character reasons; {@code characters} lists the offending characters of a doctor id.
     */
    public record Problem(String field, Reason reason, int actual, int limit, int position, String characters) {
        static Problem of(String field, Reason reason) {
            return new Problem(field, reason, 0, 0, 0, "");
        }

        /** Plain wording for reports and the command line: the field, then the reason. */
        public String message() {
            String name = switch (field) {
                case DOCTOR -> "doctor id";
                case PATIENT -> "patient reference";
                default -> field;
            };
            return name + switch (reason) {
                case MISSING -> " is missing";
                case TOO_SHORT -> String.format(" is too short: at least %d words and %d characters are needed",
                        MIN_SUMMARY_WORDS, MIN_SUMMARY_CHARACTERS);
                case TOO_LONG -> String.format(" has %,d characters; at most %,d are allowed", actual, limit);
                case BAD_START -> " must start with a letter or digit";
                case BAD_CHARACTERS -> " may hold only letters, digits, '_', '-' and '.', not " + characters;
                case CONTROL_CHARACTER, BROKEN_UNICODE -> " " + TextRule.describe(new TextRule.Violation(reason, position));
            };
        }
    }

    /** The input as it is stored: free text with {@link TextRule#normalise} line breaks. */
    public AppointmentInput normalised() {
        return new AppointmentInput(doctorId, TextRule.MULTI_LINE.normalise(summary), appointmentDate, patientRef,
                TextRule.MULTI_LINE.normalise(outcomeText));
    }

    /** Every broken rule, in the form's order; empty when the input can be saved. */
    public List<Problem> check() {
        List<Problem> problems = new ArrayList<>();
        checkDoctor(problems);
        checkSummary(problems);
        checkText(problems, PATIENT, patientRef, MAX_PATIENT_REF_LENGTH, TextRule.SINGLE_LINE);
        checkText(problems, OUTCOME, outcomeText, Appointment.MAX_OUTCOME_LENGTH, TextRule.MULTI_LINE);
        return problems;
    }

    /** Field name to the plain message of its first problem; empty when the input can be saved. */
    public Map<String, String> problems() {
        Map<String, String> byField = new LinkedHashMap<>();
        for (Problem p : check()) byField.putIfAbsent(p.field(), p.message());
        return byField;
    }

    private void checkDoctor(List<Problem> problems) {
        if (isBlank(doctorId)) {
            problems.add(Problem.of(DOCTOR, Reason.MISSING));
            return;
        }
        String id = doctorId.strip();
        if (checkText(problems, DOCTOR, id, Integer.MAX_VALUE, TextRule.SINGLE_LINE)) return;
        if (id.length() > MAX_DOCTOR_ID_LENGTH) {
            problems.add(new Problem(DOCTOR, Reason.TOO_LONG, id.length(), MAX_DOCTOR_ID_LENGTH, 0, ""));
            return;
        }
        if (!allAllowedInDoctorId(id)) {
            TreeSet<String> bad = new TreeSet<>();
            id.codePoints().filter(c -> !allowedInDoctorId(c)).forEach(c -> bad.add(c == ' ' ? "spaces" : "'" + Character.toString(c) + "'"));
            problems.add(new Problem(DOCTOR, Reason.BAD_CHARACTERS, 0, 0, 0, String.join(", ", bad)));
        } else if (!isAsciiLetterOrDigit(id.charAt(0))) {
            problems.add(Problem.of(DOCTOR, Reason.BAD_START));
        }
    }

    /**
     * Words as {@code text.split("\\s+")} counts them in stripped text, up to {@code enough}: without a regex, as
     * every imported or predicted record passes here.
     */
    static int words(String text, int enough) {
        int words = 1;
        for (int i = 0; i + 1 < text.length() && words < enough; i++) {
            if (isRegexSpace(text.charAt(i)) && !isRegexSpace(text.charAt(i + 1))) words++;
        }
        return words;
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private void checkSummary(List<Problem> problems) {
        if (isBlank(summary)) {
            problems.add(Problem.of(SUMMARY, Reason.MISSING));
            return;
        }
        if (checkText(problems, SUMMARY, summary, Appointment.MAX_SUMMARY_LENGTH, TextRule.MULTI_LINE)) return;
        String trimmed = summary.strip();
        int words = words(trimmed, MIN_SUMMARY_WORDS);
        if (words < MIN_SUMMARY_WORDS || trimmed.length() < MIN_SUMMARY_CHARACTERS) {
            problems.add(new Problem(SUMMARY, Reason.TOO_SHORT, trimmed.length(), MIN_SUMMARY_CHARACTERS, 0, ""));
        }
    }

    /**
     * Length and the text rule of optional text, such as an imported record's id; true when it added a problem.
     */
    public static boolean checkText(List<Problem> problems, String field, String text, int max, TextRule rule) {
        if (text == null) return false;
        if (text.length() > max) {
            problems.add(new Problem(field, Reason.TOO_LONG, text.length(), max, 0, ""));
            return true;
        }
        TextRule.Violation v = rule.check(text);
        if (v == null) return false;
        problems.add(new Problem(field, v.reason(), 0, 0, v.position(), ""));
        return true;
    }

    /** A plain loop: files check every row's doctor, and the stream with its set cost as much as parsing the row. */
    private static boolean allAllowedInDoctorId(String id) {
        for (int i = 0; i < id.length(); i++) if (!allowedInDoctorId(id.charAt(i))) return false;
        return true;
    }

    private static boolean allowedInDoctorId(int c) {
        return isAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
