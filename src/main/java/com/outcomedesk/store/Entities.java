package com.outcomedesk.store;

/** Every entity class Hibernate manages; a new entity is registered here. */
final class Entities {
    static final Class<?>[] ALL = {
            Appointment.class, Doctor.class, OutcomeMapping.class, ModelVersion.class, ModelActivation.class,
            Setting.class,
    };

    private Entities() {
    }
}
