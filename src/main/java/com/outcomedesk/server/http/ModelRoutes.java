package com.outcomedesk.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.common.Actor;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.server.jobs.Job;
import com.outcomedesk.documents.ModelDocuments;
import com.outcomedesk.server.limits.Budget;
import com.outcomedesk.server.problems.ProblemException;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Model versions (list, one, activate, roll back) and training as jobs. */
final class ModelRoutes {
    private ModelRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        routes.get(Api.V1 + "/models", ctx -> {
            Requests.actor(ctx);
            Map<Integer, String> states = s.engine().models().artifactStates();
            Requests.json(ctx, 200, s.engine().models().list().stream().map(v -> ModelDocuments.version(v, states, s.engine().models().artifactProvenance(v.version()))).toList());
        }, Access.SIGNED_IN);
        routes.get(Api.V1 + "/models/{n}", ctx -> {
            Requests.actor(ctx);
            int n = Requests.intPath(ctx, "n");
            ModelVersionInfo v = s.engine().models().find(n)
                    .orElseThrow(() -> InvalidRequestException.notFound(ModelRegistry.VERSION, n));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("version", ModelDocuments.version(v, s.engine().models().artifactStates(), s.engine().models().artifactProvenance(v.version())));
            doc.put("metrics", s.engine().models().metrics(n));
            doc.put("provenance", s.engine().models().provenance(n));
            Requests.json(ctx, 200, doc);
        }, Access.SIGNED_IN);
        routes.post(Api.V1 + "/models/{n}/activate", ctx -> {
            Actor actor = Requests.actor(ctx);
            ModelVersionInfo v = s.engine().models().activate(Requests.intPath(ctx, "n"), actor);
            Requests.json(ctx, 200, ModelDocuments.version(v, s.engine().models().artifactStates(), s.engine().models().artifactProvenance(v.version())));
        }, Access.SIGNED_IN);
        routes.post(Api.V1 + "/models/rollback", ctx -> {
            Actor actor = Requests.actor(ctx);
            ModelVersionInfo v = s.engine().models().rollback(actor);
            Requests.json(ctx, 200, ModelDocuments.version(v, s.engine().models().artifactStates(), s.engine().models().artifactProvenance(v.version())));
        }, Access.SIGNED_IN);
        routes.post(Api.V1 + "/train", ctx -> {
            Actor actor = Requests.actor(ctx);
            // The training service checks the role too, but only once the job runs: refuse here, before a job exists.
            actor.requireAdministrator("train a model");
            Requests.limit(s, ctx, Budget.TRAIN, actor.name());
            TrainingRequest request = training(ctx.contentLength() == 0 ? null : Requests.jsonObject(ctx, s.options().maxBodyBytes()));
            Job job = s.jobs().submit(request, actor);
            ctx.header("Location", Api.V1 + "/jobs/" + job.id());
            Requests.json(ctx, 202, job.view());
        }, Access.SIGNED_IN);
        routes.get(Api.V1 + "/jobs/{id}", ctx -> {
            Requests.actor(ctx);
            Requests.json(ctx, 200, job(s, ctx.pathParam("id")).view());
        }, Access.SIGNED_IN);
        routes.delete(Api.V1 + "/jobs/{id}", ctx -> {
            Requests.actor(ctx).requireAdministrator("cancel training");
            Job job = job(s, ctx.pathParam("id"));
            s.jobs().cancel(job.id());
            Requests.json(ctx, 200, job.view());
        }, Access.SIGNED_IN);
    }

    private static Job job(Services s, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no job " + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + ".");
        }
        return s.jobs().find(uuid).orElseThrow(() -> ProblemException.notFound("There is no job " + uuid
                + "."));
    }

    /** {@code {"algorithm","folds","activate","seed"}}, each optional, as {@code train}'s options. */
    static TrainingRequest training(JsonNode body) {
        TrainingRequest d = TrainingRequest.defaults();
        if (body == null) return d;
        String algorithm = Requests.text(body, "algorithm");
        TrainingRequest.Algorithm a = d.algorithm();
        if (algorithm != null) {
            try {
                a = TrainingRequest.Algorithm.valueOf(algorithm.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("algorithm", "unknown", "algorithm must be auto, logreg, forest or gbm.");
            }
        }
        int folds = d.folds();
        JsonNode f = body.get("folds");
        if (f != null && !f.isNull()) {
            if (!f.canConvertToInt() || !f.isIntegralNumber()) throw ProblemException.invalid("folds", "not_integer", "folds must be a whole number.");
            folds = f.intValue();
        }
        JsonNode act = body.get("activate");
        if (act != null && !act.isNull() && !act.isBoolean()) {
            throw ProblemException.invalid("activate", "not_boolean", "activate must be true or false.");
        }
        JsonNode seed = body.get("seed");
        if (seed != null && !seed.isNull() && !seed.isIntegralNumber()) {
            throw ProblemException.invalid("seed", "not_integer", "seed must be a whole number.");
        }
        return new TrainingRequest(a, folds, act != null && act.asBoolean(), seed == null || seed.isNull() ? d.seed() : seed.longValue(),
                d.hashBits());
    }
}
