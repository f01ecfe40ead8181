package com.outcomedesk.ui.security;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.ui.support.ErrorText;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Covers the window with an opaque lock screen when the view model locks. The window's own content
 * stays in the scene underneath, untouched, so half-typed input survives the lock.
 */
public final class IdleLock {
    private final Scene scene;
    private final Timeline ticker;
    private final EventHandler<InputEvent> activity;

    private IdleLock(Scene scene, Timeline ticker, EventHandler<InputEvent> activity) {
        this.scene = scene;
        this.ticker = ticker;
        this.activity = activity;
    }

    /** Wraps the scene's current root; user input restarts the idle time, checked every few seconds. */
    public static IdleLock install(Scene scene, IdleLockViewModel vm) {
        Parent content = scene.getRoot();
        StackPane stack = new StackPane();
        scene.setRoot(stack);
        stack.getChildren().setAll(content, overlay(vm));
        EventHandler<InputEvent> activity = e -> vm.activity();
        scene.addEventFilter(InputEvent.ANY, activity);
        content.disableProperty().bind(vm.lockedProperty());
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(5), e -> vm.check()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        return new IdleLock(scene, ticker, activity);
    }

    /** Stops watching for idleness (at sign-out): the scene is then free for the next sign-in. */
    public void stop() {
        ticker.stop();
        scene.removeEventFilter(InputEvent.ANY, activity);
    }

    /** Stops, on the FX thread, when the engine closes: however the session ends, nothing checks a closed store. */
    public IdleLock stopWhenClosing(Engine engine) {
        engine.whenClosing(() -> Platform.runLater(this::stop));
        return this;
    }

    /** True while the idle time is being checked. */
    public boolean ticking() {
        return ticker.getStatus() == Animation.Status.RUNNING;
    }

    private static Parent overlay(IdleLockViewModel vm) {
        Label title = new Label();
        title.textProperty().bind(vm.reasonProperty());
        title.getStyleClass().addAll("title", "screen-title");
        Label who = new Label("Signed in as " + vm.actor().name() + ". Enter your password to continue; "
                + "your unsaved work is kept.");
        who.setWrapText(true);
        PasswordField password = new PasswordField();
        password.setId("unlockPassword");
        password.setMaxWidth(280);
        password.textProperty().bindBidirectional(vm.passwordProperty());
        Button unlock = new Button("Unlock");
        unlock.setId("unlock");
        unlock.setDefaultButton(true);
        Runnable tryUnlock = () -> {
            if (vm.checkingProperty().get()) return;
            char[] typed = vm.takePassword();
            Thread check = new Thread(() -> {
                String refusal = vm.verify(typed);
                Platform.runLater(() -> vm.apply(refusal));
            }, "outcome-desk-unlock");
            check.setDaemon(true);
            check.start();
        };
        unlock.setOnAction(e -> tryUnlock.run());
        // Enter in the field unlocks: the window underneath may hold a default button of its own, and the
        // scene's Enter goes to whichever default button was laid out last.
        password.setOnAction(e -> {
            e.consume();
            tryUnlock.run();
        });
        unlock.disableProperty().bind(vm.checkingProperty());
        password.disableProperty().bind(vm.checkingProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        HBox checking = new HBox(8, spinner, new Label("Checking…"));
        checking.setAlignment(Pos.CENTER);
        checking.visibleProperty().bind(vm.checkingProperty());
        Label message = ErrorText.showing(vm.messageProperty());
        message.setId("unlockMessage");
        VBox box = new VBox(12, title, who, password, unlock, checking, message);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(420);
        StackPane overlay = new StackPane(box);
        overlay.setId("idleLock");
        overlay.setStyle("-fx-background-color: -fx-background;");
        overlay.visibleProperty().bind(vm.lockedProperty());
        vm.lockedProperty().addListener((obs, was, now) -> {
            if (now) password.requestFocus();
        });
        vm.checkingProperty().addListener((obs, was, now) -> {
            if (!now && vm.lockedProperty().get()) password.requestFocus();
        });
        return overlay;
    }
}
