package com.outcomedesk.server.openapi;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/** Serves {@code /openapi.json} and {@code /docs} (Swagger UI from its webjar, pointed at the document). */
public final class ApiDocs {
    /** Where the document lies on the class path. */
    public static final String DOCUMENT = "/com/outcomedesk/server/openapi/openapi.json";
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui-bundle.js", "application/javascript", "swagger-ui.css", "text/css");

    private ApiDocs() {
    }

    public static void register(RoutesConfig routes, RouteRole access) {
        byte[] document = resource(DOCUMENT);
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(document), access);
        String version = swaggerUiVersion();
        routes.get("/docs", page(), access);
        routes.get("/docs/{asset}", ctx -> {
            String type = ASSETS.get(ctx.pathParam("asset"));
            if (type == null) {
                ctx.status(404).contentType("text/plain").result("No such file.");
                return;
            }
            ctx.header("Cache-Control", "max-age=86400").contentType(type)
                    .result(resource(WEBJAR + version + "/" + ctx.pathParam("asset")));
        }, access);
    }

    private static Handler page() {
        String html = """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>OutcomeDesk API</title>
                  <link rel="stylesheet" href="/docs/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="/docs/swagger-ui-bundle.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
                  </script>
                </body>
                </html>
                """;
        return ctx -> ctx.html(html);
    }

    private static String swaggerUiVersion() {
        Properties p = new Properties();
        try (InputStream in = ApiDocs.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) throw new IllegalStateException("Swagger UI's webjar is not on the class path");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    static byte[] resource(String path) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is not on the class path");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
