package com.outcomedesk.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.testing.NeedsFxToolkit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The versions chart's axis (Monocle headless): each version has its label, one version as well as several. */
@NeedsFxToolkit
@ExtendWith(ApplicationExtension.class)
class VersionAxisUiTest {
    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 800, 300));
        stage.show();
    }

    @Test
    void aSingleVersionIsLabelledAsSeveralAre() throws Exception {
        assertThat(labels(1)).containsExactly("1");
        assertThat(labels(4)).containsExactly("1", "2", "3", "4");
    }

    /** The tick labels shown once the chart of versions 1..n is laid out; read on the FX thread, with a timeout. */
    private List<String> labels(int versions) throws Exception {
        NumberAxis x = WaitForAsyncUtils.asyncFx(() -> {
            NumberAxis axis = new NumberAxis();
            LineChart<Number, Number> chart = new LineChart<>(axis, new NumberAxis());
            chart.setAnimated(false);
            ModelCharts.Versions data = ModelCharts.versions(IntStream.rangeClosed(1, versions).mapToObj(n ->
                    new ModelVersionInfo(null, n, "logreg", "retired", "admin", null, null, 400L, 5, null, 0.7, 0.6, 0.5))
                    .toList());
            ModelsController.versionAxis(axis, data);
            root.getChildren().setAll(chart);
            return axis;
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        // Each tick the laid-out axis placed, labelled as the axis labels it.
        return WaitForAsyncUtils.asyncFx(() -> x.getTickMarks().stream()
                .map(t -> x.getTickLabelFormatter().toString(t.getValue())).filter(text -> !text.isEmpty()).toList())
                .get(30, TimeUnit.SECONDS);
    }
}
