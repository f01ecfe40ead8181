package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.security.EncryptedStore;
import com.outcomedesk.server.ApiServer;
import com.outcomedesk.server.ServerOptions;
import com.outcomedesk.server.limits.Budget;
import com.outcomedesk.server.limits.RateLimitSettings;
import com.outcomedesk.store.StoreLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", description = {"Run the engine headless behind the HTTP API (/api/v1, /openapi.json, /docs) until stopped.",
        "Users sign in with the store's accounts. An encrypted H2 store is unlocked with --user (password from "
                + "$OUTCOMEDESK_PASSWORD); on a store without accounts --user creates that administrator first, as 'init' does."})
final class ServeCommand implements Callable<Integer> {
    static final String KEYSTORE_PASSWORD_ENV = "OUTCOMEDESK_KEYSTORE_PASSWORD";
    static final String DB_PASSWORD_ENV = "OUTCOMEDESK_DB_PASSWORD";

    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;

    @Option(names = "--port", defaultValue = "8443", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;
    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDR", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;
    @Option(names = "--insecure-http", description = "Plain HTTP instead of TLS: only on a loopback address, for a trial.")
    boolean insecureHttp;
    @Option(names = "--keystore", paramLabel = "FILE", description = "PKCS12 keystore with the server's certificate and key.")
    Path keystore;
    @Option(names = "--keystore-password-env", paramLabel = "VAR", defaultValue = KEYSTORE_PASSWORD_ENV,
            description = "Environment variable holding the keystore password (default ${DEFAULT-VALUE}).")
    String keystorePasswordEnv;
    @Option(names = "--db-user", paramLabel = "NAME", description = "Database login of the server (PostgreSQL); clients never see it.")
    String dbUser;
    @Option(names = "--db-password-env", paramLabel = "VAR", defaultValue = DB_PASSWORD_ENV,
            description = "Environment variable holding the database password, when set (default ${DEFAULT-VALUE}).")
    String dbPasswordEnv;
    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Largest JSON body a non-streaming route reads (default ${DEFAULT-VALUE}).")
    long maxBody;
    @Option(names = "--max-import", paramLabel = "BYTES", defaultValue = "536870912",
            description = "Largest import body, streamed to a temporary file (default ${DEFAULT-VALUE}).")
    long maxImport;
    @Option(names = "--token-minutes", defaultValue = "15", description = "Lifetime of a sign-in token (default ${DEFAULT-VALUE}).")
    int tokenMinutes;
    @Option(names = "--rate-sign-in", paramLabel = "N", description = "Sign-ins a minute per user and per address (default 10).")
    Integer rateSignIn;
    @Option(names = "--rate-predict", paramLabel = "N", description = "Predictions a minute per user and per address (default 600000).")
    Integer ratePredict;
    @Option(names = "--rate-batch", paramLabel = "N", description = "Batch requests a minute (default 60).")
    Integer rateBatch;
    @Option(names = "--rate-train", paramLabel = "N", description = "Training requests a minute (default 6).")
    Integer rateTrain;

    @Override
    public Integer call() throws InterruptedException {
        ServerOptions options = options();
        Engine engine = open();
        ApiServer server;
        try {
            if (!engine.accounts().hasAccounts()) {
                throw new IllegalStateException("The server signs users in with the store's accounts, and this store has none: "
                        + "start it with --user NAME (password in " + Passwords.PASSWORD_ENV + ") to create the administrator.");
            }
            server = ApiServer.start(engine, options);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        com.outcomedesk.backup.BackupTimer backups = com.outcomedesk.backup.BackupTimer.start(engine.scheduledBackups(),
                file -> spec.commandLine().getOut().println("Scheduled backup written to " + file + "."),
                () -> engine.monitor().checkBackups(com.outcomedesk.backup.ScheduledBackups.SCHEDULE));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            backups.close();
            engine.close();
        }, "serve-shutdown"));
        spec.commandLine().getOut().println("OutcomeDesk server on " + (insecureHttp ? "http" : "https") + "://" + bind + ":"
                + server.port() + "/api/v1 (store: " + root.location().displayName() + "); API page at /docs.");
        spec.commandLine().getOut().flush();
        server.join();
        return 0;
    }

    private Engine open() {
        StoreLocation location = root.location().withCredentials(dbUser, root.environment.get(dbPasswordEnv));
        if (root.user != null) {
            if (!SignIn.hasAccounts(location)) {
                SignIn.initialize(location, root.user, Passwords.chosen(root.environment, Passwords.PASSWORD_ENV, root.user));
                spec.commandLine().getOut().println("Created administrator " + root.user + ".");
            }
            return SignIn.signIn(location, root.user, Passwords.current(root.environment, root.user)).engine();
        }
        if (EncryptedStore.isEncrypted(location)) {
            throw new IllegalStateException("This store is encrypted: give --user NAME of an account (password in "
                    + Passwords.PASSWORD_ENV + ") to unlock it.");
        }
        return Engine.open(location);
    }

    private ServerOptions options() {
        char[] password = null;
        if (keystore != null) {
            String value = root.environment.get(keystorePasswordEnv);
            if (value == null) throw new IllegalArgumentException("Set the keystore password in $" + keystorePasswordEnv + ".");
            password = value.toCharArray();
        }
        RateLimitSettings limits = RateLimitSettings.defaults();
        if (rateSignIn != null) limits = limits.with(Budget.SIGN_IN, rateSignIn);
        if (ratePredict != null) limits = limits.with(Budget.PREDICT, ratePredict);
        if (rateBatch != null) limits = limits.with(Budget.BATCH, rateBatch);
        if (rateTrain != null) limits = limits.with(Budget.TRAIN, rateTrain);
        if (tokenMinutes < 1 || tokenMinutes > 24 * 60) throw new IllegalArgumentException("--token-minutes must be between 1 and 1440");
        return new ServerOptions(bind, port, insecureHttp, keystore, password, maxBody, maxImport, Duration.ofMinutes(tokenMinutes), limits);
    }
}
