package com.outcomedesk.ui.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.Contribution;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.report.PredictionReports;
import com.outcomedesk.common.Actor;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.appointments.AppointmentRow;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionViewModelTest {
    @TempDir Path dir;

    @Test
    void predictsFromAChosenAppointmentAndSavesLinkedToIt() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
            ScriptedDialogs dialogs = new ScriptedDialogs();
            PredictionViewModel model = new PredictionViewModel(engine.predictions(), engine.models(),
                    new PredictionReports(engine.audit()), Actor::localUser, new DirectBackground(), dialogs);

            model.predict();
            assertThat(model.resultProperty().get()).isNull();
            assertThat(model.messageProperty().get()).contains("Enter the doctor");

            AppointmentRow row = AppointmentRow.of(engine.appointments().page(
                    com.outcomedesk.appointments.AppointmentQuery.ALL, 0, 1).get(0));
            model.use(row);
            model.predict();
            assertThat(dialogs.errors).isEmpty();
            var result = model.resultProperty().get();
            assertThat(result.probability()).isBetween(0.0, 1.0);
            assertThat(result.categoryProbabilities()).hasSize(5);
            assertThat(model.readingProperty().get().text()).contains("P(worse) = ").contains("= P(poor) + P(critical) as shown");
            assertThat(model.drivers()).isEqualTo(result.explanation()).isNotEmpty();
            // No model trained yet: the baseline answers, and the screen says so rather than quoting metrics.
            assertThat(model.modelTextProperty().get()).contains("baseline", "Model > Retrain...", "Model > Versions...");
            // The end-to-end time and the engine's own part are both said, each named for what it measures.
            assertThat(model.timingProperty().get()).startsWith("Answered in ").contains(" from Predict to this screen; "
                    + "the engine's own part (featurising, scoring, explaining) took " + PredictionViewModel.duration(result.latencyMicros()));

            Path report = dir.resolve("note.pdf");
            dialogs.files.add(report);
            model.saveReport();
            assertThat(dialogs.errors).isEmpty();
            assertThat(model.messageProperty().get()).isEqualTo("Report saved as note.pdf.");
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(report.toFile())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                assertThat(text).contains("Doctor " + row.doctorId(), "Risk tier " + result.riskTier(), "P(worse) = ",
                        "by " + Actor.localUser().name());
                if (row.patientRef() != null) assertThat(text).contains("Patient reference " + row.patientRef());
            }

            model.save();
            assertThat(model.savedProperty().get()).isTrue();
            assertThat(model.messageProperty().get()).matches("Prediction saved with its appointment in [0-9.]+ (µs|ms|s)\\.");
            assertThat(engine.predictions().stats().count()).isEqualTo(1);

            model.summaryProperty().set(model.summaryProperty().get() + " More.");
            assertThat(model.resultProperty().get()).isNull();
            assertThat(model.readingProperty().get()).isNull();
            assertThat(model.drivers()).isEmpty();
        }
    }

    @Test
    void saysTheCategoryModelAloneWouldLeanTheOtherWay() {
        var r = PredictionViewModel.relate(result(0.60, "poor", 0.10, 0.30, 0.19, 0.25, 0.16));
        assertThat(r.agree()).isFalse();
        assertThat(r.worseByCategories()).isCloseTo(0.41, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.text()).isEqualTo("P(worse) = 0.60 = P(poor) + P(critical) as shown. The five-category model alone would"
                + " lean towards better (its own P(worse) 0.41): the answer follows the better/worse model, which is calibrated"
                + " on held-out data, and the categories are rescaled to it.");
    }

    @Test
    void saysWhenTheyAgreeInDirectionButNotInStrength() {
        var r = PredictionViewModel.relate(result(0.85, "poor", 0.10, 0.15, 0.15, 0.35, 0.25));
        assertThat(r.agree()).isFalse();
        assertThat(r.text()).contains("P(worse) = 0.85").contains("Both lean towards worse, but the five-category model alone"
                + " sees less risk of worse (0.60)");
    }

    @Test
    void saysWhenTheyAgree() {
        var r = PredictionViewModel.relate(result(0.62, "poor", 0.10, 0.10, 0.20, 0.35, 0.25));
        assertThat(r.agree()).isTrue();
        assertThat(r.text()).endsWith("The five-category model agrees.");
    }

    @Test
    void namesTheStrongestFactorAgainstTheAnswer() {
        PredictionResult base = result(0.62, "poor", 0.10, 0.10, 0.20, 0.35, 0.25);
        PredictionResult r = new PredictionResult(base.label(), base.probability(), base.category(), base.categoryProbabilities(),
                base.riskTier(), 1, "model version 1", null, true, null, List.of(), 10, -0.3,
                new Contribution("No chest pain", -0.42, Contribution.Kind.PHRASE, 0, 13), base.agreement());
        assertThat(PredictionViewModel.whyNotText(r)).isEqualTo("Why not better: \u201cNo chest pain\u201d (-0.42) pulls towards"
                + " better, but not enough.");
        assertThat(PredictionViewModel.whyNotText(base)).isEmpty();
    }

    private static PredictionResult result(double p, String category, double excellent, double good, double neutral,
                                           double poor, double critical) {
        Map<String, Double> c = new LinkedHashMap<>();
        c.put("critical", critical);
        c.put("poor", poor);
        c.put("neutral", neutral);
        c.put("good", good);
        c.put("excellent", excellent);
        return new PredictionResult(p >= 0.5 ? "worse" : "better", p, category, c, p >= 0.5 ? "high" : "low", 1, "model version 1",
                null, true, null, List.of(new Contribution("chest pain", 0.8)), 10);
    }

    @Test
    void timesAreShownInAReadableUnit() {
        assertThat(PredictionViewModel.duration(85)).isEqualTo("85 µs");
        assertThat(PredictionViewModel.duration(12_600)).isEqualTo("12.6 ms");
        assertThat(PredictionViewModel.duration(2_340_000)).isEqualTo("2.34 s");
        assertThat(PredictionViewModel.timing(14_200_000, 6)).isEqualTo("Answered in 14.2 ms from Predict to this screen; "
                + "the engine's own part (featurising, scoring, explaining) took 6 µs.");
    }

    @Test
    void reportFileNamesKeepOnlySafeCharacters() {
        assertThat(PredictionViewModel.reportName("Dr. Smith/2", java.time.LocalDate.of(2025, 3, 15)))
                .isEqualTo("prediction-Dr_Smith_2-2025-03-15.pdf");
        assertThat(PredictionViewModel.reportName("dr_01", null)).isEqualTo("prediction-dr_01.pdf");
    }

    @Test
    void weightsReadSignedWithTheirDirection() {
        assertThat(PredictionViewModel.weight(0.3412)).isEqualTo("+0.34");
        assertThat(PredictionViewModel.weight(-0.4)).isEqualTo("-0.40");
        assertThat(PredictionViewModel.direction(0.34)).isEqualTo("towards worse");
        assertThat(PredictionViewModel.direction(-0.4)).isEqualTo("towards better");
    }

    @Test
    void highlightsEachWeighedPhraseAtItsPlaceWithItsWeight() {
        String summary = "Severe chest pain, no fever.";
        var spans = PredictionViewModel.highlight(summary,
                List.of(new Contribution("chest pain", 0.8, Contribution.Kind.PHRASE, 7, 17),
                        new Contribution("no fever", -0.4, Contribution.Kind.PHRASE, 19, 27),
                        new Contribution("doctor dr_01", 2.0, Contribution.Kind.DOCTOR, -1, -1)));
        assertThat(spans).extracting(PredictionViewModel.Span::text).containsExactly("Severe ", "chest pain", ", ", "no fever", ".");
        assertThat(spans.get(1).weight()).isEqualTo(0.8);
        assertThat(spans.get(1).badge()).contains("+0.80");
        assertThat(spans.get(3).weight()).isEqualTo(-0.4);
        assertThat(spans.get(0).badge()).isEmpty();
        assertThat(String.join("", spans.stream().map(PredictionViewModel.Span::text).toList())).isEqualTo(summary);
    }

    @Test
    void theAnswerIsWordedAndStyledByLabelAndTier() {
        PredictionResult worse = new PredictionResult("worse", 0.62, "poor", Map.of(), "HIGH", 3, "model", null, true, null,
                List.of(), 10);
        assertThat(PredictionViewModel.labelText(worse)).isEqualTo("Likely worse (62% chance of worse)");
        assertThat(PredictionViewModel.labelStyles(worse)).containsExactly("label", "prediction-label", "worse");
        assertThat(PredictionViewModel.tierText(worse)).isEqualTo("Risk tier: HIGH");
        assertThat(PredictionViewModel.tierStyles(worse)).containsExactly("label", "risk-tier", "tier-high");
        PredictionResult better = new PredictionResult("better", 0.2, "good", Map.of(), "LOW", 3, "model", null, true, null,
                List.of(), 10);
        assertThat(PredictionViewModel.labelStyles(better)).containsExactly("label", "prediction-label", "better");
        assertThat(PredictionViewModel.categoryBar("poor", 0.256)).isEqualTo("poor" + System.lineSeparator() + "0.26");
    }

    @Test
    void wordsThatDriveTheAnswerCarryTheStyleClassOfTheirDirection() {
        assertThat(new PredictionViewModel.Span("fever", 0.4).styleClass()).contains("drives-worse");
        assertThat(new PredictionViewModel.Span("improved", -0.4).styleClass()).contains("drives-better");
        assertThat(new PredictionViewModel.Span("the", 0).styleClass()).isEmpty();
    }
}
