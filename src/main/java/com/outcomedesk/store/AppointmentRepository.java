package com.outcomedesk.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The appointments: edits through Hibernate (optimistic on row_version), pages read off the order's index, counts,
 * and the streaming read export needs. Callers get {@link StoredAppointment} records, never the entity, except inside
 * an {@link #edit} where they change it.
 */
public final class AppointmentRepository {
    private static final String COUNT_ALL = "SELECT (SELECT COUNT(*) FROM appointments) - "
            + "(SELECT COUNT(*) FROM appointments WHERE deleted = TRUE)";
    private static final String TALLY = "SELECT COUNT(*), COUNT(outcome_text), "
            + "COALESCE(SUM(CASE WHEN outcome_text IS NOT NULL AND outcome_category IS NULL THEN 1 ELSE 0 END), 0) "
            + "FROM appointments WHERE deleted = FALSE";
    private static final String EXPORT = """
            SELECT id, external_id, doctor_id, summary, outcome_text, patient_ref, appointment_date
            FROM appointments WHERE deleted = FALSE ORDER BY created_at, id""";

    private final Database database;

    public AppointmentRepository(Database database) {
        this.database = database;
    }

    /** What an edit may do inside its transaction. */
    public static final class Edits {
        private final EntityManager em;

        private Edits(EntityManager em) {
            this.em = em;
        }

        /** The appointment, deleted or not. */
        public Optional<Appointment> find(UUID id) {
            return Optional.ofNullable(em.find(Appointment.class, id));
        }

        public void add(Appointment appointment) {
            em.persist(appointment);
        }

        /** Adds the doctor to the doctors table unless it is there. */
        public void ensureDoctor(String doctorId, OffsetDateTime now) {
            DoctorRepository.ensure(em, doctorId, now);
        }
    }

    /**
     * Runs one edit in one transaction and returns the appointment it changed as committed (its new row version
     * included), or empty when the edit returned null (nothing to change). Rolls back on any failure.
     */
    public Optional<StoredAppointment> edit(Function<Edits, Appointment> work) {
        return Optional.ofNullable(database.inTransaction(em -> work.apply(new Edits(em)))).map(StoredAppointment::of);
    }

    public Optional<StoredAppointment> findLive(UUID id) {
        return database.read(em -> Optional.ofNullable(em.find(Appointment.class, id))
                .filter(a -> !a.isDeleted()).map(StoredAppointment::of));
    }

    /** One page in the given order; the skipped rows are walked on that order's index alone (ids only). */
    public List<StoredAppointment> page(AppointmentFilter filter, AppointmentOrder order, int offset, int limit) {
        return database.read(em -> byIds(em, typed(em, "select a.id from Appointment a", filter, UUID.class, order.orderBy())
                .setFirstResult(offset).setMaxResults(limit).getResultList()));
    }

    /** Where a page of the newest-first list begins: its first row's creation time and id. */
    public record Position(OffsetDateTime createdAt, UUID id) {
    }

    /** One page of the newest-first list, beginning with the row at {@code start} (a {@link #pageStarts} entry). */
    public List<StoredAppointment> pageFrom(AppointmentFilter filter, Position start, int limit) {
        return database.read(em -> {
            // The plain <= lets the index seek to the start; the OR then drops the same-instant rows before it.
            TypedQuery<UUID> q = typed(em, "select a.id from Appointment a", filter, UUID.class,
                    " and a.createdAt <= :at and (a.createdAt < :at or a.id <= :id)"
                            + AppointmentOrder.NEWEST_FIRST.orderBy());
            q.setParameter("at", start.createdAt()).setParameter("id", start.id());
            return byIds(em, q.setMaxResults(limit).getResultList());
        });
    }

    /** Where each page of the newest-first list begins, in one pass over the index. */
    public List<Position> pageStarts(AppointmentFilter filter, int pageSize) {
        return database.read(em -> {
            List<Position> starts = new ArrayList<>();
            long[] n = {0};
            typed(em, "select a.createdAt, a.id from Appointment a", filter, Object[].class,
                    AppointmentOrder.NEWEST_FIRST.orderBy())
                    .setHint("org.hibernate.fetchSize", 1_000).getResultStream().forEach(r -> {
                        if (n[0]++ % pageSize == 0) starts.add(new Position((OffsetDateTime) r[0], (UUID) r[1]));
                    });
            return starts;
        });
    }

    public long count(AppointmentFilter filter) {
        if (filter.equals(AppointmentFilter.NONE)) {
            // Every row less the few deleted ones: H2 knows a table's row count without reading it.
            return database.jdbi(h -> h.createQuery(COUNT_ALL).mapTo(Long.class).one());
        }
        return database.read(em -> typed(em, "select count(a) from Appointment a", filter, Long.class, "")
                .getSingleResult());
    }

    /** Live appointments, those with an outcome, and those whose outcome no mapping or rule covers. */
    public record Tally(long appointments, long withOutcome, long unmappedOutcomes) {
    }

    /** Reads every live appointment. */
    public Tally tally() {
        // In SQL rather than HQL: `status` needs nothing else of Hibernate, whose start would be most of its time.
        return database.jdbi(h -> h.createQuery(TALLY).map((rs, ctx) -> new Tally(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .one());
    }

    /** The fields a file carries of one appointment. */
    public record Content(UUID id, String externalId, String doctorId, String summary, String outcomeText,
                          String patientRef, LocalDate appointmentDate) {
    }

    /** Takes one row of a streaming read; may fail writing it elsewhere. */
    @FunctionalInterface
    public interface ContentSink {
        void accept(Content row) throws IOException;
    }

    /**
     * Hands every live appointment to the sink, oldest first, streaming in batches of 1,000 rows (never the whole
     * table in memory). Returns how many it handed over; a failing sink stops the read as a {@link StoreException}.
     */
    public long streamLive(ContentSink sink) {
        return database.streaming(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(EXPORT)) {
                ps.setFetchSize(1_000);
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        java.sql.Date date = rs.getDate("appointment_date");
                        sink.accept(new Content(rs.getObject("id", UUID.class), rs.getString("external_id"),
                                rs.getString("doctor_id"), rs.getString("summary"), rs.getString("outcome_text"),
                                rs.getString("patient_ref"), date == null ? null : date.toLocalDate()));
                        n++;
                    }
                } catch (IOException e) {
                    throw new SQLException("writing failed: " + e.getMessage(), e);
                }
                return n;
            }
        });
    }

    private static List<StoredAppointment> byIds(EntityManager em, List<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        Map<UUID, Appointment> found = new HashMap<>();
        for (Appointment a : em.createQuery("select a from Appointment a where a.id in :ids", Appointment.class)
                .setParameter("ids", ids).getResultList()) found.put(a.getId(), a);
        List<StoredAppointment> page = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Appointment a = found.get(id);
            if (a != null) page.add(StoredAppointment.of(a)); // deleted between the two reads
        }
        return page;
    }

    private static <T> TypedQuery<T> typed(EntityManager em, String select, AppointmentFilter filter, Class<T> type,
                                           String order) {
        StringBuilder jpql = new StringBuilder(select).append(" where a.deleted = false");
        Map<String, Object> params = new HashMap<>();
        if (filter.doctorId() != null && !filter.doctorId().isBlank()) {
            jpql.append(" and a.doctorId = :doctor");
            params.put("doctor", filter.doctorId().strip());
        }
        if (filter.outcomeKnown() != null) {
            jpql.append(filter.outcomeKnown() ? " and a.outcomeText is not null" : " and a.outcomeText is null");
        }
        if (filter.category() != null) {
            jpql.append(" and a.outcomeCategory = :category");
            params.put("category", filter.category());
        }
        if (filter.from() != null) {
            jpql.append(" and a.appointmentDate >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            jpql.append(" and a.appointmentDate <= :to");
            params.put("to", filter.to());
        }
        if (filter.patientRef() != null && !filter.patientRef().isBlank()) {
            // From the start of the reference, so the patient index finds the rows.
            jpql.append(" and a.patientRef like :patient escape '!'");
            params.put("patient", filter.patientRef().strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            jpql.append(" and lower(a.summary) like :text");
            params.put("text", "%" + filter.text().strip().toLowerCase(Locale.ROOT) + "%");
        }
        TypedQuery<T> q = em.createQuery(jpql + order, type);
        params.forEach(q::setParameter);
        return q;
    }
}
