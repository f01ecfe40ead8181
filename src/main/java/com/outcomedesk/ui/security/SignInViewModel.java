package com.outcomedesk.ui.security;

import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoreLocation;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The start of the desktop app: a sign-in, or on a store without accounts the first-run setup that
 * creates the administrator (and encrypts an H2 store). There is no default password to fall back on.
 */
public final class SignInViewModel {
    private final StoreLocation location;
    private final BooleanProperty firstRun = new SimpleBooleanProperty();
    private final StringProperty userName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeatPassword = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty progressText = new SimpleStringProperty("");

    public SignInViewModel(StoreLocation location, boolean firstRun) {
        this.location = location;
        this.firstRun.set(firstRun);
    }

    /** What the user typed, taken on the FX thread; the password fields are cleared at once. */
    public record Attempt(String name, char[] password, String repeatPassword, boolean firstRun) {
    }

    /** The result of an attempt: a session, or the reason there is none. */
    public record Outcome(SignIn.Session session, String error, boolean administratorCreated) {
    }

    /** Signs in (creating the administrator first on a first run); on failure says why and returns empty. */
    public Optional<SignIn.Session> submit() {
        return apply(run(takeAttempt()));
    }

    /**
     * On the FX thread: reads the form and clears the passwords from it. The last attempt's error goes, so it
     * is not read as the answer to this one, and the form says it is checking until {@link #apply} runs.
     */
    public Attempt takeAttempt() {
        String name = userName.get() == null ? "" : userName.get().strip();
        String pw = password.get() == null ? "" : password.get();
        Attempt attempt = new Attempt(name, pw.toCharArray(), repeatPassword.get(), firstRun.get());
        password.set("");
        repeatPassword.set("");
        message.set("");
        progressText.set(attempt.firstRun() ? "Creating the account and encrypting the store…" : "Checking…");
        busy.set(true);
        return attempt;
    }

    /** Off the FX thread (it hashes passwords and may encrypt the store): touches no UI state. */
    public Outcome run(Attempt attempt) {
        boolean created = false;
        try {
            if (attempt.name().isEmpty()) throw new IllegalArgumentException("Enter your user name.");
            if (attempt.firstRun()) {
                if (!new String(attempt.password()).equals(attempt.repeatPassword())) {
                    throw new IllegalArgumentException("The two passwords differ; type the same password twice.");
                }
                SignIn.initialize(location, attempt.name(), attempt.password());
                created = true;
            }
            SignIn.Session session = SignIn.signIn(location, attempt.name(), attempt.password());
            // The store opens without Hibernate; the desktop's screens edit through it, so it starts here, off the FX thread.
            session.engine().database().startEntities();
            return new Outcome(session, null, created);
        } catch (RuntimeException e) {
            return new Outcome(null, e.getMessage(), created);
        }
    }

    /** On the FX thread: shows the outcome. */
    public Optional<SignIn.Session> apply(Outcome outcome) {
        busy.set(false);
        progressText.set("");
        if (outcome.administratorCreated()) firstRun.set(false);
        message.set(outcome.error() == null ? "" : outcome.error());
        return Optional.ofNullable(outcome.session());
    }

    /** Forgets what was typed and the last error, to start the sign-in over. */
    public void clear() {
        userName.set("");
        password.set("");
        repeatPassword.set("");
        message.set("");
    }

    public BooleanProperty firstRunProperty() { return firstRun; }
    public StringProperty userNameProperty() { return userName; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty repeatPasswordProperty() { return repeatPassword; }
    public StringProperty messageProperty() { return message; }
    /** True from the moment an attempt is taken until its outcome is shown. */
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    public ReadOnlyStringProperty progressTextProperty() { return progressText; }
}
