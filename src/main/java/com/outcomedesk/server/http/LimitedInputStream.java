package com.outcomedesk.server.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code limit} bytes, then refuses: a body without (or with a false) Content-Length cannot overrun. */
final class LimitedInputStream extends FilterInputStream {
    private long left;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.left = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && --left < 0) throw new TooLargeException();
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0 && (left -= n) < 0) throw new TooLargeException();
        return n;
    }

    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("body over the limit", null);
        }
    }
}
