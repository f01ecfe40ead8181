package com.outcomedesk.ui.diseases;

import com.outcomedesk.insight.DiseaseAtlas;
import com.outcomedesk.insight.DiseaseGroup;
import com.outcomedesk.insight.DiseasePoint;
import com.outcomedesk.insight.DiseaseProfile;
import com.outcomedesk.insight.SharedFeature;
import com.outcomedesk.insight.SimilarDisease;
import com.outcomedesk.ui.support.Views;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** Binds the alike-diseases screen: groups with reasons, the map, and similar-to. */
public final class DiseasesController {
    private final DiseasesViewModel model;

    @FXML private Label summaryText;
    @FXML private ListView<DiseaseGroup> groupList;
    @FXML private ListView<SharedFeature> reasonList;
    @FXML private ScatterChart<Number, Number> mapChart;
    @FXML private ComboBox<String> targetBox;
    @FXML private Button findButton;
    @FXML private TableView<SimilarDisease> similarTable;
    @FXML private TableColumn<SimilarDisease, String> diseaseColumn;
    @FXML private TableColumn<SimilarDisease, String> similarityColumn;
    @FXML private TableColumn<SimilarDisease, String> countColumn;
    @FXML private TableColumn<SimilarDisease, String> groupColumn;

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
                setText(empty || g == null ? null : "Group " + g.id() + " (" + g.size() + "): " + String.join(", ", g.members()));
            }
        });
        reasonList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SharedFeature f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : String.format(Locale.ROOT, "%s %s: %.1f%% vs %.1f%%", f.type(), f.name(),
                        f.groupShare() * 100, f.overallShare() * 100));
            }
        });
        model.selectedGroupProperty().bind(groupList.getSelectionModel().selectedItemProperty());
        model.selectedGroupProperty().addListener((o, a, g) -> reasonList.getItems().setAll(g == null ? List.of() : g.sharedFeatures()));
        targetBox.getEditor().textProperty().bindBidirectional(model.targetProperty());
        targetBox.valueProperty().addListener((o, a, v) -> {
            if (v != null) model.targetProperty().set(v);
        });
        similarTable.setItems(model.similar());
        column(diseaseColumn, SimilarDisease::disease);
        column(similarityColumn, s -> String.format(Locale.ROOT, "%.3f", s.similarity()));
        column(countColumn, s -> String.format("%,d", s.appointments()));
        column(groupColumn, s -> String.valueOf(s.group()));
        // Shares of the width leaving room for the scroll bar: a constrained resize policy left the header out of
        // step with the cells once the scroll bar appeared.
        double[] shares = {0.44, 0.18, 0.22, 0.14};
        List<TableColumn<SimilarDisease, String>> columns = List.of(diseaseColumn, similarityColumn, countColumn, groupColumn);
        for (int i = 0; i < shares.length; i++) {
            columns.get(i).prefWidthProperty().bind(similarTable.widthProperty().subtract(24).multiply(shares[i]));
        }
        model.atlasProperty().addListener((o, a, atlas) -> show(atlas));
        model.reload();
    }

    private static void column(TableColumn<SimilarDisease, String> c, Function<SimilarDisease, String> f) {
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
    }

    private void show(DiseaseAtlas atlas) {
        summaryText.setText(String.format(Locale.ROOT,
                "%d diseases with at least %d mentions in %,d appointments, in %d groups (%s, chosen by silhouette %.2f).",
                atlas.profiles().size(), atlas.minMentions(), atlas.withDisease(), atlas.groups().size(),
                atlas.chosen().method(), atlas.chosen().silhouette()));
        groupList.getItems().setAll(atlas.groups());
        if (!atlas.groups().isEmpty()) groupList.getSelectionModel().selectFirst();
        targetBox.getItems().setAll(atlas.profiles().stream().map(DiseaseProfile::name).sorted().toList());
        Map<Integer, XYChart.Series<Number, Number>> byGroup = new TreeMap<>();
        for (DiseasePoint p : atlas.map()) {
            XYChart.Series<Number, Number> s = byGroup.computeIfAbsent(p.group(), g -> {
                XYChart.Series<Number, Number> series = new XYChart.Series<>();
                series.setName("group " + g);
                return series;
            });
            s.getData().add(new XYChart.Data<>(p.x(), p.y(), p));
        }
        mapChart.getData().setAll(byGroup.values());
        for (XYChart.Series<Number, Number> s : byGroup.values()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                DiseasePoint p = (DiseasePoint) d.getExtraValue();
                Tooltip.install(d.getNode(), new Tooltip(String.format("%s: %,d appointments, group %d", p.disease(), p.appointments(), p.group())));
                d.getNode().setOnMouseClicked(e -> {
                    model.targetProperty().set(p.disease());
                    model.findSimilar();
                });
            }
        }
    }

    @FXML private void find() { model.findSimilar(); }
}
