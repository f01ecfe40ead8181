package com.outcomedesk.learn;

import com.outcomedesk.security.StoreSecrets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Model artifacts as stored in the database, format 6: numbers only (see {@link ModelBody}), signed with the
 * store's (or network's) model-signing key over the bytes and the version they belong to. Nothing is
 * deserialised into objects chosen by the data, the signature is checked before the body is inflated, and
 * the inflated body is read with size and depth limits, so a hostile artifact is refused at once.
 * <pre>
 * offset  size  field
 * 0       4     magic "ODMA"
 * 4       2     format version (6; 5, 4, 3 and 2 are still read)
 * 6       1     model kind (ModelBody.Kind code, for tools; the body repeats it)
 * 7       4     body length after inflating (at most MAX_BODY)
 * 11      4     N: gzip'd body length
 * 15      N     gzip(body)
 * 15+N    8     key id: the first 8 bytes of HMAC-SHA256(key, "model-signing key id")
 * 23+N    32    HMAC-SHA256(key, bytes 0..23+N || "outcome-desk model artifact\n" id "\n" number "\n" site)
 * </pre>
 * Format 3 is format 2 with the model's {@link ModelProvenance} at the end of the body; a format-2 artifact reads
 * as a model without provenance. Format 4 is format 3 with the featurizer version last; formats 2 and 3 read as
 * feature version 1. Format 5 is format 4 with each tree's cover counts (trees read from older formats have none and
 * are explained as before). Format 6 is format 5 with the patient-history version (older formats: none). The header's format version, which the signature covers, decides how the body
 * is read; the stored format column only has to name a format this code reads.
 * Format 1 (Java serialisation with a SHA-256 beside it) is not read at all: its checksum proves nothing to
 * someone who can write both, and re-signing it would bless whatever such a person wrote.
 */
public final class ArtifactCodec {
    public static final int FORMAT = 6;
    /** Format 6 without the patient-history version. */
    static final int WITHOUT_HISTORY = 5;
    /** Format 5 without the trees' cover counts. */
    static final int WITHOUT_COVER = 4;
    /** The first format whose trees carry cover counts. */
    static final int WITH_COVER = WITHOUT_HISTORY;
    /** Format 4 without the featurizer version (trained on feature version 1). */
    static final int WITHOUT_FEATURE_VERSION = 3;
    /** The oldest format still read: the same layout without provenance. */
    static final int WITHOUT_PROVENANCE = 2;
    static final int LEGACY_FORMAT = 1;
    static final int MAX_ARTIFACT = 64 << 20;
    static final int MAX_BODY = 128 << 20;
    private static final byte[] MAGIC = "ODMA".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 15, KEY_ID = 8, MAC = 32;

    private ArtifactCodec() {
    }

    /** Which model version an artifact belongs to: signed with it, so an artifact moved to another version fails. */
    public record Identity(UUID id, int version, String siteId) {
        byte[] bytes() {
            return ("outcome-desk model artifact\n" + id + "\n" + version + "\n" + siteId).getBytes(StandardCharsets.UTF_8);
        }
    }

    public static byte[] encode(TrainedModel model, Identity identity, byte[] key) {
        byte[] body = ModelBody.write(model);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot compress the model: " + e.getMessage(), e);
        }
        byte[] z = zipped.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(HEADER + z.length + KEY_ID + MAC);
        b.put(MAGIC).putShort((short) FORMAT).put((byte) ModelBody.kind(model.binary()).code).putInt(body.length)
                .putInt(z.length).put(z).put(keyId(key));
        b.put(mac(key, b.array(), HEADER + z.length + KEY_ID, identity));
        return b.array();
    }

    /** The same artifact signed with another key, for a site that adopts the network's key; refused if it does not verify now. */
    public static byte[] resign(byte[] artifact, Integer format, Identity identity, byte[] key, byte[] newKey)
            throws RefusedArtifactException {
        verify(artifact, format, identity, key);
        byte[] out = artifact.clone();
        int signed = out.length - MAC;
        System.arraycopy(keyId(newKey), 0, out, signed - KEY_ID, KEY_ID);
        System.arraycopy(mac(newKey, out, signed, identity), 0, out, signed, MAC);
        return out;
    }

    /** Decodes an artifact or says exactly why it is refused. */
    public static TrainedModel decode(byte[] bytes, Integer format, Identity identity, byte[] key) throws RefusedArtifactException {
        int zipped = verify(bytes, format, identity, key);
        int declared = ByteBuffer.wrap(bytes, 7, 4).getInt();
        if (declared < 0 || declared > MAX_BODY) {
            throw new RefusedArtifactException(Refusal.TOO_LARGE, "its body would inflate to more than " + (MAX_BODY >> 20) + " MiB");
        }
        return ModelBody.read(inflate(bytes, zipped, declared), ByteBuffer.wrap(bytes).getShort(4));
    }

    /**
     * Checks an artifact's envelope and signature without reading its body; returns the gzip'd body's length.
     * This is all a list of versions needs to say which ones would be refused.
     */
    public static int verify(byte[] bytes, Integer format, Identity identity, byte[] key) throws RefusedArtifactException {
        if (bytes == null || bytes.length == 0) throw new RefusedArtifactException(Refusal.MISSING, null);
        if (format != null && format == LEGACY_FORMAT) throw new RefusedArtifactException(Refusal.LEGACY, null);
        if (format == null || !readable(format)) throw new RefusedArtifactException(Refusal.UNKNOWN_FORMAT, "format " + format);
        if (bytes.length > MAX_ARTIFACT) {
            throw new RefusedArtifactException(Refusal.TOO_LARGE, "more than " + (MAX_ARTIFACT >> 20) + " MiB");
        }
        if (bytes.length < HEADER || !Arrays.equals(bytes, 0, 4, MAGIC, 0, 4)) {
            throw new RefusedArtifactException(Refusal.DAMAGED, "it is not an OutcomeDesk model artifact");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int version = b.getShort(4);
        if (!readable(version)) throw new RefusedArtifactException(Refusal.UNKNOWN_FORMAT, "format " + version);
        int zipped = b.getInt(11);
        if (zipped < 0 || zipped > bytes.length - HEADER) {
            throw new RefusedArtifactException(Refusal.DAMAGED, "its declared length does not match");
        }
        if (bytes.length == HEADER + zipped) throw new RefusedArtifactException(Refusal.UNSIGNED, null);
        if (bytes.length != HEADER + zipped + KEY_ID + MAC) {
            throw new RefusedArtifactException(Refusal.DAMAGED, "its declared length does not match");
        }
        int signed = HEADER + zipped + KEY_ID;
        if (!MessageDigest.isEqual(keyId(key), Arrays.copyOfRange(bytes, HEADER + zipped, signed))) {
            throw new RefusedArtifactException(Refusal.FOREIGN_KEY, null);
        }
        if (!MessageDigest.isEqual(mac(key, bytes, signed, identity), Arrays.copyOfRange(bytes, signed, bytes.length))) {
            throw new RefusedArtifactException(Refusal.BAD_SIGNATURE, null);
        }
        return zipped;
    }

    private static boolean readable(int format) {
        return format == FORMAT || format == WITHOUT_HISTORY || format == WITHOUT_COVER || format == WITHOUT_FEATURE_VERSION || format == WITHOUT_PROVENANCE;
    }

    /** The body, never more than it declared (a gzip bomb stops at the declared size and is refused). */
    private static byte[] inflate(byte[] bytes, int zipped, int declared) throws RefusedArtifactException {
        byte[] body = new byte[declared];
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes, HEADER, zipped))) {
            int n = in.readNBytes(body, 0, declared);
            if (n < declared) throw new RefusedArtifactException(Refusal.DAMAGED, "its body is shorter than declared");
            if (in.read() >= 0) throw new RefusedArtifactException(Refusal.TOO_LARGE, "its body is longer than declared");
            return body;
        } catch (IOException e) {
            throw new RefusedArtifactException(Refusal.DAMAGED, "its body does not inflate");
        }
    }

    /** Names the key without revealing it, so a site can tell "another key" from "tampered". */
    public static byte[] keyId(byte[] key) {
        return Arrays.copyOf(StoreSecrets.derive(key, "model-signing key id"), KEY_ID);
    }

    private static byte[] mac(byte[] key, byte[] bytes, int length, Identity identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(bytes, 0, length);
            return mac.doFinal(identity.bytes());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why an artifact is not used; {@link #label} is what lists and fallbacks show. */
    public enum Refusal {
        MISSING("the artifact is missing"),
        LEGACY("saved in the old Java-serialised format, which is no longer read: retrain the model"),
        UNKNOWN_FORMAT("unknown format version"),
        UNSIGNED("unsigned"),
        FOREIGN_KEY("signed with a key this site does not hold: import the network's signing key"),
        BAD_SIGNATURE("bad signature"),
        TOO_LARGE("too large"),
        TOO_DEEP("too deep"),
        DAMAGED("damaged");

        public final String label;

        Refusal(String label) {
            this.label = label;
        }
    }

    /** An artifact that must not be used; the message says why, never what it holds. */
    public static final class RefusedArtifactException extends Exception {
        private final Refusal refusal;

        public RefusedArtifactException(Refusal refusal, String detail) {
            super("refused: " + refusal.label + (detail == null ? "" : " (" + detail + ")"));
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }
}
