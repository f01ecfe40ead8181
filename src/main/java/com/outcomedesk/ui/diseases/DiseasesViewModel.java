package com.outcomedesk.ui.diseases;

import com.outcomedesk.insight.DiseaseAtlas;
import com.outcomedesk.insight.DiseaseGroup;
import com.outcomedesk.insight.DiseaseInsights;
import com.outcomedesk.insight.DiseasePoint;
import com.outcomedesk.insight.DiseaseProfile;
import com.outcomedesk.insight.SharedFeature;
import com.outcomedesk.insight.SimilarDisease;
import com.outcomedesk.insight.UnknownDiseaseException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.FailureSentences;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alike-diseases screen: the groups, why they are alike (clinical features) and their outcomes (kept apart, as
 * outcomes are not a reason), the 2-D map, and "similar to" one disease with close spellings offered as the user
 * types and answered in place when a name is unknown.
 */
public final class DiseasesViewModel {
    static final int SIMILAR = 10;
    /** Suggestions start at three letters; fewer match too much to help. */
    private static final int SUGGEST_FROM = 3;

    private final DiseaseInsights diseases;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Dialogs dialogs;
    private final ObjectProperty<DiseaseAtlas> atlas = new SimpleObjectProperty<>();
    private final ObjectProperty<DiseaseGroup> selectedGroup = new SimpleObjectProperty<>();
    private final ObservableList<SharedFeature> reasons = FXCollections.observableArrayList();
    private final StringProperty outcomes = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    private final ObservableList<SimilarDisease> similar = FXCollections.observableArrayList();
    /** What the empty reasons table says: still grouping, nothing chosen, or nothing stands out in the chosen group. */
    private final StringBinding reasonsEmptyText = Bindings.createStringBinding(() -> atlas.get() == null ? "Grouping the diseases…"
            : selectedGroup.get() == null ? "Choose a group to see why its diseases are alike."
            : "No clinical feature is clearly more common in this group than in all appointments that mention a disease.",
            atlas, selectedGroup);

    public DiseasesViewModel(DiseaseInsights diseases, Supplier<Actor> actor, Background background, Dialogs dialogs) {
        this.diseases = diseases;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        selectedGroup.addListener((o, a, g) -> {
            reasons.setAll(g == null ? List.of() : g.sharedFeatures());
            outcomes.set(g == null ? "" : outcomeText(g));
        });
        target.addListener((o, a, v) -> suggest(v));
    }

    public void reload() {
        background.load(p -> diseases.atlas(actor.get()), atlas::set,
                failure -> dialogs.error("Could not group the diseases", FailureSentences.describe(failure)));
    }

    /** While typing: close spellings of a name that is not a profiled disease, and no stale answer. */
    private void suggest(String typed) {
        message.set("");
        DiseaseAtlas a = atlas.get();
        String name = typed == null ? "" : typed.strip();
        if (a == null || name.length() < SUGGEST_FROM || a.isProfiled(name)) {
            suggestions.clear();
        } else {
            suggestions.setAll(a.closeSpellings(name));
        }
    }

    /** Lists the diseases most like the one typed in; an unknown name is answered here, with close spellings. */
    public void findSimilar() {
        DiseaseAtlas a = atlas.get();
        String name = target.get() == null ? "" : target.get().strip();
        if (a == null) return;
        if (name.isEmpty()) {
            similar.clear();
            message.set("Type a disease, for example asthma, or click one on the map.");
            return;
        }
        try {
            similar.setAll(a.similarTo(name, SIMILAR));
            suggestions.clear();
            message.set("");
        } catch (UnknownDiseaseException e) {
            similar.clear();
            suggestions.setAll(e.closeSpellings());
            message.set(e.closeSpellings().isEmpty() ? e.getMessage() : "No profiled disease is called '" + name + "'.");
        } catch (RuntimeException e) {
            similar.clear();
            dialogs.error("Similar diseases", FailureSentences.describe(e));
        }
    }

    /** Takes a suggested spelling and lists the diseases like it. */
    public void choose(String disease) {
        target.set(disease);
        findSimilar();
    }

    /** The group's outcome mix beside that of all disease mentions, in one line. */
    static String outcomeText(DiseaseGroup g) {
        return g.outcomes().stream().map(o -> String.format(Locale.ROOT, "%s %.0f%% (all %.0f%%)", o.category(),
                o.groupShare() * 100, o.overallShare() * 100)).collect(Collectors.joining(", "));
    }

    /** The sentence above the groups: how many diseases, appointments and groups, and how they were grouped. */
    public static String summary(DiseaseAtlas atlas) {
        return String.format(Locale.ROOT,
                "%d diseases with at least %d mentions in %,d appointments, in %d groups (%s, chosen by silhouette %.2f), "
                        + "grouped by the symptoms, findings, tests, medications, treatments, plans and referrals their notes mention.",
                atlas.profiles().size(), atlas.minMentions(), atlas.withDisease(), atlas.groups().size(),
                atlas.chosen().method(), atlas.chosen().silhouette());
    }

    /** A group in the list: its number, size and members. */
    public static String groupText(DiseaseGroup g) {
        return "Group " + g.id() + " (" + g.size() + "): " + String.join(", ", g.members());
    }

    /** The diseases the similar-to box offers, in alphabetical order. */
    public static List<String> targets(DiseaseAtlas atlas) {
        return atlas.profiles().stream().map(DiseaseProfile::name).sorted().toList();
    }

    /** What precedes the close spellings offered for an unknown name. */
    public static final String DID_YOU_MEAN = "Did you mean:";

    /** A share of appointments, in percent with one decimal. */
    public static String share(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    public static String similarity(double similarity) {
        return String.format(Locale.ROOT, "%.3f", similarity);
    }

    /** A count of appointments, grouped in the user's locale. */
    public static String appointments(long count) {
        return String.format("%,d", count);
    }

    /** The map's series name for a group (the legend). */
    public static String seriesName(int group) {
        return "group " + group;
    }

    /** What a disease's point on the map says when hovered. */
    public static String pointTip(DiseasePoint p) {
        return String.format("%s%n%,d appointments, group %d", p.disease(), p.appointments(), p.group());
    }

    public ObjectProperty<DiseaseAtlas> atlasProperty() { return atlas; }
    public ObjectProperty<DiseaseGroup> selectedGroupProperty() { return selectedGroup; }
    public ObservableList<SharedFeature> reasons() { return reasons; }
    public ReadOnlyStringProperty outcomesProperty() { return outcomes; }

    public StringBinding reasonsEmptyTextProperty() { return reasonsEmptyText; }
    public StringProperty targetProperty() { return target; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    public ObservableList<String> suggestions() { return suggestions; }
    public ObservableList<SimilarDisease> similar() { return similar; }
}
