package com.outcomedesk.server.http;

import com.outcomedesk.documents.MonitorDocuments;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.monitor.MonitorGrouping;
import com.outcomedesk.monitor.MonitorService;
import io.micrometer.core.instrument.Gauge;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The monitor: {@code GET /monitor} runs it (the document {@code monitor --json} prints, raising any new alerts),
 * {@code GET /alerts} lists the alerts, {@code POST /alerts/{id}/ack} acknowledges one. The count of open alerts is
 * also the Prometheus gauge {@code outcomedesk_monitor_open_alerts}, read from the store at each scrape, and the age of the
 * last good backup is {@code outcomedesk_backup_last_good_age_seconds} (NaN before the first), for an alert of its own.
 */
final class MonitorRoutes {
    private MonitorRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        Gauge.builder("outcomedesk_monitor_open_alerts", () -> s.engine().monitor().openAlerts())
                .description("Monitor alerts not yet acknowledged").register(s.metrics());
        Gauge.builder("outcomedesk_backup_last_good_age_seconds", () -> s.engine().backup().last()
                        .map(l -> (double) java.time.Duration.between(l.at(), s.engine().stamper().now()).toSeconds())
                        .orElse(Double.NaN))
                .description("Seconds since the last good backup of the store").register(s.metrics());
        routes.get(Api.V1 + "/monitor", ctx -> {
            var actor = Requests.actor(ctx);
            String by = ctx.queryParam("by");
            MonitorGrouping grouping = by == null ? MonitorGrouping.MONTH : grouping(by);
            Requests.json(ctx, 200, MonitorDocuments.monitor(s.engine().monitor().run(grouping, actor)));
        }, Access.SIGNED_IN);
        routes.get(Api.V1 + "/alerts", ctx -> {
            Requests.actor(ctx);
            Map<String, Object> doc = new LinkedHashMap<>();
            var alerts = s.engine().monitor().alerts();
            doc.put("alerts", MonitorDocuments.alerts(alerts));
            doc.put("openAlerts", alerts.stream().filter(a -> !a.acknowledged()).count());
            Requests.json(ctx, 200, doc);
        }, Access.SIGNED_IN);
        routes.post(Api.V1 + "/alerts/{id}/ack", ctx -> {
            var actor = Requests.actor(ctx);
            UUID id;
            try {
                id = UUID.fromString(ctx.pathParam("id"));
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.notFound(MonitorService.ALERT, ctx.pathParam("id"));
            }
            Requests.json(ctx, 200, MonitorDocuments.alert(s.engine().monitor().acknowledge(id, actor)));
        }, Access.SIGNED_IN);
    }

    private static MonitorGrouping grouping(String by) {
        try {
            return MonitorGrouping.of(by);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.malformed("by", by);
        }
    }
}
