package com.outcomedesk.transfer;

/** A record read from a file at a 1-based position: either valid, or rejected with a reason. */
public record ParsedRecord(long position, AppointmentRecord record, String rejection) {
    public boolean rejected() {
        return rejection != null;
    }
}
