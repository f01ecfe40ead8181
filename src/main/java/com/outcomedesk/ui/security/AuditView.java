package com.outcomedesk.ui.security;

import com.outcomedesk.audit.AuditEntry;
import com.outcomedesk.ui.support.DateStyle;
import com.outcomedesk.ui.support.ErrorText;
import com.outcomedesk.ui.support.SortedTables;
import java.io.File;
import java.time.OffsetDateTime;
import java.util.Comparator;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The administrator's audit trail screen: filters, entries newest first, chain check and export. */
public final class AuditView {
    private AuditView() {
    }

    public static Parent create(AuditViewModel vm) {
        TextField user = new TextField();
        user.setPromptText("user");
        user.textProperty().bindBidirectional(vm.userProperty());
        TextField action = new TextField();
        action.setPromptText("action, e.g. sign-in-failed");
        action.textProperty().bindBidirectional(vm.actionProperty());
        DatePicker from = new DatePicker();
        from.setPromptText("from");
        DateStyle.Converter fromText = DateStyle.attach(from);
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setPromptText("to");
        DateStyle.Converter toText = DateStyle.attach(to);
        to.valueProperty().bindBidirectional(vm.toProperty());
        Label dateProblem = ErrorText.showing(DateStyle.problems(fromText, toText));
        dateProblem.managedProperty().bind(dateProblem.visibleProperty());
        Button filter = new Button("Show");
        filter.setDefaultButton(true);
        filter.setOnAction(e -> {
            if (fromText.commit() & toText.commit()) vm.refresh();
        });
        Button verify = new Button("Check integrity");
        verify.setOnAction(e -> vm.verify());
        Button export = new Button("Export...");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("audit-trail.csv");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
                    new FileChooser.ExtensionFilter("JSON", "*.json"));
            File file = chooser.showSaveDialog(export.getScene().getWindow());
            if (file != null) vm.export(file.toPath());
        });

        TableView<AuditEntry> table = SortedTables.table(vm.entries());
        table.setId("auditTable");
        table.getColumns().add(sized(SortedTables.sorted("When", AuditEntry::occurredAt, Comparator.<OffsetDateTime>naturalOrder(),
                t -> AuditViewModel.when(t, DateStyle.current())), 150));
        table.getColumns().add(sized(SortedTables.text("User", AuditEntry::user), 90));
        table.getColumns().add(sized(SortedTables.text("Action", AuditEntry::action), 170));
        table.getColumns().add(sized(SortedTables.text("Record", AuditViewModel::record), 230));
        table.getColumns().add(sized(SortedTables.text("Details", e -> e.details() == null ? "" : e.details()), 260));
        table.getColumns().add(sized(SortedTables.sorted("Site / #", e -> e,
                Comparator.comparing(AuditEntry::site).thenComparingLong(AuditEntry::seq), AuditViewModel::origin), 120));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        Label title = new Label("Audit trail");
        title.getStyleClass().add("screen-title");
        action.setPrefColumnCount(16);
        from.setPrefWidth(140);
        to.setPrefWidth(140);
        for (Button b : java.util.List.of(filter, verify, export)) b.setMinWidth(Region.USE_PREF_SIZE);
        VBox root = new VBox(10, title, new HBox(8, user, action, from, to, filter, verify, export), dateProblem, table, message);
        root.setPadding(new Insets(12));
        vm.refresh();
        return root;
    }

    /** Columns keep a readable width; the table scrolls sideways rather than squeezing one to "...". */
    private static <T, V> TableColumn<T, V> sized(TableColumn<T, V> column, double width) {
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 90));
        return column;
    }
}
