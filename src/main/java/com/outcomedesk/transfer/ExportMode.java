package com.outcomedesk.transfer;

/** Whether an export carries patient-identifying data (administrators only) or is de-identified. */
public enum ExportMode {
    IDENTIFIABLE, DEIDENTIFIED
}
