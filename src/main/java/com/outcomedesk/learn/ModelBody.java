package com.outcomedesk.learn;

import com.outcomedesk.learn.ArtifactCodec.Refusal;
import com.outcomedesk.learn.ArtifactCodec.RefusedArtifactException;
import com.outcomedesk.history.HistoryFeatures;
import com.outcomedesk.text.FeatureGroup;
import com.outcomedesk.text.Featurizer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of an artifact: a {@link TrainedModel} as big-endian numbers, arrays as an int count
 * then the values, strings as an int byte count then UTF-8, optional parts behind a 0/1 byte.
 * Format 3 appends the provenance to the format-2 body, so format 2 is read by stopping before it; format 4 appends
 * the featurizer version (formats 2 and 3 were all trained on version 1, {@link Featurizer#LEGACY_VERSION}); format 5
 * gives each tree its cover counts (training rows per node), which TreeSHAP explanations need; format 6 appends the
 * patient-history version (0: none; every older format reads as 0) and the provenance's patient-history description.
 * <pre>
 * body        = kind:u8 algorithm:str hashBits:i32 binary calA:f64 calB:f64
 *               0|1 categories  0|1 shares:f64[]  knownDoctors:i32 str*
 *               0|1 provenance                                                      (format 3 on)
 *               featureVersion:i32                                                  (format 4 on; 1 before)
 *               historyVersion:i32                                                  (format 6 on; 0 before)
 * logistic    = groups:i32 (bit per FeatureGroup ordinal) bias:f64 weights:f64[]   (2^hashBits)
 * majority    = rate:f64
 * doctor-rate = overall:f64 n:i32 (doctor:i32 rate:f64)*n
 * forest, gbm = n:i32 (entity:i32 column:i32)*n doctor-rate importance:f64[]
 *               boosted:u8 intercept:f64 shrinkage:f64 weight:f64[] trees:i32
 *               per tree: nodes:i32 feature:i32*nodes threshold:f64*nodes yes:i32*nodes no:i32*nodes
 *                         leaf0:f64*nodes leaf1:f64*nodes
 *                         0|1 cover:i32*nodes                                       (format 5 on)
 * categories  = dimension:i32 bias:f64[] (5) weights:f32[] (5 x dimension)
 * provenance  = algorithm:str requested:str parameters:i32 (name:str value:str)* hashBits:i32 maxNgram:i32
 *               entityDictionary:str featureDescription:str dataFingerprint:str rows:i64 worseRows:i32 folds:i32
 *               repeats:i32 seed:i64 trainer:str libraries:i32 (name:str version:str)* applicationVersion:str
 *               trainedAt:str (ISO-8601 with offset) durationMs:i64
 *               0|1 patientHistory:str                                              (format 6 on)
 * </pre>
 * Reading checks every count against the bytes left before allocating, and every tree for children
 * after their parent, features in range, a depth of at most {@link #MAX_DEPTH} and covers that add up (each node
 * reached by at least one row, a split's two children by as many rows as the split).
 */
final class ModelBody {
    static final int MAX_DEPTH = 64, MAX_TREES = 1_000, MAX_NODES = 1 << 16, MAX_STRING = 1_024;

    /** The binary model kinds; codes are part of the format. */
    enum Kind {
        LOGISTIC(1), MAJORITY(2), DOCTOR_RATE(3), FOREST(4), GBM(5);

        final int code;

        Kind(int code) {
            this.code = code;
        }
    }

    private ModelBody() {
    }

    static Kind kind(BinaryModel model) {
        if (model instanceof LogisticModel) return Kind.LOGISTIC;
        if (model instanceof MajorityModel) return Kind.MAJORITY;
        if (model instanceof DoctorRateModel) return Kind.DOCTOR_RATE;
        if (model instanceof TreeModel t) return t.kind == TreeModel.Kind.FOREST ? Kind.FOREST : Kind.GBM;
        throw new IllegalArgumentException("no artifact format for " + model.getClass().getSimpleName());
    }

    static byte[] write(TrainedModel m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(kind(m.binary()).code);
            string(out, m.algorithm());
            out.writeInt(m.hashBits());
            binary(out, m.binary());
            out.writeDouble(m.calibration().a());
            out.writeDouble(m.calibration().b());
            out.writeBoolean(m.categories() != null);
            if (m.categories() != null) {
                out.writeInt(m.categories().dimension);
                doubles(out, m.categories().bias);
                out.writeInt(m.categories().weights.length);
                for (float w : m.categories().weights) out.writeFloat(w);
            }
            out.writeBoolean(m.categoryShares() != null);
            if (m.categoryShares() != null) doubles(out, m.categoryShares());
            out.writeInt(m.knownDoctors().size());
            for (String d : m.knownDoctors()) string(out, d);
            out.writeBoolean(m.provenance() != null);
            if (m.provenance() != null) provenance(out, m.provenance());
            out.writeInt(m.featureVersion());
            out.writeInt(m.historyVersion());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void provenance(DataOutputStream out, ModelProvenance p) throws IOException {
        string(out, p.algorithm());
        string(out, p.requested().name());
        strings(out, p.parameters());
        out.writeInt(p.featureSpec().hashBits());
        out.writeInt(p.featureSpec().maxNgram());
        string(out, p.featureSpec().entityDictionary());
        string(out, p.featureSpec().description());
        string(out, p.dataFingerprint());
        out.writeLong(p.rows());
        out.writeInt(p.worseRows());
        out.writeInt(p.folds());
        out.writeInt(p.repeats());
        out.writeLong(p.seed());
        string(out, p.trainer());
        strings(out, p.libraries());
        string(out, p.applicationVersion());
        string(out, p.trainedAt().toString());
        out.writeLong(p.durationMs());
        out.writeBoolean(p.featureSpec().patientHistory() != null);
        if (p.featureSpec().patientHistory() != null) string(out, p.featureSpec().patientHistory());
    }

    private static void strings(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            string(out, e.getKey());
            string(out, e.getValue());
        }
    }

    private static void binary(DataOutputStream out, BinaryModel model) throws IOException {
        if (model instanceof LogisticModel l) {
            int groups = 0;
            for (FeatureGroup g : l.groups) groups |= 1 << g.ordinal();
            out.writeInt(groups);
            out.writeDouble(l.bias);
            doubles(out, l.weights);
        } else if (model instanceof MajorityModel m) {
            out.writeDouble(m.rate());
        } else if (model instanceof DoctorRateModel d) {
            doctorRates(out, d);
        } else {
            TreeModel t = (TreeModel) model;
            out.writeInt(t.entityColumns.size());
            for (Map.Entry<Integer, Integer> e : t.entityColumns.entrySet()) {
                out.writeInt(e.getKey());
                out.writeInt(e.getValue());
            }
            doctorRates(out, t.doctorRates);
            doubles(out, t.importance);
            TreeEnsemble e = t.trees;
            out.writeBoolean(e.boosted());
            out.writeDouble(e.intercept());
            out.writeDouble(e.shrinkage());
            doubles(out, e.weight());
            out.writeInt(e.trees().length);
            for (TreeEnsemble.Tree tree : e.trees()) {
                out.writeInt(tree.nodes());
                for (int v : tree.feature()) out.writeInt(v);
                for (double v : tree.threshold()) out.writeDouble(v);
                for (int v : tree.yes()) out.writeInt(v);
                for (int v : tree.no()) out.writeInt(v);
                for (double v : tree.leaf0()) out.writeDouble(v);
                for (double v : tree.leaf1()) out.writeDouble(v);
                out.writeBoolean(tree.cover() != null);
                if (tree.cover() != null) for (int v : tree.cover()) out.writeInt(v);
            }
        }
    }

    private static void doctorRates(DataOutputStream out, DoctorRateModel d) throws IOException {
        out.writeDouble(d.overall);
        out.writeInt(d.rates.size());
        for (Map.Entry<Integer, Double> e : d.rates.entrySet()) {
            out.writeInt(e.getKey());
            out.writeDouble(e.getValue());
        }
    }

    private static void doubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) out.writeDouble(v);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Reads a body of the given artifact format (2 to 6). */
    static TrainedModel read(byte[] body, int format) throws RefusedArtifactException {
        try {
            Reader in = new Reader(ByteBuffer.wrap(body));
            int code = in.b.get();
            String algorithm = in.string();
            int bits = in.b.getInt();
            if (bits < 10 || bits > 26) throw damaged("hash bits " + bits + " are out of range");
            BinaryModel binary = in.binary(code, 1 << bits, format);
            Calibration calibration = new Calibration(in.b.getDouble(), in.b.getDouble());
            CategoryModel categories = null;
            if (in.flag()) {
                int dimension = in.b.getInt();
                if (dimension != 1 << bits) throw damaged("the category model's dimension does not match its hash bits");
                double[] bias = in.doubles(CategoryModel.K);
                categories = new CategoryModel(in.floats(CategoryModel.K * dimension), bias, dimension);
            }
            double[] shares = in.flag() ? in.doubles(CategoryModel.K) : null;
            if (categories == null && shares == null) throw damaged("it has neither a category model nor category shares");
            int doctors = in.count(4);
            Set<String> known = new HashSet<>();
            for (int i = 0; i < doctors; i++) known.add(in.string());
            ModelProvenance provenance = format >= 3 && in.flag() ? in.provenance(format) : null;
            int featureVersion = format >= 4 ? in.b.getInt() : Featurizer.LEGACY_VERSION;
            if (featureVersion != Featurizer.LEGACY_VERSION && featureVersion != Featurizer.VERSION) {
                throw new RefusedArtifactException(Refusal.UNKNOWN_FORMAT, "feature version " + featureVersion);
            }
            int historyVersion = format >= 6 ? in.b.getInt() : 0;
            if (historyVersion != 0 && historyVersion != HistoryFeatures.VERSION) {
                throw new RefusedArtifactException(Refusal.UNKNOWN_FORMAT, "patient-history version " + historyVersion);
            }
            if (in.b.hasRemaining()) throw damaged("bytes follow the model");
            return new TrainedModel(algorithm, bits, binary, calibration, categories, shares, Set.copyOf(known), provenance,
                    featureVersion, historyVersion);
        } catch (BufferUnderflowException e) {
            throw damaged("it ends early");
        }
    }

    private static RefusedArtifactException damaged(String why) {
        return new RefusedArtifactException(Refusal.DAMAGED, why);
    }

    /** Reads with every declared count checked against what is left, so no count makes it allocate more. */
    private static final class Reader {
        final ByteBuffer b;

        Reader(ByteBuffer b) {
            this.b = b;
        }

        boolean flag() throws RefusedArtifactException {
            byte f = b.get();
            if (f != 0 && f != 1) throw damaged("a flag is neither 0 nor 1");
            return f == 1;
        }

        /** A count of items of at least {@code itemBytes} each. */
        int count(int itemBytes) throws RefusedArtifactException {
            int n = b.getInt();
            if (n < 0 || (long) n * itemBytes > b.remaining()) {
                throw new RefusedArtifactException(Refusal.TOO_LARGE, "it declares " + n + " items in " + b.remaining() + " bytes");
            }
            return n;
        }

        ModelProvenance provenance(int format) throws RefusedArtifactException {
            String algorithm = string();
            String requested = string();
            Map<String, String> parameters = strings();
            int hashBits = b.getInt(), maxNgram = b.getInt();
            String dictionary = string(), description = string();
            String fingerprint = string();
            long rows = b.getLong();
            int worse = b.getInt(), folds = b.getInt(), repeats = b.getInt();
            long seed = b.getLong();
            String trainer = string();
            Map<String, String> libraries = strings();
            String application = string();
            String trainedAt = string();
            long durationMs = b.getLong();
            String patientHistory = format >= 6 && flag() ? string() : null;
            ModelProvenance.FeatureSpec spec = new ModelProvenance.FeatureSpec(hashBits, maxNgram, dictionary, description, patientHistory);
            try {
                return new ModelProvenance(algorithm, TrainingRequest.Algorithm.valueOf(requested), parameters, spec, fingerprint,
                        rows, worse, folds, repeats, seed, trainer, libraries, application, OffsetDateTime.parse(trainedAt), durationMs);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw damaged("its provenance names an unknown algorithm choice or an unreadable time");
            }
        }

        /** Name-value pairs in their written order. */
        Map<String, String> strings() throws RefusedArtifactException {
            int n = count(8);
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) map.put(string(), string());
            return map;
        }

        String string() throws RefusedArtifactException {
            int n = count(1);
            if (n > MAX_STRING) throw new RefusedArtifactException(Refusal.TOO_LARGE, "a name of " + n + " bytes");
            byte[] s = new byte[n];
            b.get(s);
            return new String(s, StandardCharsets.UTF_8);
        }

        double[] doubles(int expected) throws RefusedArtifactException {
            int n = count(8);
            if (expected >= 0 && n != expected) throw damaged("an array has " + n + " values, not " + expected);
            double[] v = new double[n];
            b.asDoubleBuffer().get(v);
            b.position(b.position() + 8 * n);
            return v;
        }

        float[] floats(int expected) throws RefusedArtifactException {
            int n = count(4);
            if (n != expected) throw damaged("an array has " + n + " values, not " + expected);
            float[] v = new float[n];
            b.asFloatBuffer().get(v);
            b.position(b.position() + 4 * n);
            return v;
        }

        int[] ints(int n) {
            int[] v = new int[n];
            b.asIntBuffer().get(v);
            b.position(b.position() + 4 * n);
            return v;
        }

        double[] rawDoubles(int n) {
            double[] v = new double[n];
            b.asDoubleBuffer().get(v);
            b.position(b.position() + 8 * n);
            return v;
        }

        BinaryModel binary(int code, int dimension, int format) throws RefusedArtifactException {
            if (code == Kind.LOGISTIC.code) {
                int mask = b.getInt();
                Set<FeatureGroup> groups = EnumSet.noneOf(FeatureGroup.class);
                for (FeatureGroup g : FeatureGroup.values()) if ((mask & 1 << g.ordinal()) != 0) groups.add(g);
                if (groups.isEmpty() || mask >>> FeatureGroup.values().length != 0) throw damaged("unknown feature groups");
                double bias = b.getDouble();
                return new LogisticModel(groups, doubles(dimension), bias);
            }
            if (code == Kind.MAJORITY.code) return new MajorityModel(b.getDouble());
            if (code == Kind.DOCTOR_RATE.code) return doctorRates();
            if (code == Kind.FOREST.code || code == Kind.GBM.code) {
                return tree(code == Kind.FOREST.code ? TreeModel.Kind.FOREST : TreeModel.Kind.GBM, format >= ArtifactCodec.WITH_COVER);
            }
            throw new RefusedArtifactException(Refusal.UNKNOWN_FORMAT, "model kind " + code);
        }

        DoctorRateModel doctorRates() throws RefusedArtifactException {
            double overall = b.getDouble();
            int n = count(12);
            Map<Integer, Double> rates = new HashMap<>();
            for (int i = 0; i < n; i++) rates.put(b.getInt(), b.getDouble());
            return new DoctorRateModel(rates, overall);
        }

        TreeModel tree(TreeModel.Kind kind, boolean withCover) throws RefusedArtifactException {
            int n = count(8);
            Map<Integer, Integer> columns = new HashMap<>();
            for (int i = 0; i < n; i++) {
                int entity = b.getInt(), column = b.getInt();
                if (column < 0 || column >= n) throw damaged("an entity column is out of range");
                columns.put(entity, column);
            }
            DoctorRateModel rates = doctorRates();
            double[] importance = doubles(n + 2);
            boolean boosted = flag();
            if (boosted != (kind == TreeModel.Kind.GBM)) throw damaged("the trees do not match the model kind");
            double intercept = b.getDouble(), shrinkage = b.getDouble();
            double[] weight = doubles(-1);
            int trees = count(4);
            if (trees > MAX_TREES) throw new RefusedArtifactException(Refusal.TOO_LARGE, trees + " trees");
            if (!boosted && weight.length != trees) throw damaged("the forest has " + weight.length + " weights for " + trees + " trees");
            TreeEnsemble.Tree[] t = new TreeEnsemble.Tree[trees];
            for (int i = 0; i < trees; i++) t[i] = tree(n + 2, withCover);
            return new TreeModel(kind, new TreeEnsemble(boosted, intercept, shrinkage, weight, t), columns, rates, importance);
        }

        TreeEnsemble.Tree tree(int features, boolean withCover) throws RefusedArtifactException {
            int nodes = count(36);
            if (nodes == 0 || nodes > MAX_NODES) throw new RefusedArtifactException(Refusal.TOO_LARGE, "a tree of " + nodes + " nodes");
            int[] feature = ints(nodes);
            double[] threshold = rawDoubles(nodes);
            int[] yes = ints(nodes), no = ints(nodes);
            double[] leaf0 = rawDoubles(nodes), leaf1 = rawDoubles(nodes);
            int[] cover = withCover && flag() ? ints(nodes) : null;
            TreeEnsemble.Tree t = new TreeEnsemble.Tree(feature, threshold, yes, no, leaf0, leaf1, cover);
            int[] depth = new int[nodes];
            for (int i = 0; i < nodes; i++) {
                if (t.feature()[i] < 0) continue;
                if (t.feature()[i] >= features) throw damaged("a split on feature " + t.feature()[i] + " of " + features);
                for (int child : new int[] {t.yes()[i], t.no()[i]}) {
                    if (child <= i || child >= nodes) throw damaged("a tree node's child is not after it");
                    depth[child] = Math.max(depth[child], depth[i] + 1);
                    if (depth[child] > MAX_DEPTH) {
                        throw new RefusedArtifactException(Refusal.TOO_DEEP, "a tree deeper than " + MAX_DEPTH + " levels");
                    }
                }
            }
            if (cover != null) {
                for (int i = 0; i < nodes; i++) {
                    if (cover[i] < 1) throw damaged("a tree node is reached by no training row");
                    if (t.feature()[i] >= 0 && (long) cover[t.yes()[i]] + cover[t.no()[i]] != cover[i]) {
                        throw damaged("a split's children are not reached by the rows that reach it");
                    }
                }
            }
            return t;
        }
    }
}
