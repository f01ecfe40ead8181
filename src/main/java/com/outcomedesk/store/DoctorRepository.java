package com.outcomedesk.store;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/** The doctors the appointments name: added on first mention, listed for autocompletion, counted. */
public final class DoctorRepository {
    private final Database database;

    public DoctorRepository(Database database) {
        this.database = database;
    }

    /** Known doctor ids starting with the prefix (any case), in id order. */
    public List<String> idsStartingWith(String prefix, int limit) {
        return database.read(em -> em.createQuery(
                        "select d.doctorId from Doctor d where lower(d.doctorId) like :p order by d.doctorId", String.class)
                .setParameter("p", (prefix == null ? "" : prefix.toLowerCase(Locale.ROOT)) + "%")
                .setMaxResults(limit).getResultList());
    }

    public long count() {
        return database.jdbi(h -> h.createQuery("SELECT COUNT(*) FROM doctors").mapTo(Long.class).one());
    }

    /** Inside the caller's transaction: adds the doctor unless it is there. */
    static void ensure(EntityManager em, String doctorId, OffsetDateTime now) {
        if (em.find(Doctor.class, doctorId) == null) em.persist(new Doctor(doctorId, now));
    }
}
