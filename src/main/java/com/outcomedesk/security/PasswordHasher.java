package com.outcomedesk.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (BouncyCastle) for password hashes and for the keys that wrap the store's data key.
 * Hashes are stored in the PHC string format, so the cost can be raised later without breaking old hashes.
 */
public class PasswordHasher {
    /** The OWASP password-storage recommendation for Argon2id: 19 MiB, 2 passes, 1 lane. */
    public static final PasswordHasher DEFAULT = new PasswordHasher(19_456, 2, 1);

    private static final SecureRandom RANDOM = new SecureRandom();
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** A new salted hash in PHC format: {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}. */
    public String hash(char[] password) {
        byte[] salt = randomBytes(16);
        byte[] hash = argon2(password, salt, memoryKib, iterations, parallelism, 32);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** True when the password matches the stored PHC hash; compares in constant time. */
    public boolean matches(char[] password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id")) {
            throw new IllegalArgumentException("Not an Argon2id hash");
        }
        int m = 0, t = 0, p = 0;
        for (String kv : parts[3].split(",")) {
            int value = Integer.parseInt(kv.substring(2));
            switch (kv.charAt(0)) {
                case 'm' -> m = value;
                case 't' -> t = value;
                case 'p' -> p = value;
                default -> throw new IllegalArgumentException("Unknown Argon2 parameter " + kv);
            }
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] salt = b64.decode(parts[4]);
        byte[] expected = b64.decode(parts[5]);
        byte[] actual = argon2(password, salt, m, t, p, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** A 256-bit key derived from the password with this hasher's cost. */
    public byte[] deriveKey(char[] password, byte[] salt) {
        return argon2(password, salt, memoryKib, iterations, parallelism, 32);
    }

    /**
     * The work a refused sign-in does instead of a check, at this hasher's cost, so that it takes as long as
     * one and tells nothing by its timing.
     */
    public void wasteACheck(char[] password) {
        argon2(password, randomBytes(16), memoryKib, iterations, parallelism, 32);
    }

    /** Every Argon2id derivation of a sign-in goes through here (tests count them). */
    byte[] argon2(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        return derive(password, salt, memoryKib, iterations, parallelism, length);
    }

    public int memoryKib() { return memoryKib; }
    public int iterations() { return iterations; }
    public int parallelism() { return parallelism; }

    private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] secret = utf8(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
