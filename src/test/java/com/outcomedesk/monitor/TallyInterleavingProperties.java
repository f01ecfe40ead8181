package com.outcomedesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.outcome.OutcomeLabel;
import com.outcomedesk.store.MonitorTallies;
import com.outcomedesk.store.PredictionRepository;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.testing.TestStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The tallies kept from the journal equal a full recount after any interleaving of predictions (saved through the
 * repository and written raw, as a sync pull writes them, some without an appointment), outcome arrivals by import,
 * outcome edits, date edits, deletes, raw row updates as a pull applies them, imports of new records and catch-ups at
 * any point. Also checked against counts worked out in Java from the rows, so the recount itself is checked too. On
 * H2 here and on PostgreSQL ({@link PostgresTallyInterleavingProperties}).
 */
class TallyInterleavingProperties {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    private static final String WORSE = "Symptoms worsened despite intervention.", BETTER = "Fully recovered.";

    enum Op { PREDICT, PREDICT_RAW, PREDICT_NO_APPOINTMENT, OUTCOMES_BY_IMPORT, RECORD_OUTCOME, EDIT_DATE, DELETE,
        PULL_UPDATE, IMPORT_NEW, CATCH_UP }

    StoreLocation location(Path dir) {
        return TestStores.h2(dir.resolve("store"));
    }

    void dispose() {
    }

    @Provide
    Arbitrary<List<Op>> schedules() {
        return Arbitraries.of(Op.class).list().ofMinSize(5).ofMaxSize(30);
    }

    @Property(tries = 12, seed = "20261202")
    void incrementalTalliesEqualAFullRecount(@ForAll("schedules") List<Op> schedule, @ForAll long seed) throws Exception {
        Path dir = Files.createTempDirectory("tallies");
        try (Engine engine = Engine.open(location(dir))) {
            Random random = new Random(seed);
            World world = new World(engine, dir, random);
            world.importNew(6);
            for (Op op : schedule) world.apply(op);
            MonitorTallies tallies = new MonitorTallies(engine.database());
            tallies.catchUp();
            Map<String, List<Long>> incremental = snapshot(tallies);
            assertThat(incremental.keySet().stream().filter(k -> k.startsWith("MONTH ")).count())
                    .as("tallies of month kind").isPositive();
            assertThat(countedInJava(engine)).isEqualTo(counts(incremental));
            tallies.recount();
            assertThat(snapshot(tallies)).isEqualTo(incremental);
        } finally {
            dispose();
            deleteTree(dir);
        }
    }

    /** The state the steps work on: the appointments there are and what can be done to them. */
    static final class World {
        private final Engine engine;
        private final Path dir;
        private final Random random;
        private final List<String> external = new ArrayList<>();
            private int next;

        World(Engine engine, Path dir, Random random) {
            this.engine = engine;
            this.dir = dir;
            this.random = random;
        }

        void apply(Op op) throws Exception {
            switch (op) {
                case PREDICT -> new PredictionRepository(engine.database()).saveAll(List.of(prediction(id(pick()))));
                case PREDICT_RAW -> raw("INSERT INTO predictions (id, appointment_id, doctor_id, answered_by, label, "
                        + "probability, risk_tier, created_at, created_by, site_id) VALUES (?, ?, 'dr_1', "
                        + "'model version 2 (fallback)', 'better', ?, NULL, ?, 'pull', 'site-b')", UUID.randomUUID(),
                        id(pick()), random.nextDouble(), OffsetDateTime.now());
                case PREDICT_NO_APPOINTMENT -> new PredictionRepository(engine.database()).saveAll(List.of(prediction(null)));
                case OUTCOMES_BY_IMPORT -> outcomesByImport();
                case RECORD_OUTCOME -> {
                    UUID id = id(pick());
                    if (engine.appointments().find(id).isPresent()) {
                        engine.appointments().recordOutcome(id, random.nextBoolean() ? WORSE : BETTER, ADMIN);
                    }
                }
                case EDIT_DATE -> editDate(pick());
                case DELETE -> {
                    UUID id = id(pick());
                    if (engine.appointments().find(id).isPresent()) engine.appointments().delete(id, ADMIN);
                }
                case PULL_UPDATE -> raw("UPDATE appointments SET outcome_category = ?, updated_at = ?, hlc = hlc + 1 "
                        + "WHERE id = ?", random.nextBoolean() ? "critical" : "good", OffsetDateTime.now(), id(pick()));
                case IMPORT_NEW -> importNew(1 + random.nextInt(4));
                case CATCH_UP -> new MonitorTallies(engine.database()).catchUp();
            }
        }

        private String pick() {
            return external.get(random.nextInt(external.size()));
        }

        void importNew(int n) throws IOException {
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < n; i++) {
                String id = "t" + next++;
                external.add(id);
                boolean known = random.nextBoolean();
                json.append(i == 0 ? "" : ",").append(record(id, LocalDate.of(2024, 1 + random.nextInt(6), 1 + random.nextInt(28)),
                        known ? (random.nextBoolean() ? WORSE : BETTER) : null));
            }
            importText(json.append(']').toString());
        }

        /** Imports stored records again, with outcomes: fills in those not known yet (never overwriting). */
        private void outcomesByImport() throws IOException {
            StringBuilder json = new StringBuilder("[");
            for (String id : external.subList(0, Math.min(external.size(), 1 + random.nextInt(4)))) {
                StoredAppointment a = engine.appointments().find(id(id)).orElse(null);
                if (a == null) continue;
                json.append(json.length() > 1 ? "," : "").append(record(id, a.appointmentDate(),
                        random.nextBoolean() ? WORSE : BETTER));
            }
            importText(json.append(']').toString());
        }

        private void editDate(String external) {
            StoredAppointment a = engine.appointments().find(id(external)).orElse(null);
            if (a == null) return;
            engine.appointments().update(a.id(), a.rowVersion(), new AppointmentInput(a.doctorId(), a.summary(),
                    LocalDate.of(2024, 7 + random.nextInt(3), 1 + random.nextInt(28)), a.patientRef(), a.outcomeText()), ADMIN);
        }

        private static String record(String id, LocalDate date, String outcome) {
            return "{\"id\":\"" + id + "\",\"doctor_id\":\"dr_" + (id.hashCode() & 3) + "\",\"summary\":\"Patient seen "
                    + "for cough and fever today.\",\"appointment_date\":\"" + date + "\""
                    + (outcome == null ? "" : ",\"future_outcome\":\"" + outcome + "\"") + "}";
        }

        private void importText(String json) throws IOException {
            Path file = Files.createTempFile(dir, "in", ".json");
            Files.writeString(file, json);
            engine.importer().importFile(file, ADMIN, ProgressListener.NONE);
        }

        private PredictionRepository.NewPrediction prediction(UUID appointment) {
            double p = random.nextDouble();
            return new PredictionRepository.NewPrediction(UUID.randomUUID(), appointment, "dr_" + random.nextInt(3),
                    null, "model version 1", p >= 0.5 ? OutcomeLabel.WORSE : OutcomeLabel.BETTER, p, null,
                    p >= 0.5 ? PredictionRepository.RiskTier.high : PredictionRepository.RiskTier.low, 10L,
                    OffsetDateTime.now(), ADMIN.name(), engine.stamper().siteId());
        }

        private void raw(String sql, Object... values) {
            engine.database().jdbcTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    for (int i = 0; i < values.length; i++) s.setObject(i + 1, values[i]);
                    s.executeUpdate();
                }
                return null;
            });
        }
    }

    static UUID id(String external) {
        return UUID.nameUUIDFromBytes(("appointment:" + external).getBytes(StandardCharsets.UTF_8));
    }

    /** Every tally of every kind, as text, to compare. */
    static Map<String, List<Long>> snapshot(MonitorTallies tallies) {
        Map<String, List<Long>> all = new TreeMap<>();
        for (MonitorTallies.Kind kind : MonitorTallies.Kind.values()) {
            for (MonitorTallies.Sum s : tallies.sums(kind)) {
                all.put(kind + " " + s.key() + " " + s.group(), List.of(s.count(), s.q1(), s.q2(), s.q3(), s.q4(), s.calledWorse()));
            }
        }
        return all;
    }

    private static Map<String, Long> counts(Map<String, List<Long>> snapshot) {
        Map<String, Long> n = new TreeMap<>();
        snapshot.forEach((k, v) -> {
            if (k.startsWith("MONTH ") || k.startsWith("DOCTOR_MIX ")) n.put(k, v.get(0));
        });
        return n;
    }

    /** The month tallies' counts and the doctor mix, worked out in Java from the rows themselves. */
    static Map<String, Long> countedInJava(Engine engine) {
        return engine.database().withConnection(c -> {
            Set<String> worse = new HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code FROM outcome_categories WHERE label = 'worse'")) {
                while (rs.next()) worse.add(rs.getString(1));
            }
            Map<String, Long> n = new TreeMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT p.probability, p.risk_tier, "
                    + "p.answered_by, p.created_at, p.doctor_id, a.appointment_date, a.outcome_category, a.deleted "
                    + "FROM predictions p LEFT JOIN appointments a ON a.id = p.appointment_id")) {
                while (rs.next()) {
                    boolean present = rs.getObject(8) != null && !rs.getBoolean(8);
                    LocalDate date = present ? rs.getObject(6, LocalDate.class) : null;
                    if (date == null) date = rs.getObject(4, OffsetDateTime.class).toLocalDate();
                    String category = present ? rs.getString(7) : null;
                    long month = date.getYear() * 100L + date.getMonthValue();
                    long bucket = Math.min(1000, Math.max(0, (long) Math.floor(rs.getDouble(1) * 1000)));
                    long outcome = category == null ? 2 : worse.contains(category) ? 1 : 0;
                    String t = rs.getString(2);
                    long tier = t == null ? 0 : switch (t) { case "low" -> 1; case "medium" -> 2; default -> 3; };
                    long fallback = rs.getString(3).contains("(") ? 1 : 0;
                    long key = (((month * 1001 + bucket) * 3 + outcome) * 4 + tier) * 2 + fallback;
                    n.merge("MONTH " + key + " null", 1L, Long::sum);
                    n.merge("DOCTOR_MIX " + month + " " + rs.getString(5), 1L, Long::sum);
                }
            }
            return n;
        });
    }

    static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
