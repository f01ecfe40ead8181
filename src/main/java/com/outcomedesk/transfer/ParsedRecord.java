package com.outcomedesk.transfer;

/**
 * A record read from a file at a 1-based position: either valid, or rejected with a reason. {@code idTrimmed} tells
 * that spaces around the record's id were removed, which the report mentions since the id decides duplicates.
 */
public record ParsedRecord(long position, AppointmentRecord record, String rejection, boolean idTrimmed) {
    public boolean rejected() {
        return rejection != null;
    }
}
