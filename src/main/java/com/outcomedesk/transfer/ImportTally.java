package com.outcomedesk.transfer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Counts what an import does to each record, keeping the first {@link ImportReport#MAX_LISTED} of each list. */
final class ImportTally {
    private long imported;
    private long skipped;
    private long outcomesAdded;
    private final List<ImportReport.Conflict> conflicting = new ArrayList<>();
    private long conflictingTotal;
    private final List<ImportReport.Rejection> rejected = new ArrayList<>();
    private long rejectedTotal;
    private long trimmedIds;
    private long firstTrimmedId;

    void imported(long records) {
        imported += records;
    }

    void outcomesAdded(long records) {
        outcomesAdded += records;
    }

    /** Records meant to fill an outcome whose row gained one (or was deleted) meanwhile: left as stored. */
    void skippedLate(long records) {
        skipped += records;
    }

    void reject(long position, String reason) {
        if (rejected.size() < ImportReport.MAX_LISTED) rejected.add(new ImportReport.Rejection(position, reason));
        rejectedTotal++;
    }

    /** A record whose key is already stored or earlier in the file: skipped when identical, else a conflict. */
    void duplicate(long position, List<String> differingFields) {
        if (differingFields.isEmpty()) {
            skipped++;
            return;
        }
        if (conflicting.size() < ImportReport.MAX_LISTED) conflicting.add(new ImportReport.Conflict(position, differingFields));
        conflictingTotal++;
    }

    void idTrimmed(long position) {
        if (trimmedIds++ == 0) firstTrimmedId = position;
    }

    long rejectedTotal() {
        return rejectedTotal;
    }

    ImportReport report(Set<String> unknownKeys) {
        List<String> warnings = new ArrayList<>();
        unknownKeys.forEach(k -> warnings.add("Ignored unknown field '" + k + "'"));
        if (trimmedIds > 0) {
            warnings.add(String.format("Removed spaces around the id of %,d records (the first is record %d); "
                    + "ids are compared without them", trimmedIds, firstTrimmedId));
        }
        // Records the database refused are found when their batch is stored, after later rejections were listed.
        rejected.sort(Comparator.comparingLong(ImportReport.Rejection::position));
        return new ImportReport(imported, skipped, outcomesAdded, List.copyOf(conflicting), conflictingTotal, List.copyOf(rejected),
                rejectedTotal, warnings);
    }
}
