package com.outcomedesk.common;

/** What a user may do: clinicians record and predict; administrators also train, activate and manage. */
public enum Role {
    CLINICIAN, ADMINISTRATOR
}
