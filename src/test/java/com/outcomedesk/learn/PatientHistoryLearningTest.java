package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.common.Role;
import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.history.HistoryFeatures;
import com.outcomedesk.history.PatientHistory;
import com.outcomedesk.history.PatientHistoryLookup;
import com.outcomedesk.history.PatientHistoryTable;
import com.outcomedesk.store.LearningRows;
import com.outcomedesk.store.PatientVisits;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.Featurizer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Demo data with planted repeat patients, each with a lasting effect on the outcome: a patient's earlier outcomes
 * predict the next one. Trained on the past and scored on the most recent fifth, the model with patient history beats
 * the same candidate without it; the saved model says it uses the group; the prediction-time lookup in the store gives
 * every appointment the history training gave it; and the history shows as one factor of the explanation.
 */
class PatientHistoryLearningTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    private static final int RECORDS = 6_000;
    @TempDir Path dir;

    @Test
    void earlierOutcomesOfThePatientRaiseTheTimeOrderedAucAndPredictionSeesWhatTrainingSaw() throws Exception {
        Path file = dir.resolve("patients.json");
        DemoDataWriter.write(new DemoDataGenerator(3, 10, 0.05).plantPatients(500, 1.5, 3), RECORDS, file, null, ProgressListener.NONE);
        try (Engine engine = Engine.open(com.outcomedesk.testing.TestStores.h2(dir.resolve("store")))) {
            engine.importer().importFile(file, ADMIN, ProgressListener.NONE);
            TrainingService.TrainingResult result = engine.training().train(new TrainingRequest(
                    TrainingRequest.Algorithm.LOGREG, 3, true, 42, TrainingRequest.DEFAULT_BITS), ADMIN, ProgressListener.NONE);

            ModelProvenance provenance = engine.models().artifactProvenance(result.version()).orElseThrow();
            assertThat(provenance.featureSpec().patientHistory()).contains("patient history version " + HistoryFeatures.VERSION)
                    .contains("known rule");
            assertThat(engine.models().current().model().usesPatientHistory()).isTrue();

            LearningRows rows = new LearningRows(engine.database());
            PatientVisits visits = new PatientVisits(engine.database());
            PatientHistoryTable table = PatientHistoryTable.load(visits);
            double with = timeOrderedAuc(rows, table);
            double without = timeOrderedAuc(rows, null);
            JsonNode t = engine.models().metrics(result.version()).get("timeOrdered");
            assertThat(t.get("auc").asDouble()).isEqualTo(with, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(with).as("time-ordered AUC with patient history, against %.4f without", without).isGreaterThan(without + 0.02);

            // Prediction time: the store lookup gives each appointment the history the training pass gave it.
            PatientHistoryLookup lookup = PatientHistoryLookup.of(visits);
            List<Object[]> checked = new ArrayList<>();
            engine.database().jdbi(h -> h.createQuery("SELECT id, patient_ref, appointment_date FROM appointments")
                    .map((rs, ctx) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class)}).list())
                    .forEach(a -> {
                        assertThat(lookup.before((String) a[1], (LocalDate) a[2])).as("appointment %s", a[0]).isEqualTo(table.of((UUID) a[0]));
                        checked.add(a);
                    });
            assertThat(checked).hasSize(RECORDS);
            long withEarlier = checked.stream().filter(a -> table.of((UUID) a[0]).state() == PatientHistory.State.EARLIER).count();
            assertThat(withEarlier).isGreaterThan(RECORDS / 2);

            // The history is one factor of the explanation, in words, and the weights still add up to the log-odds.
            Object[] repeat = checked.stream().filter(a -> table.of((UUID) a[0]).worse() >= 2).findFirst().orElseThrow();
            PredictionResult r = engine.predictions().predict(new PredictionRequest("dr_01", "Persistent cough, no fever.",
                    (LocalDate) repeat[2], (String) repeat[1]));
            Contribution history = r.explanation().stream().filter(c -> c.kind() == Contribution.Kind.HISTORY).findFirst().orElseThrow();
            assertThat(history.term()).isEqualTo(table.of((UUID) repeat[0]).describe()).contains("earlier worse outcomes of");
            double logit = r.baseValue() + r.explanation().stream().mapToDouble(Contribution::weight).sum();
            assertThat(Sigmoid.of(logit)).isCloseTo(r.probability(), org.assertj.core.api.Assertions.within(1e-9));

            // The same appointment through the batch path (history from the one-pass table) gets the same probability.
            Predictor predictor = engine.predictions().predictor();
            PredictionRequest same = new PredictionRequest("dr_01", "Persistent cough, no fever.", (LocalDate) repeat[2], (String) repeat[1]);
            assertThat(predictor.probability(same, table.of((UUID) repeat[0]))).isEqualTo(predictor.probability(same));

            // Without a patient reference: the "no history" state, not the zeros of a first appointment.
            PredictionResult anonymous = engine.predictions().predict(new PredictionRequest("dr_01", "Persistent cough, no fever.",
                    (LocalDate) repeat[2]));
            assertThat(anonymous.explanation()).filteredOn(c -> c.kind() == Contribution.Kind.HISTORY)
                    .extracting(Contribution::term).containsExactly(PatientHistory.NONE.describe());
            assertThat(anonymous.probability()).isNotEqualTo(r.probability());
        }
    }

    /** The time-ordered holdout AUC of the logistic candidate on the store's rows, with or without patient history. */
    private static double timeOrderedAuc(LearningRows rows, PatientHistoryTable table) {
        Featurizer featurizer = new Featurizer(TrainingRequest.DEFAULT_BITS, ClinicalEntityExtractor.defaults());
        LabelledData.Loaded loaded = LabelledData.load(rows, featurizer, table, ProgressListener.NONE);
        Dataset data = loaded.dataset();
        Candidate logreg = Candidate.forRequest(TrainingRequest.Algorithm.LOGREG, data.rows()).get(0);
        return TimeOrderedSplit.result(TimeOrderedSplit.holdout(data, loaded.dates(), logreg, 42).orElseThrow(), 0).auc();
    }
}
