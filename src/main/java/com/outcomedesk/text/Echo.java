package com.outcomedesk.text;

/**
 * Text a user typed, as a message repeats it: whole when short, else its first 60 characters and its length, so a
 * pasted page does not become a page-long error.
 */
public final class Echo {
    static final int SHOWN = 60;

    private Echo() {
    }

    public static String of(String text) {
        if (text == null) return "";
        if (text.codePointCount(0, text.length()) <= SHOWN) return text;
        return text.substring(0, text.offsetByCodePoints(0, SHOWN)) + "… (" + text.length() + " characters)";
    }
}
