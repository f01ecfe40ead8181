package com.outcomedesk.ui.settings;

import com.outcomedesk.settings.DateFormatChoice;
import com.outcomedesk.ui.support.ErrorText;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Settings screen for administrators: each setting with what it does and, when it is wrong, why. */
public final class SettingsView {
    private SettingsView() {
    }

    public static Parent create(SettingsViewModel vm) {
        Label title = new Label("Settings");
        title.getStyleClass().add("screen-title");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setMinWidth(340);
        ColumnConstraints notes = new ColumnConstraints();
        notes.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields, notes);

        TextField idle = field("idleMinutes", vm.idleMinutesProperty(), 6);
        row(grid, 0, "Idle lock (minutes)", new HBox(idle),
                "The window locks after this long without input and asks for the password again (1 to 240).",
                vm.idleProblemProperty(), "idleProblem");

        TextField medium = field("mediumRisk", vm.mediumProperty(), 6);
        TextField high = field("highRisk", vm.highProperty(), 6);
        Label mediumLabel = new Label("medium from");
        Label highLabel = new Label("high from");
        mediumLabel.setMinWidth(Region.USE_PREF_SIZE);
        highLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox risk = new HBox(8, mediumLabel, medium, highLabel, high);
        risk.setAlignment(Pos.CENTER_LEFT);
        row(grid, 2, "Risk cut-offs", risk,
                "A predicted probability of a worse outcome below the medium cut-off is low risk; from the high "
                        + "cut-off up it is high risk.", vm.riskProblemProperty(), "riskProblem");

        ChoiceBox<DateFormatChoice> date = new ChoiceBox<>();
        date.setId("dateFormat");
        date.getItems().setAll(DateFormatChoice.values());
        date.setConverter(new StringConverter<>() {
            @Override public String toString(DateFormatChoice c) { return c == null ? "" : c.label(); }
            @Override public DateFormatChoice fromString(String s) { return null; }
        });
        date.valueProperty().bindBidirectional(vm.dateFormatProperty());
        date.setPrefWidth(330);
        row(grid, 4, "Date format", new HBox(date),
                "How dates are shown and typed everywhere in the app. A date typed as 2025-03-15 is always understood.",
                null, null);

        TextField syncMinutes = field("syncMinutes", vm.syncMinutesProperty(), 6);
        row(grid, 6, "Sync interval (minutes)", new HBox(syncMinutes),
                "How often the app syncs with the shared server in the background; 0 syncs only when you choose Sync now.",
                vm.syncProblemProperty(), "syncProblem");

        Button save = new Button("Save");
        save.setId("saveSettings");
        save.setDefaultButton(true);
        // Enabled while anything changed: pressing it with a wrong field says so beside it.
        save.disableProperty().bind(vm.changedProperty().not().or(vm.busyProperty()));
        save.setOnAction(e -> vm.save());
        Button revert = new Button("Revert");
        revert.setId("revertSettings");
        revert.disableProperty().bind(vm.changedProperty().not().or(vm.busyProperty()));
        revert.setOnAction(e -> vm.revert());
        Label message = new Label();
        message.setId("settingsMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox buttons = new HBox(8, save, revert, message);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(14, title, grid, buttons);
        root.setPadding(new Insets(12));
        root.setMaxWidth(980);
        root.setAlignment(Pos.TOP_LEFT);
        grid.disableProperty().bind(vm.busyProperty());
        vm.load();
        VBox outer = new VBox(root);
        outer.getStyleClass().add("settings-screen");
        return outer;
    }

    private static TextField field(String id, StringProperty text, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    /** A setting on one line with its explanation beside it, and its problem, if any, on the line below. */
    private static void row(GridPane grid, int row, String label, HBox control, String note, StringBinding problem,
                            String problemId) {
        Label caption = new Label(label);
        caption.setMinWidth(Region.USE_PREF_SIZE);
        caption.getStyleClass().add("settings-label");
        control.setAlignment(Pos.CENTER_LEFT);
        Label explanation = new Label(note);
        explanation.setWrapText(true);
        explanation.getStyleClass().add("settings-note");
        grid.add(caption, 0, row);
        grid.add(control, 1, row);
        grid.add(explanation, 2, row);
        if (problem != null) {
            Label error = ErrorText.showing(problem);
            error.setId(problemId);
            grid.add(error, 1, row + 1, 2, 1);
        } else {
            grid.add(new Label(), 1, row + 1);
        }
    }
}
