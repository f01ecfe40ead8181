package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.outcomedesk.learn.ArtifactCodec.Identity;
import com.outcomedesk.learn.ArtifactCodec.Refusal;
import com.outcomedesk.learn.ArtifactCodec.RefusedArtifactException;
import com.outcomedesk.text.FeatureGroup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Artifacts (format 5; the limits also with a format-2 header): exact round trips of every model kind, and refusals of hostile bytes, at once. */
class ArtifactCodecTest {
    private static final int BITS = TrainingRequest.DEFAULT_BITS;
    private static final byte[] KEY = new byte[32];
    private static final Identity ID = new Identity(UUID.fromString("00000000-0000-0000-0000-000000000007"), 7, "site-a");
    private static final LearnFixtures.Demo DEMO = LearnFixtures.demo(400, 3);

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    @Property(tries = 12)
    void logisticAndCategoryModelsRoundTripExactly(@ForAll long seed, @ForAll @IntRange(min = 1, max = 15) int groupMask) {
        SplittableRandom r = new SplittableRandom(seed);
        Set<FeatureGroup> groups = EnumSet.noneOf(FeatureGroup.class);
        for (FeatureGroup g : FeatureGroup.values()) if ((groupMask & 1 << g.ordinal()) != 0) groups.add(g);
        int dimension = 1 << TrainingRequest.DEFAULT_BITS;
        double[] w = new double[dimension];
        for (int i = 0; i < w.length; i += 1 + r.nextInt(50)) w[i] = r.nextGaussian() * 3;
        float[] cw = new float[CategoryModel.K * dimension];
        for (int i = 0; i < cw.length; i += 1 + r.nextInt(200)) cw[i] = (float) r.nextGaussian();
        double[] bias = r.doubles(CategoryModel.K).toArray();
        TrainedModel model = new TrainedModel("logreg", TrainingRequest.DEFAULT_BITS, new LogisticModel(groups, w, r.nextGaussian()),
                new Calibration(r.nextDouble() * 2, r.nextGaussian()), new CategoryModel(cw, bias, dimension), null,
                Set.of("dr_01", "dr_02", "d\u00e9j\u00e0"));
        assertSamePredictions(model, roundTrip(model));
    }

    @Property(tries = 40)
    void baselinesRoundTripExactly(@ForAll long seed, @ForAll boolean majority) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<Integer, Double> rates = new HashMap<>();
        for (int i = 0; i < 30; i++) rates.put(r.nextInt(1 << TrainingRequest.DEFAULT_BITS), r.nextDouble());
        BinaryModel binary = majority ? new MajorityModel(r.nextDouble()) : new DoctorRateModel(rates, r.nextDouble());
        TrainedModel model = new TrainedModel(majority ? "majority" : "doctor-rate", TrainingRequest.DEFAULT_BITS, binary,
                Calibration.IDENTITY, null, r.doubles(CategoryModel.K).toArray(), Set.of());
        assertSamePredictions(model, roundTrip(model));
    }

    @Test
    void forestAndBoostedTreesRoundTripExactly() {
        int[] rows = new int[DEMO.data().rows()];
        for (int i = 0; i < rows.length; i++) rows[i] = i;
        for (TreeModel.Kind kind : TreeModel.Kind.values()) {
            TreeModel trees = TreeModel.fit(kind, DEMO.data(), rows, 11);
            TrainedModel model = new TrainedModel(kind.name().toLowerCase(), TrainingRequest.DEFAULT_BITS, trees,
                    Calibration.IDENTITY, null, new double[] {1, 2, 3, 4, 5}, Set.of("dr_01"));
            assertSamePredictions(model, roundTrip(model));
        }
    }

    private static TrainedModel roundTrip(TrainedModel model) {
        try {
            return ArtifactCodec.decode(ArtifactCodec.encode(model, ID, KEY), ArtifactCodec.FORMAT, ID, KEY);
        } catch (RefusedArtifactException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static void assertSamePredictions(TrainedModel a, TrainedModel b) {
        assertThat(b.algorithm()).isEqualTo(a.algorithm());
        assertThat(b.knownDoctors()).isEqualTo(a.knownDoctors());
        assertThat(b.calibration()).isEqualTo(a.calibration());
        Predictor pa = new Predictor(new LoadedModel(a, 1, "a", null)), pb = new Predictor(new LoadedModel(b, 1, "a", null));
        for (int row = 0; row < DEMO.data().rows(); row += 7) {
            assertThat(b.binary().probability(DEMO.data(), row)).isEqualTo(a.binary().probability(DEMO.data(), row));
            if (a.categories() != null) {
                assertThat(b.categories().probabilities(DEMO.data(), row)).isEqualTo(a.categories().probabilities(DEMO.data(), row));
            }
        }
        PredictionRequest visit = new PredictionRequest("dr_01", "Persistent cough, no fever. Review in 2 weeks.", java.time.LocalDate.of(2024, 3, 1));
        PredictionResult ra = pa.predict(visit, RiskTiers.DEFAULT), rb = pb.predict(visit, RiskTiers.DEFAULT);
        assertThat(rb.probability()).isEqualTo(ra.probability());
        assertThat(rb.categoryProbabilities()).isEqualTo(ra.categoryProbabilities());
        assertThat(rb.explanation()).isEqualTo(ra.explanation());
    }

    private static TrainedModel small() {
        double[] w = new double[1 << BITS];
        w[3] = 0.5;
        return new TrainedModel("logreg", BITS, new LogisticModel(Dataset.ALL, w, 0.1), Calibration.IDENTITY, null,
                new double[] {1, 1, 1, 1, 1}, Set.of("dr_01"));
    }

    @Test
    void anArtifactSwappedIntoAnotherVersionIsRefused() {
        byte[] artifact = ArtifactCodec.encode(small(), ID, KEY);
        assertRefused(artifact, new Identity(UUID.randomUUID(), 8, "site-a"), KEY, Refusal.BAD_SIGNATURE);
        assertRefused(artifact, new Identity(ID.id(), 8, "site-a"), KEY, Refusal.BAD_SIGNATURE);
        assertRefused(artifact, new Identity(ID.id(), 7, "site-b"), KEY, Refusal.BAD_SIGNATURE);
    }

    @Test
    void aTamperedWeightIsRefusedAndAnotherStoresKeyIsNamed() throws Exception {
        byte[] artifact = ArtifactCodec.encode(small(), ID, KEY);
        assertRefused(tamperWeight(artifact, 9.0), ID, KEY, Refusal.BAD_SIGNATURE);
        byte[] other = new byte[32];
        assertRefused(artifact, ID, other, Refusal.FOREIGN_KEY);
        assertThatThrownBy(() -> ArtifactCodec.decode(artifact, ArtifactCodec.FORMAT, ID, other))
                .hasMessage("refused: signed with a key this site does not hold: import the network's signing key");
        assertRefused(Arrays.copyOf(artifact, artifact.length - 40), ID, KEY, Refusal.UNSIGNED);
    }

    @Test
    void resigningWithTheNetworkKeyKeepsTheModelAndOnlyVerifiesUnderTheNewKey() throws Exception {
        byte[] network = new byte[32];
        Arrays.fill(network, (byte) 1);
        byte[] moved = ArtifactCodec.resign(ArtifactCodec.encode(small(), ID, KEY), ArtifactCodec.FORMAT, ID, KEY, network);
        assertSamePredictions(small(), ArtifactCodec.decode(moved, ArtifactCodec.FORMAT, ID, network));
        assertRefused(moved, ID, KEY, Refusal.FOREIGN_KEY);
        assertThatThrownBy(() -> ArtifactCodec.resign(tamperWeight(moved, 2.0), ArtifactCodec.FORMAT, ID, network, KEY))
                .isInstanceOf(RefusedArtifactException.class);
    }

    @Test
    void aTreeNestedDeeperThanTheLimitIsRefusedEvenWhenSigned() {
        int nodes = 20_000;
        int[] feature = new int[nodes], next = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            feature[i] = i == nodes - 1 ? -1 : 0;
            next[i] = i + 1;
        }
        TreeEnsemble.Tree chain = new TreeEnsemble.Tree(feature, new double[nodes], next, next, new double[nodes], new double[nodes]);
        TreeModel deep = new TreeModel(TreeModel.Kind.FOREST, new TreeEnsemble(false, 0, 0, new double[] {1}, new TreeEnsemble.Tree[] {chain}),
                Map.of(), new DoctorRateModel(Map.of(), 0.5), new double[2]);
        TrainedModel model = new TrainedModel("forest", BITS, deep, Calibration.IDENTITY, null, new double[5], Set.of());
        assertRefused(ArtifactCodec.encode(model, ID, KEY), ID, KEY, Refusal.TOO_DEEP);
    }

    @Test
    void coverCountsThatDoNotAddUpAreRefusedEvenWhenSigned() {
        int[] feature = {0, -1, -1}, yes = {1, 0, 0}, no = {2, 0, 0};
        for (int[] cover : new int[][] {{10, 4, 5}, {4, 4, 0}}) {
            TreeEnsemble.Tree stump = new TreeEnsemble.Tree(feature, new double[] {0.5, 0, 0}, yes, no, new double[3],
                    new double[] {0, 0.1, -0.1}, cover);
            TreeModel gbm = new TreeModel(TreeModel.Kind.GBM, new TreeEnsemble(true, 0, 1, new double[0], new TreeEnsemble.Tree[] {stump}),
                    Map.of(5, 0), new DoctorRateModel(Map.of(), 0.5), new double[3]);
            TrainedModel model = new TrainedModel("gbm", BITS, gbm, Calibration.IDENTITY, null, new double[5], Set.of());
            assertRefused(ArtifactCodec.encode(model, ID, KEY), ID, KEY, Refusal.DAMAGED);
        }
    }

    @Test
    void hugeDeclaredSizesAreRefusedBeforeAnythingIsAllocated() throws Exception {
        byte[] body = ModelBody.write(small());
        ByteBuffer.wrap(body).putInt(weightsAt(body) - 4, Integer.MAX_VALUE);
        assertRefused(signed(body, body.length, gzip(body)), ID, KEY, Refusal.TOO_LARGE);
        // A header that says the body inflates to 2 GiB, and a small body that inflates far beyond what it declares.
        assertRefused(signed(body, Integer.MAX_VALUE, gzip(body)), ID, KEY, Refusal.TOO_LARGE);
        assertRefused(signed(body, 1_000, gzip(new byte[50 << 20])), ID, KEY, Refusal.TOO_LARGE);
        assertRefused(new byte[ArtifactCodec.MAX_ARTIFACT + 1], ID, KEY, Refusal.TOO_LARGE);
    }

    @Test
    void unknownFormatsAndJavaSerialisationAreNotRead() throws Exception {
        byte[] artifact = ArtifactCodec.encode(small(), ID, KEY);
        byte[] future = artifact.clone();
        future[5] = (byte) (ArtifactCodec.FORMAT + 1);
        assertRefused(future, ID, KEY, Refusal.UNKNOWN_FORMAT);
        assertTimed(() -> ArtifactCodec.decode(artifact, ArtifactCodec.FORMAT + 1, ID, KEY), Refusal.UNKNOWN_FORMAT);
        byte[] bomb = ArtifactTamperingTest.nestedSets(100);
        assertTimed(() -> ArtifactCodec.decode(bomb, 1, ID, KEY), Refusal.LEGACY);
        assertRefused(bomb, ID, KEY, Refusal.DAMAGED);
    }

    private static void assertRefused(byte[] artifact, Identity identity, byte[] key, Refusal expected) {
        assertTimed(() -> ArtifactCodec.decode(artifact, ArtifactCodec.FORMAT, identity, key), expected);
    }

    /** Refused with the expected reason and without hanging (a crafted count must not make the decoder loop or allocate). */
    private static void assertTimed(org.junit.jupiter.api.function.ThrowingSupplier<TrainedModel> decode, Refusal expected) {
        RefusedArtifactException refused = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                decode.get();
                return null;
            } catch (RefusedArtifactException e) {
                return e;
            }
        });
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.refusal()).isEqualTo(expected);
    }

    /** Where a logistic body's weights begin (after kind, algorithm, bits, groups, bias and the count). */
    private static int weightsAt(byte[] body) {
        int algorithm = ByteBuffer.wrap(body).getInt(1);
        return 1 + 4 + algorithm + 4 + 4 + 8 + 4;
    }

    /** What a database login can do: change the first weight, re-gzip, fix the lengths, keep the old signature. */
    static byte[] tamperWeight(byte[] artifact, double weight) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(artifact);
        byte[] body;
        try (GZIPInputStream z = new GZIPInputStream(new ByteArrayInputStream(artifact, 15, in.getInt(11)))) {
            body = z.readAllBytes();
        }
        ByteBuffer.wrap(body).putDouble(weightsAt(body), weight);
        byte[] zipped = gzip(body);
        ByteBuffer out = ByteBuffer.allocate(15 + zipped.length + 40);
        out.put(artifact, 0, 7).putInt(body.length).putInt(zipped.length).put(zipped).put(artifact, artifact.length - 40, 40);
        return out.array();
    }

    /** An artifact laid out as the format documents, signed with the real key: the limits must hold even then. */
    private static byte[] signed(byte[] body, int declared, byte[] zipped) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(15 + zipped.length + 40);
        b.put("ODMA".getBytes()).putShort((short) 2).put(body[0]).putInt(declared).putInt(zipped.length).put(zipped)
                .put(ArtifactCodec.keyId(KEY));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        mac.update(b.array(), 0, b.position());
        b.put(mac.doFinal(("outcome-desk model artifact\n" + ID.id() + "\n" + ID.version() + "\n" + ID.siteId()).getBytes()));
        return b.array();
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }
}
