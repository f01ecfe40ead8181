package com.outcomedesk.ui.appointments;

/** The outcome filter's choices. */
public enum OutcomeFilter {
    ANY("Any outcome", null), KNOWN("Outcome known", Boolean.TRUE), UNKNOWN("Outcome not yet known", Boolean.FALSE);

    private final String text;
    private final Boolean known;

    OutcomeFilter(String text, Boolean known) {
        this.text = text;
        this.known = known;
    }

    public Boolean known() {
        return known;
    }

    @Override
    public String toString() {
        return text;
    }
}
