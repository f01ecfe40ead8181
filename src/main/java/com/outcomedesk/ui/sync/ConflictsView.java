package com.outcomedesk.ui.sync;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The Conflicts screen: the list, both versions of the chosen record side by side, and the decision; below, when
 * sync holds records back, their list with Repair.
 */
public final class ConflictsView {
    private ConflictsView() {
    }

    public static Parent create(ConflictsViewModel vm, QuarantineViewModel quarantine) {
        Label title = new Label("Sync conflicts");
        title.getStyleClass().add("screen-title");
        Label intro = new Label("Two sites changed the same record before syncing. One version is in use everywhere; "
                + "the other was kept aside so nothing is lost. Compare them and decide.");
        intro.setWrapText(true);
        // A wrapping label in a VBox is otherwise squeezed to one line and cut with an ellipsis.
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        CheckBox resolved = new CheckBox("Show decided conflicts too");
        resolved.setId("showResolved");
        resolved.selectedProperty().bindBidirectional(vm.showResolvedProperty());
        Button reload = new Button("Reload");
        reload.setOnAction(e -> vm.refresh());
        HBox tools = new HBox(12, resolved, reload);
        tools.setAlignment(Pos.CENTER_LEFT);

        TableView<ConflictsViewModel.Row> list = new TableView<>(vm.conflicts());
        list.setId("conflictsTable");
        list.getColumns().add(column("Record", ConflictsViewModel.Row::record, 220));
        list.getColumns().add(column("Status", ConflictsViewModel.Row::status, 170));
        list.getColumns().add(column("Found", ConflictsViewModel.Row::detected, 130));
        list.getColumns().add(column("Sites", ConflictsViewModel.Row::sites, 300));
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        list.setPlaceholder(new Label("No conflicts to review."));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (row != null) vm.selectedProperty().set(row);
        });
        vm.selectedProperty().addListener((o, was, row) -> {
            if (row != list.getSelectionModel().getSelectedItem()) list.getSelectionModel().select(row);
        });

        TableView<ConflictsViewModel.Field> compare = new TableView<>(vm.fields());
        compare.setId("comparisonTable");
        compare.getColumns().add(fieldColumn("Field", ConflictsViewModel.Field::name, 150));
        compare.getColumns().add(fieldColumn("In use (this version)", ConflictsViewModel.Field::inUse, 380));
        compare.getColumns().add(fieldColumn("Kept aside (the other version)", ConflictsViewModel.Field::kept, 380));
        compare.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        compare.setPlaceholder(new Label("Choose a conflict above to compare its two versions."));
        compare.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ConflictsViewModel.Field item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("differs"), !empty && item != null && item.differs());
            }
        });

        Button keep = new Button("Keep this version");
        keep.setId("keepThisVersion");
        keep.disableProperty().bind(vm.canConfirmProperty().not());
        keep.setOnAction(e -> vm.keepInUse());
        Button swap = new Button("Use the other version");
        swap.setId("useOtherVersion");
        swap.disableProperty().bind(vm.canSwapProperty().not());
        swap.setOnAction(e -> vm.useOther());
        Label hint = new Label();
        hint.setId("decisionHint");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.decisionHintProperty());
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox decide = new HBox(8, keep, swap, hint);
        decide.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("conflictsMessage");
        message.textProperty().bind(vm.messageProperty());

        VBox lower = new VBox(8, compare, decide);
        VBox.setVgrow(compare, Priority.ALWAYS);
        SplitPane split = new SplitPane(list, lower);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox root = new VBox(10, title, intro, tools, split, message, quarantine(quarantine));
        root.setPadding(new Insets(12));
        root.getStyleClass().add("conflicts-screen");
        vm.refresh();
        quarantine.refresh();
        return root;
    }

    /** Shown only while sync holds records back. */
    private static Parent quarantine(QuarantineViewModel vm) {
        Label title = new Label("Held back by sync");
        title.getStyleClass().add("section-title");
        TableView<QuarantineViewModel.Row> list = new TableView<>(vm.entries());
        list.setId("quarantineTable");
        list.getColumns().add(column("Record", QuarantineViewModel.Row::record, 200));
        list.getColumns().add(column("Field", QuarantineViewModel.Row::field, 130));
        list.getColumns().add(column("Reason", QuarantineViewModel.Row::reason, 380));
        list.getColumns().add(column("Found", QuarantineViewModel.Row::found, 130));
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        list.setPrefHeight(140);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (row != null) vm.selectedProperty().set(row);
        });
        vm.selectedProperty().addListener((o, was, row) -> {
            if (row != list.getSelectionModel().getSelectedItem()) list.getSelectionModel().select(row);
        });
        Button repair = new Button("Repair");
        repair.setId("repairQuarantined");
        repair.disableProperty().bind(vm.canRepairProperty().not());
        repair.setOnAction(e -> vm.repair());
        Button repairAll = new Button("Repair all");
        repairAll.setId("repairAllQuarantined");
        repairAll.disableProperty().bind(vm.canRepairAllProperty().not());
        repairAll.setOnAction(e -> vm.repairAll());
        Label message = new Label();
        message.setId("quarantineMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox actions = new HBox(8, repair, repairAll, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox section = new VBox(8, title, list, actions);
        section.setId("quarantineSection");
        // Kept visible after a repair empties the list, so its message stays readable until the screen is left.
        section.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.entries())
                .or(vm.messageProperty().isNotEmpty()));
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 90));
        return c;
    }

    /** Values wrap, so a whole summary is readable in its cell. */
    private static <T> TableColumn<T, String> fieldColumn(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = column(title, value, width);
        c.setSortable(false);
        c.setCellFactory(col -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(12));
                text.getStyleClass().add("text");
                setPrefHeight(USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        });
        return c;
    }
}
