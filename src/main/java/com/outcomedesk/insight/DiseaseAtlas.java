package com.outcomedesk.insight;

import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.text.ClinicalEntity;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.Echo;
import com.outcomedesk.text.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import smile.math.distance.EditDistance;

/**
 * Diseases placed by how alike their notes are: each profile becomes a vector of clinical feature shares (symptoms,
 * findings, tests, medications, treatments, plans, referrals) minus the shares over all disease mentions (so what is
 * common everywhere does not make diseases look alike), compared by cosine distance, grouped by
 * {@link DiseaseClustering}, and laid out in 2-D for the map. Outcomes are not part of the vectors: grouping by them
 * would make severity groups, not alike diseases; each group reports its outcome mix beside its reasons instead.
 * Immutable: the UI can keep one and ask it for groups, the map and nearest diseases.
 */
public final class DiseaseAtlas {
    /** Field name in refusals: how many similar diseases to list. */
    public static final String TOP = "top";

    private static final int SHARED_FEATURES = 6;
    /** A feature explains a group only if its members have it at least this much more often (share points)... */
    private static final double MIN_EXCESS = 0.01;
    /** ...and by at least this many standard errors of the overall share, so chance differences are not reasons. */
    private static final double MIN_Z = 3;

    private final DiseaseProfiles source;
    private final int minMentions;
    private final List<DiseaseProfile> profiles;
    private final List<String> dimensions;
    private final double[][] vectors;
    private final double[][] distances;
    private final DiseaseClustering.Result clustering;
    private final List<DiseaseGroup> groups;
    private final List<DiseasePoint> map;
    private final ClinicalEntityExtractor extractor;

    DiseaseAtlas(DiseaseProfiles source, int minMentions, long seed, ClinicalEntityExtractor extractor) {
        this.source = source;
        this.minMentions = minMentions;
        this.extractor = extractor;
        this.profiles = source.diseases().stream().filter(p -> p.appointments() >= minMentions).toList();
        this.dimensions = dimensions(profiles);
        double[] baseline = shares(source.baseline(), dimensions);
        this.vectors = new double[profiles.size()][];
        for (int i = 0; i < vectors.length; i++) {
            double[] v = shares(profiles.get(i), dimensions);
            for (int j = 0; j < v.length; j++) v[j] -= baseline[j];
            vectors[i] = v;
        }
        this.distances = cosineDistances(vectors);
        this.clustering = DiseaseClustering.cluster(vectors, distances, seed);
        this.groups = group();
        this.map = points(DiseaseClustering.coordinates(distances));
    }

    private static List<String> dimensions(List<DiseaseProfile> profiles) {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        profiles.forEach(p -> keys.addAll(p.features().keySet()));
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        return List.copyOf(sorted);
    }

    /** Share of the profile's appointments with each clinical feature. */
    private static double[] shares(DiseaseProfile p, List<String> dimensions) {
        double[] v = new double[dimensions.size()];
        for (int j = 0; j < v.length; j++) v[j] = p.features().getOrDefault(dimensions.get(j), 0L) / (double) p.appointments();
        return v;
    }

    static double[][] cosineDistances(double[][] vectors) {
        int n = vectors.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) d[i][j] = d[j][i] = 1 - cosine(vectors[i], vectors[j]);
        }
        return d;
    }

    static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private List<DiseaseGroup> group() {
        List<DiseaseGroup> list = new ArrayList<>();
        for (int g = 0; g < clustering.k(); g++) {
            List<DiseaseProfile> members = new ArrayList<>();
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < profiles.size(); i++) {
                if (clustering.labels()[i] == g) {
                    members.add(profiles.get(i));
                    indices.add(i);
                }
            }
            if (members.isEmpty()) continue;
            double silhouette = indices.stream().mapToDouble(i -> clustering.silhouettes()[i]).average().orElse(0);
            list.add(new DiseaseGroup(g + 1, members.stream().map(DiseaseProfile::name).toList(), members.size(),
                    silhouette, shared(members), outcomes(members)));
        }
        return List.copyOf(list);
    }

    /**
     * Clinical features found clearly more often in the members' appointments than in all disease mentions: at least
     * {@link #MIN_EXCESS} more and {@link #MIN_Z} standard errors above; none when nothing stands out (a 3% vs 3%
     * "reason" would explain nothing). Most excess first.
     */
    private List<SharedFeature> shared(List<DiseaseProfile> members) {
        DiseaseProfile all = source.baseline();
        long appointments = members.stream().mapToLong(DiseaseProfile::appointments).sum();
        List<SharedFeature> reasons = new ArrayList<>();
        for (String key : dimensions) {
            double overall = all.features().getOrDefault(key, 0L) / (double) all.appointments();
            double share = members.stream().mapToLong(p -> p.features().getOrDefault(key, 0L)).sum() / (double) appointments;
            double standardError = Math.sqrt(overall * (1 - overall) / appointments);
            if (share - overall >= MIN_EXCESS && share - overall >= MIN_Z * standardError) {
                String[] parts = key.split(":", 2);
                reasons.add(new SharedFeature(parts[0], parts[1], share, overall));
            }
        }
        reasons.sort(Comparator.comparingDouble((SharedFeature f) -> f.overallShare() - f.groupShare())
                .thenComparing(SharedFeature::type).thenComparing(SharedFeature::name));
        return List.copyOf(reasons.subList(0, Math.min(SHARED_FEATURES, reasons.size())));
    }

    /** The members' outcome mix against that of all disease mentions, every category best first. */
    private List<OutcomeShare> outcomes(List<DiseaseProfile> members) {
        DiseaseProfile all = source.baseline();
        long known = members.stream().mapToLong(DiseaseProfile::withOutcome).sum();
        List<OutcomeShare> shares = new ArrayList<>();
        List<OutcomeCategory> bestFirst = new ArrayList<>(List.of(OutcomeCategory.values()));
        bestFirst.sort(Comparator.comparingInt(OutcomeCategory::score).reversed());
        for (OutcomeCategory c : bestFirst) {
            long count = members.stream().mapToLong(p -> p.outcomeMix().getOrDefault(c.code(), 0L)).sum();
            shares.add(new OutcomeShare(c.code(), known == 0 ? 0 : count / (double) known,
                    all.withOutcome() == 0 ? 0 : all.outcomeMix().getOrDefault(c.code(), 0L) / (double) all.withOutcome()));
        }
        return List.copyOf(shares);
    }

    private List<DiseasePoint> points(double[][] xy) {
        List<DiseasePoint> points = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            points.add(new DiseasePoint(profiles.get(i).name(), xy[i][0], xy[i][1], clustering.labels()[i] + 1,
                    profiles.get(i).appointments()));
        }
        return List.copyOf(points);
    }

    /** The groups, numbered from the one holding the most-mentioned disease. */
    public List<DiseaseGroup> groups() {
        return groups;
    }

    /** Every profiled disease on the 2-D map with its group. */
    public List<DiseasePoint> map() {
        return map;
    }

    /** The profiled diseases (at least {@link #minMentions()} mentions), most mentioned first. */
    public List<DiseaseProfile> profiles() {
        return profiles;
    }

    /** How the grouping was chosen: method, k and mean silhouette (0 when fewer than 3 diseases can be grouped). */
    public ClusteringCandidate chosen() {
        return clustering.chosen();
    }

    /** Every clustering tried, so the choice by silhouette can be checked. */
    public List<ClusteringCandidate> candidates() {
        return clustering.candidates();
    }

    public int minMentions() {
        return minMentions;
    }

    public long scanned() {
        return source.scanned();
    }

    /** Appointments that mention at least one disease. */
    public long withDisease() {
        return source.baseline().appointments();
    }

    /**
     * The {@code top} diseases most alike to the named one, most similar first. The name may be any spelling the
     * dictionary knows ("HTN", "migraines"); an unknown name throws {@link UnknownDiseaseException} listing close spellings.
     */
    public List<SimilarDisease> similarTo(String name, int top) {
        if (top < 1) throw InvalidRequestException.belowMinimum(TOP, 1);
        int i = indexOf(name);
        List<SimilarDisease> list = new ArrayList<>();
        for (int j = 0; j < profiles.size(); j++) {
            if (j != i) {
                list.add(new SimilarDisease(profiles.get(j).name(), 1 - distances[i][j], profiles.get(j).appointments(),
                        clustering.labels()[j] + 1));
            }
        }
        list.sort(Comparator.comparingDouble((SimilarDisease s) -> -s.similarity()).thenComparing(SimilarDisease::disease));
        return List.copyOf(list.subList(0, Math.min(top, list.size())));
    }

    /** Whether the name, in any spelling the dictionary knows, is one of the profiled diseases. */
    public boolean isProfiled(String name) {
        String wanted = resolve(name == null ? "" : name.strip());
        return profiles.stream().anyMatch(p -> p.name().equalsIgnoreCase(wanted));
    }

    /**
     * Disease names close to what was typed (it starts or ends one of them, or is a few letters off), profiled diseases
     * and the dictionary's alike, closest first, at most five: cheap enough to ask at every keystroke.
     */
    public List<String> closeSpellings(String typed) {
        String wanted = resolve(typed == null ? "" : typed.strip());
        return wanted.isEmpty() ? List.of() : close(wanted);
    }

    /** The profile of the named disease (same name resolution as {@link #similarTo}). */
    public DiseaseProfile profile(String name) {
        return profiles.get(indexOf(name));
    }

    private int indexOf(String name) {
        String wanted = resolve(name == null ? "" : name.strip());
        for (int i = 0; i < profiles.size(); i++) if (profiles.get(i).name().equalsIgnoreCase(wanted)) return i;
        Optional<DiseaseProfile> rare = source.diseases().stream().filter(p -> p.name().equalsIgnoreCase(wanted)).findFirst();
        if (rare.isPresent()) {
            throw new UnknownDiseaseException("'" + rare.get().name() + "' is mentioned in only " + rare.get().appointments()
                    + " summaries; at least " + minMentions + " are needed to compare it.", name, List.of());
        }
        List<String> close = close(wanted);
        String hint = close.isEmpty()
                ? " Profiled diseases: " + String.join(", ", profiles.stream().limit(12).map(DiseaseProfile::name).toList())
                        + (profiles.size() > 12 ? ", ..." : "") + "."
                : " Did you mean: " + String.join(", ", close) + "?";
        throw new UnknownDiseaseException("No disease called '" + Echo.of(name) + "' among the " + profiles.size()
                + " profiled diseases." + hint, name, close);
    }

    /** Maps a dictionary spelling to its canonical disease name; other text is returned unchanged. */
    private String resolve(String name) {
        for (ClinicalEntity e : extractor.extract(name)) if (e.type() == EntityType.CONDITION) return e.canonical();
        return name;
    }

    private List<String> close(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        Map<String, Integer> score = new LinkedHashMap<>();
        List<String> known = new ArrayList<>(profiles.stream().map(DiseaseProfile::name).toList());
        known.addAll(extractor.dictionary().canonicalNames(EntityType.CONDITION));
        for (String candidate : known) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int distance = EditDistance.levenshtein(wanted, c);
            boolean prefix = wanted.length() >= 3 && (c.startsWith(wanted) || wanted.startsWith(c));
            if (distance <= Math.max(2, c.length() / 3) || prefix) score.putIfAbsent(candidate, prefix ? 0 : distance);
        }
        return score.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(Map.Entry::getKey).toList();
    }
}
