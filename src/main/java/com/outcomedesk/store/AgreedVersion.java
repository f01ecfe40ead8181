package com.outcomedesk.store;

import java.util.UUID;

/** The version of an appointment last agreed with the sync server: its hybrid-clock stamp and writing site. */
public record AgreedVersion(UUID id, long hlc, String site) {
}
