package com.outcomedesk.backup;

/**
 * A backup cannot be written, checked or restored: why (for the front doors to phrase), the part concerned where there
 * is one, and a sentence saying what happened and what to do.
 */
public final class BackupException extends RuntimeException {
    public enum Reason {
        /** Not a backup file at all (or not one this program writes). */
        NOT_A_BACKUP,
        /** A part's bytes differ from its checksum, or the file is cut off. */
        DAMAGED,
        /** The passphrase or the user's password does not open the backup. */
        WRONG_KEY,
        /** The backup is encrypted and no passphrase or user was given. */
        KEY_NEEDED,
        /** Written by a newer program (format or schema). */
        NEWER,
        /** The place to restore into holds a store already, or is in use. */
        TARGET_TAKEN,
        /** The restored copy does not match the manifest (counts, audit chain). */
        MISMATCH,
        /** Cancelled by the user. */
        CANCELLED
    }

    private final Reason reason;
    private final String part;

    public BackupException(Reason reason, String part, String message) {
        this(reason, part, message, null);
    }

    public BackupException(Reason reason, String part, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.part = part;
    }

    public Reason reason() {
        return reason;
    }

    /** The part of the backup concerned ("tables/appointments", "manifest.json"), or null. */
    public String part() {
        return part;
    }
}
