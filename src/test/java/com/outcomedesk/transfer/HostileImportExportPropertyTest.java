package com.outcomedesk.transfer;

import com.outcomedesk.common.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.testing.HostileText;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile records through import: each is refused with its field, position and reason and leaves nothing behind,
 * or is stored exactly (free text with LF line breaks) and comes back unchanged through a JSON and a CSV export
 * re-imported into other stores.
 */
class HostileImportExportPropertyTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    private static final AtomicLong IDS = new AtomicLong();
    private static final JsonMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static Path dir;
    private static Engine source;
    private static Engine fromJson;
    private static Engine fromCsv;

    @BeforeContainer
    static void open() throws Exception {
        dir = Files.createTempDirectory("hostile-import");
        source = Engine.open(TestStores.h2(dir.resolve("source")));
        fromJson = Engine.open(TestStores.h2(dir.resolve("json")));
        fromCsv = Engine.open(TestStores.h2(dir.resolve("csv")));
    }

    @AfterContainer
    static void close() throws Exception {
        for (Engine e : List.of(source, fromJson, fromCsv)) e.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<List<HostileText.Record>> batches() {
        return HostileText.records().list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 20)
    void eachRecordIsRefusedWithFieldPositionAndReasonOrRoundTripsExactly(
            @ForAll("batches") List<HostileText.Record> batch) throws Exception {
        Map<String, HostileText.Record> byId = new LinkedHashMap<>();
        List<Map<String, Object>> file = new ArrayList<>();
        for (HostileText.Record r : batch) {
            String id = "hostile-" + IDS.incrementAndGet();
            byId.put(id, r);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("doctor_id", r.doctor());
            json.put("summary", r.summary());
            json.put("future_outcome", r.outcome());
            json.put("patient_ref", r.patient());
            file.add(json);
        }
        Path in = dir.resolve("in.json");
        // Escaped, so the file itself is valid UTF-8 even around a lone surrogate, as a hostile exporter could write.
        ESCAPING.writeValue(in.toFile(), file);
        long before = source.appointments().counts().appointments();
        ImportReport report = source.importer().importFile(in, ADMIN, ProgressListener.NONE);

        Map<Long, String> rejected = new LinkedHashMap<>();
        report.rejected().forEach(x -> rejected.put(x.position(), x.reason()));
        long position = 0;
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, HostileText.Record> e : byId.entrySet()) {
            position++;
            HostileText.Record r = e.getValue();
            List<String> textProblems = textProblems(r);
            if (!textProblems.isEmpty()) {
                assertThat(rejected).as("record %d", position).containsKey(position);
                for (String p : textProblems) assertThat(rejected.get(position)).contains(p);
            }
            if (rejected.containsKey(position)) {
                assertThat(stored(source, e.getKey())).isNull();
                continue;
            }
            accepted.add(e.getKey());
            assertThat(stored(source, e.getKey())).as("record %d", position).containsExactly(r.doctor(),
                    HostileText.lineFeeds(r.summary()), HostileText.lineFeeds(r.outcome()), r.patient());
        }
        assertThat(source.appointments().counts().appointments()).isEqualTo(before + accepted.size());

        Path json = dir.resolve("out.json");
        Path csv = dir.resolve("out.csv");
        assertThat(source.exporter().export(json, FileFormat.JSON, ExportMode.IDENTIFIABLE, ADMIN, ProgressListener.NONE)
                .replaced()).isEmpty();
        source.exporter().export(csv, FileFormat.CSV, ExportMode.IDENTIFIABLE, ADMIN, ProgressListener.NONE);
        assertThat(fromJson.importer().importFile(json, ADMIN, ProgressListener.NONE).rejected()).isEmpty();
        assertThat(fromCsv.importer().importFile(csv, ADMIN, ProgressListener.NONE).rejected()).isEmpty();
        for (String id : accepted) {
            List<String> original = stored(source, id);
            assertThat(stored(fromJson, id)).as("JSON round trip").isEqualTo(original);
            assertThat(stored(fromCsv, id)).as("CSV round trip").isEqualTo(original);
        }
    }

    /**
     * What the import report must say of each text field the rule refuses (a field over its length limit aside;
     * a record without a doctor id or summary is refused for that alone).
     */
    static List<String> textProblems(HostileText.Record r) {
        List<String> problems = new ArrayList<>();
        if (r.doctor() == null || r.summary() == null) return r.doctor() == null ? List.of("doctor_id") : List.of("summary");
        expect(problems, "doctor id", r.doctor(), false, Integer.MAX_VALUE);
        expect(problems, "summary", HostileText.lineFeeds(r.summary()), true, 20_000);
        expect(problems, "patient reference", r.patient(), false, 200);
        expect(problems, "outcome", HostileText.lineFeeds(r.outcome()), true, 2_000);
        return problems;
    }

    private static void expect(List<String> problems, String field, String value, boolean multiLine, int max) {
        if (value == null || value.length() > max) return;
        int at = HostileText.firstRefused(value, multiLine);
        if (at == 0) return;
        int c = value.codePoints().skip(at - 1).findFirst().orElseThrow();
        problems.add(field + " holds a " + (c >= 0xD800 && c <= 0xDFFF ? "broken character (not valid Unicode)"
                : "control character") + " at character " + at);
    }

    /** doctor id, summary, outcome text, patient reference of the record imported with the id; null when absent. */
    private static List<String> stored(Engine e, String externalId) {
        return e.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT doctor_id, summary, outcome_text, patient_ref "
                    + "FROM appointments WHERE external_id = ?")) {
                ps.setString(1, externalId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return null;
                    List<String> v = new ArrayList<>();
                    for (int i = 1; i <= 4; i++) v.add(rs.getString(i));
                    return v;
                }
            }
        });
    }
}
