package com.outcomedesk.demo;

import com.outcomedesk.outcome.OutcomeCategory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates realistic synthetic appointments from a planted model: the log-odds of a worse outcome is
 * a baseline plus the doctor's effect plus the effects of the phrases in the summary (and a small
 * winter effect). Learning and outlier detection therefore have something real to find, and the true
 * probability of every record is known. Deterministic for a seed.
 */
public final class DemoDataGenerator {
    private static final double BASELINE = -0.7;
    private static final double OUTLIER_EFFECT = 1.1;
    private static final double ALTERNATIVE_PHRASING_RATE = 0.03;
    private static final double UNCLASSIFIABLE_RATE = 0.003;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 730;

    /** The 24 reference outcome sentences by category, as in shared/reference/outcome_categories.csv. */
    private static final Map<OutcomeCategory, List<String>> REFERENCE_OUTCOMES = new EnumMap<>(Map.of(
            OutcomeCategory.EXCELLENT, List.of("Excellent recovery progress, no ongoing concerns.",
                    "Symptoms resolved, patient discharged in good condition."),
            OutcomeCategory.GOOD, List.of("Patient is feeling much better and has resumed daily activities.",
                    "Health has returned to baseline with no complications.", "Symptoms have subsided and recovery is complete.",
                    "Recovery is on track, no concerns noted.", "Patient responded positively to treatment.",
                    "No complaints at follow-up, patient in good health.", "No further issues reported, patient doing well.",
                    "Stable condition with signs of improvement.", "Patient reports minor improvements but overall stable."),
            OutcomeCategory.NEUTRAL, List.of("Condition remains unchanged, monitoring continues.",
                    "Symptoms are persistent but manageable.", "No significant progress, further observation required."),
            OutcomeCategory.POOR, List.of("Condition has deteriorated since last visit.", "Symptoms worsened despite intervention.",
                    "No improvement noted; escalation of care necessary.", "Patient's state declined; alternative treatment considered."),
            OutcomeCategory.CRITICAL, List.of("Patient admitted for further evaluation due to worsening condition.",
                    "Patient is in critical condition and under intensive care.", "Emergency intervention required due to severe decline.",
                    "Health continues to decline under current treatment.", "Patient deceased following complications.",
                    "Despite efforts, the patient passed away.")));

    private final Vocabulary vocabulary = Vocabulary.load();
    private final SplittableRandom random;
    private final List<DoctorProfile> doctors;
    private final double[] cumulativeVolume;
    private final double unlabelledFraction;
    /** Planted repeat patients ({@link #plantPatients}): their effects on the log-odds, and the generator that picks them. */
    private double[] patientEffects;
    private SplittableRandom patients;

    /**
     * @param doctorCount        how many doctors see the patients (at least 4)
     * @param unlabelledFraction share of appointments whose outcome is not known yet
     */
    public DemoDataGenerator(long seed, int doctorCount, double unlabelledFraction) {
        if (doctorCount < 4) throw new IllegalArgumentException("Use at least 4 doctors.");
        if (unlabelledFraction < 0 || unlabelledFraction >= 1) throw new IllegalArgumentException("unlabelled fraction must be in [0, 1)");
        this.random = new SplittableRandom(seed);
        this.doctors = plantDoctors(doctorCount);
        this.cumulativeVolume = cumulative(doctors);
        this.unlabelledFraction = unlabelledFraction;
    }

    /**
     * Plants repeat patients: each record with a patient reference (70%, as always) belongs to one of {@code pool}
     * patients, and each patient has a lasting effect on the log-odds (normal, standard deviation {@code effect}), so a
     * patient's earlier outcomes predict the next one. Patients and effects come from a generator of their own, so every
     * other field is drawn exactly as without them; without this call the output for a seed is unchanged.
     */
    public DemoDataGenerator plantPatients(int pool, double effect, long seed) {
        if (pool < 1) throw new IllegalArgumentException("the patient pool needs at least one patient");
        if (effect < 0) throw new IllegalArgumentException("the patient effect must not be negative");
        patients = new SplittableRandom(seed ^ 0x5A7E_17L);
        patientEffects = new double[pool];
        for (int i = 0; i < pool; i++) {
            double u1 = 1 - patients.nextDouble(), u2 = patients.nextDouble();
            patientEffects[i] = effect * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
        return this;
    }

    /** A doctor count that gives each doctor roughly a thousand cases, between 10 and 400. */
    public static int defaultDoctorCount(long records) {
        return (int) Math.max(10, Math.min(400, records / 1000));
    }

    public List<DoctorProfile> doctors() {
        return doctors;
    }

    private List<DoctorProfile> plantDoctors(int count) {
        int width = Math.max(2, String.valueOf(count).length());
        double[] weights = new double[count];
        for (int i = 0; i < count; i++) weights[i] = Math.exp(0.8 * gaussian());
        double median = Arrays.stream(weights).sorted().toArray()[count / 2];
        int outliers = Math.max(2, count / 20);
        List<DoctorProfile> list = new ArrayList<>();
        int planted = 0;
        for (int i = 0; i < count; i++) {
            DoctorProfile.Outlier kind = DoctorProfile.Outlier.NONE;
            double effect = 0.15 * gaussian();
            // Outliers get at least median volume, so a fair method can tell them from noise.
            if (planted < outliers && weights[i] >= median) {
                kind = planted % 2 == 0 ? DoctorProfile.Outlier.BAD : DoctorProfile.Outlier.GOOD;
                effect = kind == DoctorProfile.Outlier.BAD ? OUTLIER_EFFECT : -OUTLIER_EFFECT;
                planted++;
            }
            String id = String.format(Locale.ROOT, "dr_%0" + width + "d", i + 1);
            list.add(new DoctorProfile(id, weights[i], effect, kind));
        }
        return List.copyOf(list);
    }

    private static double[] cumulative(List<DoctorProfile> doctors) {
        double[] c = new double[doctors.size()];
        double sum = 0;
        for (int i = 0; i < c.length; i++) c[i] = sum += doctors.get(i).volumeWeight();
        for (int i = 0; i < c.length; i++) c[i] /= sum;
        return c;
    }

    /** The next appointment. */
    public DemoRecord next() {
        DoctorProfile doctor = pickDoctor();
        Summary summary = summary();
        LocalDate date = FIRST_DAY.plusDays(random.nextInt(DAYS));
        int month = date.getMonthValue();
        double winter = month == 12 || month <= 2 ? 0.15 : 0;
        int planted = patientEffects == null || patients.nextDouble() >= 0.7 ? -1 : patients.nextInt(patientEffects.length);
        double logit = BASELINE + doctor.effect() + summary.effect + winter + (planted < 0 ? 0 : patientEffects[planted]);
        double p = 1 / (1 + Math.exp(-logit));
        boolean worse = random.nextDouble() < p;
        OutcomeCategory category = category(worse, p);
        String outcome = random.nextDouble() < unlabelledFraction ? null : outcomeText(category);
        String patient = random.nextDouble() < 0.7 ? String.format(Locale.ROOT, "P%07d", random.nextInt(10_000_000)) : null;
        if (patientEffects != null) patient = planted < 0 ? null : String.format(Locale.ROOT, "R%07d", planted);
        UUID id = new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        return new DemoRecord(id.toString(), doctor.id(), patient, date, summary.text, outcome, category, p);
    }

    private DoctorProfile pickDoctor() {
        int i = Arrays.binarySearch(cumulativeVolume, random.nextDouble());
        int index = i >= 0 ? i : Math.min(-i - 1, doctors.size() - 1);
        return doctors.get(index);
    }

    private OutcomeCategory category(boolean worse, double p) {
        double u = random.nextDouble();
        if (worse) return u < 0.15 + 0.5 * p ? OutcomeCategory.CRITICAL : OutcomeCategory.POOR;
        if (u < 0.45 * (1 - p) * (1 - p)) return OutcomeCategory.EXCELLENT;
        return u < 0.45 + 0.3 * p ? OutcomeCategory.GOOD : OutcomeCategory.NEUTRAL;
    }

    private String outcomeText(OutcomeCategory category) {
        double u = random.nextDouble();
        if (u < UNCLASSIFIABLE_RATE) return pick(vocabulary.unclassifiableOutcomes());
        if (u < UNCLASSIFIABLE_RATE + ALTERNATIVE_PHRASING_RATE) return pick(vocabulary.alternativeOutcomes().get(category.code()));
        return pick(REFERENCE_OUTCOMES.get(category));
    }

    private record Summary(String text, double effect) {
    }

    /** Builds a summary in one of several sentence shapes, summing the planted effects of its phrases. */
    private Summary summary() {
        Vocabulary v = vocabulary;
        Vocabulary.Term condition = pickTerm(v.conditions());
        Vocabulary.Term duration = pickTerm(v.durations());
        return switch (random.nextInt(6)) {
            case 0 -> {
                Vocabulary.Term progress = pickTerm(v.progress());
                yield new Summary("Follow-up for " + condition.text() + ". " + progress.text() + " Will reassess in "
                        + duration.text() + ".", condition.effect() + progress.effect() + duration.effect());
            }
            case 1 -> {
                Vocabulary.Term test = pickTerm(v.tests());
                Vocabulary.Term finding = pickTerm(v.findings());
                Vocabulary.Term plan = pickTerm(v.plans());
                yield new Summary("Discussed test results for " + test.text() + ". Findings indicate " + finding.text()
                        + ". Next steps: " + plan.text() + ".", test.effect() + finding.effect() + plan.effect());
            }
            case 2 -> {
                List<Vocabulary.Term> symptoms = pickDistinct(v.symptoms(), 2);
                Vocabulary.Term s1 = symptoms.get(0), s2 = symptoms.get(1);
                Vocabulary.Term medication = pickTerm(v.medications());
                yield new Summary("Patient presents with " + s1.text() + " and " + s2.text() + " for " + duration.text()
                        + ". Suspected " + condition.text() + ". Prescribed " + medication.text() + ".",
                        s1.effect() + s2.effect() + condition.effect() + medication.effect());
            }
            case 3 -> {
                Vocabulary.Term exam = pickTerm(v.exams());
                Vocabulary.Term plan = pickTerm(v.plans());
                yield new Summary("Routine check-up. " + exam.text() + " Plan: " + plan.text() + ".",
                        exam.effect() + plan.effect() - 0.3);
            }
            case 4 -> {
                Vocabulary.Term referral = pickTerm(v.referrals());
                Vocabulary.Term symptom = pickTerm(v.symptoms());
                yield new Summary("Referred to " + referral.text() + " for evaluation of " + condition.text() + ". Reports "
                        + symptom.text() + " over the past " + duration.text() + ".",
                        referral.effect() + condition.effect() + symptom.effect());
            }
            default -> {
                Vocabulary.Term symptom = pickTerm(v.symptoms());
                Vocabulary.Term exam = pickTerm(v.exams());
                Vocabulary.Term medication = pickTerm(v.medications());
                String name = Character.toUpperCase(condition.text().charAt(0)) + condition.text().substring(1);
                yield new Summary(name + " management review. Patient reports " + symptom.text() + ". " + exam.text()
                        + " Started " + medication.text() + "; follow up in " + duration.text() + ".",
                        condition.effect() + symptom.effect() + exam.effect() + medication.effect() + duration.effect());
            }
        };
    }

    private Vocabulary.Term pickTerm(List<Vocabulary.Term> terms) {
        return terms.get(random.nextInt(terms.size()));
    }

    /** Different terms, drawn without replacement (a partial shuffle), so one list never names a phrase twice. */
    private List<Vocabulary.Term> pickDistinct(List<Vocabulary.Term> terms, int count) {
        int[] order = new int[terms.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        List<Vocabulary.Term> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            picked.add(terms.get(order[i]));
        }
        return picked;
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private double gaussian() {
        // Box-Muller on the seeded generator, so results do not depend on java.util.Random internals.
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
