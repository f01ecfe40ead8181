package com.outcomedesk.security;

import com.outcomedesk.store.OwnerOnly;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.outcomedesk.store.StoreLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The store's own secret keys (audit-chain MAC, model signing), kept out of the database: someone who can
 * write the database (a PostgreSQL login, a copied H2 file) must not be able to forge what these keys
 * prove; so do the passwords it logs in elsewhere with (the sync server's). They live in one file beside the
 * store, {@code outcome-desk.secrets} (owner-only where the file system allows). For an encrypted store the file is AES-GCM sealed under a key derived from the data key,
 * so it is as useless without a user's password as the store; for an unencrypted store it is plain, which
 * protects against a database login but not against someone who can read the data directory. An
 * in-memory store gets keys that live as long as the process, as its data does.
 */
public final class StoreSecrets {
    /** What a key is for; each purpose has its own random 256-bit key. */
    public enum Purpose {
        AUDIT_CHAIN, MODEL_SIGNING
    }

    /** Named secrets (e.g. the sync server's password) are kept under this prefix, beside the purposes' keys. */
    private static final String NAMED = "secret:";
    private static final Map<String, StoreSecrets> IN_MEMORY = new java.util.concurrent.ConcurrentHashMap<>();

    private final Optional<Path> file;
    private final Optional<byte[]> sealingKey;
    /** What the file held when last read or written: name to Base64 value. */
    private final TreeMap<String, String> stored;

    private StoreSecrets(Optional<Path> file, Optional<byte[]> sealingKey, TreeMap<String, String> stored) {
        this.file = file;
        this.sealingKey = sealingKey;
        this.stored = stored;
    }

    /** The secrets of a store, created on first use. An encrypted store must be given unlocked. */
    public static StoreSecrets of(StoreLocation location) {
        Optional<Path> file = path(location);
        if (file.isEmpty()) return IN_MEMORY.computeIfAbsent(location.jdbcUrl(),
                url -> new StoreSecrets(Optional.empty(), Optional.empty(), new TreeMap<>()));
        Optional<byte[]> sealing = EncryptedStore.dataKey(location).map(StoreSecrets::sealingKey);
        return new StoreSecrets(file, sealing, read(file.get(), sealing));
    }

    /**
     * Seals the plain secrets file of a store that is being encrypted under its new data key; without this a store
     * used before its first administrator was created could not read its own keys once encrypted.
     */
    static void sealUnder(StoreLocation plain, byte[] dataKey) {
        Optional<Path> file = path(plain);
        if (file.isEmpty() || !Files.exists(file.get())) return;
        TreeMap<String, String> content = read(file.get(), Optional.empty());
        new StoreSecrets(file, Optional.of(sealingKey(dataKey)), content).save(file.get(), content);
    }

    private static byte[] sealingKey(byte[] dataKey) {
        return derive(dataKey, "outcome-desk store secrets");
    }

    /** Where the secrets file of a location lies: beside an H2 file, else in the data directory; empty in memory. */
    public static Optional<Path> path(StoreLocation location) {
        Optional<Path> db = location.databaseFile();
        if (db.isPresent()) return Optional.of(db.get().resolveSibling(db.get().getFileName() + ".secrets"));
        if (location.jdbcUrl().startsWith("jdbc:h2:mem:")) return Optional.empty();
        return Optional.of(location.home().resolve("outcome-desk.secrets"));
    }

    /** The key for a purpose, created and saved the first time it is asked for (by any process: the first wins). */
    public synchronized byte[] key(Purpose purpose) {
        String value = stored.get(purpose.name());
        if (value == null) {
            String fresh = b64(PasswordHasher.randomBytes(32));
            value = change(s -> s.putIfAbsent(purpose.name(), fresh)).get(purpose.name());
        }
        return Base64.getDecoder().decode(value);
    }

    /** Replaces a purpose's key, e.g. with the network's model-signing key brought from the server. */
    public synchronized void replace(Purpose purpose, byte[] key) {
        if (key.length < 32) throw new IllegalArgumentException("a key must have at least 256 bits");
        change(s -> s.put(purpose.name(), b64(key)));
    }

    /** A named secret, such as a password the store logs in to another system with, as the file holds it now. */
    public synchronized Optional<String> secret(String name) {
        file.ifPresent(f -> {
            stored.clear();
            stored.putAll(read(f, sealingKey));
        });
        return Optional.ofNullable(stored.get(NAMED + name))
                .map(v -> new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8));
    }

    /** Keeps a named secret; null or empty forgets it. */
    public synchronized void putSecret(String name, String value) {
        change(s -> {
            if (value == null || value.isEmpty()) s.remove(NAMED + name);
            else s.put(NAMED + name, b64(value.getBytes(StandardCharsets.UTF_8)));
        });
    }

    /** True when the file is sealed under the data key (an encrypted store), false when it is only owner-only. */
    public boolean sealed() {
        return sealingKey.isPresent();
    }

    /**
     * Applies a change to what the file holds now, under the file's lock, so that another instance or process
     * that added a key meanwhile keeps it.
     */
    private TreeMap<String, String> change(java.util.function.Consumer<TreeMap<String, String>> edit) {
        if (file.isEmpty()) {
            edit.accept(stored);
            return stored;
        }
        Path target = file.get();
        try {
            if (!Files.isDirectory(target.getParent())) OwnerOnly.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of the store's secrets file " + target + ": "
                    + e.getMessage(), e);
        }
        return FileLocks.exclusive(target, () -> {
            TreeMap<String, String> current = read(target, sealingKey);
            edit.accept(current);
            save(target, current);
            stored.clear();
            stored.putAll(current);
            return stored;
        });
    }

    /** HMAC-SHA256 of a label under a key: one key stretched into independent keys for separate uses. */
    public static byte[] derive(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static TreeMap<String, String> read(Path file, Optional<byte[]> sealing) {
        if (!Files.exists(file)) return new TreeMap<>();
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (sealing.isPresent()) bytes = seal(Cipher.DECRYPT_MODE, sealing.get(), bytes);
            TreeMap<String, String> stored = parse(bytes);
            stored.forEach((name, value) -> {
                if (!name.startsWith(NAMED)) Purpose.valueOf(name);
                Base64.getDecoder().decode(value);
            });
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the store's secrets file " + file + " (" + e.getMessage()
                    + "). Restore it from the backup taken with the store.", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The store's secrets file " + file + " is damaged or belongs to another"
                    + " store. Restore it from the backup taken with the store.", e);
        }
    }

    /**
     * The file's flat JSON object of names to text, read with the streaming parser: reading a key is on the path of
     * every command, and the data-binding mapper would load hundreds of classes for it. A repeated name keeps the last.
     */
    private static TreeMap<String, String> parse(byte[] bytes) throws IOException {
        TreeMap<String, String> stored = new TreeMap<>();
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new JsonParseException(p, "not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_STRING) throw new JsonParseException(p, name + " is not text");
                stored.put(name, p.getText());
            }
            if (p.currentToken() != JsonToken.END_OBJECT) throw new JsonParseException(p, "the object is not closed");
        }
        return stored;
    }

    private void save(Path target, TreeMap<String, String> content) {
        try {
            byte[] bytes = Keyring.Json.MAPPER.writeValueAsBytes(content);
            if (sealingKey.isPresent()) bytes = seal(Cipher.ENCRYPT_MODE, sealingKey.get(), bytes);
            FileLocks.replace(target, bytes);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the store's secrets file " + target + ": " + e.getMessage(), e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** AES-256-GCM; the 12-byte nonce is written before the sealed bytes. */
    private static byte[] seal(int mode, byte[] key, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        if (mode == Cipher.ENCRYPT_MODE) {
            byte[] nonce = PasswordHasher.randomBytes(12);
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(input);
            byte[] out = new byte[12 + sealed.length];
            System.arraycopy(nonce, 0, out, 0, 12);
            System.arraycopy(sealed, 0, out, 12, sealed.length);
            return out;
        }
        if (input.length < 12 + 16) throw new GeneralSecurityException("too short");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, input, 0, 12));
        return cipher.doFinal(input, 12, input.length - 12);
    }
}
