package com.outcomedesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * An open store: a connection pool, the migrated schema and the Hibernate session factory on top. The session factory
 * starts on first use: most commands read and write through Jdbi alone, and starting Hibernate (about 40% of a short
 * command's start-up) would be wasted on them.
 */
public final class Database implements AutoCloseable {

    private final StoreLocation location;
    private final HikariDataSource dataSource;
    /** Null until {@link #entities()} first needs it; set under this object's lock. */
    private volatile EntityManagerFactory entityManagerFactory;
    private boolean closed;
    private final Jdbi jdbi;
    private final H2Housekeeping housekeeping;

    private Database(StoreLocation location, HikariDataSource dataSource) {
        this.location = location;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.housekeeping = location.databaseFile().isPresent() ? startHousekeeping(dataSource) : null;
    }

    private static H2Housekeeping startHousekeeping(DataSource dataSource) {
        try {
            return H2Housekeeping.start(dataSource, H2Housekeeping.PERIOD);
        } catch (SQLException e) {
            throw new StoreException("Cannot open the store's file housekeeping: " + e.getMessage(), e);
        }
    }

    /** Opens the store, creating and migrating the schema when needed. */
    public static Database open(StoreLocation location) {
        Vendor vendor = location.vendor();
        HikariDataSource dataSource = connect(location, vendor);
        try {
            rebuildSetAsideIndexes(location, dataSource);
            migrate(location, dataSource, vendor);
            Database database = new Database(location, dataSource);
            StoreOwner.claim(location);
            return database;
        } catch (RuntimeException e) {
            dataSource.close();
            throw StoreFailures.classify(location, e).map(RuntimeException.class::cast).orElse(e);
        }
    }

    /**
     * H2 holds commits in memory for WRITE_DELAY (500 ms by default) before writing them to the file, so a killed
     * process lost saves the user had seen succeed. An H2 file store writes at every commit instead, unless its URL
     * sets WRITE_DELAY itself. (It costs about 9% more CPU on a large import.)
     */
    static String writingAtCommit(String url) {
        return url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=") ? url : url + ";WRITE_DELAY=0";
    }

    private static HikariDataSource connect(StoreLocation location, Vendor vendor) {
        if (vendor == Vendor.H2) {
            try {
                if (!Files.isDirectory(location.home())) OwnerOnly.createDirectories(location.home());
            } catch (java.io.IOException e) {
                throw new StoreException("Cannot create the data directory " + location.home() + ": " + e.getMessage(), e);
            }
            StoreFiles.secureBeforeOpening(location);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.databaseFile().isPresent() ? writingAtCommit(location.jdbcUrl()) : location.jdbcUrl());
        if (location.user() != null) config.setUsername(location.user());
        if (location.password() != null) config.setPassword(location.password());
        // One multi-row INSERT per batch instead of one statement per row: a sync push through the OutcomeDesk
        // Server writes its batches on this pool (8,000 appointments and their agreed versions each), and a direct
        // sync's own connection has always done so. Batches that read update counts are UPDATEs, which stay as they are.
        if (vendor == Vendor.POSTGRESQL) config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setMaximumPoolSize(vendor == Vendor.H2 ? 4 : 8);
        config.setPoolName("outcome-desk");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        try {
            HikariDataSource dataSource = new HikariDataSource(config);
            StoreFiles.secure(location);
            return dataSource;
        } catch (RuntimeException e) {
            throw cannotOpen(location, e);
        }
    }

    /** Before the migrations, which may name them: indexes a killed bulk load left set aside are built again. */
    private static void rebuildSetAsideIndexes(StoreLocation location, DataSource dataSource) {
        if (location.vendor() != Vendor.H2) return;
        try (Connection c = dataSource.getConnection()) {
            SetAsideIndexes.rebuildLeftovers(c);
        } catch (SQLException e) {
            throw new StoreException("Cannot rebuild the indexes an interrupted sync set aside: " + rootMessage(e), e);
        }
    }

    /**
     * Brings the schema to this program's migrations. A store whose history already holds exactly them is left as it
     * is without starting Flyway; a store migrated by a newer program is refused (this one would not know its tables);
     * anything else Flyway migrates and validates, refusing an applied migration this program does not carry.
     */
    private static void migrate(StoreLocation location, DataSource dataSource, Vendor vendor) {
        Optional<List<SchemaHistory.Carried>> carried = SchemaHistory.carried(Database.class.getClassLoader(), vendor);
        if (carried.isPresent()) {
            SchemaHistory.Verdict verdict;
            try (Connection c = dataSource.getConnection()) {
                verdict = SchemaHistory.check(c, carried.get());
            } catch (SQLException e) {
                throw cannotOpen(location, e);
            }
            if (verdict.kind() == SchemaHistory.Verdict.Kind.CURRENT) return;
            if (verdict.kind() == SchemaHistory.Verdict.Kind.NEWER) throw newerSchema(location, verdict);
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(vendor.migrationLocations())
                    .placeholders(vendor.migrationPlaceholders())
                    .ignoreMigrationPatterns(new String[0])
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw StoreFailures.classify(location, e).orElseGet(() ->
                    new StoreException("The database schema could not be brought up to date: " + rootMessage(e), e));
        }
    }

    private static StoreException newerSchema(StoreLocation location, SchemaHistory.Verdict verdict) {
        return new StoreException(StoreException.Reason.OTHER, location.displayName(), null, location.displayName()
                + " has schema version " + verdict.applied() + ", written by a newer OutcomeDesk; this one knows versions up to "
                + verdict.newest() + ". Open it with the newer OutcomeDesk, or update this one.", null);
    }

    /** The session factory, started on first use; validates the entities against the schema as it starts. */
    private EntityManagerFactory entities() {
        EntityManagerFactory started = entityManagerFactory;
        if (started != null) return started;
        synchronized (this) {
            if (closed) throw new IllegalStateException("The store " + location.displayName() + " is closed.");
            if (entityManagerFactory == null) {
                try {
                    entityManagerFactory = buildEntityManagerFactory(dataSource);
                } catch (RuntimeException e) {
                    throw failed(e);
                }
            }
            return entityManagerFactory;
        }
    }

    /**
     * Starts Hibernate now rather than at the first entity read: the desktop app calls it while it opens, so that the
     * first screen does not wait for it.
     */
    public void startEntities() {
        entities();
    }

    private static EntityManagerFactory buildEntityManagerFactory(DataSource dataSource) {
        HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("outcome-desk")
                .managedClasses(Entities.ALL)
                .property("hibernate.connection.datasource", dataSource)
                .property("hibernate.hbm2ddl.auto", "validate")
                .property("hibernate.jdbc.batch_size", 500)
                .property("hibernate.order_inserts", true);
        return config.createEntityManagerFactory();
    }

    /**
     * Waits at most this long for a pooled connection from now on (opening waits 10 s, which a slow network to a
     * sync target may need). A server sets it short: while the database is down each request would otherwise hold
     * its client for the whole wait before hearing so. Checking a pooled connection takes at most half of it.
     */
    public void waitForConnectionsAtMost(java.time.Duration wait) {
        var pool = dataSource.getHikariConfigMXBean();
        pool.setValidationTimeout(Math.max(250, Math.min(pool.getValidationTimeout(), wait.toMillis() / 2)));
        pool.setConnectionTimeout(wait.toMillis());
    }

    /** The store cannot be opened: which one, why, and what to check (the server only where there is one). */
    public static StoreException cannotOpen(StoreLocation location, Exception e) {
        return StoreFailures.classify(location, e).orElseGet(() -> {
            String cannot = "Cannot open " + location.description() + ": " + rootMessage(e) + ".";
            boolean embedded = location.databaseFile().isPresent() || location.jdbcUrl().startsWith("jdbc:h2:mem:");
            return embedded ? new StoreException(StoreException.Reason.OTHER, location.displayName(), null, cannot, e)
                    : new StoreException(StoreException.Reason.UNREACHABLE, location.displayName(), null, cannot
                            + " Check that the server is running and the URL, user and password are right.", e);
        });
    }

    /** A failure while working on the open store: its cause named where recognised, else as it came. */
    private RuntimeException failed(RuntimeException e) {
        return StoreFailures.classify(location, e).map(RuntimeException.class::cast).orElse(e);
    }

    /**
     * Reads every row of every table, so that a damaged or altered file shows before anything reports the store
     * sound (the audit check reads only its own table). Throws a {@link StoreException} naming the damage.
     */
    public void requireReadable() {
        streaming(c -> {
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
            }
            for (String table : tables) {
                try (java.sql.Statement s = c.createStatement()) {
                    s.setFetchSize(1000);
                    try (java.sql.ResultSet rs = s.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                if (rs.getObject(i) instanceof java.sql.Blob blob) blob.getBytes(1, (int) blob.length());
                            }
                        }
                    }
                }
            }
            return null;
        });
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    public StoreLocation location() {
        return location;
    }

    public Vendor vendor() {
        return location.vendor();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs work in one transaction and returns its result; rolls back on any failure. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entities().createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) em.getTransaction().rollback();
            throw failed(e);
        } finally {
            em.close();
        }
    }

    public void inTransactionDo(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    /** Runs read-only work with an entity manager that is closed afterwards. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = entities().createEntityManager();
        try {
            return work.apply(em);
        } catch (RuntimeException e) {
            throw failed(e);
        } finally {
            em.close();
        }
    }

    /** Plain JDBC for bulk paths and SQL aggregation, where entity loading would be too slow. */
    public <T> T withConnection(SqlFunction<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw StoreFailures.classify(location, e).orElseGet(() -> new StoreException("Database error: " + rootMessage(e), e));
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    /**
     * Plain JDBC work in one transaction: committed when it returns (work that commits at its end, as the audit
     * trail's {@code recordAndCommit} does, is left so), rolled back when it throws.
     */
    public <T> T jdbcTransaction(SqlFunction<T> work) {
        return withConnection(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        });
    }

    /**
     * Like {@link #withConnection} for work that only reads, through forward-only result sets that should stream
     * in batches of their fetch size rather than arrive whole: PostgreSQL streams only inside a transaction, which
     * is rolled back afterwards; H2 only in lazy execution, without which it first copies the whole result into a
     * temporary file before handing over the first row.
     */
    public <T> T streaming(SqlFunction<T> work) {
        return withConnection(c -> {
            if (vendor() == Vendor.H2) return lazily(c, work);
            if (vendor() != Vendor.POSTGRESQL) return work.apply(c);
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                return work.apply(c);
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        });
    }

    private static <T> T lazily(Connection c, SqlFunction<T> work) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
        T result;
        try {
            result = work.apply(c);
        } catch (SQLException | RuntimeException e) {
            try {
                eager(c);
            } catch (SQLException reset) {
                e.addSuppressed(reset);   // the work's own failure is what the caller reports
            }
            throw e;
        }
        eager(c);
        return result;
    }

    private static void eager(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LAZY_QUERY_EXECUTION FALSE");
        }
    }

    /**
     * Jdbi work for the store's repositories: SQL written once, parameters bound by name, rows mapped to records.
     * Runs in one transaction; failures are classified like every other store failure.
     */
    public <T> T jdbiTransaction(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw StoreFailures.classify(location, e).orElseGet(() -> new StoreException("Database error: " + rootMessage(e), e));
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    /** Jdbi work without a transaction of its own (reads, or single statements that commit by themselves). */
    public <T> T jdbi(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw StoreFailures.classify(location, e).orElseGet(() -> new StoreException("Database error: " + rootMessage(e), e));
        } catch (RuntimeException e) {
            throw failed(e);
        }
    }

    /**
     * A Jdbi handle over a connection the caller already holds and keeps (bulk paths that mix plain JDBC and Jdbi,
     * or work inside the caller's transaction): closing the handle leaves the connection open.
     */
    public static Handle jdbiOver(Connection connection) {
        OVER.set(connection);
        try {
            return OVER_JDBI.open();
        } finally {
            OVER.remove();
        }
    }

    /**
     * The connection {@link #jdbiOver} is opening a handle on. One Jdbi serves every such handle, so that each
     * statement's SQL is parsed once (a Jdbi per handle parsed it on every call, a third of a prediction's cost).
     */
    private static final ThreadLocal<Connection> OVER = new ThreadLocal<>();
    private static final Jdbi OVER_JDBI = Jdbi.create(new ConnectionFactory() {
        @Override
        public Connection openConnection() {
            return OVER.get();
        }

        @Override
        public void closeConnection(Connection unused) {
            // the caller owns the connection
        }
    });

    @FunctionalInterface
    public interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    @Override
    public void close() {
        if (housekeeping != null) housekeeping.close();
        synchronized (this) {
            closed = true;
            if (entityManagerFactory != null) entityManagerFactory.close();
        }
        dataSource.close();
        StoreOwner.release(location);
    }
}
