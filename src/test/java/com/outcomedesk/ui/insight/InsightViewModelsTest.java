package com.outcomedesk.ui.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.insight.DiseaseGroup;
import com.outcomedesk.insight.DoctorReport;
import com.outcomedesk.insight.DoctorRow;
import com.outcomedesk.insight.FunnelLimit;
import com.outcomedesk.insight.RankingMethod;
import com.outcomedesk.common.Actor;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.diseases.DiseasesViewModel;
import com.outcomedesk.ui.doctors.DoctorsViewModel;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.ChartTooltips;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctors and alike-diseases ViewModels on the reference sample. */
class InsightViewModelsTest {
    @TempDir Path dir;

    @Test
    void whileTheRankingLoadsTheEmptyTableSaysSoRatherThanThatThereIsNothing() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            java.util.List<Runnable> pending = new java.util.ArrayList<>();
            DirectBackground direct = new DirectBackground();
            Background held = new Background() {
                @Override
                public <T> void run(String title, Job<T> job, java.util.function.Consumer<T> ok,
                                    java.util.function.Consumer<Throwable> failed) {
                    direct.run(title, job, ok, failed);
                }

                @Override
                public <T> void load(Job<T> job, java.util.function.Consumer<T> ok, java.util.function.Consumer<Throwable> failed) {
                    pending.add(() -> direct.load(job, ok, failed));
                }

                @Override
                public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
                    return direct.busyProperty();
                }
            };
            DoctorsViewModel doctors = new DoctorsViewModel(engine.doctors(), engine.predictions()::predictor, Actor::localUser,
                    held, new ScriptedDialogs());
            doctors.reload();
            assertThat(doctors.emptyTextProperty().get()).isEqualTo("Ranking the doctors…");
            pending.forEach(Runnable::run);
            assertThat(doctors.emptyTextProperty().get()).isEqualTo("No doctor has a known outcome yet.");
        }
    }

    @Test
    void theRateAxisEndsAtARateAndTheMixIsLabelledWithCountsAndShares() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
            DoctorReport r = engine.doctors().ranking(Actor.localUser(), RankingMethod.FUNNEL);
            DoctorsViewModel.RateAxis axis = DoctorsViewModel.rateAxis(r);
            double highest = r.rows().stream().mapToDouble(DoctorRow::worseRate).max().orElseThrow();
            double lowest = r.rows().stream().mapToDouble(DoctorRow::worseRate).min().orElseThrow();
            assertThat(axis.upper()).isGreaterThanOrEqualTo(highest).isLessThanOrEqualTo(1.0);
            assertThat(axis.lower()).isLessThanOrEqualTo(lowest).isGreaterThanOrEqualTo(0.0);
            assertThat((axis.upper() - axis.lower()) / axis.tick()).isBetween(2.0, 14.0);

            // Limits reaching a rate of 1 at small volumes: the axis stops at 1, where auto-ranging went on to 1.1.
            DoctorReport wide = new DoctorReport(r.method(), r.rows(), r.scores(), 0.5, r.tau2(), r.minCases(), r.binomialLimits(),
                    List.of(new FunnelLimit(10, 0.2, 0.8, 0.0, 1.0), new FunnelLimit(1_000, 0.47, 0.53, 0.45, 0.55)));
            assertThat(DoctorsViewModel.rateAxis(wide)).isEqualTo(new DoctorsViewModel.RateAxis(0.0, 1.0, 0.1));

            DoctorRow first = r.rows().get(0);
            List<DoctorsViewModel.MixSlice> mix = DoctorsViewModel.mix(first);
            assertThat(mix).hasSize((int) first.outcomeMix().values().stream().filter(c -> c > 0).count())
                    .allMatch(m -> m.count() == first.outcomeMix().get(m.category()));
            assertThat(mix.get(0).label()).matches("[a-z]+: [\\d,]+ \\(\\d+%\\)");
            assertThat(DoctorsViewModel.funnelTip(first)).startsWith(first.doctorId() + "\n").contains("cases").contains("shrunken rate");
        }
    }

    @Test
    void chartTooltipsGoBesideThePointAndStayOnTheScreen() {
        Rectangle2D screen = new Rectangle2D(0, 0, 1280, 800);
        assertThat(ChartTooltips.place(300, 80, new BoundingBox(100, 100, 10, 10), screen)).isEqualTo(new Point2D(118, 118));
        // At the right edge the tooltip goes to the left of the point; at the bottom, above it.
        assertThat(ChartTooltips.place(300, 80, new BoundingBox(1200, 750, 10, 10), screen)).isEqualTo(new Point2D(892, 662));
        // Wider than the room on either side: kept inside the screen.
        assertThat(ChartTooltips.place(1000, 80, new BoundingBox(600, 100, 10, 10), screen).getX()).isEqualTo(0);
    }

    @Test
    void ranksDoctorsByTheChosenMethodAndFindsSimilarDiseases() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
            ScriptedDialogs dialogs = new ScriptedDialogs();

            DoctorsViewModel doctors = new DoctorsViewModel(engine.doctors(), engine.predictions()::predictor, Actor::localUser,
                    new DirectBackground(), dialogs);
            doctors.reload();
            assertThat(doctors.reportProperty().get().method()).isEqualTo(RankingMethod.FUNNEL);
            doctors.methodProperty().set(RankingMethod.REFERENCE);
            assertThat(doctors.reportProperty().get().method()).isEqualTo(RankingMethod.REFERENCE);
            assertThat(doctors.reportProperty().get().rows()).isNotEmpty();
            assertThat(doctors.emptyTextProperty().get()).isEqualTo("No doctor has a known outcome yet.");
            assertThat(doctors.caseMixProperty().get()).as("only when asked for").isNull();
            doctors.loadCaseMix();
            assertThat(doctors.caseMixLoadingProperty().get()).isFalse();
            assertThat(doctors.caseMixProperty().get().rows()).hasSize(doctors.reportProperty().get().rows().size());

            DiseasesViewModel diseases = new DiseasesViewModel(engine.diseases(), Actor::localUser, new DirectBackground(), dialogs);
            diseases.reload();
            var atlas = diseases.atlasProperty().get();
            assertThat(atlas.groups()).isNotEmpty();
            assertThat(DiseasesViewModel.summary(atlas)).startsWith(atlas.profiles().size() + " diseases with at least "
                    + atlas.minMentions() + " mentions in ").contains("in " + atlas.groups().size() + " groups (");
            assertThat(DiseasesViewModel.targets(atlas)).isSorted().hasSize(atlas.profiles().size());
            String disease = atlas.profiles().get(0).name();
            diseases.targetProperty().set(disease);
            diseases.findSimilar();
            assertThat(diseases.similar()).isNotEmpty().noneMatch(s -> s.disease().equals(disease));

            assertThat(diseases.reasonsEmptyTextProperty().get()).startsWith("Choose a group");
            DiseaseGroup explained = atlas.groups().stream().filter(g -> !g.sharedFeatures().isEmpty()).findFirst().orElseThrow();
            diseases.selectedGroupProperty().set(explained);
            assertThat(diseases.reasons()).isNotEmpty().isEqualTo(explained.sharedFeatures());
            assertThat(diseases.outcomesProperty().get()).startsWith("excellent ").contains("critical ").contains("(all ");

            diseases.targetProperty().set("no such disease at all");
            diseases.findSimilar();
            assertThat(diseases.similar()).isEmpty();
            assertThat(diseases.messageProperty().get()).contains("No disease called").contains("Profiled diseases");
            assertThat(dialogs.errors).as("a typo is answered in place, not in a dialog").isEmpty();
        }
    }

    @Test
    void aMisspeltDiseaseIsAnsweredAsTypedAndOnFindWithSpellingsToPick() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
            ScriptedDialogs dialogs = new ScriptedDialogs();
            DiseasesViewModel diseases = new DiseasesViewModel(engine.diseases(), Actor::localUser, new DirectBackground(), dialogs);
            diseases.reload();

            diseases.targetProperty().set("dia");
            assertThat(diseases.suggestions()).as("as they type").contains("diabetes");
            diseases.targetProperty().set("diabetis");
            assertThat(diseases.suggestions()).contains("diabetes");
            assertThat(diseases.messageProperty().get()).as("no verdict before Find").isEmpty();
            diseases.findSimilar();
            assertThat(diseases.messageProperty().get()).isEqualTo("No profiled disease is called 'diabetis'.");
            assertThat(diseases.suggestions()).first().isEqualTo("diabetes");
            diseases.choose("diabetes");
            assertThat(diseases.similar()).isNotEmpty();
            assertThat(diseases.messageProperty().get()).isEmpty();
            assertThat(diseases.suggestions()).isEmpty();
            diseases.targetProperty().set("HTN");
            assertThat(diseases.suggestions()).as("a dictionary spelling of a profiled disease needs none").isEmpty();
            assertThat(dialogs.errors).isEmpty();
        }
    }
}
