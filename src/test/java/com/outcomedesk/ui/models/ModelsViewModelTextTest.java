package com.outcomedesk.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.learn.ModelVersionInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the models dashboard writes in its table, axis and tiles, from hand-made values: no screen, no store. */
class ModelsViewModelTextTest {
    private static ModelVersionInfo version(OffsetDateTime at, String by) {
        return new ModelVersionInfo(UUID.randomUUID(), 4, "logistic", "active", by, at, 10L, 2_500L, 5, "f", 0.81, 0.7, null);
    }

    @Test
    void theTableShowsMetricsWithThreeDecimalsAndBlanksForMissingOnes() {
        assertThat(ModelsViewModel.metric(0.81234)).isEqualTo("0.812");
        assertThat(ModelsViewModel.metric(null)).isEmpty();
        assertThat(ModelsViewModel.rows(2_500L)).isEqualTo(String.format("%,d", 2_500));
        assertThat(ModelsViewModel.rows(null)).isEmpty();
    }

    @Test
    void trainedSaysWhenAndByWhomSoItSortsByTime() {
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 4, 9, 7, 30, 0, ZoneOffset.UTC);
        assertThat(ModelsViewModel.trained(version(at, "admin"))).isEqualTo("2026-03-04 09:07 by admin");
        assertThat(ModelsViewModel.trained(version(at, null))).isEqualTo("2026-03-04 09:07");
        assertThat(ModelsViewModel.trained(version(null, null))).isEmpty();
    }

    @Test
    void versionTicksAreLabelledOnWholeVersionsOnly() {
        assertThat(ModelsViewModel.versionTick(3.0)).isEqualTo("3");
        assertThat(ModelsViewModel.versionTick(0.5)).isEmpty();
    }

    @Test
    void anUnknownFigureSaysNoneYetAndKeepsABlankUnit() {
        ModelsViewModel.TileFigure unknown = new ModelsViewModel.TileFigure(null, 0, "records");
        assertThat(unknown.caption("trained on")).isEqualTo("trained on: none yet");
        assertThat(unknown.accessibleText("Labelled records")).isEqualTo("Labelled records: not known");
        assertThat(unknown.shownUnit()).isEqualTo(" ");
        ModelsViewModel.TileFigure known = new ModelsViewModel.TileFigure(2_500.0, 0, "records");
        assertThat(known.caption("trained on")).isEqualTo("trained on");
        assertThat(known.accessibleText("Labelled records")).isEqualTo("Labelled records: " + known.text());
        assertThat(known.shownUnit()).isEqualTo("records");
        assertThat(new ModelsViewModel.TileFigure(0.8, 3, "").shownUnit()).isEmpty();
    }

    @Test
    void eachAlgorithmHasALabelThatReadsBackAsTheAlgorithm() {
        for (var a : com.outcomedesk.learn.TrainingRequest.Algorithm.values()) {
            assertThat(RetrainViewModel.algorithmOf(RetrainViewModel.label(a))).isEqualTo(a);
        }
        assertThat(RetrainViewModel.algorithmOf("LOGREG")).as("the command line's constant is not a label").isNull();
    }
}
