package com.outcomedesk.appointments;

import com.outcomedesk.store.StoreException;
import java.util.UUID;

/** The appointment an edit names does not exist or was deleted. */
public final class NoSuchAppointmentException extends StoreException {
    private final UUID id;

    NoSuchAppointmentException(UUID id) {
        super("Appointment " + id + " does not exist or was deleted.");
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
