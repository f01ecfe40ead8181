package com.outcomedesk.appointments;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.outcome.OutcomeClassification;
import com.outcomedesk.store.Appointment;
import com.outcomedesk.store.AppointmentFilter;
import com.outcomedesk.store.AppointmentRepository;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.DoctorRepository;
import com.outcomedesk.store.StoreException;
import com.outcomedesk.store.StoredAppointment;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Creating, editing, finding and soft-deleting appointments, stamped for audit and sync. */
public final class AppointmentService {
    private final AppointmentRepository appointments;
    private final DoctorRepository doctors;
    private final OutcomeMappingService outcomes;
    private final ChangeStamper stamper;
    private final AuditTrail audit;

    public AppointmentService(Database database, OutcomeMappingService outcomes, ChangeStamper stamper, AuditTrail audit) {
        this.appointments = new AppointmentRepository(database);
        this.doctors = new DoctorRepository(database);
        this.outcomes = outcomes;
        this.stamper = stamper;
        this.audit = audit;
    }

    public StoredAppointment create(AppointmentInput entered, Actor actor) {
        AppointmentInput input = entered.normalised();
        validate(input);
        StoredAppointment created = appointments.edit(edits -> {
            Appointment appointment = new Appointment(UUID.randomUUID(), input.doctorId().strip(), input.summary().strip());
            apply(edits, appointment, input, actor);
            edits.add(appointment);
            return appointment;
        }).orElseThrow();
        audited(actor, "appointment-create", created);
        return created;
    }

    /** Saves an edit; fails with a clear message when someone else changed the row meanwhile. */
    public StoredAppointment update(UUID id, long expectedRowVersion, AppointmentInput entered, Actor actor) {
        AppointmentInput input = entered.normalised();
        validate(input);
        StoredAppointment updated = appointments.edit(edits -> {
            Appointment appointment = load(edits, id);
            if (appointment.getRowVersion() != expectedRowVersion) {
                throw new StaleEditException(appointment.getUpdatedBy(), appointment.getRowVersion());
            }
            appointment.setDoctorId(input.doctorId().strip());
            appointment.setSummary(input.summary().strip());
            apply(edits, appointment, input, actor);
            return appointment;
        }).orElseThrow();
        audited(actor, "appointment-update", updated);
        return updated;
    }

    /** Records the outcome once it is known, leaving the rest of the appointment as it is. */
    public StoredAppointment recordOutcome(UUID id, String outcomeText, Actor actor) {
        StoredAppointment updated = appointments.edit(edits -> {
            Appointment a = load(edits, id);
            AppointmentInput input = new AppointmentInput(a.getDoctorId(), a.getSummary(), a.getAppointmentDate(),
                    a.getPatientRef(), TextRule.MULTI_LINE.normalise(outcomeText));
            // Only the outcome is new: a row stored before today's rules (or from another site) still takes one.
            List<AppointmentInput.Problem> problems = input.check().stream()
                    .filter(p -> p.field().equals(AppointmentInput.OUTCOME)).toList();
            if (!problems.isEmpty()) throw new InvalidInputException(problems);
            apply(edits, a, input, actor);
            return a;
        }).orElseThrow();
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
        Optional<StoredAppointment> repaired = appointments.edit(edits -> {
            Appointment a = edits.find(id).orElseThrow(() -> new StoreException("Appointment " + id + " does not exist."));
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
            apply(edits, a, new AppointmentInput(doctor, summary, a.getAppointmentDate(), patient, outcome), actor);
            return a;
        });
        repaired.ifPresent(a -> audited(actor, "appointment-repair", a));
        return repaired.isPresent();
    }

    public void delete(UUID id, Actor actor) {
        StoredAppointment deleted = appointments.edit(edits -> {
            Appointment a = load(edits, id);
            a.setDeleted(true);
            stamper.stamp(a, actor.name());
            return a;
        }).orElseThrow();
        audited(actor, "appointment-delete", deleted);
    }

    /** Who changed which record; never the summary or patient reference. */
    private void audited(Actor actor, String action, StoredAppointment a) {
        audit.record(actor, action, "appointment", a.id().toString(), "version=" + a.rowVersion());
    }

    public Optional<StoredAppointment> find(UUID id) {
        return appointments.findLive(id);
    }

    /**
     * One page of appointments, newest first, from the given position. The skipped rows are walked on the
     * newest-first index alone (ids only), then the page's rows are read by id.
     */
    public List<StoredAppointment> page(AppointmentQuery query, int offset, int limit) {
        return page(query, AppointmentSort.NEWEST_FIRST, offset, limit);
    }

    /** One page in the given order; the skipped rows are walked on that order's index alone (ids only). */
    public List<StoredAppointment> page(AppointmentQuery query, AppointmentSort sort, int offset, int limit) {
        return appointments.page(query.filter(), sort.order(), offset, limit);
    }

    /** One page of appointments, newest first, beginning with the row at {@code start} (a {@link #pageStarts} entry). */
    public List<StoredAppointment> pageFrom(AppointmentQuery query, PageStart start, int limit) {
        return appointments.pageFrom(query.filter(), new AppointmentRepository.Position(start.createdAt(), start.id()),
                limit);
    }

    /**
     * Where each page of the newest-first list begins, in one pass over the index, so that any page can later be
     * read by seeking rather than by skipping all rows before it.
     */
    public List<PageStart> pageStarts(AppointmentQuery query, int pageSize) {
        return appointments.pageStarts(query.filter(), pageSize).stream()
                .map(p -> new PageStart(p.createdAt(), p.id())).toList();
    }

    /** Where a page of the newest-first list begins: its first row's creation time and id. */
    public record PageStart(OffsetDateTime createdAt, UUID id) {
    }

    public long count(AppointmentQuery query) {
        return appointments.count(query.filter());
    }

    /** Known doctor ids starting with the prefix, for autocompletion. */
    public List<String> doctorIds(String prefix, int limit) {
        return doctors.idsStartingWith(prefix, limit);
    }

    private void apply(AppointmentRepository.Edits edits, Appointment a, AppointmentInput input, Actor actor) {
        edits.ensureDoctor(a.getDoctorId(), stamper.now());
        a.setAppointmentDate(input.appointmentDate());
        a.setPatientRef(blankToNull(input.patientRef()));
        String outcome = blankToNull(input.outcomeText());
        OutcomeClassification c = outcomes.classifier().classify(outcome);
        if (c == null) a.setOutcome(null, null, null);
        else a.setOutcome(outcome.strip(), c.category(), c.source());
        stamper.stamp(a, actor.name());
    }

    private static Appointment load(AppointmentRepository.Edits edits, UUID id) {
        return edits.find(id).filter(a -> !a.isDeleted())
                .orElseThrow(() -> new NoSuchAppointmentException(id));
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
        return new Totals(count(AppointmentQuery.ALL), doctors.count());
    }

    /** Counts for the status command; reads every appointment. */
    public record Counts(long appointments, long withOutcome, long unmappedOutcomes, long doctors) {
    }

    public Counts counts() {
        AppointmentRepository.Tally tally = appointments.tally();
        return new Counts(tally.appointments(), tally.withOutcome(), tally.unmappedOutcomes(), doctors.count());
    }
}
