package com.outcomedesk.ui.sync;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.security.Actor;
import com.outcomedesk.ui.support.Views;
import com.outcomedesk.ui.support.Windows;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.stage.Window;

/**
 * Puts sync into the main window: a status-bar segment (click to sync now), a Sync menu with
 * "Sync now" and "Sync settings…", and the background schedule.
 */
public final class SyncPanel {
    private SyncPanel() {
    }

    /**
     * @param statusBar the status bar to add the segment to (at {@code index})
     * @param afterPull run on the UI thread when a sync brought rows in
     */
    public static SyncStatusViewModel install(Engine engine, Supplier<Actor> actor, MenuBar menuBar, Pane statusBar,
                                              int index, Supplier<Window> owner, Runnable afterPull) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sync");
            t.setDaemon(true);
            return t;
        });
        SyncStatusViewModel vm = new SyncStatusViewModel(engine.sync(), worker, Platform::runLater);

        Button segment = new Button();
        segment.getStyleClass().addAll("status-item", "small-button");
        segment.setMnemonicParsing(false);
        segment.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        segment.textProperty().bind(vm.textProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.detailProperty());
        segment.setTooltip(tip);
        segment.disableProperty().bind(vm.syncingProperty());
        segment.setOnAction(e -> vm.syncNow());
        statusBar.getChildren().add(Math.min(index, statusBar.getChildren().size()), segment);

        MenuItem now = new MenuItem("Sync _now");
        now.disableProperty().bind(vm.syncingProperty().or(vm.configuredProperty().not()));
        now.setOnAction(e -> vm.syncNow());
        MenuItem settings = new MenuItem("Sync _settings…");
        settings.setOnAction(e -> {
            if (showSettings(new SyncSettingsViewModel(engine.sync(), actor.get()), owner.get())) {
                vm.refresh();
                vm.syncNow();
            }
        });
        Menu menu = new Menu("_Sync", null, now, settings);
        menuBar.getMenus().add(Math.max(0, menuBar.getMenus().size() - 1), menu);

        vm.pulledProperty().addListener((o, was, n) -> {
            if (n.longValue() > was.longValue()) afterPull.run();
        });
        vm.refresh();
        vm.schedule(SyncStatusViewModel.DEFAULT_INTERVAL);
        return vm;
    }

    /** The settings dialog; returns whether new settings were saved. */
    static boolean showSettings(SyncSettingsViewModel vm, Window owner) {
        Dialog<ButtonType> dialog = Views.styled(new Dialog<>());
        Windows.place(dialog, owner, null, 560, 0, 460, 240);
        dialog.setTitle("Sync settings");
        dialog.setHeaderText("Shared PostgreSQL server (current: " + vm.currentServer() + ")");
        TextField url = new TextField();
        url.setPromptText("jdbc:postgresql://server:5432/outcomedesk");
        url.textProperty().bindBidirectional(vm.urlProperty());
        TextField user = new TextField();
        user.textProperty().bindBidirectional(vm.userProperty());
        PasswordField password = new PasswordField();
        password.textProperty().bindBidirectional(vm.passwordProperty());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(vm.errorProperty());
        error.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Server URL"), url);
        grid.addRow(1, new Label("User"), user);
        grid.addRow(2, new Label("Password"), password);
        grid.add(error, 0, 3, 2, 1);
        url.setPrefColumnCount(32);
        for (Node field : new Node[] {url, user, password}) field.setDisable(!vm.editable());
        if (!vm.editable()) error.textProperty().unbind();
        if (!vm.editable()) error.setText("Only an administrator can change the sync server.");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setDisable(!vm.editable());
        // Keep the dialog open with the message when the input is refused.
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!vm.save()) e.consume();
        });
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
