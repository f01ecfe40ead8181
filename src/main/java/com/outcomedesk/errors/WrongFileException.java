package com.outcomedesk.errors;

/**
 * A file given to the engine is not of the kind it expects. The message names the file and what is wrong with it;
 * {@link #kind()} lets each caller say how such a file is made in its own terms.
 */
public class WrongFileException extends IllegalArgumentException {
    /** The kind of file that was expected. */
    public enum Kind { AUDIT_CHECKPOINT, SIGNING_KEY }

    private final Kind kind;

    public WrongFileException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public WrongFileException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
