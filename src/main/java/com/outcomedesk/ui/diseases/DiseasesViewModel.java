package com.outcomedesk.ui.diseases;

import com.outcomedesk.insight.DiseaseAtlas;
import com.outcomedesk.insight.DiseaseGroup;
import com.outcomedesk.insight.DiseaseInsights;
import com.outcomedesk.insight.SimilarDisease;
import com.outcomedesk.security.Actor;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.Problems;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The alike-diseases screen: the groups and why they are alike, the 2-D map, and "similar to" one disease. */
public final class DiseasesViewModel {
    static final int SIMILAR = 10;

    private final DiseaseInsights diseases;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Dialogs dialogs;
    private final ObjectProperty<DiseaseAtlas> atlas = new SimpleObjectProperty<>();
    private final ObjectProperty<DiseaseGroup> selectedGroup = new SimpleObjectProperty<>();
    private final StringProperty target = new SimpleStringProperty("");
    private final ObservableList<SimilarDisease> similar = FXCollections.observableArrayList();

    public DiseasesViewModel(DiseaseInsights diseases, Supplier<Actor> actor, Background background, Dialogs dialogs) {
        this.diseases = diseases;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
    }

    public void reload() {
        background.load(p -> diseases.atlas(actor.get()), atlas::set,
                failure -> dialogs.error("Could not group the diseases", Problems.describe(failure)));
    }

    /** Lists the diseases most like the one typed in. */
    public void findSimilar() {
        DiseaseAtlas a = atlas.get();
        String name = target.get() == null ? "" : target.get().strip();
        if (a == null || name.isEmpty()) return;
        try {
            similar.setAll(a.similarTo(name, SIMILAR));
        } catch (RuntimeException e) {
            similar.clear();
            dialogs.error("Similar diseases", Problems.describe(e));
        }
    }

    public ObjectProperty<DiseaseAtlas> atlasProperty() { return atlas; }
    public ObjectProperty<DiseaseGroup> selectedGroupProperty() { return selectedGroup; }
    public StringProperty targetProperty() { return target; }
    public ObservableList<SimilarDisease> similar() { return similar; }
}
