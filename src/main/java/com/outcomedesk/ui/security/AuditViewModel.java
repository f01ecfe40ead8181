package com.outcomedesk.ui.security;

import com.outcomedesk.audit.AuditEntry;
import com.outcomedesk.audit.AuditLog;
import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.common.Actor;
import java.nio.file.Path;
import com.outcomedesk.ui.support.DateStyle;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The administrator's audit view: filter, browse, check the hash chain and export. */
public final class AuditViewModel {
    static final int PAGE = 1_000;
    private final AuditLog log;
    private final Actor actor;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** When an entry happened, in this computer's time zone: the date in the app's date style, then the time. */
    public static String when(OffsetDateTime t, DateStyle style) {
        var when = t.atZoneSameInstant(ZoneId.systemDefault());
        return style.format(when.toLocalDate()) + " " + when.format(TIME);
    }

    /** The record an entry is about: its kind and id, either left out when unknown. */
    public static String record(AuditEntry e) {
        return (e.entity() == null ? "" : e.entity() + " ") + (e.entityId() == null ? "" : e.entityId());
    }

    /** Where and in which order the entry was written: the site and its sequence number. */
    public static String origin(AuditEntry e) {
        return e.site() + " / " + e.seq();
    }

    public AuditViewModel(AuditLog log, Actor actor) {
        this.log = log;
        this.actor = actor;
    }

    /** The newest entries matching the filters (at most 1,000; export for more). */
    public void refresh() {
        try {
            entries.setAll(log.list(query(PAGE), actor));
            message.set(entries.size() == PAGE ? "Showing the newest " + PAGE + " entries; narrow the filters or export."
                    : entries.size() + " entries.");
        } catch (RuntimeException e) {
            message.set(e.getMessage());
        }
    }

    public void verify() {
        try {
            AuditLog.Verification v = log.verify(actor);
            message.set(v.intact() ? "The audit trail is intact (" + v.checked() + " entries checked)." + scope(v)
                    : "The audit trail was altered: site " + v.firstBreak().site() + ", entry " + v.firstBreak().seq()
                    + " " + v.firstBreak().reason() + ".");
        } catch (RuntimeException e) {
            message.set(e.getMessage());
        }
    }

    /** What the check could prove: from which entry this site's links are keyed, and which sites it could not key. */
    private static String scope(AuditLog.Verification v) {
        StringBuilder text = new StringBuilder();
        for (AuditLog.Chain chain : v.chains()) {
            if (chain.check() == AuditLog.Check.GAPS_AND_LINKS_ONLY) {
                text.append(" Entries of site ").append(chain.site()).append(" are checked for gaps only (keyed by that site).");
            } else if (chain.plainEntries() > 0) {
                text.append(" This site's entries 1 to ").append(chain.plainEntries()).append(" are legacy (plain links);"
                        + " from entry ").append(chain.keyedFrom()).append(" on an edit without the store's audit key is detected.");
            } else {
                text.append(" Every link of this site is keyed: an edit without the store's audit key is detected.");
            }
        }
        return text.append(" Deleting the newest entries shows only against a signed checkpoint"
                + " (audit checkpoint on the command line).").toString();
    }

    /** Writes every entry matching the filters to the file (CSV when it ends in .csv, else JSON). */
    public void export(Path file) {
        try {
            int n = log.export(file, query(Integer.MAX_VALUE), actor);
            message.set("Exported " + n + " entries to " + file + ".");
        } catch (RuntimeException e) {
            message.set(e.getMessage());
        }
    }

    private AuditQuery query(int limit) {
        return new AuditQuery(blankToNull(user.get()), blankToNull(action.get()), null, null,
                from.get() == null ? null : from.get().atStartOfDay().atOffset(ZoneOffset.UTC),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public ObservableList<AuditEntry> entries() { return entries; }
    public StringProperty userProperty() { return user; }
    public StringProperty actionProperty() { return action; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public StringProperty messageProperty() { return message; }
}
