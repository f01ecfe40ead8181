package com.outcomedesk.documents;

import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.PredictionService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The metrics document ({@code metrics --json}, {@code GET /metrics}): one version's metrics, the history, prediction counts. */
public final class MetricsDocuments {
    private MetricsDocuments() {
    }

    /** The document for {@code shown} (the active version when the caller asks for none; empty when none is active). */
    public static Map<String, Object> metrics(ModelRegistry models, Optional<ModelVersionInfo> shown,
                                              PredictionService.PredictionStats stats) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("active", models.active().map(ModelVersionInfo::version).orElse(null));
        doc.put("version", shown.map(ModelVersionInfo::version).orElse(null));
        doc.put("metrics", shown.map(v -> models.metrics(v.version())).orElse(null));
        doc.put("provenance", shown.map(v -> models.provenance(v.version())).orElse(null));
        doc.put("history", models.list());
        doc.put("predictions", stats);
        return doc;
    }
}
