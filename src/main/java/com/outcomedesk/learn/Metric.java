package com.outcomedesk.learn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.function.ToDoubleFunction;

/**
 * The binary metrics measured on each held-out fold. Each carries the key it is stored and printed under (the
 * model versions' metrics JSON, the command line's JSON), so documents written before the enum read the same.
 * Declared in the order documents list them.
 */
public enum Metric {
    ACCURACY("accuracy", BinaryMetrics::accuracy),
    PRECISION("precision", BinaryMetrics::precision),
    RECALL("recall", BinaryMetrics::recall),
    F1("f1", BinaryMetrics::f1),
    MACRO_F1("macroF1", BinaryMetrics::macroF1),
    AUC("auc", BinaryMetrics::auc),
    LOG_LOSS("logLoss", BinaryMetrics::logLoss),
    BRIER("brier", BinaryMetrics::brier);

    private final String key;
    private final ToDoubleFunction<BinaryMetrics> value;

    Metric(String key, ToDoubleFunction<BinaryMetrics> value) {
        this.key = key;
        this.value = value;
    }

    @JsonValue
    public String key() {
        return key;
    }

    /** This metric of one fold's results. */
    public double of(BinaryMetrics fold) {
        return value.applyAsDouble(fold);
    }

    @JsonCreator
    public static Metric fromKey(String key) {
        for (Metric m : values()) if (m.key.equals(key)) return m;
        throw new IllegalArgumentException("Unknown metric '" + key + "'");
    }
}
