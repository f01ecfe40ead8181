package com.outcomedesk.ui.diseases;

import com.outcomedesk.insight.DiseaseAtlas;
import com.outcomedesk.insight.DiseaseGroup;
import com.outcomedesk.insight.DiseasePoint;
import com.outcomedesk.insight.SharedFeature;
import com.outcomedesk.insight.SimilarDisease;
import com.outcomedesk.ui.support.SortedTables;
import com.outcomedesk.ui.support.ChartTooltips;
import com.outcomedesk.ui.support.Views;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;

/** Binds the alike-diseases screen: groups with reasons and outcomes, the map, and similar-to with suggestions. */
public final class DiseasesController {
    private final DiseasesViewModel model;

    @FXML private Label summaryText;
    @FXML private ListView<DiseaseGroup> groupList;
    @FXML private TableView<SharedFeature> reasonTable;
    @FXML private TableColumn<SharedFeature, String> kindColumn;
    @FXML private TableColumn<SharedFeature, String> featureColumn;
    @FXML private TableColumn<SharedFeature, Double> groupShareColumn;
    @FXML private TableColumn<SharedFeature, Double> overallShareColumn;
    @FXML private Label reasonPlaceholder;
    @FXML private Label outcomesText;
    @FXML private ScatterChart<Number, Number> mapChart;
    @FXML private ComboBox<String> targetBox;
    @FXML private Label messageText;
    @FXML private FlowPane suggestionPane;
    @FXML private TableView<SimilarDisease> similarTable;
    @FXML private TableColumn<SimilarDisease, String> diseaseColumn;
    @FXML private TableColumn<SimilarDisease, Double> similarityColumn;
    @FXML private TableColumn<SimilarDisease, Long> countColumn;
    @FXML private TableColumn<SimilarDisease, Integer> groupColumn;

    public DiseasesController(DiseasesViewModel model) {
        this.model = model;
    }

    public Parent load() {
        return Views.load("/com/outcomedesk/ui/diseases/Diseases.fxml", this);
    }

    @FXML
    private void initialize() {
        groupList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DiseaseGroup g, boolean empty) {
                super.updateItem(g, empty);
                setWrapText(true);
                setPrefWidth(0);
                setText(empty || g == null ? null : DiseasesViewModel.groupText(g));
            }
        });
        model.selectedGroupProperty().bind(groupList.getSelectionModel().selectedItemProperty());
        // Cells hold values and show them formatted, so the columns sort by value.
        SortedTables.column(kindColumn, SharedFeature::type, v -> v);
        SortedTables.column(featureColumn, SharedFeature::name, v -> v);
        SortedTables.column(groupShareColumn, SharedFeature::groupShare, DiseasesViewModel::share);
        SortedTables.column(overallShareColumn, SharedFeature::overallShare, DiseasesViewModel::share);
        SortedTables.show(reasonTable, model.reasons());
        reasonPlaceholder.textProperty().bind(model.reasonsEmptyTextProperty());
        outcomesText.textProperty().bind(model.outcomesProperty());

        targetBox.getEditor().textProperty().bindBidirectional(model.targetProperty());
        // The editable combo box takes Enter for itself, so the default button never saw it: answer here.
        targetBox.getEditor().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.findSimilar();
                e.consume();
            }
        });
        targetBox.getSelectionModel().selectedItemProperty().addListener((o, a, v) -> {
            if (v != null) model.choose(v);
        });
        messageText.textProperty().bind(model.messageProperty());
        messageText.visibleProperty().bind(model.messageProperty().isNotEmpty());
        model.suggestions().addListener((ListChangeListener<String>) c -> showSuggestions());
        showSuggestions();

        SortedTables.column(diseaseColumn, SimilarDisease::disease, v -> v);
        SortedTables.column(similarityColumn, SimilarDisease::similarity, DiseasesViewModel::similarity);
        SortedTables.column(countColumn, SimilarDisease::appointments, DiseasesViewModel::appointments);
        SortedTables.column(groupColumn, SimilarDisease::group, String::valueOf);
        SortedTables.show(similarTable, model.similar());
        // Shares of the width leaving room for the scroll bar: a constrained resize policy left the header out of
        // step with the cells once the scroll bar appeared.
        double[] shares = {0.44, 0.18, 0.22, 0.14};
        List<TableColumn<SimilarDisease, ?>> columns = List.of(diseaseColumn, similarityColumn, countColumn, groupColumn);
        for (int i = 0; i < shares.length; i++) {
            columns.get(i).prefWidthProperty().bind(similarTable.widthProperty().subtract(24).multiply(shares[i]));
        }
        model.atlasProperty().addListener((o, a, atlas) -> show(atlas));
        model.reload();
    }

    /** "Did you mean:" and one link per close spelling; clicking one lists the diseases like it. */
    private void showSuggestions() {
        suggestionPane.getChildren().clear();
        boolean any = !model.suggestions().isEmpty();
        suggestionPane.setVisible(any);
        suggestionPane.setManaged(any);
        if (!any) return;
        suggestionPane.getChildren().add(new Label(DiseasesViewModel.DID_YOU_MEAN));
        for (String s : model.suggestions()) {
            Hyperlink link = new Hyperlink(s);
            link.getStyleClass().add("suggestion");
            link.setOnAction(e -> model.choose(s));
            suggestionPane.getChildren().add(link);
        }
    }

    private void show(DiseaseAtlas atlas) {
        summaryText.setText(DiseasesViewModel.summary(atlas));
        groupList.getItems().setAll(atlas.groups());
        if (!atlas.groups().isEmpty()) groupList.getSelectionModel().selectFirst();
        targetBox.getItems().setAll(DiseasesViewModel.targets(atlas));
        Map<Integer, XYChart.Series<Number, Number>> byGroup = new TreeMap<>();
        for (DiseasePoint p : atlas.map()) {
            XYChart.Series<Number, Number> s = byGroup.computeIfAbsent(p.group(), g -> {
                XYChart.Series<Number, Number> series = new XYChart.Series<>();
                series.setName(DiseasesViewModel.seriesName(g));
                return series;
            });
            s.getData().add(new XYChart.Data<>(p.x(), p.y(), p));
        }
        mapChart.getData().setAll(byGroup.values());
        for (XYChart.Series<Number, Number> s : byGroup.values()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                DiseasePoint p = (DiseasePoint) d.getExtraValue();
                ChartTooltips.install(d.getNode(), DiseasesViewModel.pointTip(p));
                d.getNode().setOnMouseClicked(e -> model.choose(p.disease()));
            }
        }
    }

    @FXML private void find() { model.findSimilar(); }
}
