package com.outcomedesk.ui.shell;

import com.outcomedesk.ui.support.Views;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;

/** The first-start welcome on an empty store: demo data or an import. */
final class WelcomeController {
    private final MainViewModel model;

    @FXML private ChoiceBox<Integer> demoSize;
    @FXML private Button demoButton;
    @FXML private Button importButton;

    WelcomeController(MainViewModel model) {
        this.model = model;
    }

    Parent load() {
        return Views.load("/com/outcomedesk/ui/shell/Welcome.fxml", this);
    }

    @FXML
    private void initialize() {
        demoSize.setItems(FXCollections.observableArrayList(MainViewModel.DEMO_SIZES));
        demoSize.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return MainViewModel.demoSizeText(n);
            }

            @Override
            public Integer fromString(String s) {
                return MainViewModel.demoSizeOf(s);
            }
        });
        demoSize.valueProperty().bindBidirectional(model.demoSizeProperty());
        demoButton.disableProperty().bind(model.background().busyProperty());
        importButton.disableProperty().bind(demoButton.disableProperty());
    }

    @FXML private void loadDemo() { model.loadDemoData(); }
    @FXML private void importFile() { model.importFile(); }
    @FXML private void dismiss() { model.dismissWelcome(); }
}
