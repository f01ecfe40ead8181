package com.outcomedesk.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/** User accounts: who may sign in, with which role, password hash and lockout counter. */
public final class AccountRepository {
    private static final String COLUMNS = "user_name, role, disabled, failed_attempts, locked_until, "
            + "password_changed_at, created_at, created_by";

    private final Database database;

    public AccountRepository(Database database) {
        this.database = database;
    }

    /**
     * Whether a store has accounts, read over a plain connection without migrating or starting anything (a store
     * without the table has none).
     */
    public static boolean anyIn(StoreLocation location) {
        Properties credentials = new Properties();
        if (location.user() != null) credentials.setProperty("user", location.user());
        if (location.password() != null) credentials.setProperty("password", location.password());
        StoreFiles.secureBeforeOpening(location);  // H2 creates a missing store on connecting
        try (Connection c = DriverManager.getConnection(location.jdbcUrl(), credentials); Handle h = Database.jdbiOver(c)) {
            StoreFiles.secure(location);
            long tables = h.createQuery("SELECT COUNT(*) FROM information_schema.tables WHERE "
                            + "LOWER(table_name) = 'user_accounts' AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)")
                    .mapTo(long.class).one();
            return tables > 0 && count(h) > 0;
        } catch (SQLException | JdbiException e) {
            throw Database.cannotOpen(location, e);
        }
    }

    /**
     * For an encrypted H2 store whose data key the password unwrapped: refuses it as damaged when it holds no account.
     * Every encrypted store has its administrator, so none means H2 could read none of its blocks; it would then open
     * the file as a new, empty store (and cut it short), and the sign-in would fail as a wrong password. Read-only, so
     * the check writes nothing to the file.
     */
    public static void requireAccountsIn(StoreLocation unlocked) {
        StoreLocation readOnly = new StoreLocation(unlocked.home(), unlocked.jdbcUrl() + ";ACCESS_MODE_DATA=r",
                unlocked.user(), unlocked.password());
        boolean holdsAccounts;
        try {
            holdsAccounts = anyIn(readOnly);
        } catch (StoreException e) {
            // Finding no block it can read, H2 starts the file afresh, which read-only it may not.
            if (refusedAsReadOnly(e)) throw StoreFailures.damaged(unlocked, null, e);
            throw e;
        }
        if (!holdsAccounts) throw StoreFailures.damaged(unlocked, null, null);
    }

    private static boolean refusedAsReadOnly(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == org.h2.api.ErrorCode.DATABASE_IS_READ_ONLY) return true;
        }
        return false;
    }

    public boolean any() {
        return database.jdbi(h -> count(h) > 0);
    }

    public Optional<AccountRow> find(String name) {
        return database.jdbi(h -> h.createQuery("SELECT " + COLUMNS + " FROM user_accounts WHERE user_name = :name")
                .bind("name", name).map(AccountRepository::account).findOne());
    }

    public List<AccountRow> all() {
        return database.jdbi(h -> h.createQuery("SELECT " + COLUMNS + " FROM user_accounts ORDER BY user_name")
                .map(AccountRepository::account).list());
    }

    /** Active accounts with this role other than {@code name}. */
    public long countActive(String role, String excludingName) {
        return database.jdbi(h -> h.createQuery("SELECT COUNT(*) FROM user_accounts "
                        + "WHERE role = :role AND disabled = FALSE AND user_name <> :name")
                .bind("role", role).bind("name", excludingName).mapTo(long.class).one());
    }

    public void insert(String name, String role, String passwordHash, OffsetDateTime at, String createdBy) {
        database.jdbi(h -> h.createUpdate("INSERT INTO user_accounts (user_name, role, password_hash, "
                        + "password_changed_at, created_at, created_by) VALUES (:name, :role, :hash, :at, :at, :by)")
                .bind("name", name).bind("role", role).bind("hash", passwordHash).bind("at", at).bind("by", createdBy)
                .execute());
    }

    public void setRole(String name, String role) {
        database.jdbi(h -> h.createUpdate("UPDATE user_accounts SET role = :role WHERE user_name = :name")
                .bind("role", role).bind("name", name).execute());
    }

    /** A new password hash also clears the lockout counter. */
    public void setPassword(String name, String passwordHash, OffsetDateTime changedAt) {
        database.jdbi(h -> h.createUpdate("UPDATE user_accounts SET password_hash = :hash, password_changed_at = :at, "
                        + "failed_attempts = 0, locked_until = NULL WHERE user_name = :name")
                .bind("hash", passwordHash).bind("at", changedAt).bind("name", name).execute());
    }

    public void disable(String name) {
        database.jdbi(h -> h.createUpdate("UPDATE user_accounts SET disabled = TRUE WHERE user_name = :name")
                .bind("name", name).execute());
    }

    public Optional<String> passwordHash(String name) {
        return database.jdbi(h -> h.createQuery("SELECT password_hash FROM user_accounts WHERE user_name = :name")
                .bind("name", name).mapTo(String.class).findOne());
    }

    public Optional<SignInAttempt> attempt(String name) {
        return database.jdbi(h -> h.createQuery(
                        "SELECT password_hash, failed_attempts, locked_until FROM user_accounts WHERE user_name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new SignInAttempt(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class)))
                .findOne());
    }

    /**
     * Moves the lockout counter from {@code seen} to {@code seen + 1} by compare-and-set: false when another attempt
     * moved it first, so that attempts made at the same moment by any number of processes meet it one after the other.
     */
    public boolean countFailure(String name, int seen, OffsetDateTime lockedUntil) {
        return database.jdbi(h -> h.createUpdate("UPDATE user_accounts SET failed_attempts = :failures, "
                        + "locked_until = :lockedUntil WHERE user_name = :name AND failed_attempts = :seen")
                .bind("failures", seen + 1).bindByType("lockedUntil", lockedUntil, OffsetDateTime.class).bind("name", name).bind("seen", seen)
                .execute()) == 1;
    }

    public void clearFailures(String name) {
        database.jdbi(h -> h.createUpdate("UPDATE user_accounts SET failed_attempts = 0, locked_until = NULL "
                + "WHERE user_name = :name").bind("name", name).execute());
    }

    private static long count(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM user_accounts").mapTo(long.class).one();
    }

    private static AccountRow account(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AccountRow(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
                rs.getObject(7, OffsetDateTime.class), rs.getString(8));
    }
}
