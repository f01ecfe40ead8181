package com.outcomedesk.ui.shell;

import com.outcomedesk.ui.support.FxBackground;
import com.outcomedesk.ui.support.Mnemonics;
import com.outcomedesk.ui.support.Views;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.MenuBar;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Binds the main window to its ViewModel and switches between screens; it holds no state of its own. */
public final class MainController {
    private final MainViewModel model;
    private final FxBackground background;
    private final Map<String, Screen> screens = new LinkedHashMap<>();
    private final ToggleGroup navigationGroup = new ToggleGroup();
    private Parent welcome;

    @FXML private MenuBar menuBar;
    @FXML private BorderPane root;
    @FXML private Menu modelMenu;
    @FXML private VBox navigation;
    @FXML private StackPane content;
    @FXML private Label storeLabel;
    @FXML private Label summaryLabel;
    @FXML private Label modelLabel;
    @FXML private Label userLabel;
    @FXML private Label backupLabel;
    @FXML private HBox workBox;
    @FXML private Label workLabel;
    @FXML private ProgressBar workProgress;
    @FXML private Button cancelButton;

    private record Screen(String title, Supplier<Parent> factory, ToggleButton button, Parent[] view) {
    }

    public MainController(MainViewModel model, FxBackground background) {
        this.model = model;
        this.background = background;
    }

    public BorderPane load() {
        return Views.load("/com/outcomedesk/ui/shell/MainWindow.fxml", this);
    }

    @FXML
    private void initialize() {
        storeLabel.textProperty().bind(model.storeTextProperty());
        summaryLabel.textProperty().bind(model.storeSummaryProperty());
        modelLabel.textProperty().bind(model.modelTextProperty());
        modelLabel.visibleProperty().bind(model.modelVersionProperty().isNotEmpty());
        modelLabel.managedProperty().bind(modelLabel.visibleProperty());
        userLabel.textProperty().bind(model.userTextProperty());
        backupLabel.textProperty().bind(model.backups().lastBackupProperty());
        backupLabel.visibleProperty().bind(model.backups().lastBackupProperty().isNotEmpty());
        backupLabel.managedProperty().bind(backupLabel.visibleProperty());
        userLabel.visibleProperty().bind(model.accountsProperty());
        userLabel.managedProperty().bind(userLabel.visibleProperty());
        workBox.visibleProperty().bind(background.busyProperty());
        workLabel.textProperty().bind(background.messageProperty());
        workProgress.progressProperty().bind(background.progressProperty());
        cancelButton.disableProperty().bind(background.cancellingProperty());
        modelMenu.visibleProperty().bind(Bindings.isNotEmpty(modelMenu.getItems()));
        model.welcomeVisibleProperty().addListener((o, was, visible) -> showWelcome(visible));
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && !scene.getProperties().containsKey(Mnemonics.class)) {
                scene.getProperties().put(Mnemonics.class, true);
                Mnemonics.beforeControls(scene);
            }
        });
    }

    /** Adds a screen to the navigation; its view is built the first time it is opened. */
    public void addScreen(String title, String tooltip, Supplier<Parent> factory) {
        ToggleButton button = new ToggleButton(title);
        button.setToggleGroup(navigationGroup);
        button.setMaxWidth(Double.MAX_VALUE);
        button.getStyleClass().add("nav-button");
        button.setTooltip(new Tooltip(tooltip));
        button.setMnemonicParsing(false);
        Screen screen = new Screen(title, factory, button, new Parent[1]);
        button.setOnAction(e -> {
            model.dismissWelcome();
            show(screen);
        });
        screens.put(title, screen);
        navigation.getChildren().add(button);
    }

    public void show(String title) {
        show(screens.get(title));
    }

    private void show(Screen screen) {
        if (screen.view()[0] == null) screen.view()[0] = screen.factory().get();
        screen.button().setSelected(true);
        content.getChildren().setAll(screen.view()[0]);
    }

    private void showWelcome(boolean visible) {
        if (!visible) {
            if (content.getChildren().contains(welcome) && !screens.isEmpty()) show(screens.values().iterator().next());
            return;
        }
        if (welcome == null) welcome = new WelcomeController(model).load();
        content.getChildren().setAll(welcome);
        navigationGroup.selectToggle(null);
    }

    /** The menu bar, for features that add their own menu (sync). */
    public MenuBar menuBar() {
        return menuBar;
    }

    /** @param id the item's id, which its menu row carries, so tests and stylesheets can find it */
    public void addModelMenuItem(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setMnemonicParsing(true);
        item.setOnAction(e -> action.run());
        modelMenu.getItems().add(item);
    }

    @FXML private void importFile() { model.importFile(); }
    @FXML private void exportFile() { model.exportFile(); }
    @FXML private void backup() { model.backup(); }
    @FXML private void restore() { model.restore(); }
    @FXML private void loadDemoData() { model.chooseAndLoadDemoData(); }
    @FXML private void quit() { model.quit(); }
    @FXML private void userGuide() { HelpWindows.userGuide(root.getScene().getWindow()); }
    @FXML private void adminGuide() { HelpWindows.adminGuide(root.getScene().getWindow()); }
    @FXML private void about() { model.about(about -> HelpWindows.about(root.getScene().getWindow(), about)); }
    @FXML private void cancelWork() { background.cancel(); }
}
