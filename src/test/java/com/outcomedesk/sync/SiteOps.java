package com.outcomedesk.sync;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoredAppointment;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Random local work on a site: creating, editing, deleting appointments, predictions and audit entries. */
final class SiteOps {
    private SiteOps() {
    }

    static void randomWork(Engine site, Random random, int steps) {
        for (int i = 0; i < steps; i++) {
            List<StoredAppointment> all = site.appointments().page(
                    com.outcomedesk.appointments.AppointmentQuery.ALL, 0, 500);
            int op = random.nextInt(10);
            if (all.isEmpty() || op < 4) {
                SyncFixture.create(site, "dr-" + random.nextInt(5), "Summary of visit " + random.nextInt(1_000_000));
            } else if (op < 7) {
                StoredAppointment a = all.get(random.nextInt(all.size()));
                site.appointments().update(a.id(), a.rowVersion(), new AppointmentInput(a.doctorId(),
                        "Edited summary of visit " + random.nextInt(1_000_000), a.appointmentDate(), a.patientRef(),
                        random.nextBoolean() ? "Patient recovered fully." : null), SyncFixture.ADMIN);
            } else if (op < 8) {
                site.appointments().delete(all.get(random.nextInt(all.size())).id(), SyncFixture.ADMIN);
            } else if (op < 9) {
                predict(site, all.get(random.nextInt(all.size())).id(), random.nextDouble());
            } else {
                site.audit().record(SyncFixture.ADMIN, "test.op", "appointment", "n" + random.nextInt(100), null);
            }
        }
    }

    static void predict(Engine site, UUID appointment, double p) {
        site.database().withConnection(c -> {
            try (var ps = c.prepareStatement("INSERT INTO predictions (id, appointment_id, doctor_id, answered_by, "
                    + "label, probability, created_at, created_by, site_id) VALUES (?, ?, 'dr-0', 'test', ?, ?, ?, 'admin', ?)")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, appointment);
                ps.setString(3, p < 0.5 ? "better" : "worse");
                ps.setDouble(4, p);
                ps.setObject(5, OffsetDateTime.now());
                ps.setString(6, site.stamper().siteId());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
