package com.outcomedesk.bench;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.insight.DiseaseAtlas;
import com.outcomedesk.insight.DiseaseInsights;
import com.outcomedesk.insight.DiseaseProfiles;
import com.outcomedesk.insight.DoctorReport;
import com.outcomedesk.insight.DoctorRow;
import com.outcomedesk.insight.RankingMethod;
import com.outcomedesk.demo.DemoRecord;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.store.OutcomeStatisticsRepository;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.store.SyntheticFill;
import com.outcomedesk.store.Vendor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Times the two insight jobs on throwaway H2 stores (the migrated schema, opened as the engine opens any store): ranking
 * N appointments (the GROUP BY plus the statistics) and profiling diseases over M appointments (one streaming pass).
 * Populating is set-based SQL ({@link SyntheticFill}) and not timed. The stores drop the appointments' foreign keys
 * and the ranking store every index but the one the ranking uses, so that populating is quick; the profiling store
 * repeats 20,000 generated demo summaries, each row still extracted on its own. Both jobs run once on the empty store first, so class loading is not timed.
 */
public final class InsightBenchmark {
    private static final int DOCTORS = 400;
    private static final int DISTINCT_SUMMARIES = 20_000;
    /** The ranking store's outcome mix, best first (the order the hash buckets are laid out in). */
    private static final List<SyntheticFill.Share> MIX = List.of(new SyntheticFill.Share(OutcomeCategory.EXCELLENT, 150),
            new SyntheticFill.Share(OutcomeCategory.GOOD, 300), new SyntheticFill.Share(OutcomeCategory.NEUTRAL, 200),
            new SyntheticFill.Share(OutcomeCategory.POOR, 200), new SyntheticFill.Share(OutcomeCategory.CRITICAL, 150));

    /** Timings in seconds; {@code *CpuSeconds} is the process CPU time over the same span (the machine may be shared). */
    public record Ranking(long records, int doctors, double populateSeconds, double rankingSeconds, double rankingCpuSeconds) {
    }

    public record Profiling(long records, int diseases, int groups, double populateSeconds, double profileSeconds,
                            double profileCpuSeconds, double clusterSeconds) {
    }

    private InsightBenchmark() {
    }

    public static Ranking ranking(long records, Consumer<String> progress) {
        return inTemporaryStore(engine -> {
            engine.doctors().ranking(Actor.localUser(), RankingMethod.FUNNEL);
            long start = System.nanoTime();
            SyntheticFill fill = new SyntheticFill(engine.database());
            fill.dropAppointmentForeignKeys();
            SyntheticFill.Index counted = fill.dropAppointmentIndexes().stream()
                    .filter(i -> i.name().equalsIgnoreCase(OutcomeStatisticsRepository.OUTCOME_COUNTS_INDEX)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The schema has no " + OutcomeStatisticsRepository.OUTCOME_COUNTS_INDEX));
            fill.numberedDoctors(DOCTORS);
            fill.outcomeOnlyAppointments(records, DOCTORS, MIX, to -> progress.accept("inserted " + to + " of " + records));
            progress.accept("indexing");
            fill.create(counted);
            double populate = seconds(start);
            progress.accept("ranking");
            start = System.nanoTime();
            long cpu = processCpuNanos();
            DoctorReport report = engine.doctors().ranking(Actor.localUser(), RankingMethod.FUNNEL);
            double ranking = seconds(start);
            double rankingCpu = (processCpuNanos() - cpu) / 1e9;
            return new Ranking(report.rows().stream().mapToLong(DoctorRow::cases).sum(), report.rows().size(), populate,
                    ranking, rankingCpu);
        });
    }

    public static Profiling profiling(long records, long seed, Consumer<String> progress) {
        return inTemporaryStore(engine -> {
            engine.diseases().atlas(engine.diseases().profiles(), DiseaseInsights.DEFAULT_MIN_MENTIONS, DiseaseInsights.DEFAULT_SEED);
            long start = System.nanoTime();
            SyntheticFill fill = new SyntheticFill(engine.database());
            fill.dropAppointmentForeignKeys();
            DemoDataGenerator generator = new DemoDataGenerator(seed, 40, 0.05);
            fill.doctors(generator.doctors().stream().map(d -> d.id()).toList());
            List<SyntheticFill.Sample> samples = new ArrayList<>(DISTINCT_SUMMARIES);
            for (int i = 0; i < DISTINCT_SUMMARIES; i++) {
                DemoRecord r = generator.next();
                samples.add(new SyntheticFill.Sample(r.doctorId(), r.summary(), r.outcome() == null ? null : r.trueCategory()));
            }
            fill.repeatedAppointments(records, samples, to -> progress.accept("inserted " + to + " of " + records));
            double populate = seconds(start);
            progress.accept("profiling");
            start = System.nanoTime();
            long cpu = processCpuNanos();
            DiseaseProfiles profiles = engine.diseases().profiles();
            double profile = seconds(start);
            double profileCpu = (processCpuNanos() - cpu) / 1e9;
            start = System.nanoTime();
            DiseaseAtlas atlas = engine.diseases().atlas(profiles, DiseaseInsights.DEFAULT_MIN_MENTIONS, DiseaseInsights.DEFAULT_SEED);
            double cluster = seconds(start);
            return new Profiling(profiles.scanned(), atlas.profiles().size(), atlas.groups().size(), populate, profile, profileCpu,
                    cluster);
        });
    }

    private static <T> T inTemporaryStore(java.util.function.Function<Engine, T> work) {
        Path dir;
        try {
            dir = Files.createTempDirectory("outcome-desk-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the benchmark store", e);
        }
        try {
            StoreLocation location = StoreLocation.of(dir, null);
            if (location.vendor() != Vendor.H2) throw new IllegalStateException("The benchmark runs on a temporary H2 store");
            try (Engine engine = Engine.open(location)) {
                return work.apply(engine);
            }
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the benchmark store " + dir, e);
        }
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
