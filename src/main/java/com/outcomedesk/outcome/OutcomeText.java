package com.outcomedesk.outcome;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises outcome sentences so that case, spacing and a final full stop do not matter. */
public final class OutcomeText {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING = Pattern.compile("[.\\s]+$");

    private OutcomeText() {
    }

    public static String normalize(String text) {
        String lower = WHITESPACE.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        return TRAILING.matcher(lower).replaceAll("");
    }
}
