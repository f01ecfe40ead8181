package com.outcomedesk.bench;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * One batch request over a plain socket, full duplex: the server answers each row while later rows still arrive, so
 * the body is written on its own thread while the answer is read. (The JDK HTTP client stops sending the body once the
 * answer begins, which cut large batches short.) Chunked in, chunked out, one connection.
 */
final class DuplexBatch {
    private DuplexBatch() {
    }

    static BatchAnswer send(URI uri, String token, InputStream body) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/x-ndjson"
                    + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> writeChunked(body, out));
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            int status = Integer.parseInt(line(in).split(" ")[1]);
            boolean chunked = false;
            for (String header; !(header = line(in)).isEmpty(); ) {
                chunked |= header.toLowerCase(java.util.Locale.ROOT).startsWith("transfer-encoding:") && header.contains("chunked");
            }
            long lines = 0;
            String last = null;
            try (BufferedReader answers = new BufferedReader(new InputStreamReader(chunked ? new Dechunked(in) : in,
                    StandardCharsets.UTF_8), 1 << 16)) {
                for (String a; (a = answers.readLine()) != null; ) {
                    lines++;
                    last = a;
                }
            }
            sending.join();
            return new BatchAnswer(status, lines, last);
        }
    }

    private static void writeChunked(InputStream body, OutputStream out) {
        byte[] buffer = new byte[1 << 16];
        try {
            for (int n; (n = body.read(buffer)) > 0; ) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(buffer, 0, n);
                out.write(CRLF);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("The batch body could not be sent: " + e.getMessage(), e);
        }
    }

    private static final byte[] CRLF = {'\r', '\n'};

    /** One header or chunk-size line, without its CR LF. */
    static String line(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') break;
            if (c != '\r') s.append((char) c);
        }
        return s.toString();
    }

    /** The body of a chunked answer, chunk framing removed. */
    private static final class Dechunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Dechunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) return -1;
            if (left == 0) {
                String size = line(in);
                if (size.isEmpty()) size = line(in); // the CR LF that ends the chunk before
                left = Long.parseLong(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) throw new IOException("the answer ended inside a chunk");
            left -= n;
            return n;
        }
    }
}
