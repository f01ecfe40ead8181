package com.outcomedesk.monitor;

/** Histograms of exact probabilities for metric tests: each distinct value its own cell, as added one by one. */
final class Histograms {
    private Histograms() {
    }

    static ScoreHistogram of(double[] worse, double[] better) {
        Scores s = new Scores();
        for (double p : worse) s.add(p, "low", true, false);
        for (double p : better) s.add(p, "low", false, false);
        return s.histogram();
    }

    /** Values whose outcome is unknown (for drift). */
    static ScoreHistogram unlabelled(double[] values) {
        Scores s = new Scores();
        for (double p : values) s.add(p, "low", null, false);
        return s.histogram();
    }
}
