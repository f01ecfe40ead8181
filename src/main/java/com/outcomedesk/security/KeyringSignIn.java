package com.outcomedesk.security;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The password check of an encrypted store: unwrapping the user's copy of the data key. Every refusal reads
 * the same and costs the same (one Argon2id derivation at the keyring's cost, two keyring writes), whether the
 * name is unknown, the account is waiting or the password is wrong, so that neither the answer nor its timing
 * tells which names exist. The attempt is counted before its check, so the lockout holds for attempts made
 * at the same moment by several processes.
 */
public final class KeyringSignIn {
    private final Path file;
    private final PasswordHasher hasher;

    public KeyringSignIn(Path file, PasswordHasher hasher) {
        this.file = file;
        this.hasher = hasher;
    }

    /** The data key, or an {@link AuthenticationException} saying only that the sign-in failed. */
    public byte[] unlock(String user, char[] password, OffsetDateTime now) {
        record Reserved(Optional<Keyring.Entry> entry, Keyring.Entry cost) {
        }
        Reserved reserved = Keyring.update(file, k -> new Reserved(k.reserve(user, now), k.costOfACheck(user)));
        Optional<byte[]> key = Optional.empty();
        if (reserved.entry().isPresent()) {
            key = Keyring.unwrap(reserved.entry().get(), user, password, hasher);
        } else {
            Keyring.Entry cost = reserved.cost();
            hasher.argon2(password, PasswordHasher.randomBytes(16), cost.memoryKib, cost.iterations, cost.parallelism, 32);
        }
        boolean checkedAndWrong = reserved.entry().isPresent() && key.isEmpty();
        boolean right = key.isPresent();
        Keyring.update(file, k -> {
            if (checkedAndWrong) k.recordWrongPassword(user, now);
            if (right) k.resetFailures(user);
            return null;
        });
        return key.orElseThrow(() -> new AuthenticationException(AccountService.WRONG_CREDENTIALS));
    }

    /** Returns and forgets the failures recorded while the store was closed, for its audit trail. */
    public List<Keyring.PendingFailure> drainPendingFailures() {
        return Keyring.update(file, Keyring::drainPendingFailures);
    }
}
