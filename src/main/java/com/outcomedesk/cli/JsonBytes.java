package com.outcomedesk.cli;

import java.util.Arrays;

/**
 * JSON text appended to a growing byte array as UTF-8, written exactly as Jackson's generator writes it with its
 * default features (checked by JsonBytesTest): strings escape the quote, the backslash and the control characters
 * below U+0020 (backspace, tab, line feed, form feed and carriage return by their letters, the others as a backslash,
 * 'u' and four upper-case hex digits) and keep everything else as it is; doubles are
 * {@link Double#toString}, non-finite ones quoted. Scoring a file writes each row through it, since the generator's
 * general machinery cost more than scoring the row. The caller writes the structure (braces, commas, colons).
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private byte[] bytes;
    private int size;

    JsonBytes(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** ASCII text as it is: structure and field names without characters to escape. */
    JsonBytes raw(String ascii) {
        int n = ascii.length();
        room(n);
        for (int i = 0; i < n; i++) bytes[size++] = (byte) ascii.charAt(i);
        return this;
    }

    /** A string value, or null. */
    JsonBytes string(String s) {
        if (s == null) return raw("null");
        room(s.length() + 2);
        bytes[size++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                room(1);
                bytes[size++] = (byte) c;
            } else if (c < 0x80) {
                escape(c);
            } else {
                i = utf8(s, i);
            }
        }
        room(1);
        bytes[size++] = '"';
        return this;
    }

    JsonBytes number(double d) {
        return Double.isFinite(d) ? raw(Double.toString(d)) : string(Double.toString(d));
    }

    JsonBytes bool(boolean b) {
        return raw(b ? "true" : "false");
    }

    byte[] toArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void escape(char c) {
        room(6);
        bytes[size++] = '\\';
        char named = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (named != 0) {
            bytes[size++] = (byte) named;
            return;
        }
        bytes[size++] = 'u';
        bytes[size++] = '0';
        bytes[size++] = '0';
        bytes[size++] = HEX[c >> 4];
        bytes[size++] = HEX[c & 0xF];
    }

    /** The character at i (with its low surrogate, if any) as UTF-8; returns the index of its last char. */
    private int utf8(String s, int i) {
        room(4);
        char c = s.charAt(i);
        if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | c >> 6);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
            bytes[size++] = (byte) (0xF0 | cp >> 18);
            bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
            bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
            bytes[size++] = (byte) (0x80 | cp & 0x3F);
            return i + 1;
        }
        if (Character.isSurrogate(c)) {
            // Never in a validated record; a UTF-8 writer puts '?' for a lone surrogate, and so does this.
            bytes[size++] = '?';
            return i;
        }
        bytes[size++] = (byte) (0xE0 | c >> 12);
        bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
        bytes[size++] = (byte) (0x80 | c & 0x3F);
        return i;
    }

    private void room(int n) {
        if (size + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
    }
}
