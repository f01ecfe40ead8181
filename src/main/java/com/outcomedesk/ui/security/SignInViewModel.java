package com.outcomedesk.ui.security;

import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoreLocation;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
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

    public SignInViewModel(StoreLocation location, boolean firstRun) {
        this.location = location;
        this.firstRun.set(firstRun);
    }

    /** Signs in (creating the administrator first on a first run); on failure says why and returns empty. */
    public Optional<SignIn.Session> submit() {
        String name = userName.get() == null ? "" : userName.get().strip();
        char[] pw = password.get() == null ? new char[0] : password.get().toCharArray();
        try {
            if (name.isEmpty()) throw new IllegalArgumentException("Enter your user name.");
            if (firstRun.get()) {
                if (!password.get().equals(repeatPassword.get())) {
                    throw new IllegalArgumentException("The two passwords differ; type the same password twice.");
                }
                SignIn.initialize(location, name, pw);
                firstRun.set(false);
            }
            SignIn.Session session = SignIn.signIn(location, name, pw);
            message.set("");
            return Optional.of(session);
        } catch (RuntimeException e) {
            message.set(e.getMessage());
            return Optional.empty();
        } finally {
            password.set("");
            repeatPassword.set("");
        }
    }

    public BooleanProperty firstRunProperty() { return firstRun; }
    public StringProperty userNameProperty() { return userName; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty repeatPasswordProperty() { return repeatPassword; }
    public StringProperty messageProperty() { return message; }
}
