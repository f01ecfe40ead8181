package com.outcomedesk.server.problems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * Logs unexpected failures under incident ids. A failure like one logged in the last minute (same exception types
 * and the same place it was thrown) gets a one-line entry naming that first incident instead of another stack trace:
 * a dead store under load fails every request alike, and a trace each filled gigabytes of log in minutes.
 */
final class Incidents {
    private static final Duration SAME_FOR = Duration.ofMinutes(1);
    private static final int REMEMBERED = 64;

    private final Logger log;
    private final Clock clock;
    private final Map<String, First> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, First> eldest) {
            return size() > REMEMBERED;
        }
    };

    Incidents(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    private record First(String id, Instant at) {
    }

    /** Logs the failure and answers the id the client is given. */
    String log(Throwable e) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String signature = signature(e);
        Instant now = clock.instant();
        First first;
        synchronized (recent) {
            first = recent.get(signature);
            if (first == null || first.at().plus(SAME_FOR).isBefore(now)) {
                recent.put(signature, new First(id, now));
                first = null;
            }
        }
        if (first == null) log.error("incident {}", id, e);
        else log.error("incident {}: {} again, as in incident {}", id, e.getClass().getSimpleName(), first.id());
        return id;
    }

    /** The exception types down the cause chain and where the deepest was thrown; messages may hold values, so not them. */
    static String signature(Throwable e) {
        StringBuilder s = new StringBuilder();
        Throwable deepest = e;
        for (Throwable t = e; t != null && s.length() < 2_000; t = t.getCause()) {
            s.append(t.getClass().getName()).append('<');
            deepest = t;
        }
        StackTraceElement[] at = deepest.getStackTrace();
        if (at.length > 0) s.append(at[0]);
        return s.toString();
    }
}
