package com.outcomedesk.bench;

import com.outcomedesk.history.PatientHistoryTable;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.PatientVisits;
import com.outcomedesk.store.StoreLocation;
import java.nio.file.Path;

/**
 * Times the patient-history pass over a store (what training and batch prediction add): opening it (the first open of
 * an older store builds the V66 index), then one sorted pass over every dated appointment with a patient reference.
 * Run: {@code java -Xmx1g -cp target/test-classes:target/outcome-desk.jar com.outcomedesk.bench.PatientHistoryPassProbe HOME}.
 */
public final class PatientHistoryPassProbe {
    private PatientHistoryPassProbe() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        try (Database database = Database.open(StoreLocation.of(Path.of(args[0]), null))) {
            long opened = System.nanoTime();
            for (int run = 1; run <= 2; run++) {
                long t0 = System.nanoTime();
                PatientHistoryTable table = PatientHistoryTable.load(new PatientVisits(database));
                long t1 = System.nanoTime();
                Runtime r = Runtime.getRuntime();
                System.out.printf("open %.1f s; pass %d: %,d appointments, %,d with earlier ones, %.2f s, heap used %d MB%n",
                        (opened - start) / 1e9, run, table.size(), table.withEarlier(), (t1 - t0) / 1e9,
                        (r.totalMemory() - r.freeMemory()) >> 20);
            }
        }
    }
}
