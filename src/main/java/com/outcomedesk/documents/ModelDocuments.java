package com.outcomedesk.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outcomedesk.learn.ModelProvenance;
import com.outcomedesk.learn.ModelVersionInfo;
import java.util.Map;
import java.util.Optional;

/** A model version as {@code models --json} lists it: its row, its artifact's state and the provenance inside it. */
public final class ModelDocuments {
    private ModelDocuments() {
    }

    public static ObjectNode version(ModelVersionInfo v, Map<Integer, String> artifactStates, Optional<ModelProvenance> provenance) {
        ObjectNode node = Documents.MAPPER.valueToTree(v);
        node.put("artifact", artifactStates.get(v.version()));
        node.set("provenance", Documents.MAPPER.valueToTree(provenance.orElse(null)));
        return node;
    }

    /** The version as above, with the retraining decisions in which it was the challenger ({@code decisions}). */
    public static ObjectNode version(ModelVersionInfo v, Map<Integer, String> artifactStates, Optional<ModelProvenance> provenance,
                                     java.util.List<com.outcomedesk.retrain.RetrainDecision> decisions) {
        ObjectNode node = version(v, artifactStates, provenance);
        node.set("decisions", Documents.MAPPER.valueToTree(RetrainDocuments.decisions(decisions.stream()
                .filter(d -> d.challengerVersion() == v.version()).toList())));
        return node;
    }
}
