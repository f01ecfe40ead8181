package com.outcomedesk.server.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outcomedesk.learn.ModelVersionInfo;
import java.util.Map;

/** A model version as {@code models --json} lists it, with its artifact state. */
public final class ModelJson {
    private ModelJson() {
    }

    public static ObjectNode version(ModelVersionInfo v, Map<Integer, String> artifactStates) {
        ObjectNode node = Json.MAPPER.valueToTree(v);
        return node.put("artifact", artifactStates.get(v.version()));
    }
}
