package com.outcomedesk.ui.security;

import com.outcomedesk.ui.support.ErrorText;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Covers the window with an opaque lock screen when the view model locks. The window's own content
 * stays in the scene underneath, untouched, so half-typed input survives the lock.
 */
public final class IdleLock {
    private IdleLock() {
    }

    /** Wraps the scene's current root; user input restarts the idle time, checked every few seconds. */
    public static Timeline install(Scene scene, IdleLockViewModel vm) {
        Parent content = scene.getRoot();
        StackPane stack = new StackPane();
        scene.setRoot(stack);
        stack.getChildren().setAll(content, overlay(vm));
        scene.addEventFilter(InputEvent.ANY, e -> vm.activity());
        content.disableProperty().bind(vm.lockedProperty());
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(5), e -> vm.check()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        return ticker;
    }

    private static Parent overlay(IdleLockViewModel vm) {
        Label title = new Label("Locked after inactivity");
        title.getStyleClass().add("title");
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
        unlock.setOnAction(e -> vm.unlock());
        Label message = ErrorText.showing(vm.messageProperty());
        VBox box = new VBox(12, title, who, password, unlock, message);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(420);
        StackPane overlay = new StackPane(box);
        overlay.setId("idleLock");
        overlay.setStyle("-fx-background-color: -fx-background;");
        overlay.visibleProperty().bind(vm.lockedProperty());
        vm.lockedProperty().addListener((obs, was, now) -> {
            if (now) password.requestFocus();
        });
        return overlay;
    }
}
