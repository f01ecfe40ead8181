package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Every answer is coherent (label, tier, category and the five probabilities never contradict) and its explanation
 * is exact (base value + weights = the logit of the probability shown), for every model kind, on random notes.
 */
class CoherentExplainedPredictionTest {
    private static final String[] WORDS = {"no", "chest", "pain", "fever", "cough", "persistent", "for", "3", "days", "weeks",
            "2", "shortness", "of", "breath", "denies", "but", "referred", "to", "cardiology", "mri", "ordered", "stable",
            "worsening", "insulin", "started", "follow", "up", "in", "1", "month", ".", ",", "bp", "140", "diabetes",
            "hypertension", "improving", "without", "nausea", "review"};
    private static final LearnFixtures.Demo DEMO = LearnFixtures.demo(3_000, 5);
    private static final List<Predictor> PREDICTORS = predictors();

    private static List<Predictor> predictors() {
        Dataset d = DEMO.data();
        int[] all = new int[d.rows()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        LogisticTrainer.Params params = LogisticTrainer.Params.forRows(d.rows());
        CategoryModel categories = CategoryModel.fit(d, all, params, 1);
        Set<String> doctors = Set.of("dr_01", "dr_02", "dr_03");
        List<BinaryModel> models = List.of(LogisticTrainer.fit(d, all, Dataset.ALL, params, 1), MajorityModel.fit(d, all),
                DoctorRateModel.fit(d, all), TreeModel.fit(TreeModel.Kind.GBM, d, all, 1), TreeModel.fit(TreeModel.Kind.FOREST, d, all, 1));
        return models.stream().map(m -> new Predictor(new LoadedModel(new TrainedModel("test", TrainingRequest.DEFAULT_BITS, m,
                new Calibration(0.8, -0.1), categories, null, doctors), 1, "model version 1", null))).toList();
    }

    @Provide
    Arbitrary<String> notes() {
        return Arbitraries.of(WORDS).list().ofMinSize(3).ofMaxSize(40).map(w -> String.join(" ", w));
    }

    @Property(tries = 300)
    void answersAreCoherentAndExplanationsSumToTheLogit(@ForAll("notes") String note, @ForAll boolean knownDoctor,
                                                         @ForAll boolean dated) {
        PredictionRequest request = new PredictionRequest(knownDoctor ? "dr_02" : "dr_99", note, dated ? LocalDate.of(2025, 1, 9) : null);
        for (Predictor predictor : PREDICTORS) {
            PredictionResult r = predictor.predict(request, RiskTiers.DEFAULT);
            assertCoherent(r, RiskTiers.DEFAULT);
            double sum = r.baseValue() + r.explanation().stream().mapToDouble(Contribution::weight).sum();
            assertThat(sum).as("%s: base + weights", predictor.answeredBy()).isCloseTo(Sigmoid.logit(r.probability()), within(1e-6));
            assertThat(r.explanation()).noneMatch(c -> c.kind() == Contribution.Kind.DOCTOR && !knownDoctor);
            for (Contribution c : r.explanation()) {
                if (c.kind() == Contribution.Kind.PHRASE) assertThat(note.substring(c.start(), c.end())).isEqualTo(c.term());
            }
        }
    }

    static void assertCoherent(PredictionResult r, RiskTiers tiers) {
        double worse = r.categoryProbabilities().get("poor") + r.categoryProbabilities().get("critical");
        assertThat(worse).isCloseTo(r.probability(), within(1e-9));
        assertThat(r.categoryProbabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
        OutcomeLabel label = OutcomeLabel.fromCode(r.label());
        assertThat(label).isEqualTo(r.probability() >= 0.5 ? OutcomeLabel.WORSE : OutcomeLabel.BETTER);
        assertThat(OutcomeCategory.fromCode(r.category()).label()).isEqualTo(label);
        assertThat(r.riskTier()).isEqualTo(tiers.tier(r.probability()));
        for (OutcomeCategory c : OutcomeCategory.values()) {
            if (c.label() == label) assertThat(r.categoryProbabilities().get(c.code())).isLessThanOrEqualTo(r.categoryProbabilities().get(r.category()));
        }
        if (r.whyNot() != null) assertThat(label == OutcomeLabel.WORSE ? r.whyNot().weight() < 0 : r.whyNot().weight() > 0).isTrue();
    }

    @Test
    void aNegatedPhraseIsOneUnitAndTheDoctorIsAFactorOfItsOwn() {
        PredictionResult r = PREDICTORS.get(0).predict(new PredictionRequest("dr_02", "No chest pain. Persistent cough for 3 days.",
                null), RiskTiers.DEFAULT);
        assertThat(r.explanation()).extracting(Contribution::term).contains("No chest pain", "3 days", "doctor dr_02")
                .doesNotContain("chest", "pain");
        assertThat(r.explanation()).filteredOn(c -> c.term().equals("doctor dr_02")).singleElement()
                .extracting(Contribution::kind).isEqualTo(Contribution.Kind.DOCTOR);
    }

    @Test
    void theCategoryModelsOwnLeanIsReportedWhenItDisagrees() {
        // category order: critical, poor, neutral, good, excellent
        Coherent c = Coherent.of(0.6, new double[] {0.1, 0.1, 0.2, 0.5, 0.1});
        assertThat(c.label()).isEqualTo(OutcomeLabel.WORSE);
        assertThat(c.category()).isIn(OutcomeCategory.POOR, OutcomeCategory.CRITICAL);
        assertThat(c.probabilities()[OutcomeCategory.POOR.ordinal()] + c.probabilities()[OutcomeCategory.CRITICAL.ordinal()])
                .isCloseTo(0.6, within(1e-12));
        assertThat(c.agreement().kind()).isEqualTo(TaskAgreement.Kind.OPPOSITE);
        assertThat(c.agreement().worseByCategories()).isCloseTo(0.2, within(1e-12));
        assertThat(Coherent.of(0.2, new double[] {0.2, 0.2, 0.2, 0.2, 0.2}).agreement().kind()).isEqualTo(TaskAgreement.Kind.CATEGORIES_STRONGER);
        assertThat(Coherent.of(0.45, new double[] {0.2, 0.2, 0.2, 0.2, 0.2}).agreement().kind()).isEqualTo(TaskAgreement.Kind.AGREE);
    }
}
