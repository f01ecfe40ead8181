package com.outcomedesk.ui.doctors;

import com.outcomedesk.insight.CaseMixAnalysis;
import com.outcomedesk.insight.DoctorInsights;
import com.outcomedesk.insight.DoctorReport;
import com.outcomedesk.insight.DoctorRow;
import com.outcomedesk.insight.RankingMethod;
import com.outcomedesk.learn.Predictor;
import com.outcomedesk.security.Actor;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.Problems;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The doctors screen: the ranking by the chosen method, the chosen doctor, and on request the case-mix comparison. */
public final class DoctorsViewModel {
    private final DoctorInsights doctors;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Dialogs dialogs;
    private final ObjectProperty<RankingMethod> method = new SimpleObjectProperty<>(RankingMethod.FUNNEL);
    private final ObjectProperty<DoctorReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<DoctorRow> selected = new SimpleObjectProperty<>();
    private final Supplier<Predictor> predictor;
    private final ObjectProperty<CaseMixAnalysis.Report> caseMix = new SimpleObjectProperty<>();
    private final BooleanProperty caseMixLoading = new SimpleBooleanProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty emptyText = new SimpleStringProperty();

    public DoctorsViewModel(DoctorInsights doctors, Supplier<Predictor> predictor, Supplier<Actor> actor,
                            Background background, Dialogs dialogs) {
        this.doctors = doctors;
        this.predictor = predictor;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        method.addListener(o -> reload());
        emptyText.bind(Bindings.when(loading).then("Ranking the doctors…").otherwise("No doctor has a known outcome yet."));
    }

    public void reload() {
        RankingMethod m = method.get();
        loading.set(true);
        background.load(p -> doctors.ranking(actor.get(), m), r -> {
            if (r.method() != method.get()) return;
            loading.set(false);
            report.set(r);
        }, failure -> {
            loading.set(false);
            dialogs.error("Could not rank the doctors", Problems.describe(failure));
        });
    }

    /** What the empty ranking says: still counting, or truly nothing to rank. */
    public ReadOnlyStringProperty emptyTextProperty() { return emptyText; }

    /** The case-mix comparison reads and scores every labelled appointment, so it runs only when asked for. */
    public void loadCaseMix() {
        if (caseMixLoading.get()) return;
        caseMixLoading.set(true);
        background.run("Adjusting for case mix", p -> doctors.caseMix(actor.get(), predictor.get()), r -> {
            caseMixLoading.set(false);
            caseMix.set(r);
        }, failure -> {
            caseMixLoading.set(false);
            dialogs.error("Could not adjust for case mix", Problems.describe(failure));
        });
    }

    public ObjectProperty<RankingMethod> methodProperty() { return method; }
    public ReadOnlyObjectProperty<CaseMixAnalysis.Report> caseMixProperty() { return caseMix; }
    public ReadOnlyBooleanProperty caseMixLoadingProperty() { return caseMixLoading; }
    public ObjectProperty<DoctorReport> reportProperty() { return report; }
    public ObjectProperty<DoctorRow> selectedProperty() { return selected; }
}
