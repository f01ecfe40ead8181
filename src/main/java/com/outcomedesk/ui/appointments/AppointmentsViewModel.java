package com.outcomedesk.ui.appointments;

import com.outcomedesk.appointments.AppointmentQuery;
import com.outcomedesk.appointments.AppointmentService;
import com.outcomedesk.appointments.AppointmentSort;
import com.outcomedesk.appointments.OutcomeMappingService;
import com.outcomedesk.learn.PredictionService;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.StoredOutcomeMapping;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.CancelledException;
import com.outcomedesk.ui.support.DateStyle;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.FailureSentences;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The appointments screen: filters, the lazily paged rows, and the actions on the selected row. Each
 * reload counts the matching rows first and then lets the table fetch the pages it shows.
 */
public final class AppointmentsViewModel {
    private static final int SUGGESTIONS = 12;
    /** What a row's cells say while its page is still being read. */
    public static final String LOADING = "Loading...";
    private static final String CATEGORY_STYLE = "category-";
    /** The store order each sortable column's header asks for, by the column's fx:id. */
    private static final Map<String, AppointmentSort.Key> SORT_KEYS = Map.of("dateColumn", AppointmentSort.Key.DATE,
            "doctorColumn", AppointmentSort.Key.DOCTOR, "patientColumn", AppointmentSort.Key.PATIENT,
            "categoryColumn", AppointmentSort.Key.CATEGORY);

    private final AppointmentService service;
    private final OutcomeMappingService outcomes;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Dialogs dialogs;
    private final StoreCounts counts;
    private final PredictionService predictions;

    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty doctor = new SimpleStringProperty("");
    private final StringProperty patient = new SimpleStringProperty("");
    private final ObjectProperty<AppointmentSort> sort = new SimpleObjectProperty<>(AppointmentSort.NEWEST_FIRST);
    private final ObjectProperty<OutcomeFilter> outcome = new SimpleObjectProperty<>(OutcomeFilter.ANY);
    private final ObjectProperty<OutcomeCategory> category = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<PagedRows> rows = new SimpleObjectProperty<>(emptyRows());
    private final StringProperty countText = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private final ObjectProperty<AppointmentRow> selected = new SimpleObjectProperty<>();
    private final ObservableValue<String> detailTitle =
            selected.map(r -> AppointmentDetail.title(r, DateStyle.current())).orElse(AppointmentDetail.NONE_SELECTED);
    private final ObservableValue<String> detailText = selected.map(r -> AppointmentDetail.text(r, DateStyle.current())).orElse("");
    private final ObservableList<String> outcomeSentences = FXCollections.observableArrayList();
    private int generation;

    /** @param counts the store's totals, shared with the status bar; the list refreshes whenever they do */
    public AppointmentsViewModel(AppointmentService service, OutcomeMappingService outcomes, PredictionService predictions,
                                 Supplier<Actor> actor, Background background, Dialogs dialogs, StoreCounts counts) {
        this.predictions = predictions;
        this.service = service;
        this.outcomes = outcomes;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        this.counts = counts;
        counts.versionProperty().addListener(o -> storeChanged());
    }

    public AppointmentQuery query() {
        return new AppointmentQuery(blankToNull(doctor.get()), outcome.get() == null ? null : outcome.get().known(),
                category.get(), from.get(), to.get(), blankToNull(search.get()), blankToNull(patient.get()));
    }

    /**
     * Counts the rows matching the filters, then swaps in a fresh paged list; a newer reload wins. Unfiltered, the
     * count is the store's total of {@link StoreCounts}, read afresh for the status bar and the list together.
     */
    public void reload() {
        AppointmentQuery query = query();
        int mine = ++generation;
        loading.set(true);
        countText.set("Counting...");
        if (query.equals(AppointmentQuery.ALL)) {
            counts.refresh();
            return;
        }
        background.load(p -> service.count(query), count -> {
            if (mine == generation) show(query, count);
        }, failure -> {
            if (mine != generation) return;
            loading.set(false);
            countText.set("");
            fail(failure);
        });
    }

    /** A new order: the same rows, so the count stands; only the pages are read again, in the new order. */
    public void resort() {
        PagedRows current = rows.get();
        AppointmentQuery query = query();
        if (loading.get() || !current.query().equals(query)) {
            reload();
            return;
        }
        ++generation;
        show(query, current.size());
    }

    /** New totals landed: the unfiltered list takes their count; a filtered one counts again, as the store changed. */
    private void storeChanged() {
        AppointmentQuery query = query();
        if (query.equals(AppointmentQuery.ALL)) {
            ++generation;
            show(query, counts.totalsProperty().get().appointments());
        } else {
            reload();
        }
    }

    private void show(AppointmentQuery query, long count) {
        loading.set(false);
        countText.set(String.format(count == 1 ? "%,d appointment" : "%,d appointments", count));
        rows.set(new PagedRows(service, query, sortOrNewest(), count, predictions::latestFor, background, this::fail));
    }

    public void clearFilters() {
        search.set("");
        doctor.set("");
        patient.set("");
        outcome.set(OutcomeFilter.ANY);
        category.set(null);
        from.set(null);
        to.set(null);
    }

    /** Doctor ids for autocompletion; called off the FX thread by the completion popup. */
    public List<String> doctorSuggestions(String prefix) {
        return service.doctorIds(prefix, SUGGESTIONS);
    }

    /** The mapped outcome sentences, offered when recording an outcome. */
    public void loadOutcomeSentences() {
        background.load(p -> outcomes.mappings().stream().map(StoredOutcomeMapping::outcomeText).distinct().sorted().toList(),
                outcomeSentences::setAll, this::fail);
    }

    public AppointmentFormViewModel newAppointment() {
        return new AppointmentFormViewModel(service, actor.get(), background, dialogs, null);
    }

    public AppointmentFormViewModel editSelected() {
        return selected.get() == null ? null
                : new AppointmentFormViewModel(service, actor.get(), background, dialogs, selected.get());
    }

    /** Recording the outcome of the selected appointment, which keeps everything else as it was; null when none is selected. */
    public RecordOutcomeViewModel recordOutcome() {
        AppointmentRow row = selected.get();
        return row == null ? null : new RecordOutcomeViewModel(service, actor.get(), background, row);
    }

    /**
     * Predicts every appointment without an outcome with the active model and saves the predictions (the engine's
     * batch prediction), with progress and Cancel; then the list shows them.
     */
    public void predictPending() {
        background.load(p -> service.count(AppointmentQuery.ALL.withOutcomeKnown(false)), pending -> {
            if (pending == 0) {
                dialogs.info("Predict pending", "Every appointment has its outcome recorded: there is nothing to predict.");
                return;
            }
            if (!dialogs.confirm("Predict pending", String.format("Predict the outcome of the %,d appointments whose "
                    + "outcome is not yet known, and save the predictions with them?", pending))) return;
            background.run("Predicting appointments without an outcome",
                    p -> predictions.predictPending(actor.get(), (stage, done, total) -> p.progress("Predicting", done, pending)),
                    n -> {
                        counts.refresh();
                        dialogs.info("Predictions saved", String.format("Saved predictions for %,d appointments; the list "
                                + "shows each one's latest in the Latest prediction column.", n));
                    }, failure -> {
                        counts.refresh(); // what was saved before a cancel shows too
                        fail(failure);
                    });
        }, this::fail);
    }

    public void deleteSelected() {
        AppointmentRow row = selected.get();
        if (row == null || !dialogs.confirm("Delete appointment",
                "Delete the appointment of " + row.doctorId() + (row.date() == null ? "" : " on " + DateStyle.current().format(row.date()))
                        + "? It is hidden everywhere but kept in the store's history.")) return;
        background.run("Deleting the appointment", p -> {
            service.delete(row.id(), actor.get());
            return row;
        }, deleted -> saved(), this::fail);
    }

    /** After a save: read the store again, so that the table, its count and the status bar show the stored state. */
    public void saved() {
        counts.refresh();
    }

    private void fail(Throwable failure) {
        if (failure instanceof CancelledException) dialogs.info("Cancelled", failure.getMessage() + " What was saved before is kept.");
        else dialogs.error("Could not finish", FailureSentences.describe(failure));
    }

    private AppointmentSort sortOrNewest() {
        return sort.get() == null ? AppointmentSort.NEWEST_FIRST : sort.get();
    }

    private PagedRows emptyRows() {
        return new PagedRows(service, AppointmentQuery.ALL, AppointmentSort.NEWEST_FIRST, 0, ids -> Map.of(), null, f -> { });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public StringProperty searchProperty() { return search; }
    public StringProperty doctorProperty() { return doctor; }
    public StringProperty patientProperty() { return patient; }
    /** The list's order, done by the store's query; null means newest first. */
    public ObjectProperty<AppointmentSort> sortProperty() { return sort; }
    public ObjectProperty<OutcomeFilter> outcomeProperty() { return outcome; }
    public ObjectProperty<OutcomeCategory> categoryProperty() { return category; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public ObjectProperty<PagedRows> rowsProperty() { return rows; }
    /** True while long work runs, so Predict pending is not started twice. */
    public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() { return background.busyProperty(); }
    public StringProperty countTextProperty() { return countText; }
    public BooleanProperty loadingProperty() { return loading; }
    public ObjectProperty<AppointmentRow> selectedProperty() { return selected; }
    public ObservableList<String> outcomeSentences() { return outcomeSentences; }
    /** The selected appointment's title line in the detail pane, or what to do when none is selected. */
    public ObservableValue<String> detailTitleProperty() { return detailTitle; }
    /** The selected appointment in full: summary, outcome, latest saved prediction; blank when none is selected. */
    public ObservableValue<String> detailTextProperty() { return detailText; }
    /** The header of the Record outcome dialog for this appointment. */
    /**
     * Sorts by the store's order for the column a header click chose (by its fx:id); a column the store cannot
     * sort by, or none (a third click), goes back to newest first. The same order again reloads nothing.
     */
    public void sortByColumn(String columnId, boolean descending) {
        AppointmentSort.Key key = columnId == null ? null : SORT_KEYS.get(columnId);
        AppointmentSort wanted = key == null ? AppointmentSort.NEWEST_FIRST : new AppointmentSort(key, descending);
        if (!wanted.equals(sort.get())) sort.set(wanted);
    }

    /** The style class that colours a category cell ({@code category-poor}...), none for an empty cell. */
    public static Optional<String> categoryStyle(String categoryText) {
        return categoryText == null || categoryText.isEmpty() ? Optional.empty()
                : Optional.of(CATEGORY_STYLE + categoryText.toLowerCase(Locale.ROOT));
    }

    public static boolean isCategoryStyle(String styleClass) {
        return styleClass.startsWith(CATEGORY_STYLE);
    }

    public static String outcomeHeader(AppointmentRow row) {
        return AppointmentDetail.outcomeHeader(row, DateStyle.current());
    }
}
