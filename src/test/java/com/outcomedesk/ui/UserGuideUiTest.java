package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.NeedsFxToolkit;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** F1 opens the formatted guide with its pictures in a window of its own, centred on the main window; Esc closes it. */
@NeedsFxToolkit
@ExtendWith(ApplicationExtension.class)
class UserGuideUiTest {
    static {
        System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir static Path dir;
    static Engine engine;
    Stage main;

    @BeforeAll
    static void openStore() {
        engine = Engine.open(TestStores.h2(dir.resolve("store")));
    }

    @AfterAll
    static void closeStore() {
        engine.close();
    }

    @Start
    void start(Stage stage) {
        main = stage;
        FxSteps.showMainWindow(engine, stage);
    }

    @Test
    void f1OpensTheGuideAndEscClosesIt(FxRobot robot) throws Exception {
        robot.type(KeyCode.F1);
        waitFor(() -> guide() != null);
        Window window = guide();
        ScrollPane scroll = (ScrollPane) window.getScene().getRoot();
        assertThat(scroll.lookupAll(".guide-h2")).hasSizeGreaterThan(5);
        assertThat(scroll.lookupAll(".guide-picture")).allMatch(p -> !((ImageView) p.lookup(".image-view")).getImage().isError());
        assertThat(window.getWidth()).isGreaterThanOrEqualTo(480);
        assertThat(window.getX() + window.getWidth() / 2).isCloseTo(main.getX() + main.getWidth() / 2,
                org.assertj.core.api.Assertions.within(2.0));
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> guide() == null);
    }

    private static Window guide() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene().getRoot().getId() != null
                && w.getScene().getRoot().getId().equals("userGuide")).findFirst().orElse(null);
    }
}
