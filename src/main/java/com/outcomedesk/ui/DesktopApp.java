package com.outcomedesk.ui;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.ui.security.SecureStart;
import com.outcomedesk.ui.shell.Shell;
import com.outcomedesk.ui.support.FxDialogs;
import com.outcomedesk.ui.support.FailureSentences;
import com.outcomedesk.ui.support.UncaughtFailures;
import com.outcomedesk.ui.support.Views;
import com.outcomedesk.ui.support.Windows;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app. The window appears at once with a short "opening" view while the store opens on a
 * background thread (migrations and Hibernate start-up take a moment), then the main window takes over.
 * With {@code -Doutcomedesk.timing=true} it prints the start-up times, measured from JVM start.
 */
public final class DesktopApp extends Application {
    public static final String STYLESHEET = Views.STYLESHEET;
    /** The file in the data directory that keeps the windows' sizes and places between runs. */
    static final String WINDOW_PLACES = "windows.properties";

    private final AtomicBoolean closing = new AtomicBoolean();
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);
    private Engine engine;
    private Shell shell;
    private com.outcomedesk.backup.BackupTimer backupTimer;

    /** The store to open: the Launcher parses the command line once and hands it over before the toolkit starts
     *  (started any other way, e.g. from an IDE, the app opens the default store). */
    private static volatile StoreLocation location = StoreLocation.of(null, null);
    /** The backup the app was opened with (a double-clicked .odbackup file): restoring it is offered once signed in. */
    private static volatile java.nio.file.Path backupToRestore;

    /** Opens the desktop app on the given store, offering to restore {@code backup} when not null; returns when the app has quit. */
    public static void open(StoreLocation store, java.nio.file.Path backup) {
        location = store;
        backupToRestore = backup;
        launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        UncaughtFailures.install(new FxDialogs(stage), closing::get);
        Label opening = new Label("Opening " + location.description() + " ...");
        VBox splash = new VBox(16, new ProgressIndicator(), opening);
        splash.getStyleClass().add("splash");
        Scene scene = new Scene(splash);
        scene.getStylesheets().add(DesktopApp.class.getResource(STYLESHEET).toExternalForm());
        stage.setTitle("OutcomeDesk");
        stage.setScene(scene);
        Windows.rememberIn(location.home().resolve(WINDOW_PLACES));
        Windows.place(stage, null, "main", 1200, 760, 900, 600);
        stage.show();
        timing("window shown");
        scene.rootProperty().addListener((o, was, now) -> {
            if (was == splash) Platform.runLater(() -> timing("sign-in screen interactive"));
        });

        SecureStart.show(scene, location, session -> {
            engine = session.engine();
            timing("store open");
            shell = Shell.build(engine, session.actor(), stage);
            scene.setRoot(shell.root());
            shell.start();
            backupTimer = com.outcomedesk.backup.BackupTimer.start(engine.scheduledBackups(),
                    file -> Platform.runLater(shell::backupMade), () -> {
                        if (engine.monitor().checkBackups(com.outcomedesk.backup.ScheduledBackups.SCHEDULE)) {
                            Platform.runLater(shell::alertsChanged);
                        }
                    });
            shell.addAccountMenu(SecureStart.lockWhenIdle(scene, session));
            if (backupToRestore != null) Platform.runLater(() -> shell.offerRestore(backupToRestore));
            Platform.runLater(() -> timing("main window interactive"));
        }, failure -> {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            Windows.place(alert, stage, null, 480, 0, 360, 160);
            alert.setTitle("OutcomeDesk cannot start");
            alert.setHeaderText("The store could not be opened");
            alert.setContentText(FailureSentences.describe(failure));
            alert.showAndWait();
            Platform.exit();
        });
    }

    @Override
    public void stop() {
        // In order: nothing reports from now on, the work stops (bounded), then the store closes.
        closing.set(true);
        Windows.rememberOpenWindows();
        if (shell != null && !shell.stop(Shell.STOP_BOUND)) {
            LOG.warn("Background work had not stopped {} s after quitting; closing the store regardless",
                    Shell.STOP_BOUND.toSeconds());
        }
        if (backupTimer != null) backupTimer.close();
        if (engine != null) engine.close();
        if (shell != null) {
            try {
                shell.afterStoreClosed().ifPresent(kept -> LOG.info("Restored store put in place; the replaced one is in {}", kept));
            } catch (java.io.IOException e) {
                LOG.error("The restored store could not be put in place ({}); it is kept beside the data directory", e.getMessage());
            }
        }
    }

    private static void timing(String event) {
        if (Boolean.getBoolean("outcomedesk.timing")) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.printf("startup: %s after %d ms%n", event, ms);
        }
    }
}
