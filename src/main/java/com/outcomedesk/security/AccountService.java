package com.outcomedesk.security;

import com.outcomedesk.common.Role;
import com.outcomedesk.common.Actor;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.store.AccountRepository;
import com.outcomedesk.store.AccountRow;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.SignInAttempt;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * User accounts: sign-in checks with lockout, and the administrator's user management. Every change and
 * every sign-in attempt is audited. On an encrypted store each change of password or account also
 * re-wraps or removes that user's copy of the data key in the keyring.
 */
public final class AccountService {
    /**
     * The one answer to every failed sign-in: a wrong password, a name without an account and an account
     * waiting after too many failures read alike, so that nobody can learn which names exist.
     */
    public static final String WRONG_CREDENTIALS = "Wrong user name or password, or too many failed sign-ins: after "
            + LockoutPolicy.FREE_ATTEMPTS + " in a row an account waits 30 seconds (longer after each further failure) "
            + "before the next try.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    private final Database database;
    private final AccountRepository accounts;
    private final AuditTrail audit;
    private final ChangeStamper stamper;
    private final PasswordHasher hasher;

    public AccountService(Database database, AuditTrail audit, ChangeStamper stamper, PasswordHasher hasher) {
        this.database = database;
        this.accounts = new AccountRepository(database);
        this.audit = audit;
        this.stamper = stamper;
        this.hasher = hasher;
    }

    /** False for a store nobody has initialised: it runs without sign-in, as the local user. */
    public boolean hasAccounts() {
        return accounts.any();
    }

    public Optional<UserAccount> find(String name) {
        return accounts.find(name).map(AccountService::account);
    }

    /** All accounts (administrators only). */
    public List<UserAccount> list(Actor actor) {
        actor.requireAdministrator("list the user accounts");
        return accounts.all().stream().map(AccountService::account).toList();
    }

    /**
     * Checks a new account's name and password without touching the store, so that a refusal comes at once
     * (before the seconds a store takes to open) with the reason in words.
     */
    public static void checkNewAccount(String name, char[] password) {
        checkName(name);
        PasswordPolicy.check(name, password);
    }

    /** Creates the first administrator of a store that has no accounts yet. */
    public Actor createFirstAdministrator(String name, char[] password) {
        checkNewAccount(name, password);
        if (hasAccounts()) {
            throw new IllegalStateException("This store already has accounts; sign in as an administrator to add users.");
        }
        Actor admin = new Actor(name, Role.ADMINISTRATOR);
        insert(name, Role.ADMINISTRATOR, password, admin);
        audit.record(admin, "user-create", "user", name, "role=administrator; first administrator");
        return admin;
    }

    /** Adds an account (administrators only). */
    public UserAccount create(String name, Role role, char[] password, Actor actor) {
        actor.requireAdministrator("add users");
        checkName(name);
        PasswordPolicy.check(name, password);
        if (find(name).isPresent()) throw new IllegalArgumentException("A user named " + name + " already exists.");
        insert(name, role, password, actor);
        withKeyring(k -> k.put(name, password, dataKey(), hasher));
        audit.record(actor, "user-create", "user", name, "role=" + code(role));
        return find(name).orElseThrow();
    }

    /** Changes a role (administrators only); the last active administrator cannot be demoted. */
    public void changeRole(String name, Role role, Actor actor) {
        actor.requireAdministrator("change roles");
        UserAccount account = existing(name);
        if (account.role() == Role.ADMINISTRATOR && role != Role.ADMINISTRATOR) requireAnotherAdministrator(name);
        accounts.setRole(name, code(role));
        audit.record(actor, "user-role", "user", name, "role=" + code(role));
    }

    /** Sets a new password: users change their own, administrators anyone's. Re-wraps the data key. */
    public void changePassword(String name, char[] newPassword, Actor actor) {
        if (!actor.name().equals(name)) actor.requireAdministrator("change another user's password");
        existing(name);
        PasswordPolicy.check(name, newPassword);
        accounts.setPassword(name, hasher.hash(newPassword), stamper.now());
        withKeyring(k -> {
            k.put(name, newPassword, dataKey(), hasher);
            k.resetFailures(name);
        });
        audit.record(actor, "user-password", "user", name, actor.name().equals(name) ? "own password" : "reset");
    }

    /**
     * A signed-in user changes their own password: the current one first, so that nobody at an unattended
     * screen can take the account over. A wrong current password is audited and changes nothing.
     */
    public void changeOwnPassword(Actor actor, char[] currentPassword, char[] newPassword) {
        Optional<String> hash = accounts.passwordHash(actor.name());
        if (hash.isEmpty() || !hasher.matches(currentPassword, hash.get())) {
            audit.record(actor, "user-password-failed", "user", actor.name(), "wrong current password");
            throw new AuthenticationException("The current password is not right; type the password you sign in with.");
        }
        if (java.util.Arrays.equals(currentPassword, newPassword)) {
            throw new IllegalArgumentException("The new password is the same as the current one; choose a different one.");
        }
        changePassword(actor.name(), newPassword, actor);
    }

    /** Audits a sign-out from the desktop app. */
    public void signedOut(Actor actor) {
        audit.record(actor, "sign-out", "user", actor.name(), null);
    }

    /** Disables an account (administrators only) and removes its copy of the data key. */
    public void disable(String name, Actor actor) {
        actor.requireAdministrator("disable users");
        UserAccount account = existing(name);
        if (account.role() == Role.ADMINISTRATOR) requireAnotherAdministrator(name);
        accounts.disable(name);
        withKeyring(k -> k.remove(name));
        audit.record(actor, "user-disable", "user", name, null);
    }

    /**
     * Checks a password against the stored hash, with lockout. Used where the store is not file-encrypted
     * (PostgreSQL, or H2 without a keyring); an encrypted store checks the password by unwrapping its key.
     */
    public Actor authenticate(String name, char[] password) {
        if (!hasAccounts()) {
            throw new NoAccountsException();
        }
        Optional<String> hash = reserve(name, stamper.now());
        if (hash.isEmpty()) {
            hasher.wasteACheck(password);
            throw new AuthenticationException(WRONG_CREDENTIALS);
        }
        if (!hasher.matches(password, hash.get())) {
            signInFailed(name, "wrong password");
            throw new AuthenticationException(WRONG_CREDENTIALS);
        }
        return signedIn(name);
    }

    /**
     * Counts an attempt as failed before its password is checked (a right one then resets the count) and
     * returns the hash to check it against. The count moves by compare-and-set, so attempts made at the same
     * moment by any number of processes meet the lockout one after the other: beyond the free attempts they
     * are refused unchecked. Empty, and audited, when the name has no account or the account is waiting.
     */
    private Optional<String> reserve(String name, OffsetDateTime now) {
        while (true) {
            Optional<SignInAttempt> seen = accounts.attempt(name);
            if (seen.isEmpty()) {
                signInFailed(name, "unknown user");
                return Optional.empty();
            }
            SignInAttempt attempt = seen.get();
            if (LockoutPolicy.isLocked(attempt.lockedUntil(), now)) {
                signInFailed(name, "locked");
                return Optional.empty();
            }
            OffsetDateTime lockedUntil = LockoutPolicy.lockedUntil(attempt.failures() + 1, now);
            if (accounts.countFailure(name, attempt.failures(), lockedUntil)) return Optional.of(attempt.passwordHash());
        }
    }

    /** Completes a sign-in whose password was already proven (e.g. by unwrapping the data key). */
    public Actor signedIn(String name) {
        UserAccount account = find(name).orElseThrow(() -> {
            signInFailed(name, "no account");
            return new AuthenticationException(WRONG_CREDENTIALS);
        });
        if (account.disabled()) {
            signInFailed(name, "disabled");
            throw new AuthenticationException("The account " + name + " is disabled; ask an administrator.");
        }
        accounts.clearFailures(name);
        Actor actor = new Actor(name, account.role());
        audit.record(actor, "sign-in", "user", name, null);
        return actor;
    }

    /** Audits a failed sign-in; {@code details} says why, never the password tried. */
    public void signInFailed(String name, String reason) {
        audit.record(new Actor(name, Role.CLINICIAN), "sign-in-failed", "user", name, reason);
    }

    public static Role role(String code) {
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "clinician" -> Role.CLINICIAN;
            case "administrator", "admin" -> Role.ADMINISTRATOR;
            default -> throw new IllegalArgumentException("Unknown role '" + code + "': use clinician or administrator.");
        };
    }

    public static String code(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private void insert(String name, Role role, char[] password, Actor by) {
        OffsetDateTime now = stamper.now();
        accounts.insert(name, code(role), hasher.hash(password), now, by.name());
    }

    private UserAccount existing(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("No user named " + name + "."));
    }

    private void requireAnotherAdministrator(String name) {
        if (accounts.countActive(code(Role.ADMINISTRATOR), name) == 0) {
            throw new IllegalArgumentException(name + " is the only active administrator; make someone else "
                    + "administrator first.");
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A user name has 1 to 100 letters, digits, '.', '_', '@' or '-', "
                    + "starting with a letter or digit.");
        }
    }

    /** Applies a change to the keyring of an encrypted store; a store without one has nothing to update. */
    private void withKeyring(java.util.function.Consumer<Keyring> change) {
        EncryptedStore.keyringPath(database.location()).filter(Keyring::exists).ifPresent(path -> Keyring.update(path, k -> {
            change.accept(k);
            return null;
        }));
    }

    private byte[] dataKey() {
        return EncryptedStore.dataKey(database.location()).orElseThrow(() -> new IllegalStateException(
                "The store is encrypted but was opened without its key."));
    }

    private static UserAccount account(AccountRow row) {
        return new UserAccount(row.name(), role(row.role()), row.disabled(), row.failedAttempts(), row.lockedUntil(),
                row.passwordChangedAt(), row.createdAt(), row.createdBy());
    }
}
