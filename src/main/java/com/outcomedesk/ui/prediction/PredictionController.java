package com.outcomedesk.ui.prediction;

import com.outcomedesk.learn.Contribution;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.ui.support.DateStyle;
import com.outcomedesk.ui.support.ErrorText;
import com.outcomedesk.ui.support.SortedTables;
import com.outcomedesk.ui.support.Suggestions;
import com.outcomedesk.ui.support.Views;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Binds the prediction screen to its ViewModel and draws the answer. */
public final class PredictionController {
    private final PredictionViewModel model;
    private final Function<String, List<String>> doctorSuggestions;
    private final Tile gauge = TileBuilder.create()
            .skinType(Tile.SkinType.GAUGE)
            .prefSize(260, 260)
            .title("Probability of a worse outcome")
            .unit("%")
            .decimals(0)
            .minValue(0).maxValue(100)
            .threshold(50).thresholdVisible(true)
            .animated(false)
            .build();

    @FXML private TextField predDoctor;
    @FXML private DatePicker predDate;
    private DateStyle.Converter predDateConverter;
    @FXML private TextArea predSummary;
    @FXML private Button predictButton;
    @FXML private Button saveButton;
    @FXML private Button reportButton;
    @FXML private Label messageLabel;
    @FXML private VBox resultBox;
    @FXML private StackPane gaugeHolder;
    @FXML private Label labelText;
    @FXML private Label tierText;
    @FXML private BarChart<String, Number> categoryChart;
    @FXML private TextFlow highlighted;
    @FXML private Label modelText;
    @FXML private Label timingText;
    @FXML private Label readingText;
    @FXML private TableView<Contribution> driversTable;
    @FXML private Label whyNotText;
    @FXML private TableColumn<Contribution, String> termColumn;
    @FXML private TableColumn<Contribution, Double> weightColumn;
    @FXML private TableColumn<Contribution, String> directionColumn;

    public PredictionController(PredictionViewModel model, Function<String, List<String>> doctorSuggestions) {
        this.model = model;
        this.doctorSuggestions = doctorSuggestions;
    }

    public Parent load() {
        return Views.load("/com/outcomedesk/ui/prediction/Prediction.fxml", this);
    }

    @FXML
    private void initialize() {
        predDoctor.textProperty().bindBidirectional(model.doctorProperty());
        predSummary.textProperty().bindBidirectional(model.summaryProperty());
        predDateConverter = DateStyle.attach(predDate);
        predDate.valueProperty().bindBidirectional(model.dateProperty());
        VBox form = (VBox) predDate.getParent();
        form.getChildren().add(form.getChildren().indexOf(predDate) + 1, ErrorText.showing(predDateConverter.problemProperty()));
        Suggestions.bind(predDoctor, doctorSuggestions);
        gaugeHolder.getChildren().add(gauge);
        messageLabel.textProperty().bind(model.messageProperty());
        modelText.textProperty().bind(model.modelTextProperty());
        timingText.textProperty().bind(model.timingProperty());
        saveButton.disableProperty().bind(model.resultProperty().isNull().or(model.savedProperty()));
        reportButton.disableProperty().bind(model.resultProperty().isNull());
        resultBox.visibleProperty().bind(model.resultProperty().isNotNull());
        readingText.textProperty().bind(model.readingProperty().map(PredictionViewModel.Reading::text).orElse(""));
        model.readingProperty().addListener((o, old, r) -> {
            readingText.getStyleClass().remove("disagree");
            if (r != null && !r.agree()) readingText.getStyleClass().add("disagree");
        });
        SortedTables.column(termColumn, Contribution::term, t -> t);
        SortedTables.column(weightColumn, Contribution::weight, PredictionViewModel::weight);
        SortedTables.column(directionColumn, c -> PredictionViewModel.direction(c.weight()), t -> t);
        SortedTables.show(driversTable, model.drivers());
        model.resultProperty().addListener((o, old, r) -> show(r));
        show(model.resultProperty().get());
    }

    private void show(PredictionResult r) {
        if (r == null) return;
        gauge.setValue(r.probability() * 100);
        labelText.setText(PredictionViewModel.labelText(r));
        labelText.getStyleClass().setAll(PredictionViewModel.labelStyles(r));
        tierText.setText(PredictionViewModel.tierText(r));
        tierText.getStyleClass().setAll(PredictionViewModel.tierStyles(r));
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (Map.Entry<String, Double> e : r.categoryProbabilities().entrySet()) {
            series.getData().add(new XYChart.Data<>(PredictionViewModel.categoryBar(e.getKey(), e.getValue()), e.getValue()));
        }
        categoryChart.getData().setAll(List.of(series));
        whyNotText.setText(PredictionViewModel.whyNotText(r));
        highlighted.getChildren().clear();
        for (PredictionViewModel.Span span : PredictionViewModel.highlight(model.summaryProperty().get(), r.explanation())) {
            Text t = new Text(span.text());
            span.styleClass().ifPresent(t.getStyleClass()::add);
            highlighted.getChildren().add(t);
            span.badge().ifPresent(b -> {
                Text badge = new Text(" " + b);
                badge.getStyleClass().addAll("weight-badge", span.styleClass().orElse(""));
                highlighted.getChildren().add(badge);
            });
        }
    }

    /** Reads a typed date first; text that is not a date keeps its message at the field and predicts nothing. */
    @FXML private void predict() {
        if (predDateConverter.commit()) model.predict();
    }
    @FXML private void save() { model.save(); }
    @FXML private void saveReport() { model.saveReport(); }
}
