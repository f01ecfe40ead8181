package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.ui.security.IdleLock;
import com.outcomedesk.ui.security.IdleLockViewModel;
import com.outcomedesk.ui.shell.Shell;
import java.time.Duration;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Alt plus the underlined letter opens a menu, in the main window as the app shows it after sign-in (under the idle lock). */
class MenuMnemonicsUiTest extends HeadlessUiTest {
    Engine engine;
    Shell shell;

    @Override
    protected void prepare() {
        engine = openStore();
    }

    @Override
    protected void start(Stage stage) {
        shell = showMainWindow(engine, stage);
        // As after sign-in: the idle lock wraps the main window's root.
        IdleLockViewModel idle = new IdleLockViewModel(engine.accounts(), engine.audit(),
                new Actor("admin", Role.ADMINISTRATOR), System::nanoTime);
        idle.setIdleTime(Duration.ofMinutes(15));
        IdleLock.install(stage.getScene(), idle).stopWhenClosing(engine);
    }

    @Override
    protected boolean watchesForStalls() {
        return false;
    }

    @Test
    void altFOpensTheFileMenuEvenWhenTheFocusedTextFieldKeepsTheKeyPress() throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu file = bar.getMenus().get(0);
        assertThat(file.getText()).isEqualTo("_File");
        robot.interact(() -> shell.model().dismissWelcome());
        waitFor(() -> robot.lookup("#searchField").tryQuery().isPresent());
        // As the desktop's input method does with the focus in a text field: it takes Alt+letter's key press.
        Node search = robot.lookup("#searchField").query();
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() && e.getCode().isLetterKey()) e.consume();
        });
        robot.clickOn(search);
        robot.press(KeyCode.ALT).press(KeyCode.F).release(KeyCode.F).release(KeyCode.ALT);
        waitFor(10, file::isShowing);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ESCAPE);
        waitFor(10, () -> !file.isShowing());
    }

    @Test
    void altHOpensTheHelpMenuFromTheKeyEventsGtkDeliversWithTheFocusInAField() throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu help = bar.getMenus().get(bar.getMenus().size() - 1);
        robot.interact(() -> shell.model().dismissWelcome());
        waitFor(() -> robot.lookup("#searchField").tryQuery().isPresent());
        Node search = robot.lookup("#searchField").query();
        robot.clickOn(search);
        // Seen under Xvfb: Alt's press, Alt's release, then only the letter's release; its press never arrives.
        robot.interact(() -> {
            Event.fireEvent(search, key(KeyEvent.KEY_PRESSED, KeyCode.ALT, true));
            Event.fireEvent(search, key(KeyEvent.KEY_RELEASED, KeyCode.ALT, false));
            Event.fireEvent(search, key(KeyEvent.KEY_RELEASED, KeyCode.H, false));
        });
        waitFor(10, help::isShowing);
        robot.type(KeyCode.ESCAPE);
    }

    private static KeyEvent key(javafx.event.EventType<KeyEvent> type, KeyCode code, boolean alt) {
        return new KeyEvent(type, KeyEvent.CHAR_UNDEFINED, "", code, false, false, alt, false);
    }
}
