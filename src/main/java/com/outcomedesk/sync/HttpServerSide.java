package com.outcomedesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Sync through the OutcomeDesk Server's API: the site holds no database login, only its own credential. Push bodies
 * go gzip-compressed with a batch id derived from their rows ({@link SyncWire#push}); pulls come as NDJSON. A lost
 * connection or a server that is down (502/503/504) is a connection loss (SQLSTATE 08006): the run ends interrupted
 * and the next one continues. A refused credential is a {@link SiteRefusedException}.
 */
final class HttpServerSide implements ServerSide {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final SiteLogin login;
    private final HttpClient client;
    private final String authorization;
    private String serverId;

    HttpServerSide(SiteLogin login) {
        this.login = login;
        this.client = SiteTls.client(login.pin());
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (login.site() + ":" + login.secret()).getBytes(StandardCharsets.UTF_8));
    }

    static SyncTarget target(SiteLogin login) {
        return new SyncTarget() {
            @Override
            public String displayName() {
                return login.displayName();
            }

            @Override
            public ServerSide open() {
                return new HttpServerSide(login);
            }
        };
    }

    /**
     * Trades the one-time code for this site's credential (POST /sync/enroll); refusals come back as a
     * {@link SiteRefusedException} with the server's reason, a server out of reach as a {@link SyncException}.
     */
    static SiteLogin enroll(URI server, String code, String storeSiteId, String pin) {
        ObjectNode body = SyncWire.MAPPER.createObjectNode().put("code", code).put("siteId", storeSiteId);
        HttpServerSide anonymous = new HttpServerSide(new SiteLogin(server, "", "", pin));
        try {
            JsonNode answer = json(anonymous.send(HttpRequest.newBuilder(URI.create(server.toString().replaceAll("/+$", "")
                            + "/api/v1/sync/enroll")).timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
            return new SiteLogin(server, answer.path("site").asText(), answer.path("secret").asText(), pin);
        } catch (SQLException e) {
            throw new SyncException("The server " + server + " could not be reached: " + e.getMessage()
                    + ". Check the address (https://HOST:PORT) and that the server runs, then enrol again.", e);
        }
    }

    /**
     * Has the server resolve a kept conflict for this site's administrator (POST /sync/conflicts/ID/DECISION); a
     * server out of reach is a connection loss, a refusal a {@link SyncException} with the server's reason.
     */
    static void resolve(SiteLogin login, UUID id, ConflictService.Decision decision, String by) throws SQLException {
        HttpServerSide side = new HttpServerSide(login);
        ObjectNode body = SyncWire.MAPPER.createObjectNode().put("by", by);
        try {
            json(side.send(side.request("/sync/conflicts/" + id + "/" + decision.name().toLowerCase(java.util.Locale.ROOT))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
        } catch (OutsideScope e) {
            throw new SyncException("The server refused the decision: " + e.getMessage());
        }
    }

    @Override
    public String serverId() {
        if (serverId == null) throw new IllegalStateException("The run has not begun");
        return serverId;
    }

    @Override
    public void numberDirectWrites() throws SQLException {
        JsonNode mark = json(send(request("/sync/begin").POST(HttpRequest.BodyPublishers.noBody())));
        serverId = mark.path("serverId").asText();
    }

    @Override
    public long committed() throws SQLException {
        return json(send(request("/sync/mark").GET())).path("committed").asLong();
    }

    /**
     * A batch refused for rows outside the site's push scope (403): those rows are held back with the server's
     * reason and the rest go again, as a new batch; nothing of the refused one was applied.
     */
    /** Each batch is a request of its own: the server applies them one after the other as they come. */
    @Override
    public boolean takesTwoBatches() {
        return true;
    }

    /** The batch's body, encoded and compressed on the caller's thread. */
    @Override
    public Outbound outbound(List<AppointmentOffer> rows) {
        return new Outbound(rows, compressed(SyncTable.APPOINTMENTS, rows.stream().map(SyncWire::offer).toList()));
    }

    @Override
    public AppointmentOutcome pushAppointments(List<AppointmentOffer> rows) throws SQLException {
        return pushAppointments(outbound(rows));
    }

    @Override
    public AppointmentOutcome pushAppointments(Outbound batch) throws SQLException {
        List<AppointmentOffer> rows = batch.rows();
        try {
            return SyncWire.appointmentOutcome(push(batch.body()));
        } catch (OutsideScope e) {
            List<AppointmentOffer> rest = rows.stream().filter(o -> !e.refused.containsKey(o.row().key())).toList();
            if (rest.size() == rows.size()) throw new SyncException("The server refused the batch for its scope without "
                    + "naming a row of it: " + e.getMessage());
            AppointmentOutcome done = rest.isEmpty() ? AppointmentOutcome.NONE : pushAppointments(rest);
            Map<Object, Quarantine.Problem> refused = new LinkedHashMap<>(done.refused());
            refused.putAll(e.refused);
            return new AppointmentOutcome(done.written(), done.conflicts(), done.serverWins(), refused);
        }
    }

    /** The server's 403 for a batch outside the push scope, with the rows it names. */
    private static final class OutsideScope extends SQLException {
        private final transient Map<Object, Quarantine.Problem> refused;

        OutsideScope(String detail, Map<Object, Quarantine.Problem> refused) {
            super(detail);
            this.refused = refused;
        }
    }

    @Override
    public AppendOutcome pushAppendOnly(SyncTable table, List<SyncRow> rows) throws SQLException {
        return SyncWire.appendOutcome(push(table, rows.stream().map(r -> SyncWire.offer(table, r)).toList()));
    }

    @Override
    public PushResult pushMappings(List<MappingOffer> rows) throws SQLException {
        if (rows.isEmpty()) return PushResult.NONE;
        return SyncWire.pushResult(push(SyncTable.MAPPINGS, rows.stream().map(SyncWire::offer).toList()));
    }

    private JsonNode push(SyncTable table, List<ObjectNode> rows) throws SQLException {
        return push(compressed(table, rows));
    }

    private JsonNode push(byte[] gzipped) throws SQLException {
        return json(send(request("/sync/push").header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(gzipped))));
    }

    private static byte[] compressed(SyncTable table, List<ObjectNode> rows) {
        byte[] body = SyncWire.pushBody(table, rows);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 4);
        // The fastest level, as the server's answers: deflating, not the bytes, is what a big push waits on.
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 64 * 1024) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            gz.write(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot compress a push batch in memory", e);
        }
        return bytes.toByteArray();
    }

    @Override
    public List<SyncRow> page(SyncTable table, long mark, long upTo, int limit) throws SQLException {
        int n = Math.min(limit, SyncHub.MAX_PULL_ROWS);
        String query = "/sync/pull?table=" + URLEncoder.encode(table.name(), StandardCharsets.UTF_8) + "&since=" + mark
                + "&upTo=" + upTo + "&limit=" + n;
        List<SyncRow> rows = new ArrayList<>();
        // Rows are read as they arrive, straight from the (gunzipped) stream, without a string per line.
        try (InputStream in = new java.io.BufferedInputStream(send(request(query).GET()), 64 * 1024);
             com.fasterxml.jackson.databind.MappingIterator<JsonNode> lines =
                     SyncWire.MAPPER.readerFor(JsonNode.class).readValues(in)) {
            while (lines.hasNextValue()) rows.add(SyncWire.pulled(table, lines.nextValue()));
        } catch (IOException e) {
            throw lost(e);
        }
        return rows;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(login.server().toString().replaceAll("/+$", "") + "/api/v1" + path))
                .timeout(REQUEST_TIMEOUT).header("Authorization", authorization).header("Accept-Encoding", "gzip");
    }

    /** Sends the request; the answer's body (gunzipped) when it succeeded, else the failure it stands for. */
    private InputStream send(HttpRequest.Builder request) throws SQLException {
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw lost(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("The sync was interrupted", "08006", e);
        }
        try {
            InputStream body = response.headers().firstValue("Content-Encoding").filter(v -> v.contains("gzip")).isPresent()
                    ? new GZIPInputStream(response.body(), 64 * 1024) : response.body();
            int status = response.statusCode();
            if (status == 200 || status == 201) return body;
            String detail;
            JsonNode problem;
            try (InputStream in = body) {
                JsonNode read = SyncWire.MAPPER.readTree(in);
                problem = read == null ? SyncWire.MAPPER.createObjectNode() : read;
                detail = problem.path("detail").asText("HTTP " + status);
            } catch (IOException e) {
                problem = SyncWire.MAPPER.createObjectNode();
                detail = "HTTP " + status;
            }
            if (status == 403 && problem.path("type").asText().equals("/problems/outside-scope")) {
                throw new OutsideScope(detail, SyncWire.appointmentOutcome(problem).refused());
            }
            if (status == 401 || status == 403) throw new SiteRefusedException(detail);
            if (status == 502 || status == 503 || status == 504) {
                throw new SQLException("The server is not available (" + status + "): " + detail, "08006");
            }
            throw new SyncException("The server refused the sync (" + status + "): " + detail);
        } catch (IOException e) {
            throw lost(e);
        }
    }

    private static JsonNode json(InputStream body) throws SQLException {
        try (InputStream in = body) {
            return SyncWire.MAPPER.readTree(in);
        } catch (IOException e) {
            throw lost(e);
        }
    }

    private static SQLException lost(IOException e) {
        return new SQLException("The connection to the server dropped: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()), "08006", e);
    }

    @Override
    public void close() {
        // Java 17's HttpClient has nothing to close; its idle connections end with it.
    }
}
