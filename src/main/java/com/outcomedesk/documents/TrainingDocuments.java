package com.outcomedesk.documents;

import com.outcomedesk.learn.Evaluation;
import com.outcomedesk.learn.TrainingService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A training result as {@code train --json} prints it. */
public final class TrainingDocuments {
    private TrainingDocuments() {
    }

    public static Map<String, Object> result(TrainingService.TrainingResult result) {
        Evaluation e = result.evaluation();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", result.version());
        doc.put("algorithm", result.algorithm());
        doc.put("activated", result.activated());
        doc.put("labelledRows", result.labelledRows());
        doc.put("worseRows", e.worseRows());
        doc.put("doctors", result.doctors());
        doc.put("folds", e.folds());
        doc.put("repeats", e.repeats());
        doc.put("durationMs", result.durationMs());
        doc.put("metrics", result.metrics());
        doc.put("intervals", e.selectedResult().metrics());
        doc.put("candidates", candidates(e.candidates()));
        doc.put("ablation", candidates(e.ablation()));
        doc.put("categories", e.categories());
        doc.put("calibration", Map.of("method", "platt", "a", e.platt().a(), "b", e.platt().b()));
        doc.put("notes", e.notes());
        return doc;
    }

    private static List<Map<String, Object>> candidates(List<Evaluation.CandidateResult> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Evaluation.CandidateResult c : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("description", c.description());
            c.metrics().forEach((metric, interval) -> m.put(metric.key(), interval.mean()));
            m.put("intervals", c.metrics());
            m.put("confusion", c.confusion());
            m.put("evaluatedOn", c.evaluatedOn());
            m.put("fitMillisPerFold", c.fitMillis());
            out.add(m);
        }
        return out;
    }

}
