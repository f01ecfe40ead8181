package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.monitor.MonitorStream;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code monitor}: one JSON document with periods, drift and alerts; {@code --alerts} exits 3 until all are acknowledged. */
class MonitorCliTest {
    @TempDir Path dir;

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("home"), args);
    }

    @Test
    void alertsExitThreeUntilEveryOneIsAcknowledged() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("home")))) {
            MonitorStream.write(engine, Files.createDirectories(dir.resolve("files")), new Actor("local", Role.ADMINISTRATOR),
                    8, 150, 5, 31);
        }
        CliRun monitor = run("monitor", "--json");
        assertThat(monitor.code()).isZero();
        JsonNode doc = monitor.json();
        assertThat(doc.get("periods")).hasSize(8);
        JsonNode first = doc.get("periods").get(0);
        for (String field : new String[] {"period", "predictions", "withOutcome", "auc", "brier", "calibrationSlope", "intervals"}) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(doc.get("drift").get(0).has("psi")).isTrue();
        assertThat(doc.get("drift").get(0).has("flagged")).isTrue();
        JsonNode alerts = doc.get("alerts");
        assertThat(alerts.size()).isPositive();
        assertThat(alerts.get(0).get("acknowledged").asBoolean()).isFalse();

        CliRun open = run("monitor", "--alerts");
        assertThat(open.code()).isEqualTo(3);
        assertThat(open.out()).contains("[OPEN]");
        for (JsonNode a : alerts) assertThat(run("monitor", "--ack", a.get("id").asText()).code()).isZero();
        CliRun closed = run("monitor", "--alerts", "--json");
        assertThat(closed.code()).isZero();
        assertThat(closed.json().get("openAlerts").asLong()).isZero();

        assertThat(run("monitor", "--by", "week").code()).isEqualTo(1);
        assertThat(run("monitor", "--ack", "nope").code()).isEqualTo(1);
        CliRun set = run("monitor", "--set", "psi=0.3", "--json");
        assertThat(set.code()).isZero();
        assertThat(set.json().get("psi").asDouble()).isEqualTo(0.3);
        assertThat(run("monitor", "--json").json().get("thresholds").get("psi").asDouble()).isEqualTo(0.3);
    }

    @Test
    void importReportsOutcomesThatArrivedLater() throws Exception {
        Path before = dir.resolve("before.json"), after = dir.resolve("after.json");
        Files.writeString(before, "[{\"id\":\"x1\",\"doctor_id\":\"dr_a\",\"summary\":\"Seen today with fever and cough.\"}]");
        Files.writeString(after, "[{\"id\":\"x1\",\"doctor_id\":\"dr_a\",\"summary\":\"Seen today with fever and cough.\","
                + "\"future_outcome\":\"Fully recovered.\"}]");
        assertThat(run("import", "--json", before.toString()).json().get("outcomesAdded").asLong()).isZero();
        CliRun later = run("import", after.toString());
        assertThat(later.out()).contains("outcomes added 1");
        assertThat(run("import", "--json", after.toString()).json().get("outcomesAdded").asLong()).isZero();
    }
}
