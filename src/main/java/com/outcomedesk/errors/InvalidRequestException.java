package com.outcomedesk.errors;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * A request the engine refuses: the field by its stable name (e.g. "folds", "doctorId", "version"), the reason, and
 * the limits or the value that was not found. The message is neutral; callers phrase the field in their own terms.
 */
public class InvalidRequestException extends IllegalArgumentException {
    /** Why the field was refused. */
    public enum Reason {
        /** Absent or blank. */
        MISSING,
        /** Outside {@link #min()}..{@link #max()} (either may be absent). */
        OUT_OF_RANGE,
        /** Not in the expected form (e.g. not an id); {@link #value()} holds what was given. */
        MALFORMED,
        /** Well formed, but nothing has it; {@link #value()} holds what was asked for. */
        NOT_FOUND,
        /** A rollback found no earlier active version. */
        NO_EARLIER_VERSION
    }

    private final String field;
    private final Reason reason;
    private final Long min;
    private final Long max;
    private final String value;

    private InvalidRequestException(String field, Reason reason, Long min, Long max, String value) {
        super(neutral(field, reason, min, max, value));
        this.field = field;
        this.reason = reason;
        this.min = min;
        this.max = max;
        this.value = value;
    }

    public static InvalidRequestException missing(String field) {
        return new InvalidRequestException(field, Reason.MISSING, null, null, null);
    }

    /** The field must lie between min and max, inclusive. */
    public static InvalidRequestException outOfRange(String field, long min, long max) {
        return new InvalidRequestException(field, Reason.OUT_OF_RANGE, min, max, null);
    }

    /** The field must be at least min. */
    public static InvalidRequestException belowMinimum(String field, long min) {
        return new InvalidRequestException(field, Reason.OUT_OF_RANGE, min, null, null);
    }

    /** The value is not in the field's form; it is kept for the caller, never put in the message. */
    public static InvalidRequestException malformed(String field, String value) {
        return new InvalidRequestException(field, Reason.MALFORMED, null, null, value);
    }

    /** Nothing has this value; only pass values that are not patient data (ids, version numbers). */
    public static InvalidRequestException notFound(String field, Object value) {
        return new InvalidRequestException(field, Reason.NOT_FOUND, null, null, String.valueOf(value));
    }

    public static InvalidRequestException noEarlierVersion(String field) {
        return new InvalidRequestException(field, Reason.NO_EARLIER_VERSION, null, null, null);
    }

    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }

    public OptionalLong min() {
        return min == null ? OptionalLong.empty() : OptionalLong.of(min);
    }

    public OptionalLong max() {
        return max == null ? OptionalLong.empty() : OptionalLong.of(max);
    }

    /** The value given or asked for (MALFORMED, NOT_FOUND), else null. */
    public String value() {
        return value;
    }

    /** The limits as a caller would say them after the field's name: "must be between 2 and 20". */
    public String limits() {
        return limits(min, max);
    }

    private static String limits(Long min, Long max) {
        if (min != null && max != null) return "must be between " + number(min) + " and " + number(max);
        if (min != null) return "must be at least " + number(min);
        return max == null ? "is out of range" : "must be at most " + number(max);
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String neutral(String field, Reason reason, Long min, Long max, String value) {
        return switch (reason) {
            case MISSING -> field + " is missing";
            case OUT_OF_RANGE -> field + " " + limits(min, max);
            case MALFORMED -> field + " is not well formed";
            case NOT_FOUND -> "There is no " + field + " " + value;
            case NO_EARLIER_VERSION -> "There is no earlier " + field + " to go back to";
        };
    }
}
