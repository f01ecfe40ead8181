package com.outcomedesk.server.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code limit} bytes, then refuses: a body without (or with a false) Content-Length cannot overrun.
 * Before refusing it reads on (and drops) up to {@value #DRAIN} more bytes: a client still sending when the server
 * answers and closes gets its connection reset and often loses the answer, so it would see a broken connection
 * instead of "too large". A body longer still is cut off all the same.
 */
final class LimitedInputStream extends FilterInputStream {
    static final long DRAIN = 32L * 1024 * 1024;
    private long left;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.left = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && --left < 0) throw refuse();
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0 && (left -= n) < 0) throw refuse();
        return n;
    }

    private TooLargeException refuse() throws IOException {
        byte[] drop = new byte[64 * 1024];
        long dropped = 0;
        for (int n; dropped < DRAIN && (n = in.read(drop, 0, (int) Math.min(drop.length, DRAIN - dropped))) > 0; ) dropped += n;
        return new TooLargeException();
    }

    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("body over the limit", null);
        }
    }
}
