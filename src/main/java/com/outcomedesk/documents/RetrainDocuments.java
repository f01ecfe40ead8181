package com.outcomedesk.documents;

import com.outcomedesk.retrain.RetrainDecision;
import com.outcomedesk.retrain.RetrainingPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retraining policy and its decisions ({@code retrain --json}, {@code /api/v1/retraining/...}, and the
 * {@code retraining} part of {@code monitor --json}): each decision with its outcome, reasons and evidence.
 */
public final class RetrainDocuments {
    private RetrainDocuments() {
    }

    public static Map<String, Object> policy(RetrainingPolicy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", p.mode().key());
        m.put("everyDays", p.everyDays());
        m.put("aucMargin", p.aucMargin());
        m.put("calibrationTolerance", p.calibrationTolerance());
        m.put("setBy", p.setBy());
        m.put("description", p.describe());
        return m;
    }

    public static List<Map<String, Object>> decisions(List<RetrainDecision> decisions) {
        return decisions.stream().map(RetrainDocuments::decision).toList();
    }

    public static Map<String, Object> decision(RetrainDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("decidedAt", d.decidedAt());
        m.put("trigger", d.trigger());
        m.put("policy", d.policy());
        m.put("championVersion", d.championVersion());
        m.put("challengerVersion", d.challengerVersion());
        m.put("outcome", d.outcome().key());
        m.put("reasons", d.reasons());
        m.put("evidence", d.evidence());
        m.put("decidedBy", d.decidedBy());
        return m;
    }

    /** The policy with its decisions, newest first. */
    public static Map<String, Object> retraining(RetrainingPolicy p, List<RetrainDecision> decisions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", policy(p));
        m.put("decisions", decisions(decisions));
        return m;
    }
}
