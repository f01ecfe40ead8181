package com.outcomedesk.insight;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which way a doctor stands out: better (GOOD) or worse (BAD) outcomes than the others. */
public enum Outlier {
    GOOD, BAD;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
