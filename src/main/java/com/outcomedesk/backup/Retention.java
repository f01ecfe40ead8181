package com.outcomedesk.backup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which scheduled backups to delete: all but the newest N and the newest of each of the last M ISO weeks. */
final class Retention {
    record Kept(String name, OffsetDateTime at) {
    }

    private Retention() {
    }

    static List<Kept> toDelete(List<Kept> backups, int keepLast, int keepWeeks, OffsetDateTime now) {
        List<Kept> newestFirst = new ArrayList<>(backups);
        newestFirst.sort(Comparator.comparing(Kept::at).reversed());
        Set<Kept> keep = new HashSet<>(newestFirst.subList(0, Math.min(keepLast, newestFirst.size())));
        LocalDate oldestWeek = now.toLocalDate().minusWeeks(keepWeeks);
        Set<String> weeksSeen = new HashSet<>();
        for (Kept b : newestFirst) {
            if (b.at().toLocalDate().isBefore(oldestWeek)) continue;
            String week = b.at().get(IsoFields.WEEK_BASED_YEAR) + "-" + b.at().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (keepWeeks > 0 && weeksSeen.add(week)) keep.add(b);
        }
        return newestFirst.stream().filter(b -> !keep.contains(b)).toList();
    }
}
