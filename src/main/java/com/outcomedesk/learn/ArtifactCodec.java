package com.outcomedesk.learn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Model artifacts as stored in the database: gzip'd Java serialisation of a {@link TrainedModel}, with a
 * format version and a SHA-256 checksum verified before anything is deserialised. Deserialisation is
 * limited to the model's own classes, Smile and the JDK.
 */
public final class ArtifactCodec {
    public static final int FORMAT = 1;
    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;com.outcomedesk.learn.*;com.outcomedesk.text.*;smile.**;java.**;!*");

    private ArtifactCodec() {
    }

    public static byte[] encode(TrainedModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(bytes))) {
            out.writeObject(model);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise the model: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes an artifact or says exactly why it cannot be used. */
    public static TrainedModel decode(byte[] bytes, Integer format, String expectedSha256) throws CorruptArtifactException {
        if (bytes == null || bytes.length == 0) throw new CorruptArtifactException("the artifact is missing");
        if (format == null || format != FORMAT) {
            throw new CorruptArtifactException("artifact format " + format + " is not supported (this version reads format " + FORMAT + ")");
        }
        if (!sha256(bytes).equals(expectedSha256)) throw new CorruptArtifactException("the artifact fails its SHA-256 checksum");
        try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes)))) {
            in.setObjectInputFilter(FILTER);
            return (TrainedModel) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new CorruptArtifactException("the artifact is unreadable: " + e.getMessage());
        }
    }

    /** An artifact that must not be used; the message says why. */
    public static final class CorruptArtifactException extends Exception {
        public CorruptArtifactException(String message) {
            super(message);
        }
    }
}
