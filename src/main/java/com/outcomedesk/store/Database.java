package com.outcomedesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/** An open store: a connection pool, the migrated schema and the Hibernate session factory on top. */
public final class Database implements AutoCloseable {

    private final StoreLocation location;
    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;

    private Database(StoreLocation location, HikariDataSource dataSource, EntityManagerFactory emf) {
        this.location = location;
        this.dataSource = dataSource;
        this.entityManagerFactory = emf;
    }

    /** Opens the store, creating and migrating the schema when needed. */
    public static Database open(StoreLocation location) {
        Vendor vendor = location.vendor();
        HikariDataSource dataSource = connect(location, vendor);
        try {
            migrate(dataSource, vendor);
            return new Database(location, dataSource, buildEntityManagerFactory(dataSource));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
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
        config.setJdbcUrl(location.jdbcUrl());
        if (location.user() != null) config.setUsername(location.user());
        if (location.password() != null) config.setPassword(location.password());
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

    private static void migrate(DataSource dataSource, Vendor vendor) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .placeholders(vendor.migrationPlaceholders())
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("The database schema could not be brought up to date: " + rootMessage(e), e);
        }
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

    /** The store cannot be reached: which one, why, and what to check. */
    public static StoreException cannotOpen(StoreLocation location, Exception e) {
        return new StoreException("Cannot open " + location.description() + ": "
                + rootMessage(e) + ". Check that the server is running and the URL, user and password are right.", e);
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
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) em.getTransaction().rollback();
            throw e;
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
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** Plain JDBC for bulk paths and SQL aggregation, where entity loading would be too slow. */
    public <T> T withConnection(SqlFunction<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException("Database error: " + rootMessage(e), e);
        }
    }

    /**
     * Like {@link #withConnection} for work that only reads, through forward-only result sets that should stream
     * in batches of their fetch size rather than arrive whole: PostgreSQL streams only inside a transaction, which
     * is rolled back afterwards.
     */
    public <T> T streaming(SqlFunction<T> work) {
        return withConnection(c -> {
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

    @FunctionalInterface
    public interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }

    @Override
    public void close() {
        entityManagerFactory.close();
        dataSource.close();
    }
}
