package com.outcomedesk.ui.sync;

import com.outcomedesk.common.Actor;
import com.outcomedesk.sync.ConflictService;
import com.outcomedesk.sync.ConflictView;
import com.outcomedesk.sync.SyncService;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.FailureSentences;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
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
 * Sync conflicts: two sites changed the same record; one version is in use, the other was kept aside. This
 * lists them, shows both versions field by field, and lets an administrator keep the version in use
 * (confirm) or use the other one (swap). The engine records each decision in the audit trail.
 */
public final class ConflictsViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    /** The fields people compare, in reading order, with their names in words. */
    private static final Map<String, String> APPOINTMENT_FIELDS = named("doctor_id", "Doctor", "patient_ref",
            "Patient reference", "appointment_date", "Date", "summary", "Summary", "outcome_text", "Outcome",
            "outcome_category", "Outcome category", "deleted", "Deleted", "updated_by", "Changed by", "updated_at",
            "Changed at", "site_id", "Site");
    private static final Map<String, String> MAPPING_FIELDS = named("outcome_text", "Outcome sentence", "category",
            "Category", "source", "Source", "created_by", "Mapped by", "created_at", "Mapped at");

    /** One conflict as the list shows it. */
    public record Row(ConflictView conflict, String record, String status, String detected, String sites) {
    }

    /** One field of the record: the version in use beside the kept one. */
    public record Field(String name, String inUse, String kept, boolean differs) {
    }

    private final SyncService sync;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Runnable afterDecision;
    private final ObservableList<Row> conflicts = FXCollections.observableArrayList();
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final BooleanProperty showResolved = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty decisionHint = new SimpleStringProperty("");
    private final BooleanBinding canConfirm;
    private final BooleanBinding canSwap;

    /** @param afterDecision reloads the other screens once a decision changed a record */
    public ConflictsViewModel(SyncService sync, Supplier<Actor> actor, Background background, Runnable afterDecision) {
        this.sync = sync;
        this.actor = actor;
        this.background = background;
        this.afterDecision = afterDecision;
        canConfirm = Bindings.createBooleanBinding(() -> decidable(selected.get()) && !busy.get(), selected, busy);
        canSwap = Bindings.createBooleanBinding(() -> decidable(selected.get()) && !busy.get()
                && !isModel(selected.get()), selected, busy);
        selected.addListener((o, was, row) -> compare(row));
        showResolved.addListener(o -> refresh());
    }

    private boolean decidable(Row row) {
        return row != null && actor.get().isAdministrator() && row.conflict().status().equals("open");
    }

    private static boolean isModel(Row row) {
        return row != null && !row.conflict().entity().equals("appointment") && !row.conflict().entity().equals("outcome_mapping");
    }

    /** Reads the conflicts (open ones, or all with {@link #showResolvedProperty()}). */
    public void refresh() {
        reload(null);
    }

    /** @param done what a decision did, shown instead of the count once the list is read again */
    private void reload(String done) {
        UUID keep = selected.get() == null ? null : selected.get().conflict().id();
        boolean all = showResolved.get();
        background.load(progress -> sync.conflicts(all), list -> {
            List<Row> rows = list.stream().map(ConflictsViewModel::row).toList();
            conflicts.setAll(rows);
            selected.set(rows.stream().filter(r -> r.conflict().id().equals(keep)).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.get(0)));
            if (selected.get() == null) fields.clear();
            message.set(done != null ? done : rows.isEmpty() ? (all ? "There are no sync conflicts." : "There are no open sync conflicts.")
                    : String.format("%,d %sconflict%s.", rows.size(), all ? "" : "open ", rows.size() == 1 ? "" : "s"));
        }, this::fail);
    }

    /** Keeps the version in use and closes the conflict. */
    public void keepInUse() {
        decide(ConflictService.Decision.CONFIRM, "Kept the version in use");
    }

    /** Puts the kept version in use everywhere (at the next sync) and keeps the replaced one instead. */
    public void useOther() {
        decide(ConflictService.Decision.SWAP, "Now using the other version");
    }

    private void decide(ConflictService.Decision decision, String done) {
        Row row = selected.get();
        if (row == null) return;
        busy.set(true);
        background.run("Resolving the conflict", progress -> sync.resolve(row.conflict().id(), decision, actor.get()),
                resolved -> {
                    busy.set(false);
                    reload(done + " of " + row.record() + ".");
                    afterDecision.run();
                }, this::fail);
    }

    private void compare(Row row) {
        fields.clear();
        if (row == null) {
            decisionHint.set("");
            return;
        }
        decisionHint.set(hint(row));
        background.load(progress -> sync.inUse(row.conflict()), inUse -> {
            if (row.equals(selected.get())) fields.setAll(fields(row.conflict(), inUse));
        }, this::fail);
    }

    private String hint(Row row) {
        if (!actor.get().isAdministrator()) return "Only an administrator can decide a conflict.";
        if (!row.conflict().status().equals("open")) {
            return "Decided: " + row.status() + (row.conflict().resolvedBy() == null ? "" : " by " + row.conflict().resolvedBy()
                    + (row.conflict().resolvedAt() == null ? "" : " on " + WHEN.format(row.conflict().resolvedAt()))) + ".";
        }
        if (isModel(row)) return "Two sites numbered a model version alike; the model stays at the site that trained it. "
                + "Keep this version once noted.";
        return "Keep this version leaves the record as it is; Use the other version puts the kept one in use at every site.";
    }

    static List<Field> fields(ConflictView conflict, Map<String, Object> inUse) {
        Map<String, String> names = switch (conflict.entity()) {
            case "appointment" -> APPOINTMENT_FIELDS;
            case "outcome_mapping" -> MAPPING_FIELDS;
            default -> null;
        };
        List<Field> rows = new ArrayList<>();
        if (names == null) {
            conflict.kept().forEach((k, v) -> rows.add(new Field(k, "", text(k, v), false)));
            return rows;
        }
        names.forEach((column, name) -> {
            String current = inUse.isEmpty() ? "(record not found here)" : text(column, inUse.get(column));
            String kept = text(column, conflict.kept().get(column));
            rows.add(new Field(name, current, kept, !Objects.equals(current, kept) && !inUse.isEmpty()));
        });
        return rows;
    }

    private static String text(String column, Object value) {
        if (value == null) return "";
        if (column.endsWith("_at")) {
            try {
                return WHEN.format(OffsetDateTime.parse(value.toString()));
            } catch (java.time.format.DateTimeParseException e) {
                return value.toString();
            }
        }
        if (value instanceof Boolean b) return b ? "yes" : "no";
        return value.toString();
    }

    private static Row row(ConflictView c) {
        String record = switch (c.entity()) {
            case "appointment" -> "appointment " + c.entityId().substring(0, Math.min(8, c.entityId().length()));
            case "outcome_mapping" -> "outcome mapping \"" + c.entityId() + "\"";
            default -> c.entity().replace('_', ' ') + " " + c.entityId();
        };
        String status = switch (c.status()) {
            case "open" -> "open";
            case "confirmed" -> "kept the version in use";
            case "swapped" -> "used the other version";
            default -> c.status();
        };
        return new Row(c, record, status, c.detectedAt() == null ? "" : WHEN.format(c.detectedAt()),
                "in use from " + c.winnerSite() + ", kept from " + c.loserSite());
    }

    private void fail(Throwable failure) {
        busy.set(false);
        message.set(FailureSentences.describe(failure));
    }

    private static Map<String, String> named(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return map;
    }

    public ObservableList<Row> conflicts() { return conflicts; }
    public ObservableList<Field> fields() { return fields; }
    public ObjectProperty<Row> selectedProperty() { return selected; }
    public BooleanProperty showResolvedProperty() { return showResolved; }
    public BooleanBinding canConfirmProperty() { return canConfirm; }
    public BooleanBinding canSwapProperty() { return canSwap; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    /** What the buttons do for the chosen conflict, or why they are off. */
    public ReadOnlyStringProperty decisionHintProperty() { return decisionHint; }
}
