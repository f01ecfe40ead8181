package com.outcomedesk.server.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.event.Level;
import org.slf4j.Marker;

class IncidentsTest {
    private final List<String> lines = new ArrayList<>();
    private final List<Throwable> traces = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aRepeatedFailureIsLoggedOnceWithItsTraceThenAsOneLineNamingTheFirstIncident() {
        Incidents incidents = new Incidents(new Recording(), new MovableClock());
        String first = incidents.log(storeDown());
        String second = incidents.log(storeDown());
        String other = incidents.log(new IllegalStateException("something else"));

        assertThat(first).isNotEqualTo(second);
        assertThat(traces).hasSize(2);
        assertThat(lines.get(1)).contains(second).contains("as in incident " + first);
        assertThat(lines.get(2)).contains(other);

        now = now.plus(Duration.ofMinutes(2));
        incidents.log(storeDown());
        assertThat(traces).as("after a minute the trace is logged again").hasSize(3);
    }

    private static RuntimeException storeDown() {
        return new RuntimeException("Database error", new java.sql.SQLException("closed"));
    }

    private final class MovableClock extends Clock {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Keeps what is logged, and the throwables logged with a trace. */
    private final class Recording extends AbstractLogger {
        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
            lines.add(org.slf4j.helpers.MessageFormatter.basicArrayFormat(pattern, args));
            if (t != null) traces.add(t);
        }

        @Override public boolean isTraceEnabled() { return true; }
        @Override public boolean isTraceEnabled(Marker m) { return true; }
        @Override public boolean isDebugEnabled() { return true; }
        @Override public boolean isDebugEnabled(Marker m) { return true; }
        @Override public boolean isInfoEnabled() { return true; }
        @Override public boolean isInfoEnabled(Marker m) { return true; }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public boolean isWarnEnabled(Marker m) { return true; }
        @Override public boolean isErrorEnabled() { return true; }
        @Override public boolean isErrorEnabled(Marker m) { return true; }
    }
}
