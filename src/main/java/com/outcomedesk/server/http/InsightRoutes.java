package com.outcomedesk.server.http;

import com.outcomedesk.common.Actor;
import com.outcomedesk.insight.DiseaseAtlas;
import com.outcomedesk.insight.DoctorReport;
import com.outcomedesk.insight.DoctorRow;
import com.outcomedesk.insight.RankingMethod;
import com.outcomedesk.documents.InsightDocuments;
import com.outcomedesk.server.problems.ProblemException;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** Doctor rankings and outliers, disease clusters and similar diseases, as the command line reports them. */
final class InsightRoutes {
    private InsightRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        routes.get(Api.V1 + "/doctors", ctx -> {
            Actor actor = Requests.actor(ctx);
            Requests.json(ctx, 200, s.engine().doctors().ranking(actor, method(ctx.queryParam("method"))).rows());
        }, Access.SIGNED_IN);
        routes.get(Api.V1 + "/doctors/{id}", ctx -> {
            Actor actor = Requests.actor(ctx);
            RankingMethod method = method(ctx.queryParam("method"));
            DoctorReport report = s.engine().doctors().ranking(actor, method);
            String id = ctx.pathParam("id");
            DoctorRow row = report.rows().stream().filter(r -> r.doctorId().equals(id)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("No doctor with this id has appointments with a known outcome."));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("method", method.code());
            doc.put("overallRate", report.overallRate());
            doc.put("doctor", row);
            Requests.json(ctx, 200, doc);
        }, Access.SIGNED_IN);
        routes.get(Api.V1 + "/clusters", ctx -> {
            Actor actor = Requests.actor(ctx);
            Requests.json(ctx, 200, InsightDocuments.clusters(s.engine().diseases().atlas(actor)));
        }, Access.SIGNED_IN);
        routes.get(Api.V1 + "/diseases/{name}/similar", ctx -> {
            Actor actor = Requests.actor(ctx);
            int top = Requests.intQuery(ctx, DiseaseAtlas.TOP, 5, 1, 100);
            DiseaseAtlas atlas = s.engine().diseases().atlas(actor);
            String name = ctx.pathParam("name");
            String canonical = atlas.profile(name).name();
            Requests.json(ctx, 200, InsightDocuments.similar(canonical, atlas.similarTo(name, top)));
        }, Access.SIGNED_IN);
    }

    private static RankingMethod method(String code) {
        if (code == null || code.isBlank()) return RankingMethod.REFERENCE;
        try {
            return RankingMethod.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("method", "unknown", "method must be reference, iqr, zscore or funnel.");
        }
    }
}
