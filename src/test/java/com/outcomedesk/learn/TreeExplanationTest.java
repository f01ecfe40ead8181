package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tree explanations: format-5 trees (with cover counts) are explained by TreeSHAP, whose weights plus the base value are
 * the model's log-odds; format-4 trees, kept as a fixture made by the code before format 5, load and explain exactly as
 * they did.
 */
class TreeExplanationTest {
    private static final String[] WORDS = {"no", "chest", "pain", "fever", "cough", "persistent", "for", "3", "days", "weeks",
            "2", "shortness", "of", "breath", "denies", "but", "referred", "to", "cardiology", "mri", "ordered", "stable",
            "worsening", "insulin", "started", "follow", "up", "in", "1", "month", ".", ",", "bp", "140", "diabetes",
            "hypertension", "improving", "without", "nausea", "review", "10", "year"};
    private static final ArtifactCodec.Identity ID = new ArtifactCodec.Identity(UUID.randomUUID(), 3, "site");
    private static final byte[] KEY = "tree explanation test key".getBytes(StandardCharsets.UTF_8);

    @Test
    void formatFiveTreesAreExplainedByTreeShapAndAddUpToTheLogit() throws Exception {
        LearnFixtures.Demo demo = LearnFixtures.demo(2_000, 11);
        int[] all = new int[demo.data().rows()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        SplittableRandom random = new SplittableRandom(7);
        for (TreeModel.Kind kind : TreeModel.Kind.values()) {
            TrainedModel fitted = new TrainedModel(kind.name(), TrainingRequest.DEFAULT_BITS, TreeModel.fit(kind, demo.data(), all, 2),
                    new Calibration(0.9, 0.05), null, new double[] {0.1, 0.2, 0.3, 0.25, 0.15}, Set.of("dr_01", "dr_02"));
            TrainedModel model = ArtifactCodec.decode(ArtifactCodec.encode(fitted, ID, KEY), ArtifactCodec.FORMAT, ID, KEY);
            assertThat(((TreeModel) model.binary()).trees.covered()).as("%s keeps its covers", kind).isTrue();
            Predictor predictor = new Predictor(new LoadedModel(model, 3, "model version 3", null));
            boolean notStatedSeen = false;
            for (int trial = 0; trial < 300; trial++) {
                boolean known = random.nextBoolean();
                PredictionRequest request = new PredictionRequest(known ? "dr_02" : "dr_77", note(random),
                        random.nextBoolean() ? LocalDate.of(2025, 1 + random.nextInt(12), 9) : null);
                PredictionResult r = predictor.predict(request, RiskTiers.DEFAULT);
                double sum = r.baseValue() + r.explanation().stream().mapToDouble(Contribution::weight).sum();
                assertThat(sum).as("%s: base + weights for %s", kind, request).isCloseTo(Sigmoid.logit(r.probability()), within(1e-9));
                assertThat(r.explanation()).noneMatch(c -> c.kind() == Contribution.Kind.DOCTOR && !known);
                assertThat(r.explanation()).noneMatch(c -> c.kind() == Contribution.Kind.DATE && request.date() == null);
                notStatedSeen |= r.explanation().stream().anyMatch(c -> c.kind() == Contribution.Kind.NOT_STATED);
            }
            assertThat(notStatedSeen).as("%s: findings a note leaves out move trees too", kind).isTrue();
        }
    }

    /** The base value is the trees' mean over the training rows, the same for every note. */
    @Test
    void theBaseValueIsTheSameForEveryNote() throws Exception {
        LearnFixtures.Demo demo = LearnFixtures.demo(1_000, 12);
        int[] all = new int[demo.data().rows()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        Predictor predictor = new Predictor(new LoadedModel(new TrainedModel("gbm", TrainingRequest.DEFAULT_BITS,
                TreeModel.fit(TreeModel.Kind.GBM, demo.data(), all, 4), Calibration.IDENTITY, null, new double[] {0.2, 0.2, 0.2, 0.2, 0.2},
                Set.of("dr_01")), 1, "model version 1", null));
        double a = predictor.predict(new PredictionRequest("dr_01", "No chest pain. Persistent cough for 3 days.", null), RiskTiers.DEFAULT).baseValue();
        double b = predictor.predict(new PredictionRequest("dr_09", "Referred to cardiology, MRI ordered.", LocalDate.of(2025, 5, 1)),
                RiskTiers.DEFAULT).baseValue();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void formatFourTreesLoadAndExplainAsTheyDid() throws Exception {
        JsonNode fixture;
        try (InputStream in = TreeExplanationTest.class.getResourceAsStream("format4-trees.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        assertThat(fixture.get("format").asInt()).isEqualTo(4);
        ArtifactCodec.Identity id = new ArtifactCodec.Identity(UUID.fromString(fixture.get("id").asText()), fixture.get("version").asInt(),
                fixture.get("site").asText());
        byte[] key = fixture.get("key").asText().getBytes(StandardCharsets.UTF_8);
        for (JsonNode m : fixture.get("models")) {
            TrainedModel model = ArtifactCodec.decode(Base64.getDecoder().decode(m.get("artifact").asText()), 4, id, key);
            assertThat(((TreeModel) model.binary()).trees.covered()).isFalse();
            Predictor predictor = new Predictor(new LoadedModel(model, id.version(), "model version 4", null));
            for (JsonNode c : m.get("cases")) {
                JsonNode date = c.get("date");
                PredictionResult r = predictor.predict(new PredictionRequest(c.get("doctor").asText(), c.get("summary").asText(),
                        date.isNull() ? null : LocalDate.parse(date.asText())), RiskTiers.DEFAULT);
                assertThat(r.probability()).isEqualTo(c.get("probability").asDouble());
                assertThat(r.baseValue()).isEqualTo(c.get("baseValue").asDouble());
                List<Contribution> factors = r.explanation();
                assertThat(factors).hasSize(c.get("explanation").size());
                Iterator<Contribution> actual = factors.iterator();
                for (JsonNode e : c.get("explanation")) {
                    Contribution f = actual.next();
                    assertThat(f.term()).isEqualTo(e.get("term").asText());
                    assertThat(f.weight()).as(f.term()).isEqualTo(e.get("weight").asDouble());
                    assertThat(f.kind().name()).isEqualTo(e.get("kind").asText());
                    assertThat(f.start()).isEqualTo(e.get("start").asInt());
                }
            }
        }
    }

    private static String note(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = 3 + random.nextInt(38); i < n; i++) s.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        return s.toString();
    }
}
