package com.outcomedesk.ui.sync;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.ui.support.ErrorText;
import com.outcomedesk.ui.support.Views;
import com.outcomedesk.ui.support.Windows;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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
            if (showSettings(new SyncSettingsViewModel(engine.sync(), actor.get(), worker, Platform::runLater), owner.get())) {
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
        vm.scheduleEveryMinutes(engine.sync().intervalMinutes());
        return vm;
    }

    /** The settings dialog; returns whether new settings were saved. */
    static boolean showSettings(SyncSettingsViewModel vm, Window owner) {
        Dialog<ButtonType> dialog = Views.styled(new Dialog<>());
        Windows.place(dialog, owner, null, 560, 0, 460, 240);
        dialog.setTitle("Sync settings");
        dialog.setHeaderText(vm.header());
        TextField host = field("syncHost", vm.hostProperty(), 24, "db.clinic.local");
        TextField port = field("syncPort", vm.portProperty(), 6, "5432");
        TextField database = field("syncDatabase", vm.databaseProperty(), 16, "outcomedesk");
        TextField user = field("syncUser", vm.userProperty(), 16, "user name on the server");
        PasswordField password = new PasswordField();
        password.setId("syncPassword");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        CheckBox tls = new CheckBox("Use TLS and check the server's certificate and host name (verify-full)");
        tls.setId("syncTls");
        tls.selectedProperty().bindBidirectional(vm.tlsProperty());
        tls.setWrapText(true);

        Button test = new Button("Test connection");
        test.setId("testConnection");
        test.disableProperty().bind(vm.testingProperty());
        test.setOnAction(e -> vm.testConnection());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.testingProperty());
        spinner.managedProperty().bind(vm.testingProperty());
        Label result = new Label();
        result.setId("testResult");
        result.setWrapText(true);
        result.textProperty().bind(vm.testResultProperty());
        vm.testOkProperty().addListener((o, was, ok) -> {
            result.getStyleClass().removeAll(SyncSettingsViewModel.TEST_STYLES);
            SyncSettingsViewModel.testStyle(ok).ifPresent(result.getStyleClass()::add);
        });
        HBox testRow = new HBox(8, test, spinner);
        testRow.setAlignment(Pos.CENTER_LEFT);

        Label problems = new Label();
        problems.setId("syncProblems");
        problems.setWrapText(true);
        problems.getStyleClass().add("settings-note");
        problems.textProperty().bind(vm.problemsProperty());
        Label error = ErrorText.showing(vm.errorProperty());
        error.setId("syncError");
        Label passwordNote = new Label(vm.passwordNote());
        passwordNote.setId("syncPasswordNote");
        passwordNote.setWrapText(true);
        passwordNote.getStyleClass().add("settings-note");

        Label warning = new Label(SyncSettingsViewModel.DIRECT_WARNING);
        warning.setId("directWarning");
        warning.setWrapText(true);
        warning.getStyleClass().add("sync-warning");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        String[] captions = {"Server host", "Port", "Database", "User name", "Password"};
        Node[] fields = {host, port, database, user, password};
        for (int i = 0; i < captions.length; i++) {
            Label caption = new Label(captions[i]);
            caption.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(i, caption, fields[i]);
        }
        grid.add(tls, 1, 5);
        VBox direct = new VBox(8, warning, grid, passwordNote, testRow, result, problems);
        if (!vm.note().isEmpty()) direct.getChildren().add(2, new Label(vm.note()));
        VBox server = serverPane(vm);

        ToggleGroup modes = new ToggleGroup();
        RadioButton viaServer = new RadioButton("OutcomeDesk Server (recommended)");
        viaServer.setId("modeServer");
        RadioButton viaDatabase = new RadioButton("Direct PostgreSQL (advanced)");
        viaDatabase.setId("modeDirect");
        viaServer.setToggleGroup(modes);
        viaDatabase.setToggleGroup(modes);
        modes.selectToggle(vm.modeProperty().get() == SyncSettingsViewModel.Mode.SERVER ? viaServer : viaDatabase);
        modes.selectedToggleProperty().addListener((o, was, now) -> vm.modeProperty().set(now == viaDatabase
                ? SyncSettingsViewModel.Mode.DIRECT : SyncSettingsViewModel.Mode.SERVER));
        var isServer = vm.modeProperty().isEqualTo(SyncSettingsViewModel.Mode.SERVER);
        server.visibleProperty().bind(isServer);
        server.managedProperty().bind(isServer);
        direct.visibleProperty().bind(isServer.not());
        direct.managedProperty().bind(isServer.not());
        isServer.addListener((o, was, now) -> Windows.fitContent(dialog.getDialogPane().getScene().getWindow()));
        vm.enrollResultProperty().addListener((o, was, now) -> Windows.fitContent(dialog.getDialogPane().getScene().getWindow()));

        VBox content = new VBox(10, new HBox(16, viaServer, viaDatabase), server, direct, error);
        content.setPadding(new Insets(12));
        content.setPrefWidth(560);
        for (Label l : new Label[] {warning, passwordNote, result, problems, error}) {
            l.setMaxWidth(536);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        if (!vm.editable()) {
            grid.setDisable(true);
            server.setDisable(true);
            viaServer.setDisable(true);
            viaDatabase.setDisable(true);
            error.textProperty().unbind();
            error.setText("Only an administrator can change the sync server.");
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ((Button) ok).setText("Save");
        ok.setId("saveSync");
        ok.setDisable(!vm.editable());
        // Keep the dialog open with the message when the input is refused.
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!vm.save()) e.consume();
        });
        dialog.setOnShown(e -> Platform.runLater(() -> {
            if (vm.modeProperty().get() == SyncSettingsViewModel.Mode.DIRECT) host.requestFocus();
        }));
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** The recommended way: the server's address, the enrollment code, certificate pinning, and Enrol. */
    private static VBox serverPane(SyncSettingsViewModel vm) {
        Label intro = new Label("Each site has its own credential, which the server's administrator can suspend or "
                + "revoke; this computer keeps no database login. Ask the administrator for an enrollment code "
                + "('sites add NAME' on the server).");
        intro.setWrapText(true);
        intro.getStyleClass().add("settings-note");
        TextField url = field("serverUrl", vm.serverUrlProperty(), 28, "https://server.clinic.local:8443");
        TextField code = field("enrollCode", vm.codeProperty(), 28, "XXXXX-XXXXX-XXXXX-XXXXX");
        CheckBox pin = new CheckBox("Pin the server's certificate now (a self-signed certificate)");
        pin.setId("pinCertificate");
        pin.selectedProperty().bindBidirectional(vm.pinProperty());
        Button enroll = new Button("Enrol");
        enroll.setId("enroll");
        enroll.disableProperty().bind(vm.enrollingProperty().or(vm.serverUrlProperty().isEmpty())
                .or(vm.codeProperty().isEmpty()));
        enroll.setOnAction(e -> vm.enroll());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.enrollingProperty());
        spinner.managedProperty().bind(vm.enrollingProperty());
        Label result = new Label();
        result.setId("enrollResult");
        result.setWrapText(true);
        result.setMaxWidth(536);
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.textProperty().bind(vm.enrollResultProperty());
        vm.enrollOkProperty().addListener((o, was, ok) -> {
            result.getStyleClass().removeAll(SyncSettingsViewModel.TEST_STYLES);
            SyncSettingsViewModel.testStyle(ok).ifPresent(result.getStyleClass()::add);
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Server address"), url);
        grid.addRow(1, new Label("Enrollment code"), code);
        grid.add(pin, 1, 2);
        HBox row = new HBox(8, enroll, spinner);
        row.setAlignment(Pos.CENTER_LEFT);
        intro.setMaxWidth(536);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        return new VBox(10, intro, grid, row, result);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty text, int columns, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(text);
        return field;
    }
}
