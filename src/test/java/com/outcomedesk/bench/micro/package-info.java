/**
 * JMH micro-timings of the per-note hot paths (tokenising and featurising a note, one probability, one full prediction
 * with its explanation, classifying one outcome text), run by {@link com.outcomedesk.bench.micro.MicroBenchmarks}; never
 * part of the test run (no tests here, and no class name surefire picks up).
 */
package com.outcomedesk.bench.micro;
