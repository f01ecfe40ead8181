package com.outcomedesk.backup;

import com.outcomedesk.security.Keyring;
import com.outcomedesk.security.PasswordHasher;
import com.outcomedesk.security.StoreSecrets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The key a backup's parts are sealed with, and how the manifest says to get it again. A backup of an encrypted store
 * uses a key derived from the store's data key, so it opens with any user's password, as the store does; a backup of
 * a plain store is sealed only when a passphrase is given (Argon2id, at the sign-in's cost).
 */
public record BackupKey(BackupManifest.Encryption encryption, byte[] key) {
    private static final String CHECK = "outcome-desk backup key check";
    private static final String FROM_DATA_KEY = "outcome-desk backup";

    public static BackupKey none() {
        return new BackupKey(BackupManifest.Encryption.none(), null);
    }

    public static BackupKey passphrase(char[] passphrase) {
        PasswordHasher hasher = PasswordHasher.DEFAULT;
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] key = hasher.deriveKey(passphrase, salt);
        return new BackupKey(new BackupManifest.Encryption(BackupManifest.Encryption.PASSPHRASE, b64(salt),
                hasher.memoryKib(), hasher.iterations(), hasher.parallelism(), check(key)), key);
    }

    public static BackupKey store(byte[] dataKey) {
        byte[] key = StoreSecrets.derive(dataKey, FROM_DATA_KEY);
        return new BackupKey(new BackupManifest.Encryption(BackupManifest.Encryption.STORE, null, null, null, null,
                check(key)), key);
    }

    public boolean sealed() {
        return key != null;
    }

    /** What a user gives to open a sealed backup: a passphrase, or a user name and password of an encrypted store. */
    public record Unlock(char[] passphrase, String user, char[] password) {
        public static final Unlock NONE = new Unlock(null, null, null);

        public static Unlock passphrase(char[] passphrase) {
            return new Unlock(passphrase, null, null);
        }

        public static Unlock user(String user, char[] password) {
            return new Unlock(null, user, password);
        }
    }

    /** An opened backup's key and, for an encrypted store's backup, the data key its restored copy opens with. */
    record Opened(BackupKey key, Optional<byte[]> dataKey) {
    }

    /** The key of a backup, checked against its manifest; the keyring is the backup's own copy (for the "store" scheme). */
    static Opened open(BackupManifest.Encryption e, Unlock unlock, Optional<Path> keyring) {
        if (!e.sealed()) return new Opened(none(), Optional.empty());
        byte[] key;
        if (BackupManifest.Encryption.PASSPHRASE.equals(e.scheme())) {
            if (unlock.passphrase() == null || unlock.passphrase().length == 0) {
                throw new BackupException(BackupException.Reason.KEY_NEEDED, null,
                        "The backup is encrypted with a passphrase: give it to open the backup.");
            }
            key = new PasswordHasher(e.memoryKib(), e.iterations(), e.parallelism())
                    .deriveKey(unlock.passphrase(), Base64.getDecoder().decode(e.salt()));
            if (!sameCheck(check(key), e.check())) {
                throw new BackupException(BackupException.Reason.WRONG_KEY, null,
                        "The passphrase does not open this backup. Check it and try again.");
            }
        } else {
            if (unlock.user() == null || unlock.password() == null) {
                throw new BackupException(BackupException.Reason.KEY_NEEDED, null, "The backup is of an encrypted store: "
                        + "sign in as one of its users (with the password they had when the backup was made) to open it.");
            }
            if (keyring.isEmpty()) {
                throw new BackupException(BackupException.Reason.DAMAGED, BackupFiles.PREFIX + BackupFiles.KEYRING,
                        "The backup is of an encrypted store but holds no keyring; it cannot be opened.");
            }
            Optional<byte[]> dataKey = Keyring.load(keyring.get()).dataKey(unlock.user(), unlock.password(), PasswordHasher.DEFAULT);
            if (dataKey.isEmpty()) {
                throw new BackupException(BackupException.Reason.WRONG_KEY, null, "The user name or password does not open"
                        + " this backup: use an account of the store as it was when the backup was made.");
            }
            BackupKey opened = store(dataKey.get());
            if (!sameCheck(opened.encryption().check(), e.check())) {
                throw new BackupException(BackupException.Reason.DAMAGED, BackupFiles.PREFIX + BackupFiles.KEYRING,
                        "The backup's keyring does not belong to its data; the backup is damaged.");
            }
            return new Opened(opened, dataKey);
        }
        return new Opened(new BackupKey(e, key), Optional.empty());
    }

    private static String check(byte[] key) {
        return b64(StoreSecrets.derive(key, CHECK));
    }

    static boolean sameCheck(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
