package com.outcomedesk.ui.doctors;

import com.outcomedesk.insight.DoctorInsights;
import com.outcomedesk.insight.DoctorReport;
import com.outcomedesk.insight.DoctorRow;
import com.outcomedesk.insight.RankingMethod;
import com.outcomedesk.security.Actor;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.Problems;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The doctors screen: the ranking by the chosen method, and the chosen doctor. */
public final class DoctorsViewModel {
    private final DoctorInsights doctors;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Dialogs dialogs;
    private final ObjectProperty<RankingMethod> method = new SimpleObjectProperty<>(RankingMethod.FUNNEL);
    private final ObjectProperty<DoctorReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<DoctorRow> selected = new SimpleObjectProperty<>();

    public DoctorsViewModel(DoctorInsights doctors, Supplier<Actor> actor, Background background, Dialogs dialogs) {
        this.doctors = doctors;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        method.addListener(o -> reload());
    }

    public void reload() {
        RankingMethod m = method.get();
        background.load(p -> doctors.ranking(actor.get(), m), r -> {
            if (r.method() == method.get()) report.set(r);
        }, failure -> dialogs.error("Could not rank the doctors", Problems.describe(failure)));
    }

    public ObjectProperty<RankingMethod> methodProperty() { return method; }
    public ObjectProperty<DoctorReport> reportProperty() { return report; }
    public ObjectProperty<DoctorRow> selectedProperty() { return selected; }
}
