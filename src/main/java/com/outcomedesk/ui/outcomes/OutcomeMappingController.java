package com.outcomedesk.ui.outcomes;

import com.outcomedesk.appointments.OutcomeMappingService.Phrasing;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.ui.support.SortedTables;
import com.outcomedesk.ui.support.Views;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.StringConverter;

/** Binds the outcome-mapping screen to its ViewModel. */
public final class OutcomeMappingController {
    private final OutcomeMappingViewModel model;

    @FXML private ChoiceBox<OutcomeMappingViewModel.Filter> filterChoice;
    @FXML private Label countText;
    @FXML private TableView<Phrasing> phrasingTable;
    @FXML private TableColumn<Phrasing, String> textColumn;
    @FXML private TableColumn<Phrasing, String> categoryColumn;
    @FXML private TableColumn<Phrasing, String> sourceColumn;
    @FXML private TableColumn<Phrasing, Long> countColumn;
    @FXML private Label placeholder;
    @FXML private ChoiceBox<OutcomeCategory> categoryChoice;
    @FXML private Button mapButton;
    @FXML private Label previewText;
    @FXML private Label statusText;

    public OutcomeMappingController(OutcomeMappingViewModel model) {
        this.model = model;
    }

    public Parent load() {
        return Views.load("/com/outcomedesk/ui/outcomes/OutcomeMapping.fxml", this);
    }

    @FXML
    private void initialize() {
        filterChoice.setItems(FXCollections.observableArrayList(OutcomeMappingViewModel.Filter.values()));
        filterChoice.setConverter(converter(OutcomeMappingViewModel.Filter::label, OutcomeMappingViewModel.Filter.values()));
        filterChoice.valueProperty().bindBidirectional(model.filterProperty());
        countText.textProperty().bind(model.countTextProperty());

        SortedTables.column(textColumn, Phrasing::outcomeText, v -> v);
        SortedTables.column(categoryColumn, OutcomeMappingViewModel::categoryLabel, v -> v);
        SortedTables.column(sourceColumn, p -> p.source().code(), v -> v);
        SortedTables.column(countColumn, Phrasing::appointments, OutcomeMappingViewModel::countText);
        SortedTables.show(phrasingTable, model.phrasings());
        placeholder.textProperty().bind(Bindings.when(model.loadingProperty()).then("Counting the outcome phrasings…")
                .otherwise("No phrasing needs review: every outcome in the store is mapped. Show all phrasings to change one."));
        phrasingTable.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> model.selectedProperty().set(p));
        model.selectedProperty().addListener((o, a, p) -> {
            if (p != null && p != phrasingTable.getSelectionModel().getSelectedItem()) phrasingTable.getSelectionModel().select(p);
        });

        // Best first, as everywhere else in the app.
        List<OutcomeCategory> bestFirst = new ArrayList<>(List.of(OutcomeCategory.values()));
        bestFirst.sort(Comparator.comparingInt(OutcomeCategory::score).reversed());
        categoryChoice.setItems(FXCollections.observableArrayList(bestFirst));
        categoryChoice.setConverter(converter(OutcomeCategory::code, OutcomeCategory.values()));
        categoryChoice.valueProperty().bindBidirectional(model.categoryProperty());
        categoryChoice.disableProperty().bind(model.selectedProperty().isNull());
        mapButton.textProperty().bind(model.actionTextProperty());
        mapButton.disableProperty().bind(model.canMapProperty().not());
        previewText.textProperty().bind(model.previewTextProperty());
        statusText.textProperty().bind(model.statusProperty());
        model.reload();
    }

    @FXML
    private void map() {
        model.map();
    }

    private static <T> StringConverter<T> converter(Function<T, String> label, T[] values) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                for (T v : values) if (label.apply(v).equals(text)) return v;
                return null;
            }
        };
    }
}
