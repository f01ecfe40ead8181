package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * F1 opens the formatted guide with its pictures in a window of its own, centred on the main window; Esc closes it.
 * Its link to the administrator guide shows that guide in the same window.
 */
class UserGuideUiTest extends HeadlessUiTest {
    Engine engine;
    Stage main;

    @Override
    protected void prepare() {
        engine = openStore();
    }

    @Override
    protected void start(Stage stage) {
        main = stage;
        showMainWindow(engine, stage);
    }

    @Override
    protected boolean watchesForStalls() {
        return false;
    }

    @Test
    void f1OpensTheGuideAndEscClosesIt() throws Exception {
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

    @Test
    void theUserGuidesLinkOpensTheAdministratorGuideInItsWindow() throws Exception {
        robot.type(KeyCode.F1);
        waitFor(() -> guide() != null);
        Stage window = (Stage) guide();
        assertThat(window.getTitle()).isEqualTo("OutcomeDesk user guide");
        Hyperlink link = (Hyperlink) window.getScene().getRoot().lookupAll(".guide-link").stream()
                .filter(n -> ((Hyperlink) n).getText().equals("administrator guide")).findFirst().orElseThrow();
        robot.clickOn(link);
        waitFor(() -> window.getTitle().equals("OutcomeDesk administrator guide"));
        ScrollPane scroll = (ScrollPane) window.getScene().getRoot();
        assertThat(scroll.lookupAll(".guide-h2")).hasSizeGreaterThan(5);
        assertThat(scroll.lookupAll(".guide-code")).isNotEmpty();
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> guide() == null);
    }

    private static Window guide() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene().getRoot().getId() != null
                && w.getScene().getRoot().getId().equals("userGuide")).findFirst().orElse(null);
    }
}
