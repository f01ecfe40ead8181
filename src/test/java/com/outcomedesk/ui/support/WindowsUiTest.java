package com.outcomedesk.ui.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.outcomedesk.testing.NeedsFxToolkit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Real windows (Monocle headless): sizes, minimum sizes, centring on the owner, remembered places. */
@NeedsFxToolkit
@ExtendWith(ApplicationExtension.class)
class WindowsUiTest {
    static {
        System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir Path dir;
    Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(new Label("owner")), 900, 600));
        stage.setX(200);
        stage.setY(100);
        stage.show();
    }

    @Test
    void aDialogOpensAtLeastItsPreferredAndMinimumSizeCentredOnItsOwner(FxRobot robot) throws Exception {
        Alert alert = fx(() -> {
            Alert a = Windows.place(new Alert(Alert.AlertType.INFORMATION, "Short."), null, null, 480, 0, 360, 160);
            a.initOwner(owner);
            a.show();
            return a;
        });
        Window window = alert.getDialogPane().getScene().getWindow();
        assertThat(window.getWidth()).isGreaterThanOrEqualTo(480);
        assertThat(window.getHeight()).isGreaterThanOrEqualTo(160);
        assertThat(((Stage) window).getMinWidth()).isEqualTo(360);
        assertThat(((Stage) window).getMinHeight()).isEqualTo(160);
        assertCentredOnOwner(window);
        robot.interact(alert::close);
    }

    @Test
    void aDialogWithoutAnOwnerGetsTheOneGivenAndIsCentredOnIt(FxRobot robot) throws Exception {
        Alert alert = fx(() -> {
            Alert a = Windows.place(new Alert(Alert.AlertType.INFORMATION, "Short."), owner, null, 480, 0, 360, 160);
            a.show();
            return a;
        });
        assertThat(alert.getOwner()).isSameAs(owner);
        assertCentredOnOwner(alert.getDialogPane().getScene().getWindow());
        robot.interact(alert::close);
    }

    @Test
    void aStageOpensAtItsPreferredSizeCentredAndContentLargerThanTheScreenIsCappedToIt(FxRobot robot) throws Exception {
        Stage small = fx(() -> show(new Region(), 700, 500, 400, 300, null));
        assertThat(small.getWidth()).isEqualTo(700, within(1.0));
        assertThat(small.getHeight()).isEqualTo(500, within(1.0));
        assertThat(small.getMinWidth()).isEqualTo(400);
        assertCentredOnOwner(small);

        Region huge = new Region();
        huge.setPrefSize(5000, 4000);
        Stage big = fx(() -> show(huge, 700, 500, 400, 300, null));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(big.getWidth()).isLessThanOrEqualTo(screen.getWidth());
        assertThat(big.getHeight()).isLessThanOrEqualTo(screen.getHeight());
        assertThat(screen.contains(big.getX(), big.getY())).as("top-left corner on the screen").isTrue();
        robot.interact(() -> {
            small.close();
            big.close();
        });
    }

    @Test
    void aResizableWindowComesBackWhereTheUserLeftItAcrossRunsButNeverOffScreen(FxRobot robot) throws Exception {
        Path places = dir.resolve("windows.properties");
        robot.interact(() -> Windows.rememberIn(places));
        Stage first = fx(() -> show(new Region(), 700, 500, 400, 300, "test-window"));
        robot.interact(() -> {
            first.setX(50);
            first.setY(60);
            first.setWidth(640);
            first.setHeight(420);
            first.close();
        });
        assertThat(Files.readString(places)).contains("test-window=50,60,640,420");

        robot.interact(() -> Windows.rememberIn(places)); // the next run reads the file
        Stage again = fx(() -> show(new Region(), 700, 500, 400, 300, "test-window"));
        assertThat(List.of(again.getX(), again.getY(), again.getWidth(), again.getHeight())).containsExactly(50.0, 60.0, 640.0, 420.0);
        robot.interact(again::close);

        // A place on a screen that is gone (a second monitor unplugged) is not restored.
        Files.writeString(places, "test-window=5000,60,640,420\n");
        robot.interact(() -> Windows.rememberIn(places));
        Stage moved = fx(() -> show(new Region(), 700, 500, 400, 300, "test-window"));
        assertThat(moved.getWidth()).isEqualTo(700, within(1.0));
        assertCentredOnOwner(moved);
        robot.interact(() -> {
            moved.close();
            Windows.rememberIn(null);
        });
    }

    @Test
    void aWindowWhoseContentGrewIsRefittedToItAndCentredOnItsOwnerAgain(FxRobot robot) throws Exception {
        Region content = new Region();
        content.setPrefSize(500, 300);
        Stage stage = fx(() -> show(content, 500, 0, 400, 200, null));
        fx(() -> {
            stage.setY(owner.getY() + owner.getHeight() - 100); // as a grown window whose bottom left the owner
            content.setPrefSize(500, 450);
            Windows.fitContent(stage);
            return null;
        });
        assertThat(stage.getScene().getHeight()).isEqualTo(450, within(1.0));
        assertCentredOnOwner(stage);
        robot.interact(stage::close);
    }

    @Test
    void savedPlacesMustHaveTheirTitleBarOnAScreen() {
        Windows.rememberIn(null);
        List<Rectangle2D> screens = List.of(new Rectangle2D(0, 0, 1280, 800));
        Windows.save("k", new Rectangle2D(100, 100, 800, 600));
        assertThat(Windows.saved("k", screens)).isEqualTo(new Rectangle2D(100, 100, 800, 600));
        Windows.save("k", new Rectangle2D(100, -300, 800, 600));
        assertThat(Windows.saved("k", screens)).as("title bar above the screen").isNull();
        Windows.save("k", new Rectangle2D(0, 0, 2000, 600));
        assertThat(Windows.saved("k", screens)).as("wider than the screen").isNull();
        assertThat(Windows.saved("never-saved", screens)).isNull();
    }

    @Test
    void sizesAreThePreferredOrTheContentsAtLeastTheMinimumAtMostTheScreen() {
        assertThat(Windows.extent(200, 480, 360, 1280)).isEqualTo(480);
        assertThat(Windows.extent(900, 480, 360, 1280)).isEqualTo(900);
        assertThat(Windows.extent(3000, 480, 360, 1280)).isEqualTo(1280);
        assertThat(Windows.extent(100, 0, 360, 1280)).isEqualTo(360);
        assertThat(Windows.centred(400, 300, new Rectangle2D(0, 0, 200, 100), new Rectangle2D(0, 0, 1280, 800)))
                .as("an owner in the corner: moved onto the screen").isEqualTo(new Rectangle2D(0, 0, 400, 300));
    }

    /** Runs on the FX thread, then waits for the events it set off (a window's size arrives after it shows). */
    private static <T> T fx(java.util.concurrent.Callable<T> action) throws Exception {
        T result = org.testfx.util.WaitForAsyncUtils.asyncFx(action).get();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return result;
    }

    private Stage show(Region content, double prefW, double prefH, double minW, double minH, String key) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setScene(new Scene(content));
        Windows.place(stage, owner, key, prefW, prefH, minW, minH);
        stage.show();
        return stage;
    }

    private void assertCentredOnOwner(Window window) {
        double ownerX = owner.getX() + owner.getWidth() / 2;
        double ownerY = owner.getY() + owner.getHeight() / 2;
        assertThat(window.getX() + window.getWidth() / 2).as("centre x").isEqualTo(ownerX, within(2.0));
        assertThat(window.getY() + window.getHeight() / 2).as("centre y").isEqualTo(ownerY, within(2.0));
    }
}
