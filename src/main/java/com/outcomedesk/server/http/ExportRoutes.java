package com.outcomedesk.server.http;

import com.outcomedesk.common.Actor;
import com.outcomedesk.documents.MetricsDocuments;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.server.problems.ProblemException;
import com.outcomedesk.transfer.ExportMode;
import com.outcomedesk.transfer.FileFormat;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code GET /export}: every appointment as the export command writes it, streamed as rows are read; and
 * {@code GET /metrics}: the document {@code metrics --json} prints.
 */
final class ExportRoutes {
    private ExportRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        routes.get(Api.V1 + "/export", ctx -> {
            Actor actor = Requests.actor(ctx);
            FileFormat format = format(ctx);
            ExportMode mode = "true".equals(ctx.queryParam("deidentified")) ? ExportMode.DEIDENTIFIED : ExportMode.IDENTIFIABLE;
            // Refused before the first byte, so a clinician gets a problem document, not a cut-off body.
            if (mode == ExportMode.IDENTIFIABLE) actor.requireAdministrator("export identifiable patient data");
            String name = format == FileFormat.CSV ? "appointments.csv" : "appointments.json";
            ctx.status(200).contentType(format == FileFormat.CSV ? "text/csv; charset=utf-8" : "application/json")
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
            s.engine().exporter().export(ctx.outputStream(), "http:" + name, format, mode, actor);
        }, Access.SIGNED_IN);
        routes.get(Api.V1 + "/metrics", ctx -> {
            Requests.actor(ctx);
            ModelRegistry models = s.engine().models();
            String version = ctx.queryParam("version");
            Optional<ModelVersionInfo> shown;
            if (version == null || version.isBlank()) {
                shown = models.active();
            } else {
                int n = Requests.intQuery(ctx, "version", 0, 1, Integer.MAX_VALUE);
                shown = Optional.of(models.find(n).orElseThrow(() -> InvalidRequestException.notFound(ModelRegistry.VERSION, n)));
            }
            Requests.json(ctx, 200, MetricsDocuments.metrics(models, shown, s.engine().predictions().stats()));
        }, Access.SIGNED_IN);
    }

    /** {@code ?format=csv|json} first, then an Accept of text/csv; JSON otherwise. */
    private static FileFormat format(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null && !format.isBlank()) {
            return switch (format.strip()) {
                case "csv" -> FileFormat.CSV;
                case "json" -> FileFormat.JSON;
                default -> throw ProblemException.invalid("format", "unknown", "format must be json or csv.");
            };
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/csv") ? FileFormat.CSV : FileFormat.JSON;
    }
}
