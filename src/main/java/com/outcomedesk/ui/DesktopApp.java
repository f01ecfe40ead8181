package com.outcomedesk.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** Placeholder replaced below. */
public final class DesktopApp extends Application {
    public static void main(String[] args) {
        launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
    }
}
