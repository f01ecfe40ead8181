package com.outcomedesk.ui.sync;

import com.outcomedesk.common.Actor;
import com.outcomedesk.sync.QuarantineEntry;
import com.outcomedesk.sync.SyncService;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.FailureSentences;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Records sync holds back (text breaking the rules, from an old store or another site, or refused by the server),
 * shown beside the conflicts, with Repair for an administrator: the engine repairs the text as an audited edit
 * that the next sync sends.
 */
public final class QuarantineViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** One held-back record as the list shows it. */
    public record Row(QuarantineEntry entry, String record, String field, String reason, String found) {
    }

    private final SyncService sync;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Runnable afterRepair;
    private final ObservableList<Row> entries = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding canRepair;
    private final BooleanBinding canRepairAll;

    /** @param afterRepair reloads the other screens once a repair changed records */
    public QuarantineViewModel(SyncService sync, Supplier<Actor> actor, Background background, Runnable afterRepair) {
        this.sync = sync;
        this.actor = actor;
        this.background = background;
        this.afterRepair = afterRepair;
        canRepair = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().entry().field() != null
                && selected.get().entry().entity().equals("appointment")
                && actor.get().isAdministrator() && !busy.get(), selected, busy);
        canRepairAll = Bindings.createBooleanBinding(() -> !entries.isEmpty() && actor.get().isAdministrator()
                && !busy.get(), entries, busy);
    }

    public void refresh() {
        reload(null);
    }

    private void reload(String done) {
        background.load(progress -> sync.quarantine(), list -> {
            List<Row> rows = list.stream().map(QuarantineViewModel::row).toList();
            String keep = selected.get() == null ? null : selected.get().entry().entityId();
            entries.setAll(rows);
            selected.set(rows.stream().filter(r -> r.entry().entityId().equals(keep)).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.get(0)));
            message.set(done != null ? done : rows.isEmpty() ? "" : String.format("%,d record%s held back by sync. %s",
                    rows.size(), rows.size() == 1 ? "" : "s", actor.get().isAdministrator()
                            ? "Repair replaces broken characters and removes control characters; or edit the record."
                            : "An administrator can repair them."));
        }, this::fail);
    }

    /** Repairs the chosen record's text. */
    public void repair() {
        Row row = selected.get();
        if (row == null) return;
        busy.set(true);
        background.run("Repairing " + row.record(), progress -> sync.repair(row.entry().entityId(), actor.get()),
                repaired -> {
                    busy.set(false);
                    reload(repaired ? "Repaired " + row.record() + "; the next sync sends it."
                            : "The text of " + row.record() + " keeps the rules, so there is nothing to repair: the "
                            + "server refused it. The next sync tries again; edit it if the server keeps refusing it.");
                    if (repaired) afterRepair.run();
                }, this::fail);
    }

    /** Repairs every held-back record whose text can be repaired. */
    public void repairAll() {
        busy.set(true);
        background.run("Repairing held-back records", progress -> sync.repairAll(actor.get()), n -> {
            busy.set(false);
            reload(String.format("Repaired %,d record%s; the next sync sends %s.", n, n == 1 ? "" : "s",
                    n == 1 ? "it" : "them"));
            if (n > 0) afterRepair.run();
        }, this::fail);
    }

    private static Row row(QuarantineEntry e) {
        String record = e.entity().equals("appointment")
                ? "appointment " + e.entityId().substring(0, Math.min(8, e.entityId().length()))
                : e.entity().replace('_', ' ') + " (" + e.field() + ")";
        String field = e.field() == null ? "(whole record)" : e.field().replace('_', ' ');
        String reason = e.reason() + (e.direction().equals("pull") ? " (as received from the server)" : "");
        return new Row(e, record, field, reason, e.detectedAt() == null ? "" : WHEN.format(e.detectedAt()));
    }

    private void fail(Throwable failure) {
        busy.set(false);
        message.set(FailureSentences.describe(failure));
    }

    public ObservableList<Row> entries() { return entries; }
    public ObjectProperty<Row> selectedProperty() { return selected; }
    public BooleanBinding canRepairProperty() { return canRepair; }
    public BooleanBinding canRepairAllProperty() { return canRepairAll; }
    public ReadOnlyStringProperty messageProperty() { return message; }
}
