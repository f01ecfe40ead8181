package com.outcomedesk.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.outcomedesk.store.StoreLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.EnumMap;
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
 * prove. They live in one file beside the store, {@code outcome-desk.secrets} (owner-only where the file
 * system allows). For an encrypted store the file is AES-GCM sealed under a key derived from the data key,
 * so it is as useless without a user's password as the store; for an unencrypted store it is plain, which
 * protects against a database login but not against someone who can read the data directory. An
 * in-memory store gets keys that live as long as the process, as its data does.
 */
public final class StoreSecrets {
    /** What a key is for; each purpose has its own random 256-bit key. */
    public enum Purpose {
        AUDIT_CHAIN, MODEL_SIGNING
    }

    private static final Map<String, StoreSecrets> IN_MEMORY = new java.util.concurrent.ConcurrentHashMap<>();

    private final Optional<Path> file;
    private final Optional<byte[]> sealingKey;
    private final EnumMap<Purpose, byte[]> keys;

    private StoreSecrets(Optional<Path> file, Optional<byte[]> sealingKey, EnumMap<Purpose, byte[]> keys) {
        this.file = file;
        this.sealingKey = sealingKey;
        this.keys = keys;
    }

    /** The secrets of a store, created on first use. An encrypted store must be given unlocked. */
    public static StoreSecrets of(StoreLocation location) {
        Optional<Path> file = path(location);
        if (file.isEmpty()) return IN_MEMORY.computeIfAbsent(location.jdbcUrl(),
                url -> new StoreSecrets(Optional.empty(), Optional.empty(), new EnumMap<>(Purpose.class)));
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
        new StoreSecrets(file, Optional.of(sealingKey(dataKey)), read(file.get(), Optional.empty())).save(file.get());
    }

    private static byte[] sealingKey(byte[] dataKey) {
        return derive(dataKey, "outcome-desk store secrets");
    }

    /** Where the secrets file of a location lies: beside an H2 file, else in the data directory; empty in memory. */
    public static Optional<Path> path(StoreLocation location) {
        Optional<Path> db = EncryptedStore.databasePath(location);
        if (db.isPresent()) return Optional.of(db.get().resolveSibling(db.get().getFileName() + ".secrets"));
        if (location.jdbcUrl().startsWith("jdbc:h2:mem:")) return Optional.empty();
        return Optional.of(location.home().resolve("outcome-desk.secrets"));
    }

    /** The key for a purpose, created and saved the first time it is asked for. */
    public synchronized byte[] key(Purpose purpose) {
        byte[] key = keys.get(purpose);
        if (key == null) {
            key = PasswordHasher.randomBytes(32);
            keys.put(purpose, key);
            file.ifPresent(this::save);
        }
        return key.clone();
    }

    /** Replaces a purpose's key, e.g. with the network's model-signing key brought from the server. */
    public synchronized void replace(Purpose purpose, byte[] key) {
        if (key.length < 32) throw new IllegalArgumentException("a key must have at least 256 bits");
        keys.put(purpose, key.clone());
        file.ifPresent(this::save);
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

    private static EnumMap<Purpose, byte[]> read(Path file, Optional<byte[]> sealing) {
        EnumMap<Purpose, byte[]> keys = new EnumMap<>(Purpose.class);
        if (!Files.exists(file)) return keys;
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (sealing.isPresent()) bytes = seal(Cipher.DECRYPT_MODE, sealing.get(), bytes);
            Map<String, String> stored = Keyring.MAPPER.readValue(bytes, new TypeReference<TreeMap<String, String>>() { });
            stored.forEach((name, value) -> keys.put(Purpose.valueOf(name), Base64.getDecoder().decode(value)));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the store's secrets file " + file + " (" + e.getMessage()
                    + "). Restore it from the backup taken with the store.", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The store's secrets file " + file + " is damaged or belongs to another"
                    + " store. Restore it from the backup taken with the store.", e);
        }
    }

    private void save(Path target) {
        TreeMap<String, String> stored = new TreeMap<>();
        keys.forEach((purpose, key) -> stored.put(purpose.name(), Base64.getEncoder().encodeToString(key)));
        Path temp = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            byte[] bytes = Keyring.MAPPER.writeValueAsBytes(stored);
            if (sealingKey.isPresent()) bytes = seal(Cipher.ENCRYPT_MODE, sealingKey.get(), bytes);
            Files.createDirectories(target.getParent());
            OwnerOnly.createFile(temp);
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the store's secrets file " + target + ": " + e.getMessage(), e);
        }
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
