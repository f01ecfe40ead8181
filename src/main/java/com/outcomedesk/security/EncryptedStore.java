package com.outcomedesk.security;

import com.outcomedesk.store.StoreException;
import com.outcomedesk.store.StoreFiles;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.store.Vendor;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import org.h2.tools.ChangeFileEncryption;

/**
 * H2 file encryption (CIPHER=AES) for the embedded store. H2 takes the file key as the first word of
 * the connection password ("filekey userpassword"), so an unlocked location carries it the same way a
 * server location carries its password. The trace file is switched off: it could hold statement text.
 */
public final class EncryptedStore {
    private static final String OPTIONS = ";CIPHER=AES;TRACE_LEVEL_FILE=0";
    private static final byte[] ENCRYPTED_MAGIC = "H2encrypt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private EncryptedStore() {
    }

    /** The keyring file beside the database file, or empty where file encryption does not apply. */
    public static Optional<Path> keyringPath(StoreLocation location) {
        return location.databaseFile().map(p -> p.resolveSibling(p.getFileName() + ".keyring"));
    }

    /**
     * Refuses an embedded store whose file is encrypted (H2 starts such files with "H2encrypt") while no keyring
     * lies beside it: opened as a plain store it would fail with "store header is corrupt", which misleads.
     */
    public static void requireKeyring(StoreLocation location) {
        Optional<Path> keyring = keyringPath(location);
        if (keyring.isEmpty() || Keyring.exists(keyring.get())) return;
        Path db = location.databaseFile().orElseThrow();
        Path file = db.resolveSibling(db.getFileName() + ".mv.db");
        byte[] start = new byte[ENCRYPTED_MAGIC.length];
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            if (in.readNBytes(start, 0, start.length) < start.length || !java.util.Arrays.equals(start, ENCRYPTED_MAGIC)) return;
        } catch (java.io.IOException e) {
            return;
        }
        throw new StoreException(StoreException.Reason.KEYRING_MISSING, location.displayName(), keyring.get().toString(),
                "The store in " + location.displayName() + " is encrypted, but its keyring " + keyring.get().getFileName()
                        + " is missing from beside it: put back the keyring from the backup taken with the store"
                        + " (without it nobody can read the store).", null);
    }

    /** True when the store's files are encrypted, i.e. a keyring lies beside them. */
    public static boolean isEncrypted(StoreLocation location) {
        return keyringPath(location).map(Keyring::exists).orElse(false);
    }

    /** The location that opens the encrypted files with the data key. */
    public static StoreLocation unlocked(StoreLocation location, byte[] dataKey) {
        String userPassword = location.password() == null ? "" : location.password();
        return new StoreLocation(location.home(), location.jdbcUrl() + OPTIONS, location.user(),
                HexFormat.of().formatHex(dataKey) + " " + userPassword);
    }

    /** The data key of an unlocked location, or empty when the store is not encrypted. */
    public static Optional<byte[]> dataKey(StoreLocation location) {
        if (!location.jdbcUrl().contains(OPTIONS) || location.password() == null) return Optional.empty();
        String password = location.password();
        int space = password.indexOf(' ');
        return Optional.of(HexFormat.of().parseHex(space >= 0 ? password.substring(0, space) : password));
    }

    /**
     * Encrypts a closed H2 file store with a new random data key, wrapped for its first user. The keyring
     * is written first: were it written after, a failure in between would leave files nobody can open.
     * Stores that are not H2 files are left as they are (PostgreSQL: use TLS and the server's encryption).
     */
    public static void encrypt(StoreLocation location, String user, char[] password, PasswordHasher hasher) {
        Optional<Path> path = keyringPath(location);
        if (path.isEmpty()) return;
        byte[] key = newDataKey();
        Keyring keyring = Keyring.create(path.get());
        keyring.put(user, password, key, hasher);
        keyring.save();
        try {
            encryptFiles(location, key);
        } catch (RuntimeException e) {
            try {
                java.nio.file.Files.deleteIfExists(path.get());
            } catch (java.io.IOException ignored) {
                // the encryption failure is the one to report
            }
            throw e;
        }
        // After the point of no return: the files are encrypted, and their keyring must stay.
        StoreSecrets.sealUnder(location, key);
    }

    /** Encrypts the closed database files in place with the data key. */
    static void encryptFiles(StoreLocation location, byte[] dataKey) {
        Path db = location.databaseFile().orElseThrow(() -> new IllegalArgumentException(
                "Only an H2 file store can be encrypted: " + location.displayName()));
        try {
            ChangeFileEncryption.execute(db.getParent().toString(), db.getFileName().toString(), "AES", null,
                    HexFormat.of().formatHex(dataKey).toCharArray(), true);
            StoreFiles.secure(location);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot encrypt the store " + db + ": " + e.getMessage(), e);
        }
    }

    /** A new random 256-bit data key. */
    static byte[] newDataKey() {
        return PasswordHasher.randomBytes(32);
    }
}
