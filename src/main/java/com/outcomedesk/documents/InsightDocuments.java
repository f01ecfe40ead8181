package com.outcomedesk.documents;

import com.outcomedesk.insight.DiseaseAtlas;
import com.outcomedesk.insight.SimilarDisease;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Disease clusters and similar diseases as {@code clusters --json} and {@code similar --json} print them. */
public final class InsightDocuments {
    private InsightDocuments() {
    }

    public static Map<String, Object> clusters(DiseaseAtlas atlas) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scanned", atlas.scanned());
        result.put("withDisease", atlas.withDisease());
        result.put("diseases", atlas.profiles().size());
        result.put("chosen", atlas.chosen());
        result.put("groups", atlas.groups());
        result.put("candidates", atlas.candidates());
        result.put("map", atlas.map());
        return result;
    }

    public static Map<String, Object> similar(String disease, List<SimilarDisease> similar) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("disease", disease);
        result.put("similar", similar);
        return result;
    }
}
