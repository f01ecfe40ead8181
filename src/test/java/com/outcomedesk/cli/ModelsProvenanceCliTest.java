package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.common.AppVersion;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'models --json' adds each artifact's provenance beside the fields it always had. */
class ModelsProvenanceCliTest {
    @TempDir Path dir;

    @Test
    void eachListedVersionCarriesItsArtifactsProvenance() throws Exception {
        Path home = dir.resolve("home");
        CliRun.of(home, "import", TestStores.referenceSample().toString());
        CliRun train = CliRun.of(home, "train", "--algorithm", "logreg", "--folds", "2", "--seed", "5");
        assertThat(train.code()).as(train.err()).isZero();
        JsonNode version = CliRun.of(home, "models", "--json").json().get(0);
        for (String field : new String[] {"id", "version", "algorithm", "status", "trainedBy", "trainedAt", "labelledRows", "folds",
                "dataFingerprint", "auc", "accuracy", "f1", "artifact"}) {
            assertThat(version.has(field)).as(field).isTrue();
        }
        assertThat(version.get("artifact").asText()).isEqualTo("ok");
        JsonNode provenance = version.get("provenance");
        assertThat(provenance.get("algorithm").asText()).isEqualTo(version.get("algorithm").asText());
        assertThat(provenance.get("requested").asText()).isEqualTo("LOGREG");
        assertThat(provenance.get("rows").asLong()).isEqualTo(400);
        assertThat(provenance.get("folds").asInt()).isEqualTo(2);
        assertThat(provenance.get("seed").asLong()).isEqualTo(5);
        assertThat(provenance.get("dataFingerprint").asText()).isEqualTo(version.get("dataFingerprint").asText());
        assertThat(provenance.get("applicationVersion").asText()).isEqualTo(AppVersion.current());
        assertThat(provenance.get("featureSpec").get("hashBits").asInt()).isEqualTo(18);
        assertThat(provenance.get("trainedAt").isTextual()).isTrue();
    }
}
