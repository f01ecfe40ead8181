package com.outcomedesk.appointments;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.outcome.OutcomeClassification;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.Appointment;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.Doctor;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.StoreException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Creating, editing, finding and soft-deleting appointments, stamped for audit and sync. */
public final class AppointmentService {
    /** The order of idx_appointments_created, so H2 reads pages straight off the index. */
    private static final String NEWEST_FIRST = AppointmentSort.NEWEST_FIRST.orderBy();
    private final Database database;
    private final OutcomeMappingService outcomes;
    private final ChangeStamper stamper;
    private final AuditTrail audit;

    public AppointmentService(Database database, OutcomeMappingService outcomes, ChangeStamper stamper, AuditTrail audit) {
        this.database = database;
        this.outcomes = outcomes;
        this.stamper = stamper;
        this.audit = audit;
    }

    public Appointment create(AppointmentInput entered, Actor actor) {
        AppointmentInput input = entered.normalised();
        validate(input);
        Appointment created = database.inTransaction(em -> {
            Appointment appointment = new Appointment(UUID.randomUUID(), input.doctorId().strip(), input.summary().strip());
            apply(em, appointment, input, actor);
            em.persist(appointment);
            return appointment;
        });
        audited(actor, "appointment-create", created);
        return created;
    }

    /** Saves an edit; fails with a clear message when someone else changed the row meanwhile. */
    public Appointment update(UUID id, long expectedRowVersion, AppointmentInput entered, Actor actor) {
        AppointmentInput input = entered.normalised();
        validate(input);
        Appointment updated = database.inTransaction(em -> {
            Appointment appointment = load(em, id);
            if (appointment.getRowVersion() != expectedRowVersion) {
                throw new StoreException("This appointment was changed by " + appointment.getUpdatedBy()
                        + " since you opened it; reopen it to see the latest version.");
            }
            appointment.setDoctorId(input.doctorId().strip());
            appointment.setSummary(input.summary().strip());
            apply(em, appointment, input, actor);
            return appointment;
        });
        audited(actor, "appointment-update", updated);
        return updated;
    }

    /** Records the outcome once it is known, leaving the rest of the appointment as it is. */
    public Appointment recordOutcome(UUID id, String outcomeText, Actor actor) {
        Appointment updated = database.inTransaction(em -> {
            Appointment a = load(em, id);
            AppointmentInput input = new AppointmentInput(a.getDoctorId(), a.getSummary(), a.getAppointmentDate(),
                    a.getPatientRef(), TextRule.MULTI_LINE.normalise(outcomeText));
            // Only the outcome is new: a row stored before today's rules (or from another site) still takes one.
            List<AppointmentInput.Problem> problems = input.check().stream()
                    .filter(p -> p.field().equals(AppointmentInput.OUTCOME)).toList();
            if (!problems.isEmpty()) throw new InvalidInputException(problems);
            apply(em, a, input, actor);
            return a;
        });
        audited(actor, "appointment-outcome", updated);
        return updated;
    }

    /**
     * Makes a stored appointment keep the {@link TextRule} (one stored before the rule, or pulled from a site that
     * had it): every text field {@link TextRule#repair repaired}, saved as an audited edit that syncs like any other.
     * Only the text changes; the other input rules are not applied to an old row. Returns false when the row already
     * kept the rule; refuses when repair would leave the doctor id or summary empty (edit the appointment instead).
     */
    public boolean repairText(UUID id, Actor actor) {
        Appointment repaired = database.inTransaction(em -> {
            Appointment a = em.find(Appointment.class, id);
            if (a == null) throw new StoreException("Appointment " + id + " does not exist.");
            String external = TextRule.SINGLE_LINE.repair(a.getExternalId());
            String doctor = TextRule.SINGLE_LINE.repair(a.getDoctorId()).strip();
            String summary = TextRule.MULTI_LINE.repair(a.getSummary()).strip();
            String patient = TextRule.SINGLE_LINE.repair(a.getPatientRef());
            String outcome = TextRule.MULTI_LINE.repair(a.getOutcomeText());
            if (Objects.equals(external, a.getExternalId()) && doctor.equals(a.getDoctorId())
                    && summary.equals(a.getSummary()) && Objects.equals(patient, a.getPatientRef())
                    && Objects.equals(outcome, a.getOutcomeText())) {
                return null;
            }
            if (doctor.isEmpty()) throw missing(AppointmentInput.DOCTOR);
            if (summary.isEmpty()) throw missing(AppointmentInput.SUMMARY);
            a.setExternalId(external);
            a.setDoctorId(doctor);
            a.setSummary(summary);
            apply(em, a, new AppointmentInput(doctor, summary, a.getAppointmentDate(), patient, outcome), actor);
            return a;
        });
        if (repaired == null) return false;
        audited(actor, "appointment-repair", repaired);
        return true;
    }

    public void delete(UUID id, Actor actor) {
        Appointment deleted = database.inTransaction(em -> {
            Appointment a = load(em, id);
            a.setDeleted(true);
            stamper.stamp(a, actor.name());
            return a;
        });
        audited(actor, "appointment-delete", deleted);
    }

    /** Who changed which record; never the summary or patient reference. */
    private void audited(Actor actor, String action, Appointment a) {
        audit.record(actor, action, "appointment", a.getId().toString(), "version=" + a.getRowVersion());
    }

    public Optional<Appointment> find(UUID id) {
        return database.read(em -> Optional.ofNullable(em.find(Appointment.class, id)).filter(a -> !a.isDeleted()));
    }

    /**
     * One page of appointments, newest first, from the given position. The skipped rows are walked on the
     * newest-first index alone (ids only), then the page's rows are read by id.
     */
    public List<Appointment> page(AppointmentQuery query, int offset, int limit) {
        return page(query, AppointmentSort.NEWEST_FIRST, offset, limit);
    }

    /** One page in the given order; the skipped rows are walked on that order's index alone (ids only). */
    public List<Appointment> page(AppointmentQuery query, AppointmentSort sort, int offset, int limit) {
        return database.read(em -> byIds(em, typed(em, "select a.id from Appointment a", query, UUID.class, sort.orderBy())
                .setFirstResult(offset).setMaxResults(limit).getResultList()));
    }

    /** One page of appointments, newest first, beginning with the row at {@code start} (a {@link #pageStarts} entry). */
    public List<Appointment> pageFrom(AppointmentQuery query, PageStart start, int limit) {
        return database.read(em -> {
            // The plain <= lets the index seek to the start; the OR then drops the same-instant rows before it.
            TypedQuery<UUID> q = typed(em, "select a.id from Appointment a", query, UUID.class,
                    " and a.createdAt <= :at and (a.createdAt < :at or a.id <= :id)" + NEWEST_FIRST);
            q.setParameter("at", start.createdAt()).setParameter("id", start.id());
            return byIds(em, q.setMaxResults(limit).getResultList());
        });
    }

    /**
     * Where each page of the newest-first list begins, in one pass over the index, so that any page can later be
     * read by seeking rather than by skipping all rows before it.
     */
    public List<PageStart> pageStarts(AppointmentQuery query, int pageSize) {
        return database.read(em -> {
            List<PageStart> starts = new ArrayList<>();
            long[] n = {0};
            typed(em, "select a.createdAt, a.id from Appointment a", query, Object[].class, NEWEST_FIRST)
                    .setHint("org.hibernate.fetchSize", 1_000).getResultStream().forEach(r -> {
                        if (n[0]++ % pageSize == 0) starts.add(new PageStart((OffsetDateTime) r[0], (UUID) r[1]));
                    });
            return starts;
        });
    }

    /** Where a page of the newest-first list begins: its first row's creation time and id. */
    public record PageStart(OffsetDateTime createdAt, UUID id) {
    }

    public long count(AppointmentQuery query) {
        if (query.equals(AppointmentQuery.ALL)) {
            // Every row less the few deleted ones: H2 knows a table's row count without reading it.
            return database.withConnection(c -> {
                try (var s = c.createStatement();
                     var all = s.executeQuery("SELECT (SELECT COUNT(*) FROM appointments) - "
                             + "(SELECT COUNT(*) FROM appointments WHERE deleted = TRUE)")) {
                    all.next();
                    return all.getLong(1);
                }
            });
        }
        return database.read(em -> typed(em, "select count(a) from Appointment a", query, Long.class, "")
                .getSingleResult());
    }

    private static List<Appointment> byIds(EntityManager em, List<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        Map<UUID, Appointment> found = new HashMap<>();
        for (Appointment a : em.createQuery("select a from Appointment a where a.id in :ids", Appointment.class)
                .setParameter("ids", ids).getResultList()) found.put(a.getId(), a);
        List<Appointment> page = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Appointment a = found.get(id);
            if (a != null) page.add(a); // deleted between the two reads
        }
        return page;
    }

    /** Known doctor ids starting with the prefix, for autocompletion. */
    public List<String> doctorIds(String prefix, int limit) {
        return database.read(em -> em.createQuery(
                        "select d.doctorId from Doctor d where lower(d.doctorId) like :p order by d.doctorId", String.class)
                .setParameter("p", (prefix == null ? "" : prefix.toLowerCase(Locale.ROOT)) + "%")
                .setMaxResults(limit).getResultList());
    }

    private <T> TypedQuery<T> typed(EntityManager em, String select, AppointmentQuery query, Class<T> type,
                                    String order) {
        StringBuilder jpql = new StringBuilder(select).append(" where a.deleted = false");
        Map<String, Object> params = new HashMap<>();
        if (query.doctorId() != null && !query.doctorId().isBlank()) {
            jpql.append(" and a.doctorId = :doctor");
            params.put("doctor", query.doctorId().strip());
        }
        if (query.outcomeKnown() != null) {
            jpql.append(query.outcomeKnown() ? " and a.outcomeText is not null" : " and a.outcomeText is null");
        }
        if (query.category() != null) {
            jpql.append(" and a.outcomeCategory = :category");
            params.put("category", query.category());
        }
        if (query.from() != null) {
            jpql.append(" and a.appointmentDate >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            jpql.append(" and a.appointmentDate <= :to");
            params.put("to", query.to());
        }
        if (query.patientRef() != null && !query.patientRef().isBlank()) {
            // From the start of the reference, so the patient index finds the rows.
            jpql.append(" and a.patientRef like :patient escape '!'");
            params.put("patient", query.patientRef().strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (query.text() != null && !query.text().isBlank()) {
            jpql.append(" and lower(a.summary) like :text");
            params.put("text", "%" + query.text().strip().toLowerCase(Locale.ROOT) + "%");
        }
        TypedQuery<T> q = em.createQuery(jpql + order, type);
        params.forEach(q::setParameter);
        return q;
    }

    private void apply(EntityManager em, Appointment a, AppointmentInput input, Actor actor) {
        ensureDoctor(em, a.getDoctorId());
        a.setAppointmentDate(input.appointmentDate());
        a.setPatientRef(blankToNull(input.patientRef()));
        String outcome = blankToNull(input.outcomeText());
        OutcomeClassification c = outcomes.classifier().classify(outcome);
        if (c == null) a.setOutcome(null, null, null);
        else a.setOutcome(outcome.strip(), c.category(), c.source());
        stamper.stamp(a, actor.name());
    }

    private void ensureDoctor(EntityManager em, String doctorId) {
        if (em.find(Doctor.class, doctorId) == null) em.persist(new Doctor(doctorId, stamper.now()));
    }

    private static Appointment load(EntityManager em, UUID id) {
        Appointment a = em.find(Appointment.class, id);
        if (a == null || a.isDeleted()) throw new StoreException("Appointment " + id + " does not exist or was deleted.");
        return a;
    }

    private static void validate(AppointmentInput input) {
        List<AppointmentInput.Problem> problems = input.check();
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
    }

    private static InvalidInputException missing(String field) {
        return new InvalidInputException(List.of(AppointmentInput.Problem.of(field, AppointmentInput.Reason.MISSING)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** What the status bar and the first-start check need, without reading every appointment. */
    public record Totals(long appointments, long doctors) {
    }

    public Totals totals() {
        long doctors = database.read(em -> em.createQuery("select count(d) from Doctor d", Long.class).getSingleResult());
        return new Totals(count(AppointmentQuery.ALL), doctors);
    }

    /** Counts for the status command; reads every appointment. */
    public record Counts(long appointments, long withOutcome, long unmappedOutcomes, long doctors) {
    }

    public Counts counts() {
        return database.read(em -> {
            List<Object[]> rows = new ArrayList<>(em.createQuery(
                    "select count(a), count(a.outcomeText), "
                            + "sum(case when a.outcomeText is not null and a.outcomeCategory is null then 1 else 0 end) "
                            + "from Appointment a where a.deleted = false", Object[].class).getResultList());
            Object[] r = rows.get(0);
            long doctors = em.createQuery("select count(d) from Doctor d", Long.class).getSingleResult();
            return new Counts(num(r[0]), num(r[1]), num(r[2]), doctors);
        });
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
