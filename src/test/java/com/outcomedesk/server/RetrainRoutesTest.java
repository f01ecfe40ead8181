package com.outcomedesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.audit.AuditQuery;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /retraining}: administrators set the policy (a refused value changes nothing) and run it as a training job
 * whose result is the decision; everyone signed in reads the policy and the decisions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrainRoutesTest extends ReferenceStoreServer {

    @Test
    void administratorsSetThePolicyAndARunIsAJobWhoseResultIsTheDecision() throws Exception {
        assertThat(api.put("/api/v1/retraining/policy", clinician, "{\"mode\":\"schedule\"}").status()).isEqualTo(403);
        ApiClient.Answer refused = api.put("/api/v1/retraining/policy", admin, "{\"aucMargin\":0.03,\"mode\":\"weekly\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("manual, schedule or on-alert");
        assertThat(api.get("/api/v1/retraining", clinician).json().get("policy").get("aucMargin").asDouble())
                .as("nothing of a refused body is kept").isEqualTo(0.01);

        ApiClient.Answer set = api.put("/api/v1/retraining/policy", admin, "{\"mode\":\"manual\",\"aucMargin\":0.03}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("aucMargin").asDouble()).isEqualTo(0.03);
        assertThat(set.json().get("setBy").asText()).isEqualTo("alice");

        assertThat(api.post("/api/v1/retraining/runs", clinician, "").status()).isEqualTo(403);
        ApiClient.Answer started = api.post("/api/v1/retraining/runs", admin, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode job = null;
        for (int i = 0; i < 1200; i++) {
            job = api.get(started.response().headers().firstValue("Location").orElseThrow(), admin).json();
            if (List.of("succeeded", "failed", "cancelled").contains(job.get("state").asText())) break;
            Thread.sleep(100);
        }
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("succeeded");
        JsonNode decision = job.get("result");
        assertThat(decision.get("outcome").asText()).as("no champion, but a manual policy only recommends")
                .isEqualTo("recommended");
        assertThat(decision.get("championVersion").isNull()).isTrue();
        assertThat(decision.get("evidence").get("folds").get("challengerAuc").asDouble()).isBetween(0.0, 1.0);

        JsonNode listed = api.get("/api/v1/retraining", clinician).json();
        assertThat(listed.get("decisions")).hasSize(1);
        assertThat(listed.get("decisions").get(0).get("id")).isEqualTo(decision.get("id"));
        assertThat(engine.models().active()).as("nothing was activated").isEmpty();
        assertThat(engine.auditLog().list(AuditQuery.action("model.retrain-decision"), alice)).singleElement()
                .satisfies(a -> assertThat(a.user()).isEqualTo("alice"));
    }

    @Test
    void readingNeedsASignIn() {
        assertThat(api.get("/api/v1/retraining", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/retraining/runs", null, "").status()).isEqualTo(401);
    }
}
