package com.outcomedesk.history;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.store.PatientVisits;
import java.util.UUID;

/**
 * Every dated appointment's patient history, computed in one pass over the store in patient and date order (no query per
 * appointment) and kept by appointment id in an open-addressing table of primitive arrays: 24 bytes a slot, so a million
 * appointments take about 50 MB. Appointments not in it (no patient reference, no date) have {@link PatientHistory#NONE}.
 */
public final class PatientHistoryTable {
    private static final OutcomeCategory[] CATEGORIES = OutcomeCategory.values();
    private long[] high = new long[1 << 10], low = new long[1 << 10], packed = new long[1 << 10];
    private int size;
    private long withEarlier;

    private PatientHistoryTable() {
    }

    /** Reads the store's appointments once, in patient and date order. */
    public static PatientHistoryTable load(PatientVisits visits) {
        return of(visits::forEachInPatientOrder);
    }

    /** Appointments in patient and date order (any order within a day), each handed to the sink once. */
    @FunctionalInterface
    public interface VisitStream {
        void forEach(PatientVisits.VisitSink sink);
    }

    /** The histories of a stream of appointments in patient and date order. */
    public static PatientHistoryTable of(VisitStream visits) {
        PatientHistoryTable table = new PatientHistoryTable();
        String[] patient = {null};
        PatientTimeline[] timeline = {null};
        visits.forEach((id, patientRef, date, category) -> {
            if (!patientRef.equals(patient[0])) {
                patient[0] = patientRef;
                timeline[0] = new PatientTimeline();
            }
            table.put(id, timeline[0].next(date, category));
        });
        return table;
    }

    /** The appointment's history; {@link PatientHistory#NONE} for one without a patient reference or date. */
    public PatientHistory of(UUID id) {
        int slot = slot(id.getMostSignificantBits(), id.getLeastSignificantBits());
        return packed[slot] == 0 ? PatientHistory.NONE : unpack(packed[slot]);
    }

    /** How many appointments have earlier appointments of the same patient. */
    public long withEarlier() {
        return withEarlier;
    }

    public int size() {
        return size;
    }

    private void put(UUID id, PatientHistory history) {
        if (2 * (size + 1) > packed.length) grow();
        long h = id.getMostSignificantBits(), l = id.getLeastSignificantBits();
        int slot = slot(h, l);
        if (packed[slot] == 0) size++;
        high[slot] = h;
        low[slot] = l;
        packed[slot] = pack(history);
        if (history.state() == PatientHistory.State.EARLIER) withEarlier++;
    }

    /** The slot holding the id, or the empty slot where it would go (linear probing; a used slot's value is never 0). */
    private int slot(long h, long l) {
        int mask = packed.length - 1;
        long x = h * 0x9E3779B97F4A7C15L ^ l;
        x ^= x >>> 31;
        int i = (int) x & mask;
        while (packed[i] != 0 && (high[i] != h || low[i] != l)) i = (i + 1) & mask;
        return i;
    }

    private void grow() {
        long[] oldHigh = high, oldLow = low, oldPacked = packed;
        high = new long[oldPacked.length * 2];
        low = new long[high.length];
        packed = new long[high.length];
        for (int i = 0; i < oldPacked.length; i++) {
            if (oldPacked[i] == 0) continue;
            int slot = slot(oldHigh[i], oldLow[i]);
            high[slot] = oldHigh[i];
            low[slot] = oldLow[i];
            packed[slot] = oldPacked[i];
        }
    }

    /** state+1 (2 bits, never 0) | earlier, known, worse (12 bits each) | days+1 (17 bits) | last ordinal+1 (3 bits). */
    static long pack(PatientHistory p) {
        return (p.state().ordinal() + 1L) | (long) p.earlier() << 2 | (long) p.known() << 14 | (long) p.worse() << 26
                | (long) (p.daysSincePrevious() + 1) << 38 | (long) (p.last() == null ? 0 : p.last().ordinal() + 1) << 55;
    }

    static PatientHistory unpack(long v) {
        int last = (int) (v >>> 55 & 7);
        return new PatientHistory(PatientHistory.State.values()[(int) (v & 3) - 1], (int) (v >>> 2 & 0xFFF), (int) (v >>> 38 & 0x1FFFF) - 1,
                (int) (v >>> 14 & 0xFFF), (int) (v >>> 26 & 0xFFF), last == 0 ? null : CATEGORIES[last - 1]);
    }
}
