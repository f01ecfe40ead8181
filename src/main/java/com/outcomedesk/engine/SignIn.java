package com.outcomedesk.engine;

import com.outcomedesk.security.AccountService;
import com.outcomedesk.common.Actor;
import com.outcomedesk.security.EncryptedStore;
import com.outcomedesk.security.Keyring;
import com.outcomedesk.security.KeyringSignIn;
import com.outcomedesk.security.PasswordHasher;
import com.outcomedesk.security.SignInRequiredException;
import com.outcomedesk.store.AccountRepository;
import com.outcomedesk.store.StoreLocation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Opening a store as a user. An encrypted H2 store is unlocked with the user's own copy of the data key
 * (a wrong password cannot unwrap it, so nothing is opened); other stores check the password hash.
 * Either way the attempt is audited and repeated failures lock the account for a growing time.
 */
public final class SignIn {
    private SignIn() {
    }

    /** An engine and the user it acts for. Closing it closes the engine. */
    public record Session(Engine engine, Actor actor) implements AutoCloseable {
        @Override
        public void close() {
            engine.close();
        }
    }

    /**
     * True once the store has an administrator: the desktop app then asks for a sign-in, not a setup. Read over a
     * plain connection rather than by starting the engine, so the sign-in screen does not wait for two starts.
     */
    public static boolean hasAccounts(StoreLocation location) {
        EncryptedStore.requireKeyring(location);
        if (EncryptedStore.isEncrypted(location)) return true;
        return AccountRepository.anyIn(location);
    }

    /**
     * Loads and compiles what a sign-in runs (Argon2id, Flyway, Hibernate) on a throwaway in-memory store, so that the
     * sign-in itself does not pay for a cold start: measured here, 8.7 s cold against 3.5 s after this. The desktop
     * app calls it in the background while the sign-in screen waits for the user to type.
     */
    public static void warmUp() {
        PasswordHasher.DEFAULT.deriveKey("warm-up".toCharArray(), new byte[16]);
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"));
        try (Engine engine = Engine.open(new StoreLocation(scratch, "jdbc:h2:mem:warm-up-" + java.util.UUID.randomUUID(),
                null, null))) {
            engine.accounts().hasAccounts();
            engine.database().startEntities();
        }
    }

    /** Opens a store that has no accounts, acting as the local user; refuses a store that has accounts. */
    public static Session withoutAccounts(StoreLocation location) {
        EncryptedStore.requireKeyring(location);
        if (EncryptedStore.isEncrypted(location)) throw new SignInRequiredException();
        Engine engine = Engine.open(location);
        if (engine.accounts().hasAccounts()) {
            engine.close();
            throw new SignInRequiredException();
        }
        return new Session(engine, Actor.localUser());
    }

    public static Session signIn(StoreLocation location, String user, char[] password) {
        return signIn(location, user, password, Clock.systemUTC());
    }

    public static Session signIn(StoreLocation location, String user, char[] password, Clock clock) {
        Optional<Path> keyring = EncryptedStore.keyringPath(location).filter(Keyring::exists);
        if (keyring.isPresent()) return signInEncrypted(location, keyring.get(), user, password, clock);
        EncryptedStore.requireKeyring(location);
        Engine engine = Engine.open(location, clock);
        try {
            return new Session(engine, engine.accounts().authenticate(user, password));
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    private static Session signInEncrypted(StoreLocation location, Path file, String user, char[] password,
                                           Clock clock) {
        KeyringSignIn keyring = new KeyringSignIn(file, PasswordHasher.DEFAULT);
        byte[] key = keyring.unlock(user, password, OffsetDateTime.now(clock));
        StoreLocation unlocked = EncryptedStore.unlocked(location, key);
        AccountRepository.requireAccountsIn(unlocked);
        Engine engine = Engine.open(unlocked, clock);
        try {
            for (Keyring.PendingFailure f : keyring.drainPendingFailures()) {
                engine.accounts().signInFailed(f.user(), f.reason() + " at " + f.at());
            }
            return new Session(engine, engine.accounts().signedIn(user));
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /**
     * First start: creates the administrator of a store without accounts. An H2 file store is then
     * encrypted with a new random data key, wrapped for the administrator in the keyring beside it.
     * The name and password are checked first: opening a new store (migrations, Hibernate) takes seconds.
     */
    public static void initialize(StoreLocation location, String admin, char[] password) {
        AccountService.checkNewAccount(admin, password);
        if (EncryptedStore.isEncrypted(location)) {
            throw new IllegalStateException("This store already has accounts; sign in as an administrator to add users.");
        }
        try (Engine engine = Engine.open(location)) {
            engine.accounts().createFirstAdministrator(admin, password);
        }
        EncryptedStore.encrypt(location, admin, password, PasswordHasher.DEFAULT);
    }
}
