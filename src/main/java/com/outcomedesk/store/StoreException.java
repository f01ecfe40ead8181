package com.outcomedesk.store;

/**
 * A store failure whose message tells the user what happened and what to do. {@link #reason()} says which kind it
 * is, {@link #store()} names the store and {@link #where()} gives the detail the reason needs (the other process, the
 * damaged place), so that callers can phrase it in their own terms.
 */
public class StoreException extends RuntimeException {
    /** What kind of failure; {@code OTHER} for everything without a more specific cause. */
    public enum Reason {
        /** A server store cannot be reached or refuses the login. */
        UNREACHABLE,
        /** An embedded store is open in another process (H2 locks the file). */
        IN_USE,
        /** An encrypted embedded store whose keyring is not beside it. */
        KEYRING_MISSING,
        /** The store's files cannot be read or decrypted: damaged, or changed outside OutcomeDesk. */
        DAMAGED,
        OTHER
    }

    private final Reason reason;
    private final String store;
    private final String where;

    public StoreException(String message) {
        this(Reason.OTHER, null, null, message, null);
    }

    public StoreException(String message, Throwable cause) {
        this(Reason.OTHER, null, null, message, cause);
    }

    public StoreException(Reason reason, String store, String where, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.store = store;
        this.where = where;
    }

    public Reason reason() {
        return reason;
    }

    /** The store's display name, when known. */
    public String store() {
        return store;
    }

    /** The process holding the store, or where it is damaged; null when not known. */
    public String where() {
        return where;
    }
}
