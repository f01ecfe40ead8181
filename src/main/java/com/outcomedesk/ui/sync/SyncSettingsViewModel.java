package com.outcomedesk.ui.sync;

import com.outcomedesk.common.Actor;
import com.outcomedesk.sync.ConnectionCheck;
import com.outcomedesk.sync.ServerAddress;
import com.outcomedesk.sync.SyncService;
import com.outcomedesk.ui.support.FailureSentences;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sync settings dialog. Recommended: the OutcomeDesk Server, by its address and the one-time enrollment code
 * its administrator gave; Enrol trades the code for this site's own credential in the background. Advanced, on a
 * trusted network only: the shared PostgreSQL directly, as host, port, database, user name, password and TLS (the
 * engine builds the connection from them); Test connection tries it in the background and says in words what it
 * found; Save (administrators) stores it.
 */
public final class SyncSettingsViewModel {
    /** How this site syncs. */
    public enum Mode { SERVER, DIRECT }

    /** Why the direct mode is only for a trusted network, shown beside it. */
    public static final String DIRECT_WARNING = "Advanced, trusted network only: this computer then keeps a database "
            + "login that can read and rewrite every site's appointments, so a stolen computer is the whole network's "
            + "data. The OutcomeDesk Server gives each site a credential it can revoke.";

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.SERVER);
    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final BooleanProperty pin = new SimpleBooleanProperty();
    private final BooleanProperty enrolling = new SimpleBooleanProperty();
    private final StringProperty enrollResult = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> enrollOk = new SimpleObjectProperty<>();
    private final SyncService sync;
    private final Actor actor;
    private final Executor worker;
    private final Executor fxThread;
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty(Integer.toString(ServerAddress.DEFAULT_PORT));
    private final StringProperty database = new SimpleStringProperty("outcomedesk");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty tls = new SimpleBooleanProperty(true);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty testResult = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> testOk = new SimpleObjectProperty<>();
    private final BooleanProperty testing = new SimpleBooleanProperty();
    private final StringBinding problems;
    private final String note;

    /**
     * @param worker runs the connection test off the UI thread
     * @param fxThread shows its result on the UI thread ({@code Platform::runLater} in the app)
     */
    public SyncSettingsViewModel(SyncService sync, Actor actor, Executor worker, Executor fxThread) {
        this.sync = sync;
        this.actor = actor;
        this.worker = worker;
        this.fxThread = fxThread;
        var configured = sync.config();
        var address = sync.address();
        address.ifPresent(a -> {
            host.set(a.host());
            port.set(Integer.toString(a.port()));
            database.set(a.database());
            user.set(a.user());
            password.set(a.password());
            tls.set(a.tls());
        });
        sync.login().ifPresent(l -> serverUrl.set(l.server().toString()));
        mode.set(configured.isPresent() && !sync.viaServer() ? Mode.DIRECT : Mode.SERVER);
        note = configured.isPresent() && address.isEmpty()
                ? "The current server was set up with options this form does not show; saving replaces them." : "";
        problems = Bindings.createStringBinding(() -> String.join(" ", problemList()), host, port, database, user);
        for (var field : List.of(host, port, database, user, password)) field.addListener(o -> testOk.set(null));
        tls.addListener(o -> testOk.set(null));
    }

    public boolean editable() {
        return actor.isAdministrator();
    }

    /** A port that is not a number is checked as port 0, which the engine refuses with the port's reason. */
    private List<String> problemList() {
        Integer p = portNumber();
        return address(p == null ? 0 : p).problems();
    }

    private Integer portNumber() {
        try {
            return Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ServerAddress address(int portNumber) {
        return new ServerAddress(host.get().strip(), portNumber, database.get().strip(), user.get().strip(),
                password.get(), tls.get());
    }

    /** Tries the server as typed, in the background; the result arrives in {@link #testResultProperty()}. */
    public void testConnection() {
        if (testing.get()) return;
        if (!problems.get().isEmpty()) {
            testOk.set(false);
            testResult.set(problems.get());
            return;
        }
        ServerAddress address = address(portNumber());
        testing.set(true);
        testOk.set(null);
        testResult.set("Trying " + address.host() + " port " + address.port() + "…");
        worker.execute(() -> {
            String text;
            boolean ok;
            try {
                ConnectionCheck.Outcome outcome = sync.testConnection(address);
                text = outcome.message();
                ok = outcome.ok();
            } catch (RuntimeException e) {
                text = FailureSentences.describe(e);
                ok = false;
            }
            String message = text;
            boolean reachable = ok;
            fxThread.execute(() -> {
                testing.set(false);
                testOk.set(reachable);
                testResult.set(message);
            });
        });
    }

    /** Enrols with the OutcomeDesk Server as typed, in the background; the result arrives in {@link #enrollResultProperty()}. */
    public void enroll() {
        if (enrolling.get()) return;
        String url = serverUrl.get().strip();
        String typed = code.get().strip();
        boolean pinned = pin.get();
        enrolling.set(true);
        enrollOk.set(null);
        enrollResult.set("Enrolling with " + url + "…");
        worker.execute(() -> {
            String text;
            boolean ok;
            try {
                SyncService.Enrolled e = sync.enroll(url, typed, pinned, actor);
                text = "Enrolled as site " + e.site() + " with " + e.server() + "." + (e.pinnedCertificate() == null ? ""
                        : " Pinned certificate SHA-256 " + e.pinnedCertificate() + "; compare it with the server's.");
                ok = true;
            } catch (RuntimeException e) {
                text = FailureSentences.describe(e);
                ok = false;
            }
            String message = text;
            boolean done = ok;
            fxThread.execute(() -> {
                enrolling.set(false);
                enrollOk.set(done);
                enrollResult.set(message);
                if (done) code.set("");
            });
        });
    }

    /** Saves; on bad input shows every reason and returns false, keeping what was typed. */
    public boolean save() {
        if (mode.get() == Mode.SERVER) {
            if (sync.viaServer() && sync.login().isPresent()) {
                error.set("");
                return true;
            }
            error.set("Enrol with the server first: type its address and the enrollment code its administrator gave "
                    + "('sites add NAME' on the server), then press Enrol.");
            return false;
        }
        if (!problems.get().isEmpty()) {
            error.set(problems.get());
            return false;
        }
        try {
            sync.configure(address(portNumber()), actor);
            error.set("");
            return true;
        } catch (RuntimeException e) {
            error.set(FailureSentences.describe(e));
            return false;
        }
    }

    public String currentServer() {
        if (sync.viaServer()) {
            return sync.login().map(l -> l.displayName() + ", as site " + l.site()).orElse("none, this store works on its own");
        }
        return sync.config().map(c -> c.displayName() + " (direct)").orElse("none, this store works on its own");
    }

    /** The settings dialog's header: what it sets, and the server in use now. */
    public String header() {
        return "How this site syncs with the other sites\nNow: " + currentServer();
    }

    /** The style classes a connection test's result may carry, so a new result drops the last one's. */
    public static final java.util.List<String> TEST_STYLES = java.util.List.of("test-ok", "test-failed");

    /** The style class of a connection test's result: passed, failed, or none before a test. */
    public static java.util.Optional<String> testStyle(Boolean ok) {
        return ok == null ? java.util.Optional.empty() : java.util.Optional.of(ok ? "test-ok" : "test-failed");
    }

    /** A remark about the stored server that the fields cannot show, or empty. */
    public String note() { return note; }

    /** Where the password is kept, said honestly: sealed with the store, or only in an owner-only file. */
    public String passwordNote() {
        return sync.passwordSealed()
                ? "The password is kept sealed under this store's encryption key, not in its database."
                : "This store is not encrypted: the password is kept in a file beside it that only your user account "
                + "(and this computer's administrators) can read. Create user accounts, which encrypts the store, to "
                + "seal it.";
    }

    public ObjectProperty<Mode> modeProperty() { return mode; }
    public StringProperty serverUrlProperty() { return serverUrl; }
    public StringProperty codeProperty() { return code; }
    public BooleanProperty pinProperty() { return pin; }
    public ReadOnlyBooleanProperty enrollingProperty() { return enrolling; }
    public ReadOnlyStringProperty enrollResultProperty() { return enrollResult; }
    /** True or false after an enrollment, null before one. */
    public ReadOnlyObjectProperty<Boolean> enrollOkProperty() { return enrollOk; }
    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public StringProperty databaseProperty() { return database; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public BooleanProperty tlsProperty() { return tls; }
    /** What is wrong with the fields as typed, in words; empty when they can be used. */
    public StringBinding problemsProperty() { return problems; }
    public ReadOnlyStringProperty errorProperty() { return error; }
    public ReadOnlyStringProperty testResultProperty() { return testResult; }
    /** True or false after a test, null before one or once a field changed. */
    public ReadOnlyObjectProperty<Boolean> testOkProperty() { return testOk; }
    public ReadOnlyBooleanProperty testingProperty() { return testing; }
}
