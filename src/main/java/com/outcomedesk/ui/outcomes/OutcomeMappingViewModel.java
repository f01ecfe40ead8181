package com.outcomedesk.ui.outcomes;

import com.outcomedesk.appointments.OutcomeMappingService;
import com.outcomedesk.appointments.OutcomeMappingService.MappingPreview;
import com.outcomedesk.appointments.OutcomeMappingService.Phrasing;
import com.outcomedesk.appointments.OutcomeMappingService.PhrasingSource;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.common.Actor;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.FailureSentences;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The outcome-mapping screen: every outcome phrasing with its category, where that comes from and how many
 * appointments carry it; the administrator picks a category (or keeps the keyword guess), sees how many appointments
 * change, confirms, and the engine maps and audits it. Other screens reload through {@code changed}.
 */
public final class OutcomeMappingViewModel {
    /** Which phrasings the table lists. */
    public enum Filter {
        NEEDS_REVIEW("Needs review (keyword guesses, unmapped)"), ALL("All phrasings");

        private final String label;

        Filter(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final OutcomeMappingService outcomes;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Dialogs dialogs;
    private final Runnable changed;
    private final ObservableList<Phrasing> all = FXCollections.observableArrayList();
    private final FilteredList<Phrasing> shown = new FilteredList<>(all);
    private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(Filter.NEEDS_REVIEW);
    private final ObjectProperty<Phrasing> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<OutcomeCategory> category = new SimpleObjectProperty<>();
    private final ObjectProperty<MappingPreview> preview = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty mapping = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringBinding previewText;
    private final StringBinding countText;
    private final StringBinding actionText;
    private final BooleanBinding canMap;

    public OutcomeMappingViewModel(OutcomeMappingService outcomes, Supplier<Actor> actor, Background background, Dialogs dialogs,
                                   Runnable changed) {
        this.outcomes = outcomes;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        this.changed = changed;
        filter.addListener(o -> applyFilter());
        applyFilter();
        selected.addListener((o, a, p) -> category.set(p == null ? null : p.category()));
        category.addListener(o -> refreshPreview());
        selected.addListener(o -> refreshPreview());
        previewText = Bindings.createStringBinding(() -> describe(selected.get(), category.get(), preview.get()), selected, category, preview);
        countText = Bindings.createStringBinding(() -> {
            long review = all.stream().filter(p -> p.source().needsReview()).count();
            return String.format("%,d of %,d phrasings need review", review, all.size());
        }, all);
        actionText = Bindings.createStringBinding(() -> confirmsGuess(selected.get(), category.get()) ? "Confirm the guess" : "Map",
                selected, category);
        canMap = selected.isNotNull().and(category.isNotNull()).and(mapping.not());
    }

    public void reload() {
        loading.set(true);
        background.load(p -> outcomes.phrasings(), list -> {
            loading.set(false);
            Phrasing was = selected.get();
            all.setAll(list);
            // Keep the choice only while it is listed: a phrasing just mapped leaves the review list, and its form with it.
            if (was != null) {
                selected.set(shown.stream().filter(p -> p.outcomeText().equals(was.outcomeText())).findFirst().orElse(null));
            }
        }, failure -> {
            loading.set(false);
            dialogs.error("Could not list the outcome phrasings", FailureSentences.describe(failure));
        });
    }

    private void applyFilter() {
        shown.setPredicate(filter.get() == Filter.ALL ? p -> true : p -> p.source().needsReview());
    }

    private void refreshPreview() {
        preview.set(null);
        Phrasing p = selected.get();
        OutcomeCategory c = category.get();
        if (p == null || c == null) return;
        background.load(x -> outcomes.preview(p.outcomeText(), c), result -> {
            if (p.equals(selected.get()) && c == category.get()) preview.set(result);
        }, failure -> dialogs.error("Could not count the appointments", FailureSentences.describe(failure)));
    }

    private static boolean confirmsGuess(Phrasing p, OutcomeCategory c) {
        return p != null && p.source() == PhrasingSource.KEYWORD && c != null && c == p.category();
    }

    /** What mapping the chosen phrasing to the chosen category would change, in words. */
    static String describe(Phrasing p, OutcomeCategory c, MappingPreview preview) {
        if (p == null) return "Choose a phrasing to map it to a category.";
        if (c == null) return "Choose the category for this phrasing.";
        if (preview == null) return "Counting the appointments…";
        if (preview.appointments() == 0) return "No appointment carries this phrasing now; future ones will be " + c.code() + ".";
        String carry = String.format("%,d appointment%s carr%s it", preview.appointments(), preview.appointments() == 1 ? "" : "s",
                preview.appointments() == 1 ? "ies" : "y");
        if (preview.categoryChanges() == 0) return carry + "; none changes category (they stay " + c.code() + ", now mapped).";
        return String.format("%s; %,d change%s category to %s.", carry, preview.categoryChanges(),
                preview.categoryChanges() == 1 ? "s" : "", c.code());
    }

    /** Counts again, asks with that count, then maps in the background; every screen reloads afterwards. */
    public void map() {
        Phrasing p = selected.get();
        OutcomeCategory c = category.get();
        if (p == null || c == null || mapping.get()) return;
        mapping.set(true);
        background.load(x -> outcomes.preview(p.outcomeText(), c), counted -> {
            preview.set(counted);
            String question = "Map \"" + p.outcomeText() + "\" to " + c.code() + "?\n\n" + describe(p, c, counted)
                    + "\n\nThe change is recorded in the audit trail.";
            if (!dialogs.confirm(confirmsGuess(p, c) ? "Confirm the keyword guess" : "Map an outcome phrasing", question)) {
                mapping.set(false);
                return;
            }
            background.run("Mapping an outcome phrasing", x -> outcomes.map(p.outcomeText(), c, actor.get()), n -> {
                mapping.set(false);
                status.set(String.format("Mapped \"%s\" to %s: %,d appointment%s re-classified.", p.outcomeText(), c.code(), n,
                        n == 1 ? "" : "s"));
                changed.run();
            }, failure -> {
                mapping.set(false);
                dialogs.error("Could not map the phrasing", FailureSentences.describe(failure));
            });
        }, failure -> {
            mapping.set(false);
            dialogs.error("Could not count the appointments", FailureSentences.describe(failure));
        });
    }

    /** The phrasing's category label in the table: unmapped ones have none. */
    /** How many appointments carry a phrasing, with thousands separated as elsewhere on the screen. */
    static String countText(long appointments) {
        return String.format("%,d", appointments);
    }

    static String categoryLabel(Phrasing p) {
        return p.category() == null ? "none" : p.category().code();
    }

    public ObservableList<Phrasing> phrasings() { return shown; }
    public ObjectProperty<Filter> filterProperty() { return filter; }
    public ObjectProperty<Phrasing> selectedProperty() { return selected; }
    public ObjectProperty<OutcomeCategory> categoryProperty() { return category; }
    public ReadOnlyBooleanProperty loadingProperty() { return loading; }
    public ReadOnlyStringProperty statusProperty() { return status; }
    public StringBinding previewTextProperty() { return previewText; }
    public StringBinding countTextProperty() { return countText; }
    public StringBinding actionTextProperty() { return actionText; }
    public BooleanBinding canMapProperty() { return canMap; }
}
