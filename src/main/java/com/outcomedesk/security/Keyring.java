package com.outcomedesk.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The file beside an encrypted H2 store that holds its data key, once per user, wrapped with AES-GCM
 * under a key derived (Argon2id) from that user's password. It also keeps the failed-sign-in counts,
 * because they must be checked before the store can be opened. The file holds no plain key. Several
 * processes may sign in at once, so every change is a read-modify-write under {@link #update}.
 */
public final class Keyring {
    /** The mapper, in a holder so that asking whether a keyring exists does not start Jackson's data binding. */
    static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);

        private Json() {
        }
    }

    /** One user's wrapped copy of the data key and their sign-in failure state. */
    public static final class Entry {
        public int memoryKib;
        public int iterations;
        public int parallelism;
        public String salt;
        public String nonce;
        public String wrappedKey;
        public int failures;
        public OffsetDateTime lockedUntil;
    }

    /** A failed sign-in seen before the store could be opened; moved into the audit trail at the next sign-in. */
    public record PendingFailure(String user, OffsetDateTime at, String reason) {
    }

    /**
     * Failed sign-ins with names that have no entry, counted together: one entry per tried name would let
     * anyone grow the file at will and would keep the names tried.
     */
    public static final class UnknownNames {
        public long attempts;
        public OffsetDateTime first;
        public OffsetDateTime last;
    }

    /** Stands for every name without an entry in the audit trail. */
    public static final String UNKNOWN_USER = "(unknown user)";

    /** The file's content. */
    public static final class Content {
        public int version = 1;
        public TreeMap<String, Entry> users = new TreeMap<>();
        public List<PendingFailure> pendingFailures = new ArrayList<>();
        public UnknownNames unknownNames;
    }

    private final Path file;
    private final Content content;

    private Keyring(Path file, Content content) {
        this.file = file;
        this.content = content;
    }

    public static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    public static Keyring load(Path file) {
        try {
            return new Keyring(file, Json.MAPPER.readValue(file.toFile(), Content.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the keyring " + file + ": " + e.getMessage(), e);
        }
    }

    public static Keyring create(Path file) {
        return new Keyring(file, new Content());
    }

    /**
     * Loads the keyring, applies a change and saves it, holding the keyring's lock throughout, so that
     * changes made at the same moment by other threads or processes are neither lost nor interleaved.
     */
    public static <T> T update(Path file, Function<Keyring, T> change) {
        return FileLocks.exclusive(file, () -> {
            Keyring keyring = load(file);
            T result = change.apply(keyring);
            keyring.save();
            return result;
        });
    }

    public Path file() {
        return file;
    }

    public Optional<Entry> entry(String user) {
        return Optional.ofNullable(content.users.get(user));
    }

    /** Wraps the data key for a user under their password, replacing any earlier copy. */
    public void put(String user, char[] password, byte[] dataKey, PasswordHasher hasher) {
        Entry e = new Entry();
        e.memoryKib = hasher.memoryKib();
        e.iterations = hasher.iterations();
        e.parallelism = hasher.parallelism();
        byte[] salt = PasswordHasher.randomBytes(16);
        byte[] nonce = PasswordHasher.randomBytes(12);
        byte[] kek = hasher.deriveKey(password, salt);
        e.salt = b64(salt);
        e.nonce = b64(nonce);
        try {
            e.wrappedKey = b64(gcm(Cipher.ENCRYPT_MODE, kek, nonce, user, dataKey));
        } catch (AEADBadTagException impossible) {
            throw new IllegalStateException("encryption does not check a tag", impossible);
        }
        content.users.put(user, e);
    }

    /**
     * The data key of an entry read earlier (see {@link #reserve}), or empty when the password does not unwrap
     * it (the GCM tag does not match); one Argon2id derivation at the entry's cost.
     */
    static Optional<byte[]> unwrap(Entry e, String user, char[] password, PasswordHasher hasher) {
        byte[] kek = hasher.argon2(password, unb64(e.salt), e.memoryKib, e.iterations, e.parallelism, 32);
        try {
            return Optional.of(gcm(Cipher.DECRYPT_MODE, kek, unb64(e.nonce), user, unb64(e.wrappedKey)));
        } catch (AEADBadTagException wrongPassword) {
            return Optional.empty();
        }
    }

    /**
     * The data key as the user's password unwraps it from this copy of a keyring, or empty when it does not: for a
     * keyring that is not a store's live one (a backup's), where a failure is not counted.
     */
    public Optional<byte[]> dataKey(String user, char[] password, PasswordHasher hasher) {
        Entry e = content.users.get(user);
        if (e == null) {
            hasher.wasteACheck(password);
            return Optional.empty();
        }
        return unwrap(e, user, password, hasher);
    }

    public void remove(String user) {
        content.users.remove(user);
    }

    public List<String> users() {
        return List.copyOf(content.users.keySet());
    }

    /**
     * Counts an attempt as failed before its password is checked, and returns the entry to check it against;
     * a right password then resets the count. Attempts made at the same moment thus meet the lockout one
     * after the other: beyond the free attempts they are refused without being checked. Empty when refused:
     * the name has no entry, or the account is waiting (which is audited but does not extend the wait).
     */
    Optional<Entry> reserve(String user, OffsetDateTime at) {
        Entry e = content.users.get(user);
        if (e == null) {
            UnknownNames unknown = content.unknownNames == null ? new UnknownNames() : content.unknownNames;
            if (unknown.first == null) unknown.first = at;
            unknown.last = at;
            unknown.attempts++;
            content.unknownNames = unknown;
            return Optional.empty();
        }
        if (LockoutPolicy.isLocked(e.lockedUntil, at)) {
            content.pendingFailures.add(new PendingFailure(user, at, "locked"));
            return Optional.empty();
        }
        e.failures++;
        e.lockedUntil = LockoutPolicy.lockedUntil(e.failures, at);
        return Optional.of(e);
    }

    /** Records for the audit trail that a reserved attempt's password was wrong; it is counted already. */
    void recordWrongPassword(String user, OffsetDateTime at) {
        content.pendingFailures.add(new PendingFailure(user, at, "wrong password"));
    }

    /**
     * The cost a refused attempt pays as well, so that no answer comes sooner than a real check: that of the
     * user's own entry, or for a name without one that of another entry.
     */
    Entry costOfACheck(String user) {
        Entry own = content.users.get(user);
        if (own != null) return own;
        return content.users.values().stream().findFirst().orElseGet(() -> {
            Entry e = new Entry();
            e.memoryKib = PasswordHasher.DEFAULT.memoryKib();
            e.iterations = PasswordHasher.DEFAULT.iterations();
            e.parallelism = PasswordHasher.DEFAULT.parallelism();
            return e;
        });
    }

    public void resetFailures(String user) {
        Entry e = content.users.get(user);
        if (e != null) {
            e.failures = 0;
            e.lockedUntil = null;
        }
    }

    /** Returns and forgets the failures recorded while the store was closed. */
    public List<PendingFailure> drainPendingFailures() {
        List<PendingFailure> drained = new ArrayList<>(content.pendingFailures);
        UnknownNames unknown = content.unknownNames;
        if (unknown != null) {
            drained.add(new PendingFailure(UNKNOWN_USER, unknown.last, "unknown user; " + unknown.attempts
                    + (unknown.attempts == 1 ? " attempt" : " attempts, the first at " + unknown.first + ", the last")));
        }
        content.pendingFailures.clear();
        content.unknownNames = null;
        return List.copyOf(drained);
    }

    /**
     * Writes an owner-only file beside the keyring and moves it into place, so a crash never leaves half a
     * keyring; the temporary name is this process's own, so writers never share one.
     */
    public void save() {
        FileLocks.exclusive(file, () -> {
            try {
                FileLocks.replace(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the keyring " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /** AES-256-GCM with the user name as associated data, so an entry cannot be moved to another user. */
    private static byte[] gcm(int mode, byte[] key, byte[] nonce, String user, byte[] input)
            throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(user.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime: " + e.getMessage(), e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s);
    }
}
