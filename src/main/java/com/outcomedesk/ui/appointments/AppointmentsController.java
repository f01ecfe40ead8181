package com.outcomedesk.ui.appointments;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.ui.support.DateStyle;
import com.outcomedesk.ui.support.ErrorText;
import com.outcomedesk.ui.support.Suggestions;
import com.outcomedesk.ui.support.Views;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Binds the appointments screen to its ViewModel. */
public final class AppointmentsController {
    private final AppointmentsViewModel model;
    private final Consumer<AppointmentRow> predict;
    private final PauseTransition typingPause = new PauseTransition(Duration.millis(300));

    @FXML private TextField searchField;
    @FXML private TextField doctorField;
    @FXML private TextField patientField;
    @FXML private ChoiceBox<OutcomeFilter> outcomeChoice;
    @FXML private ComboBox<OutcomeCategory> categoryChoice;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private VBox filterBox;
    @FXML private FlowPane filters;
    private DateStyle.Converter fromConverter;
    private DateStyle.Converter toConverter;
    /** Held here: the style's property keeps only a weak reference, so a closed screen can go. */
    private final InvalidationListener restyle = o -> this.table.refresh();
    /** While new rows go in, the table clears and regains its sort order: that is no request to sort. */
    private boolean showingNewRows;
    @FXML private Button newButton;
    @FXML private Button editButton;
    @FXML private Button outcomeButton;
    @FXML private Button deleteButton;
    @FXML private Button predictButton;
    @FXML private Label countLabel;
    @FXML private TableView<PagedRows.Slot> table;
    @FXML private TableColumn<PagedRows.Slot, String> dateColumn;
    @FXML private TableColumn<PagedRows.Slot, String> doctorColumn;
    @FXML private TableColumn<PagedRows.Slot, String> patientColumn;
    @FXML private TableColumn<PagedRows.Slot, String> summaryColumn;
    @FXML private TableColumn<PagedRows.Slot, String> categoryColumn;
    @FXML private TableColumn<PagedRows.Slot, String> outcomeColumn;
    @FXML private TableColumn<PagedRows.Slot, String> predictionColumn;
    @FXML private Button predictPendingButton;
    @FXML private Label detailTitle;
    @FXML private Label detailText;

    /** @param predict opens the prediction screen on an appointment */
    public AppointmentsController(AppointmentsViewModel model, Consumer<AppointmentRow> predict) {
        this.model = model;
        this.predict = predict;
    }

    public Parent load() {
        return Views.load("/com/outcomedesk/ui/appointments/Appointments.fxml", this);
    }

    @FXML
    private void initialize() {
        bindFilters();
        bindTable();
        bindActions();
        model.loadOutcomeSentences();
        model.reload();
    }

    private void bindFilters() {
        searchField.textProperty().bindBidirectional(model.searchProperty());
        doctorField.textProperty().bindBidirectional(model.doctorProperty());
        Suggestions.bind(doctorField, model::doctorSuggestions);
        outcomeChoice.setItems(FXCollections.observableArrayList(OutcomeFilter.values()));
        outcomeChoice.valueProperty().bindBidirectional(model.outcomeProperty());
        categoryChoice.getItems().add(null);
        categoryChoice.getItems().addAll(Arrays.asList(OutcomeCategory.values()));
        categoryChoice.setButtonCell(categoryCell());
        categoryChoice.setCellFactory(l -> categoryCell());
        categoryChoice.valueProperty().bindBidirectional(model.categoryProperty());
        fromConverter = DateStyle.attach(fromDate);
        toConverter = DateStyle.attach(toDate);
        fromDate.valueProperty().bindBidirectional(model.fromProperty());
        toDate.valueProperty().bindBidirectional(model.toProperty());
        Label dateProblem = ErrorText.showing(DateStyle.problems(fromConverter, toConverter));
        dateProblem.managedProperty().bind(dateProblem.visibleProperty());
        filterBox.getChildren().add(filterBox.getChildren().indexOf(filters) + 1, dateProblem);

        // Typing waits for a pause before reloading; choices reload at once.
        typingPause.setOnFinished(e -> model.reload());
        searchField.textProperty().addListener(o -> typingPause.playFromStart());
        doctorField.textProperty().addListener(o -> typingPause.playFromStart());
        patientField.textProperty().bindBidirectional(model.patientProperty());
        patientField.textProperty().addListener(o -> typingPause.playFromStart());
        for (ObservableValue<?> choice : new ObservableValue<?>[] {
                model.outcomeProperty(), model.categoryProperty(), model.fromProperty(), model.toProperty()}) {
            choice.addListener(o -> model.reload());
        }
        model.sortProperty().addListener(o -> model.resort());
        countLabel.textProperty().bind(model.countTextProperty());
    }

    private static ListCell<OutcomeCategory> categoryCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(OutcomeCategory item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "Any category" : item.code());
            }
        };
    }

    private void bindTable() {
        model.rowsProperty().addListener((o, old, rows) -> {
            // New items clear the table's sort order; the rows come sorted by the store, so keep showing which way.
            List<TableColumn<PagedRows.Slot, ?>> order = List.copyOf(table.getSortOrder());
            showingNewRows = true;
            try {
                table.setItems(rows);
                if (!order.equals(table.getSortOrder())) table.getSortOrder().setAll(order);
            } finally {
                showingNewRows = false;
            }
        });
        table.setItems(model.rowsProperty().get());
        table.setFixedCellSize(26);
        column(dateColumn, r -> DateStyle.current().format(r.date()));
        DateStyle.currentProperty().addListener(new WeakInvalidationListener(restyle));
        column(doctorColumn, AppointmentRow::doctorId);
        column(patientColumn, r -> r.patientRef() == null ? "" : r.patientRef());
        sortable();
        summaryColumn.setCellValueFactory(cd -> cd.getValue().rowProperty().map(AppointmentRow::summary)
                .orElse(AppointmentsViewModel.LOADING));
        column(outcomeColumn, r -> r.outcomeText() == null ? "" : r.outcomeText());
        column(categoryColumn, AppointmentRow::categoryText);
        column(predictionColumn, AppointmentRow::predictionText);
        categoryColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(AppointmentsViewModel::isCategoryStyle);
                setText(empty ? null : item);
                if (!empty) AppointmentsViewModel.categoryStyle(item).ifPresent(getStyleClass()::add);
            }
        });
        table.setRowFactory(t -> {
            TableRow<PagedRows.Slot> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) edit();
            });
            return row;
        });
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty().flatMap(PagedRows.Slot::rowProperty));
        detailTitle.textProperty().bind(model.detailTitleProperty());
        detailText.textProperty().bind(model.detailTextProperty());
    }

    /**
     * A click on a header sorts by the store's query (the rows are paged from the store, so the table cannot sort
     * them itself); a third click goes back to newest first. The new rows come after the policy returns: TableView
     * updates its selection around the policy, and items replaced inside it fail that update.
     */
    private void sortable() {
        table.setSortPolicy(t -> {
            if (showingNewRows) return true;
            List<TableColumn<PagedRows.Slot, ?>> order = t.getSortOrder();
            TableColumn<PagedRows.Slot, ?> first = order.isEmpty() ? null : order.get(0);
            String columnId = first == null ? null : first.getId();
            boolean descending = first != null && first.getSortType() == TableColumn.SortType.DESCENDING;
            Platform.runLater(() -> model.sortByColumn(columnId, descending));
            return true;
        });
    }

    private static void column(TableColumn<PagedRows.Slot, String> column, Function<AppointmentRow, String> value) {
        column.setCellValueFactory(cd -> cd.getValue().rowProperty().map(value));
    }

    private void bindActions() {
        var nothingSelected = model.selectedProperty().isNull();
        editButton.disableProperty().bind(nothingSelected);
        outcomeButton.disableProperty().bind(nothingSelected);
        deleteButton.disableProperty().bind(nothingSelected);
        predictButton.disableProperty().bind(nothingSelected);
        predictPendingButton.disableProperty().bind(model.busyProperty());
        table.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), newButton::fire);
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && model.selectedProperty().get() != null) edit();
        });
    }

    @FXML
    private void newAppointment() {
        openForm(model.newAppointment());
    }

    @FXML
    private void edit() {
        AppointmentFormViewModel form = model.editSelected();
        if (form != null) openForm(form);
    }

    private void openForm(AppointmentFormViewModel form) {
        new AppointmentFormController(form, model::doctorSuggestions)
                .showAndWait(table.getScene().getWindow(), model.outcomeSentences())
                .ifPresent(saved -> model.saved());
    }

    @FXML
    private void recordOutcome() {
        RecordOutcomeViewModel entry = model.recordOutcome();
        if (entry == null) return;
        new RecordOutcomeDialog(entry).showAndWait(table.getScene().getWindow(), model.outcomeSentences())
                .ifPresent(saved -> model.saved());
    }

    @FXML
    private void predict() {
        AppointmentRow row = model.selectedProperty().get();
        if (row != null) predict.accept(row);
    }

    @FXML
    private void predictPending() {
        model.predictPending();
    }

    @FXML
    private void delete() {
        model.deleteSelected();
    }

    @FXML
    private void clearFilters() {
        model.clearFilters();
        for (DatePicker picker : new DatePicker[] {fromDate, toDate}) picker.getEditor().clear();
        fromConverter.commit();
        toConverter.commit();
    }
}
