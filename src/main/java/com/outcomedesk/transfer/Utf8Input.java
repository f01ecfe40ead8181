package com.outcomedesk.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file's bytes, checked to be UTF-8 as they pass, so a file saved as Latin-1 or Windows-1252 is refused with the
 * offending byte and where it is, rather than a decoder's "Input length = 1" or a parser's guess.
 */
final class Utf8Input extends FilterInputStream {
    private final Path file;
    private long offset;
    private long line = 1;
    /** Continuation bytes still expected, the range the next one must fall in, and where the sequence began. */
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;
    private int lead;
    private long leadOffset;
    private long leadLine;

    private Utf8Input(Path file) throws IOException {
        super(Files.newInputStream(file));
        this.file = file;
    }

    static Utf8Input open(Path file) throws IOException {
        return new Utf8Input(file);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) atEnd();
        else check(b);
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n < 0) atEnd();
        for (int i = off; i < off + n; i++) check(buffer[i] & 0xFF);
        return n;
    }

    /** Skipped bytes are read and checked too, so no byte escapes the check. */
    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() >= 0) skipped++;
        return skipped;
    }

    private void check(int b) {
        if (pending > 0) {
            if (b < low || b > high) throw notUtf8();
            pending--;
            low = 0x80;
            high = 0xBF;
        } else if (b >= 0x80) {
            lead = b;
            leadOffset = offset;
            leadLine = line;
            if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
                if (b == 0xE0) low = 0xA0;       // overlong
                if (b == 0xED) high = 0x9F;      // UTF-16 surrogate halves
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
                if (b == 0xF0) low = 0x90;       // overlong
                if (b == 0xF4) high = 0x8F;      // beyond U+10FFFF
            } else {
                throw notUtf8();
            }
        } else if (b == '\n') {
            line++;
        }
        offset++;
    }

    private void atEnd() {
        if (pending > 0) throw notUtf8();
    }

    private TransferException notUtf8() {
        return new TransferException(String.format(Locale.ROOT, "%s is not UTF-8 text (byte 0x%02X at byte offset %d, line %d):"
                + " save it as UTF-8 and try again.", file.getFileName(), lead, leadOffset, leadLine));
    }
}
