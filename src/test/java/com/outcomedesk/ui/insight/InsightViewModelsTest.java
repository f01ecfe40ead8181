package com.outcomedesk.ui.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.insight.RankingMethod;
import com.outcomedesk.security.Actor;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.transfer.ProgressListener;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.diseases.DiseasesViewModel;
import com.outcomedesk.ui.doctors.DoctorsViewModel;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
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
            String disease = atlas.profiles().get(0).name();
            diseases.targetProperty().set(disease);
            diseases.findSimilar();
            assertThat(diseases.similar()).isNotEmpty().noneMatch(s -> s.disease().equals(disease));

            diseases.targetProperty().set("no such disease at all");
            diseases.findSimilar();
            assertThat(diseases.similar()).isEmpty();
            assertThat(dialogs.errors).singleElement().asString().doesNotContain("Exception");
        }
    }
}
