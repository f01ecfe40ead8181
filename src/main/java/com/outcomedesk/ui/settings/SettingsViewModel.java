package com.outcomedesk.ui.settings;

import com.outcomedesk.learn.PredictionService;
import com.outcomedesk.learn.RiskTiers;
import com.outcomedesk.common.Actor;
import com.outcomedesk.security.SecuritySettings;
import com.outcomedesk.settings.DateFormatChoice;
import com.outcomedesk.settings.DisplaySettings;
import com.outcomedesk.sync.SyncService;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.FailureSentences;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
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

/**
 * The administrator's settings as typed text, each checked as the user types with the reason in words.
 * Save writes only what changed (each change audited by the engine) and applies it at once; Revert goes
 * back to what is stored.
 */
public final class SettingsViewModel {
    /** What is stored, as the form shows it. */
    record Values(String idleMinutes, String medium, String high, DateFormatChoice dateFormat, String syncMinutes) {
    }

    private final SecuritySettings security;
    private final PredictionService predictions;
    private final DisplaySettings display;
    private final SyncService sync;
    private final Actor actor;
    private final Background background;
    private final Consumer<DateFormatChoice> useDateFormat;
    private final IntConsumer useSyncInterval;

    private final StringProperty idleMinutes = new SimpleStringProperty("");
    private final StringProperty medium = new SimpleStringProperty("");
    private final StringProperty high = new SimpleStringProperty("");
    private final ObjectProperty<DateFormatChoice> dateFormat = new SimpleObjectProperty<>(DateFormatChoice.LOCALE);
    private final StringProperty syncMinutes = new SimpleStringProperty("");
    private final ObjectProperty<Values> stored = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringBinding idleProblem;
    private final StringBinding riskProblem;
    private final StringBinding syncProblem;
    private final BooleanBinding changed;
    private final BooleanBinding valid;

    /**
     * @param useDateFormat applies the date format to the app (at load and after a save)
     * @param useSyncInterval restarts the background sync every so many minutes (0: manual only)
     */
    public SettingsViewModel(SecuritySettings security, PredictionService predictions, DisplaySettings display,
                             SyncService sync, Actor actor, Background background,
                             Consumer<DateFormatChoice> useDateFormat, IntConsumer useSyncInterval) {
        this.security = security;
        this.predictions = predictions;
        this.display = display;
        this.sync = sync;
        this.actor = actor;
        this.background = background;
        this.useDateFormat = useDateFormat;
        this.useSyncInterval = useSyncInterval;
        idleProblem = Bindings.createStringBinding(() -> minutesProblem(idleMinutes.get(), 1,
                SecuritySettings.MAX_IDLE_LOCK_MINUTES, "The idle lock"), idleMinutes);
        riskProblem = Bindings.createStringBinding(this::riskProblem, medium, high);
        syncProblem = Bindings.createStringBinding(() -> minutesProblem(syncMinutes.get(), 0,
                SyncService.MAX_INTERVAL_MINUTES, "The sync interval"), syncMinutes);
        changed = Bindings.createBooleanBinding(() -> stored.get() != null && !current().equals(stored.get()),
                idleMinutes, medium, high, dateFormat, syncMinutes, stored);
        valid = Bindings.createBooleanBinding(() -> idleProblem.get().isEmpty() && riskProblem.get().isEmpty()
                && syncProblem.get().isEmpty(), idleProblem, riskProblem, syncProblem);
    }

    /** Reads the stored settings into the form. */
    public void load() {
        busy.set(true);
        background.load(progress -> read(), values -> {
            busy.set(false);
            show(values);
        }, this::fail);
    }

    /** Puts the stored settings back into the form. */
    public void revert() {
        if (stored.get() != null) show(stored.get());
        message.set("");
    }

    /** Saves what changed, if everything is valid; each change is audited by the engine. */
    public void save() {
        if (!valid.get()) {
            message.set("Not saved: correct the settings whose reason is shown first.");
            return;
        }
        Values before = stored.get();
        Values after = current();
        if (after.equals(before)) {
            message.set("Nothing to save: the settings are as stored.");
            return;
        }
        busy.set(true);
        background.load(progress -> {
            if (!after.idleMinutes().equals(before.idleMinutes())) {
                security.setIdleLock(Integer.parseInt(after.idleMinutes()), actor);
            }
            if (!after.medium().equals(before.medium()) || !after.high().equals(before.high())) {
                predictions.setRiskTiers(new RiskTiers(number(after.medium()), number(after.high())), actor);
            }
            if (after.dateFormat() != before.dateFormat()) display.setDateFormat(after.dateFormat(), actor);
            if (!after.syncMinutes().equals(before.syncMinutes())) {
                sync.setIntervalMinutes(Integer.parseInt(after.syncMinutes()), actor);
            }
            return read();
        }, values -> {
            busy.set(false);
            show(values);
            if (values.dateFormat() != before.dateFormat()) useDateFormat.accept(values.dateFormat());
            if (!values.syncMinutes().equals(before.syncMinutes())) useSyncInterval.accept(Integer.parseInt(values.syncMinutes()));
            message.set("Saved. The new settings apply now, for everyone using this store.");
        }, this::fail);
    }

    private Values read() {
        RiskTiers tiers = predictions.riskTiers();
        return new Values(Long.toString(security.idleLock().toMinutes()), plain(tiers.medium()), plain(tiers.high()),
                display.dateFormat(), Integer.toString(sync.intervalMinutes()));
    }

    private void show(Values values) {
        idleMinutes.set(values.idleMinutes());
        medium.set(values.medium());
        high.set(values.high());
        dateFormat.set(values.dateFormat());
        syncMinutes.set(values.syncMinutes());
        stored.set(values);
    }

    private void fail(Throwable failure) {
        busy.set(false);
        message.set("Not saved: " + FailureSentences.describe(failure));
    }

    private Values current() {
        return new Values(idleMinutes.get().strip(), normalised(medium.get()), normalised(high.get()), dateFormat.get(),
                syncMinutes.get().strip());
    }

    private static String minutesProblem(String text, int min, int max, String what) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return what + " needs a number of minutes, " + min + " to " + max + ".";
        try {
            int n = Integer.parseInt(t);
            if (n >= min && n <= max) return "";
        } catch (NumberFormatException notWhole) {
            // said below
        }
        return what + " must be a whole number of minutes from " + min + " to " + max + "; \"" + t + "\" is not.";
    }

    private String riskProblem() {
        Double m = probability(medium.get());
        Double h = probability(high.get());
        if (m == null) return "Medium risk starts at a probability between 0 and 1, such as 0.25.";
        if (h == null) return "High risk starts at a probability between 0 and 1, such as 0.5.";
        if (m >= h) return "High risk must start above medium risk (now " + plain(m) + " and " + plain(h) + ").";
        return "";
    }

    /** A probability strictly between 0 and 1, typed with a point or a comma; null when it is not one. */
    private static Double probability(String text) {
        try {
            double p = number(text);
            return p > 0 && p < 1 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double number(String text) {
        return Double.parseDouble(Objects.requireNonNullElse(text, "").strip().replace(',', '.'));
    }

    private static String normalised(String text) {
        Double p = probability(text);
        return p == null ? Objects.requireNonNullElse(text, "").strip() : plain(p);
    }

    private static String plain(double p) {
        return String.format(Locale.ROOT, "%s", p).replaceAll("\\.0$", "");
    }

    public StringProperty idleMinutesProperty() { return idleMinutes; }
    public StringProperty mediumProperty() { return medium; }
    public StringProperty highProperty() { return high; }
    public ObjectProperty<DateFormatChoice> dateFormatProperty() { return dateFormat; }
    public StringProperty syncMinutesProperty() { return syncMinutes; }
    public StringBinding idleProblemProperty() { return idleProblem; }
    public StringBinding riskProblemProperty() { return riskProblem; }
    public StringBinding syncProblemProperty() { return syncProblem; }
    /** True when the form differs from what is stored. */
    public BooleanBinding changedProperty() { return changed; }
    public BooleanBinding validProperty() { return valid; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
}
