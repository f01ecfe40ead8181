package com.outcomedesk.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.common.Actor;
import com.outcomedesk.documents.RetrainDocuments;
import com.outcomedesk.retrain.RetrainDecision;
import com.outcomedesk.retrain.RetrainingPolicy;
import com.outcomedesk.server.jobs.Job;
import com.outcomedesk.server.jobs.TrainingJobs;
import com.outcomedesk.server.limits.Budget;
import io.javalin.config.RoutesConfig;
import java.util.Iterator;
import java.util.Map;

/**
 * The retraining policy: {@code GET /retraining} the policy and its decisions, {@code PUT /retraining/policy} changes
 * settings of it (administrators; a body of any of {@code mode}, {@code everyDays}, {@code aucMargin},
 * {@code calibrationTolerance}), {@code POST /retraining/runs} runs it now as a training job (administrators; 202 with
 * the job, whose result is the decision). The server also submits due runs itself (see RetrainingScheduler).
 */
final class RetrainRoutes {
    private RetrainRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        routes.get(Api.V1 + "/retraining", ctx -> {
            Requests.actor(ctx);
            var r = s.engine().retraining();
            Requests.json(ctx, 200, RetrainDocuments.retraining(r.policy(), r.decisions()));
        }, Access.SIGNED_IN);
        routes.put(Api.V1 + "/retraining/policy", ctx -> {
            Actor actor = Requests.actor(ctx);
            actor.requireAdministrator("change the retraining policy");
            JsonNode body = Requests.jsonObject(ctx, s.options().maxBodyBytes());
            RetrainingPolicy policy = s.engine().retraining().policy();
            // Every setting is checked before any is stored, so a refused body changes nothing.
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                policy = policy.with(e.getKey(), e.getValue().asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                policy = s.engine().retraining().set(e.getKey(), e.getValue().asText(), actor);
            }
            Requests.json(ctx, 200, RetrainDocuments.policy(policy));
        }, Access.SIGNED_IN);
        routes.post(Api.V1 + "/retraining/runs", ctx -> {
            Actor actor = Requests.actor(ctx);
            actor.requireAdministrator("run the retraining policy");
            Requests.limit(s, ctx, Budget.TRAIN, actor.name());
            Job job = s.jobs().submit(actor, progress -> {
                RetrainDecision d = s.engine().retraining().runNow(actor, progress);
                return new TrainingJobs.Done(RetrainDocuments.decision(d), d.challengerVersion());
            });
            ctx.header("Location", Api.V1 + "/jobs/" + job.id());
            Requests.json(ctx, 202, job.view());
        }, Access.SIGNED_IN);
    }
}
