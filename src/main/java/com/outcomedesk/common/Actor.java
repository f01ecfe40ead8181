package com.outcomedesk.common;

/** The person on whose behalf the engine acts; recorded on every change. */
public record Actor(String name, Role role) {

    /** The operating-system user, used where the store has no accounts. */
    public static Actor localUser() {
        String name = System.getProperty("user.name", "local");
        return new Actor(name == null || name.isBlank() ? "local" : name, Role.ADMINISTRATOR);
    }

    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }

    /** Refuses, in the engine and not only in menus, what only administrators may do. */
    public void requireAdministrator(String action) {
        if (!isAdministrator()) {
            throw new AccessDeniedException(name + " is a clinician; only an administrator can " + action + ".");
        }
    }
}
