package com.outcomedesk.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.outcomedesk.testing.NeedsFxToolkit;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A failure nobody caught on the FX thread: one plain dialog, and a log entry without the patient text it held. */
@NeedsFxToolkit
@ExtendWith(ApplicationExtension.class)
class UncaughtFailuresUiTest {
    static {
        System.setProperty("testfx.setup.timeout", "120000");
    }

    private static final String TYPED = "Jane Roe 15/03/2025";
    final AtomicBoolean closing = new AtomicBoolean();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(new Label("main")), 800, 500));
        stage.show();
    }

    @BeforeEach
    void install() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> UncaughtFailures.install(new FxDialogs(stage), closing::get)).get();
        log.start();
        ((Logger) LoggerFactory.getLogger(UncaughtFailures.class)).addAppender(log);
    }

    @AfterEach
    void uninstall() throws Exception {
        ((Logger) LoggerFactory.getLogger(UncaughtFailures.class)).detachAppender(log);
        Thread.setDefaultUncaughtExceptionHandler(null);
        WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(null)).get();
    }

    @Test
    void aParseFailureOnTheFxThreadShowsOnePlainDialogAndLogsNoPatientText(FxRobot robot) throws Exception {
        // Two failures at once, as a typed date that fails on focus loss and again on Save: one dialog, not two.
        Platform.runLater(UncaughtFailuresUiTest::parseWhatWasTyped);
        Platform.runLater(UncaughtFailuresUiTest::parseWhatWasTyped);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialog() != null);
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane pane = dialog();
        assertThat(pane.getHeaderText()).isEqualTo("Something went wrong");
        assertThat(((Labeled) pane.getContent()).getText()).contains("What to do").doesNotContain("Exception");
        assertThat(dialogs()).isEqualTo(1);

        String logged = String.join("\n", log.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(log.list).hasSize(2);
        assertThat(logged).contains("java.time.format.DateTimeParseException", "at java.base/java.time.format.DateTimeFormatter.parse",
                "UncaughtFailuresUiTest.parseWhatWasTyped").doesNotContain(TYPED).doesNotContain("could not be parsed");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog()).isNull();
    }

    @Test
    void whileTheAppClosesFailuresAreLoggedButNotShown() throws Exception {
        closing.set(true);
        Thread worker = new Thread(UncaughtFailuresUiTest::parseWhatWasTyped, "worker");
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog()).isNull();
        assertThat(log.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("on thread worker", "DateTimeParseException").doesNotContain(TYPED);
    }

    private static void parseWhatWasTyped() {
        DateTimeFormatter.ISO_LOCAL_DATE.parse(TYPED);
        throw new AssertionError("the text must not parse");
    }

    private static DialogPane dialog() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene().getRoot() instanceof DialogPane pane) return pane;
        }
        return null;
    }

    private static long dialogs() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene().getRoot() instanceof DialogPane).count();
    }
}
