package com.outcomedesk.ui.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.appointments.OutcomeMappingService.PhrasingSource;
import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeMappingViewModelTest {
    @TempDir Path dir;

    private Engine engineWithUnusualOutcomes() throws Exception {
        Engine engine = Engine.open(TestStores.h2(dir.resolve("store")));
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
        Path file = Files.writeString(dir.resolve("unusual.json"), """
                [{"id":"u1","doctor_id":"dr_01","summary":"Follow-up for asthma.","future_outcome":"Patient seems a bit better."},
                 {"id":"u2","doctor_id":"dr_02","summary":"Follow-up for asthma.","future_outcome":"Patient seems a bit better."},
                 {"id":"u3","doctor_id":"dr_03","summary":"Follow-up for eczema.","future_outcome":"Lost to follow-up."}]
                """);
        engine.importer().importFile(file, Actor.localUser(), ProgressListener.NONE);
        return engine;
    }

    @Test
    void countsAreWrittenWithThousandsSeparators() {
        assertThat(OutcomeMappingViewModel.countText(1_234_567)).isEqualTo(String.format("%,d", 1_234_567)).hasSize(9);
        assertThat(OutcomeMappingViewModel.countText(7)).isEqualTo("7");
    }

    @Test
    void reviewsPhrasingsShowsWhatChangesBeforeMappingAndReloadsEveryScreen() throws Exception {
        try (Engine engine = engineWithUnusualOutcomes()) {
            ScriptedDialogs dialogs = new ScriptedDialogs();
            AtomicInteger changed = new AtomicInteger();
            OutcomeMappingViewModel vm = new OutcomeMappingViewModel(engine.outcomes(), Actor::localUser, new DirectBackground(),
                    dialogs, changed::incrementAndGet);
            vm.reload();
            assertThat(vm.phrasings()).extracting(p -> p.outcomeText()).containsExactly("Lost to follow-up.", "Patient seems a bit better.");
            assertThat(vm.countTextProperty().get()).isEqualTo("2 of 26 phrasings need review");
            vm.filterProperty().set(OutcomeMappingViewModel.Filter.ALL);
            assertThat(vm.phrasings()).hasSize(26);
            vm.filterProperty().set(OutcomeMappingViewModel.Filter.NEEDS_REVIEW);

            // A keyword guess: its category is preselected and keeping it confirms it.
            vm.selectedProperty().set(vm.phrasings().get(1));
            assertThat(vm.categoryProperty().get()).isEqualTo(OutcomeCategory.GOOD);
            assertThat(vm.actionTextProperty().get()).isEqualTo("Confirm the guess");
            assertThat(vm.previewTextProperty().get()).isEqualTo("2 appointments carry it; none changes category (they stay good, now mapped).");
            vm.categoryProperty().set(OutcomeCategory.NEUTRAL);
            assertThat(vm.actionTextProperty().get()).isEqualTo("Map");
            assertThat(vm.previewTextProperty().get()).isEqualTo("2 appointments carry it; 2 change category to neutral.");

            // Declining the confirmation changes nothing.
            dialogs.confirmAnswer = false;
            vm.map();
            assertThat(engine.outcomes().phrasings().get(1).source()).isEqualTo(PhrasingSource.KEYWORD);
            assertThat(changed).hasValue(0);

            dialogs.confirmAnswer = true;
            vm.map();
            assertThat(vm.statusProperty().get()).isEqualTo("Mapped \"Patient seems a bit better.\" to neutral: 2 appointments re-classified.");
            assertThat(changed).as("other screens reload").hasValue(1);
            vm.reload();
            assertThat(vm.selectedProperty().get()).as("mapped, so no longer listed for review, nor chosen").isNull();
            assertThat(vm.canMapProperty().get()).isFalse();
            assertThat(engine.auditLog().list(AuditQuery.action("outcome-map"), Actor.localUser()))
                    .singleElement().satisfies(e -> assertThat(e.details()).contains("category=neutral"));

            // The unmapped phrasing has no category to keep: one must be chosen.
            vm.reload();
            assertThat(vm.phrasings()).singleElement().satisfies(p -> assertThat(p.category()).isNull());
            vm.selectedProperty().set(vm.phrasings().get(0));
            assertThat(vm.canMapProperty().get()).isFalse();
            assertThat(vm.previewTextProperty().get()).isEqualTo("Choose the category for this phrasing.");
            assertThat(dialogs.errors).isEmpty();
        }
    }

    @Test
    void aClinicianIsRefusedByTheEngine() throws Exception {
        try (Engine engine = engineWithUnusualOutcomes()) {
            ScriptedDialogs dialogs = new ScriptedDialogs();
            OutcomeMappingViewModel vm = new OutcomeMappingViewModel(engine.outcomes(), () -> new Actor("carol", Role.CLINICIAN),
                    new DirectBackground(), dialogs, () -> { });
            vm.reload();
            vm.selectedProperty().set(vm.phrasings().get(1));
            vm.map();
            assertThat(dialogs.errors).singleElement().asString().contains("only an administrator");
        }
    }
}
