package com.outcomedesk.store;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

/**
 * Recognises, in the driver's exceptions, the store failures a user can act on (the file open elsewhere, the file
 * damaged or altered), so that the message names the cause instead of repeating driver text, which can hold SQL.
 */
final class StoreFailures {
    private static final Pattern PLACE = Pattern.compile("(?i)(chunk[ :]\\s*\\d+|position 0x[0-9a-f]+)");

    private StoreFailures() {
    }

    /** The failure as a store exception naming its cause, or empty when it is none of those recognised here. */
    static Optional<StoreException> classify(StoreLocation location, Throwable failure) {
        if (location.vendor() != Vendor.H2) return Optional.empty();
        boolean locked = false;
        boolean corrupt = false;
        String place = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MVStoreException m) {
                locked |= m.getErrorCode() == DataUtils.ERROR_FILE_LOCKED;
                // A chunk the file's pages point to that is not there: what a damaged page read first says.
                corrupt |= m.getErrorCode() == DataUtils.ERROR_FILE_CORRUPT || m.getErrorCode() == DataUtils.ERROR_READING_FAILED
                        || m.getErrorCode() == DataUtils.ERROR_CHUNK_NOT_FOUND;
            }
            if (t instanceof SQLException s) {
                locked |= s.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1;
                corrupt |= s.getErrorCode() == ErrorCode.FILE_CORRUPTED_1;
            }
            if (place == null && t.getMessage() != null) {
                Matcher m = PLACE.matcher(t.getMessage());
                if (m.find()) place = m.group(1).replace(':', ' ').replaceAll("\\s+", " ");
            }
        }
        String store = location.description();
        if (locked) {
            Optional<Long> pid = StoreOwner.of(location);
            return Optional.of(new StoreException(StoreException.Reason.IN_USE, location.displayName(),
                    pid.map(p -> "process " + p).orElse(null), capitalized(store) + " is in use by another OutcomeDesk"
                    + " window or command" + pid.map(p -> " (process " + p + ")").orElse("") + "; close it and try again.",
                    failure));
        }
        return corrupt ? Optional.of(damaged(location, place, failure)) : Optional.empty();
    }

    /** The store's file is damaged (at place, where known): restoring a backup is what helps. */
    static StoreException damaged(StoreLocation location, String place, Throwable failure) {
        boolean encrypted = location.jdbcUrl().contains("CIPHER=AES");
        String at = place == null ? "" : " at " + place;
        return new StoreException(StoreException.Reason.DAMAGED, location.displayName(), place,
                capitalized(location.description()) + " is damaged or was changed outside OutcomeDesk (it "
                        + (encrypted ? "fails decryption" : "cannot be read") + at + "); restore it from a backup.",
                failure);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
