package com.outcomedesk.server.http;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.server.limits.Budget;
import com.outcomedesk.server.problems.Problem;
import com.outcomedesk.server.problems.ProblemException;
import com.outcomedesk.transfer.ImportReport;
import com.outcomedesk.transfer.TransferException;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code POST /import}: a JSON array (the reference format) or CSV with a header, as {@code import FILE} takes them.
 * The body is streamed to a private temporary file (never held in memory), imported by the engine's importer with
 * its rules and report, then deleted. The report is the document {@code import --json} prints.
 */
final class ImportRoutes {
    private ImportRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        routes.post(Api.V1 + "/import", ctx -> {
            Actor actor = Requests.actor(ctx);
            Requests.limit(s, ctx, Budget.BATCH, actor.name());
            long limit = s.options().maxImportBytes();
            if (ctx.req().getContentLengthLong() > limit) throw ProblemException.tooLarge(limit);
            String type = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
            String suffix = type.startsWith("text/csv") ? ".csv" : type.startsWith("application/json") ? ".json" : null;
            if (suffix == null) {
                throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported content type",
                        "Send the appointments as application/json (an array) or text/csv (with a header)."));
            }
            Path file = Files.createTempFile("outcomedesk-import-", suffix);
            try {
                copy(ctx.bodyInputStream(), file, limit);
                ImportReport report;
                try {
                    report = s.engine().importer().importFile(file, actor, ProgressListener.NONE);
                } catch (TransferException e) {
                    // The importer names its file; here the file is the body.
                    throw new ProblemException(Problem.invalid(e.getMessage().replace(file.toString(), "the body"), java.util.List.of()));
                }
                Requests.json(ctx, 200, report);
            } finally {
                Files.deleteIfExists(file);
            }
        }, Access.SIGNED_IN);
    }

    private static void copy(InputStream in, Path file, long limit) throws IOException {
        try (InputStream body = new LimitedInputStream(in, limit); OutputStream out = Files.newOutputStream(file)) {
            body.transferTo(out);
        } catch (LimitedInputStream.TooLargeException e) {
            throw ProblemException.tooLarge(limit);
        }
    }
}
