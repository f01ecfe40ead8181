package com.outcomedesk.ui.security;

import com.outcomedesk.engine.SignIn;
import com.outcomedesk.ui.support.ErrorText;
import com.outcomedesk.ui.support.FailureSentences;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The sign-in screen, or the first-run administrator setup, shown before anything of the store. */
public final class SignInView {
    private SignInView() {
    }

    /** Builds the form; {@code onSignedIn} runs on the FX thread once a session is open. */
    public static Parent create(SignInViewModel vm, Consumer<SignIn.Session> onSignedIn) {
        Label title = new Label();
        title.getStyleClass().addAll("title", "screen-title");
        title.textProperty().bind(vm.firstRunProperty().map(first -> first
                ? "Create the administrator account" : "Sign in to OutcomeDesk"));
        Label hint = new Label("Choose a password of at least 12 characters. There is no default password and no "
                + "recovery: an administrator can reset other users' passwords.");
        hint.setWrapText(true);
        hint.visibleProperty().bind(vm.firstRunProperty());
        hint.managedProperty().bind(vm.firstRunProperty());

        TextField user = new TextField();
        user.setId("userName");
        user.textProperty().bindBidirectional(vm.userNameProperty());
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("repeatPassword");
        repeat.textProperty().bindBidirectional(vm.repeatPasswordProperty());
        Label repeatLabel = new Label("Repeat password");
        for (var node : new javafx.scene.Node[] {repeat, repeatLabel}) {
            node.visibleProperty().bind(vm.firstRunProperty());
            node.managedProperty().bind(vm.firstRunProperty());
        }

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("User name"), user);
        form.addRow(1, new Label("Password"), password);
        form.addRow(2, repeatLabel, repeat);

        Button submit = new Button();
        submit.setId("signIn");
        submit.setDefaultButton(true);
        submit.textProperty().bind(vm.firstRunProperty().map(first -> first ? "Create and sign in" : "Sign in"));
        // Esc clears the form, as it cancels a form elsewhere in the app.
        Button clear = new Button("Clear");
        clear.setId("clearSignIn");
        clear.setCancelButton(true);
        clear.setOnAction(e -> {
            vm.clear();
            user.requestFocus();
        });
        Label message = ErrorText.showing(vm.messageProperty());
        message.setId("message");

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("signInProgress");
        spinner.setPrefSize(18, 18);
        Label checking = new Label();
        checking.setId("signInChecking");
        checking.textProperty().bind(vm.progressTextProperty());
        checking.setWrapText(true);
        HBox progress = new HBox(8, spinner, checking);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(vm.busyProperty());
        form.disableProperty().bind(vm.busyProperty());
        submit.disableProperty().bind(vm.busyProperty());
        clear.disableProperty().bind(vm.busyProperty());
        // The progress gets a row of its own below the buttons, its height kept while hidden: a long "Creating the
        // account…" beside them squeezed them to "Crea…" and "…", and showing it must not move the form.
        for (Button b : new Button[] {submit, clear}) b.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, submit, clear);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(12, title, hint, form, buttons, progress, message);
        box.setPadding(new Insets(40));
        box.setMaxWidth(460);
        box.setAlignment(Pos.CENTER_LEFT);
        submit.setOnAction(e -> {
            SignInViewModel.Attempt attempt = vm.takeAttempt();
            Task<SignInViewModel.Outcome> task = new Task<>() {
                @Override
                protected SignInViewModel.Outcome call() {
                    return vm.run(attempt);
                }
            };
            task.setOnSucceeded(done -> vm.apply(task.getValue()).ifPresentOrElse(onSignedIn, password::requestFocus));
            task.setOnFailed(failed -> {
                vm.apply(new SignInViewModel.Outcome(null, FailureSentences.describe(task.getException()), false));
                password.requestFocus();
            });
            Thread thread = new Thread(task, "outcome-desk-sign-in");
            thread.setDaemon(true);
            thread.start();
        });
        VBox outer = new VBox(box);
        outer.setAlignment(Pos.CENTER);
        return outer;
    }
}
