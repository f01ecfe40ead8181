package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.testing.NeedsFxToolkit;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.ui.models.ModelsViewModel;
import com.outcomedesk.ui.shell.Shell;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A clinician sees before pressing anything that retraining, activation and rollback are for administrators. */
@NeedsFxToolkit
@ExtendWith(ApplicationExtension.class)
class ClinicianModelsUiTest {
    static {
        System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir static Path dir;
    static Engine engine;
    Shell shell;
    FxStallWatchdog watchdog;

    @BeforeAll
    static void openStore() {
        engine = Engine.open(TestStores.h2(dir.resolve("store")));
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
    }

    @AfterAll
    static void closeStore() {
        engine.close();
    }

    @Start
    void start(Stage stage) {
        shell = FxSteps.showMainWindow(engine, stage, new Actor("carol", Role.CLINICIAN));
        watchdog = new FxStallWatchdog();
    }

    @AfterEach
    void stop() {
        FxSteps.assertNoEngineStall(watchdog);
    }

    @Test
    void retrainActivateAndRollBackAreDisabledWithTheReason(FxRobot robot) throws Exception {
        MenuItem retrain = shell.controller().menuBar().getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "retrainItem".equals(i.getId())).findFirst().orElseThrow();
        assertThat(retrain.isDisable()).isTrue();
        assertThat(retrain.getText()).contains("administrators only");

        robot.clickOn("Models");
        waitFor(() -> robot.lookup("#retrainButton").tryQuery().isPresent());
        for (String id : new String[] {"#retrainButton", "#activateButton", "#rollbackButton"}) {
            assertThat(robot.lookup(id).queryAs(Button.class).isDisabled()).as(id).isTrue();
        }
        Label reason = robot.lookup("#adminOnly").queryAs(Label.class);
        assertThat(reason.isVisible()).isTrue();
        assertThat(reason.getText()).isEqualTo(ModelsViewModel.ADMINISTRATORS_ONLY);
    }
}
