package com.outcomedesk.ui.models;

import com.outcomedesk.retrain.RetrainDecision;
import com.outcomedesk.retrain.RetrainingPolicy;
import com.outcomedesk.ui.support.DateStyle;
import com.outcomedesk.ui.support.Views;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/** Binds the Retraining tab of the Models screen: the policy form, Run now, and the decisions with their reasons. */
public final class RetrainingController {
    private final RetrainingViewModel model;

    @FXML private Label policyText;
    @FXML private ChoiceBox<RetrainingPolicy.Mode> modeChoice;
    @FXML private TextField everyDaysField;
    @FXML private TextField aucMarginField;
    @FXML private TextField toleranceField;
    @FXML private Button savePolicyButton;
    @FXML private Button runPolicyButton;
    @FXML private Label policyAdminOnly;
    @FXML private TableView<RetrainDecision> decisionsTable;
    @FXML private TableColumn<RetrainDecision, String> decidedColumn;
    @FXML private TableColumn<RetrainDecision, String> outcomeColumn;
    @FXML private TableColumn<RetrainDecision, String> championColumn;
    @FXML private TableColumn<RetrainDecision, String> challengerColumn;
    @FXML private TableColumn<RetrainDecision, String> triggerColumn;
    @FXML private TextArea reasonsText;

    public RetrainingController(RetrainingViewModel model) {
        this.model = model;
    }

    public Parent load() {
        return Views.load("/com/outcomedesk/ui/models/Retraining.fxml", this);
    }

    @FXML
    private void initialize() {
        policyText.textProperty().bind(model.policyTextProperty());
        modeChoice.getItems().setAll(RetrainingPolicy.Mode.values());
        modeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(RetrainingPolicy.Mode m) {
                return m == null ? "" : RetrainingViewModel.label(m);
            }

            @Override
            public RetrainingPolicy.Mode fromString(String s) {
                return null;
            }
        });
        modeChoice.valueProperty().bindBidirectional(model.modeProperty());
        everyDaysField.textProperty().bindBidirectional(model.everyDaysProperty());
        aucMarginField.textProperty().bindBidirectional(model.aucMarginProperty());
        toleranceField.textProperty().bindBidirectional(model.calibrationToleranceProperty());
        everyDaysField.disableProperty().bind(model.modeProperty().isNotEqualTo(RetrainingPolicy.Mode.SCHEDULE));
        decidedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(DateStyle.current().format(c.getValue().decidedAt().toLocalDate())));
        outcomeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().outcome().key()));
        championColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().championVersion() == null ? "none"
                : String.valueOf(c.getValue().championVersion())));
        challengerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().challengerVersion())));
        triggerColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().trigger()));
        decisionsTable.setItems(model.decisions());
        model.selectedProperty().bind(decisionsTable.getSelectionModel().selectedItemProperty());
        reasonsText.textProperty().bind(model.reasonsTextProperty());
        boolean administrator = model.mayChange();
        for (var control : new javafx.scene.control.Control[] {modeChoice, aucMarginField, toleranceField}) {
            control.setDisable(!administrator);
        }
        if (!administrator) {
            everyDaysField.disableProperty().unbind();
            everyDaysField.setDisable(true);
        }
        for (Button b : new Button[] {savePolicyButton, runPolicyButton}) {
            if (administrator) b.disableProperty().bind(model.runningProperty());
            else b.setDisable(true);
        }
        policyAdminOnly.setText(administrator ? "" : RetrainingViewModel.ADMINISTRATORS_ONLY);
        policyAdminOnly.setVisible(!administrator);
        policyAdminOnly.setManaged(!administrator);
        model.reload();
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void runNow() {
        model.runNow();
    }
}
