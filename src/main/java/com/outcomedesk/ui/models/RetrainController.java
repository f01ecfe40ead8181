package com.outcomedesk.ui.models;

import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.ui.support.FxBackground;
import com.outcomedesk.ui.support.SortedTables;
import com.outcomedesk.ui.support.Views;
import java.util.List;
import com.outcomedesk.ui.support.Windows;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The Retrain dialog: options, stage progress with Cancel, the side-by-side comparison and Activate. */
public final class RetrainController {
    private final RetrainViewModel model;
    private final FxBackground background;

    @FXML private ChoiceBox<TrainingRequest.Algorithm> algorithmChoice;
    @FXML private Spinner<Integer> foldsSpinner;
    @FXML private Button trainButton;
    @FXML private HBox progressBox;
    @FXML private ProgressBar progress;
    @FXML private Label stage;
    @FXML private TableView<RetrainViewModel.Row> comparison;
    @FXML private TableColumn<RetrainViewModel.Row, String> metricColumn;
    @FXML private TableColumn<RetrainViewModel.Row, String> activeColumn;
    @FXML private TableColumn<RetrainViewModel.Row, String> candidateColumn;
    @FXML private Label notes;
    @FXML private Label activatedText;
    @FXML private Button activateCandidateButton;
    @FXML private Button keepButton;
    @FXML private Label verdictText;
    @FXML private Label adminOnly;
    private Dialog<Void> dialog;

    public RetrainController(RetrainViewModel model, FxBackground background) {
        this.model = model;
        this.background = background;
    }

    public void show(Window owner) {
        Parent content = Views.load("/com/outcomedesk/ui/models/Retrain.fxml", this);
        dialog = Views.styled(new Dialog<>());
        Windows.place(dialog, owner, "retrain", 760, 600, 600, 460);
        dialog.setTitle(RetrainViewModel.TITLE);
        dialog.setHeaderText(RetrainViewModel.HEADER);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);
        dialog.setOnShown(e -> trainButton.requestFocus());
        model.verdictProperty().addListener((o, was, v) -> {
            if (v != null) (v.activateByDefault() ? activateCandidateButton : keepButton).requestFocus();
        });
        dialog.show();
    }

    @FXML
    private void initialize() {
        algorithmChoice.setItems(FXCollections.observableArrayList(TrainingRequest.Algorithm.values()));
        algorithmChoice.setConverter(new StringConverter<>() {
            @Override public String toString(TrainingRequest.Algorithm a) { return a == null ? "" : RetrainViewModel.label(a); }
            @Override public TrainingRequest.Algorithm fromString(String text) { return RetrainViewModel.algorithmOf(text); }
        });
        algorithmChoice.valueProperty().bindBidirectional(model.algorithmProperty());
        foldsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(TrainingRequest.MIN_FOLDS,
                TrainingRequest.MAX_FOLDS, model.foldsProperty().get()));
        foldsSpinner.valueProperty().addListener((o, a, b) -> model.foldsProperty().set(b));
        boolean administrator = model.mayTrain();
        trainButton.disableProperty().bind(model.runningProperty().or(new javafx.beans.property.SimpleBooleanProperty(!administrator)));
        adminOnly.setText(administrator ? "" : RetrainViewModel.ADMINISTRATORS_ONLY);
        adminOnly.setVisible(!administrator);
        adminOnly.setManaged(!administrator);
        progressBox.visibleProperty().bind(model.runningProperty());
        progress.progressProperty().bind(background.progressProperty());
        stage.textProperty().bind(background.messageProperty());
        SortedTables.show(comparison, model.comparison());
        metricColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().metric()));
        activeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().active()));
        candidateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().candidate()));
        // The rows mix versions, names and figures: figures sort as numbers.
        for (TableColumn<RetrainViewModel.Row, String> c : List.of(metricColumn, activeColumn, candidateColumn)) {
            c.setComparator(SortedTables.FIGURES);
        }
        notes.textProperty().bind(model.notesTextProperty());
        activateCandidateButton.disableProperty().bind(model.resultProperty().isNull().or(model.activatedProperty())
                .or(model.runningProperty()));
        keepButton.visibleProperty().bind(model.resultProperty().isNotNull().and(model.activatedProperty().not()));
        keepButton.managedProperty().bind(keepButton.visibleProperty());
        verdictText.textProperty().bind(model.verdictProperty().map(RetrainViewModel.Verdict::text).orElse(""));
        model.verdictProperty().addListener((o, was, v) -> showDefault(v));
        showDefault(model.verdictProperty().get());
        activatedText.textProperty().bind(model.activatedTextProperty());
    }

    /** Enter presses the button the verdict recommends; a worse candidate is also flagged in colour. */
    private void showDefault(RetrainViewModel.Verdict v) {
        boolean activate = v != null && v.activateByDefault();
        activateCandidateButton.setDefaultButton(activate);
        keepButton.setDefaultButton(v != null && !activate);
        primary(activateCandidateButton, activate);
        primary(keepButton, v != null && !activate);
        verdictText.getStyleClass().remove("worse");
        if (v != null && v.worse()) verdictText.getStyleClass().add("worse");
    }

    private static void primary(Button b, boolean primary) {
        b.getStyleClass().remove("primary");
        if (primary) b.getStyleClass().add("primary");
    }

    @FXML private void keep() { dialog.close(); }
    @FXML private void train() { model.train(); }
    @FXML private void cancel() { background.cancel(); }
    @FXML private void activate() { model.activate(); }
}
