package com.outcomedesk.bench.micro;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the micro-benchmarks of this package with JMH. Arguments are JMH's own (e.g. {@code -f 1 -wi 1 -w 1s -i 1 -r 1s},
 * a benchmark regex such as {@code PredictionBenchmark}); without a regex every benchmark here runs, with the forks,
 * warm-up and measurement each class declares.
 */
public final class MicroBenchmarks {
    private MicroBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions given = new CommandLineOptions(args);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(given);
        if (given.getIncludes().isEmpty()) options.include(MicroBenchmarks.class.getPackageName() + "\\..*Benchmark");
        new Runner(options.build()).run();
    }
}
