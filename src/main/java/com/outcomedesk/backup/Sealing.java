package com.outcomedesk.backup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a part of a backup in AES-256-GCM chunks of 64 KiB, so that neither side holds more than a chunk (the JDK's
 * GCM would buffer a whole part to check its tag). Each chunk's nonce is the part's random prefix and the chunk's
 * number, and its associated data the part's name and whether it is the last chunk: chunks cannot be reordered,
 * moved between parts, or cut off at the end without the check failing.
 */
final class Sealing {
    static final int CHUNK = 64 * 1024;
    private static final byte[] MAGIC = "ODSEAL01".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sealing() {
    }

    /** Raised when a chunk fails its check: the wrong key, or damaged or cut-off bytes. */
    static final class SealBroken extends IOException {
        SealBroken(String message) {
            super(message);
        }
    }

    static OutputStream seal(OutputStream out, byte[] key, String part) throws IOException {
        byte[] prefix = new byte[8];
        RANDOM.nextBytes(prefix);
        out.write(MAGIC);
        out.write(prefix);
        return new SealingStream(out, key, prefix, part);
    }

    static InputStream open(InputStream in, byte[] key, String part) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[MAGIC.length];
        byte[] prefix = new byte[8];
        try {
            data.readFully(magic);
            data.readFully(prefix);
        } catch (EOFException e) {
            throw new SealBroken("it ends before its first encrypted chunk");
        }
        if (!Arrays.equals(magic, MAGIC)) throw new SealBroken("it is not encrypted as a backup part");
        return new OpeningStream(data, key, prefix, part);
    }

    private static byte[] crypt(int mode, byte[] key, byte[] prefix, long chunk, String part, boolean last, byte[] in, int len)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt((int) chunk).array();
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(part.getBytes(StandardCharsets.UTF_8));
        cipher.updateAAD(new byte[] {(byte) (last ? 1 : 0)});
        return cipher.doFinal(in, 0, len);
    }

    private static final class SealingStream extends FilterOutputStream {
        private final byte[] key;
        private final byte[] prefix;
        private final String part;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private long chunk;
        private boolean closed;

        SealingStream(OutputStream out, byte[] key, byte[] prefix, String part) {
            super(out);
            this.key = key;
            this.prefix = prefix;
            this.part = part;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == CHUNK) emit(false);
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        /** A full buffer is written only once more bytes come, so the last chunk is always known as such. */
        private void emit(boolean last) throws IOException {
            try {
                byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, prefix, chunk++, part, last, buffer, filled);
                out.write(ByteBuffer.allocate(4).putInt(sealed.length).array());
                out.write(sealed);
                filled = 0;
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot encrypt the backup: " + e.getMessage(), e);
            }
        }

        /** Ends the sealed part (the last chunk) without closing the stream below, which the zip keeps writing to. */
        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            emit(true);
            out.flush();
        }
    }

    private static final class OpeningStream extends InputStream {
        private final DataInputStream in;
        private final byte[] key;
        private final byte[] prefix;
        private final String part;
        private byte[] plain = new byte[0];
        private int position;
        private long chunk;
        private boolean ended;

        OpeningStream(DataInputStream in, byte[] key, byte[] prefix, String part) {
            this.in = in;
            this.key = key;
            this.prefix = prefix;
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (position == plain.length) {
                if (ended) return -1;
                next();
            }
            int n = Math.min(len, plain.length - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        private void next() throws IOException {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                throw new SealBroken("it is cut off after " + chunk + " chunks");
            }
            if (length < 16 || length > CHUNK + 16) throw new SealBroken("chunk " + chunk + " has an impossible length");
            byte[] sealed = new byte[length];
            try {
                in.readFully(sealed);
            } catch (EOFException e) {
                throw new SealBroken("it is cut off in chunk " + chunk);
            }
            try {
                plain = crypt(Cipher.DECRYPT_MODE, key, prefix, chunk, part, false, sealed, length);
            } catch (GeneralSecurityException notLast) {
                try {
                    plain = crypt(Cipher.DECRYPT_MODE, key, prefix, chunk, part, true, sealed, length);
                    ended = true;
                } catch (GeneralSecurityException e) {
                    throw new SealBroken("chunk " + chunk + " fails its check (the key is wrong or the bytes were changed)");
                }
            }
            chunk++;
            position = 0;
            if (ended && in.read() >= 0) throw new SealBroken("it has bytes after its last chunk");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
