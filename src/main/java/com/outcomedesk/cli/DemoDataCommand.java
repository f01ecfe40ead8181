package com.outcomedesk.cli;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.demo.DoctorProfile;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo-data", description = "Write realistic synthetic appointments drawn from a planted model.")
final class DemoDataCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--records", defaultValue = "10000", description = "How many records (default ${DEFAULT-VALUE}).")
    long records;
    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same file.")
    long seed;
    @Option(names = "--doctors", description = "How many doctors (default: about one per thousand records, 10 to 400).")
    Integer doctors;
    @Option(names = "--unlabelled", defaultValue = "0.05", description = "Share of records without a known outcome yet.")
    double unlabelled;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file (.json or .csv).")
    Path out;
    @Option(names = "--truth", paramLabel = "FILE", description = "Also write each record's true probability of a worse outcome (CSV).")
    Path truth;
    @Option(names = "--repeat-patients", paramLabel = "N", description = "Plant N repeat patients, each with a lasting effect "
            + "on the outcome, so earlier outcomes predict the next (default: none, every patient reference drawn at random).")
    Integer repeatPatients;
    @Option(names = "--patient-effect", defaultValue = "1.0", description = "With --repeat-patients: standard deviation of "
            + "the patients' effects on the log-odds (default ${DEFAULT-VALUE}).")
    double patientEffect;

    @Override
    public Integer call() throws Exception {
        if (records < 1) throw new IllegalArgumentException("--records must be at least 1");
        int doctorCount = doctors != null ? doctors : DemoDataGenerator.defaultDoctorCount(records);
        DemoDataGenerator generator = new DemoDataGenerator(seed, doctorCount, unlabelled);
        if (repeatPatients != null) generator.plantPatients(repeatPatients, patientEffect, seed);
        DemoDataWriter.write(generator, records, out, truth, ProgressListener.NONE);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("records", records);
        result.put("doctors", doctorCount);
        result.put("seed", seed);
        result.put("out", out.toAbsolutePath().toString());
        if (truth != null) result.put("truth", truth.toAbsolutePath().toString());
        if (repeatPatients != null) result.put("repeatPatients", Map.of("patients", repeatPatients, "effect", patientEffect));
        result.put("plantedOutliers", generator.doctors().stream()
                .filter(d -> d.outlier() != DoctorProfile.Outlier.NONE)
                .map(d -> Map.of("doctorId", d.id(), "kind", d.outlier().name().toLowerCase())).toList());
        json.print(spec.commandLine().getOut(), result, "Wrote " + records + " records from " + doctorCount
                + " doctors to " + out.toAbsolutePath() + (truth != null ? " (truth in " + truth.toAbsolutePath() + ")" : ""));
        return 0;
    }
}
