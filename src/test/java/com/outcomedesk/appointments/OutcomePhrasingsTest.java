package com.outcomedesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.appointments.OutcomeMappingService.MappingPreview;
import com.outcomedesk.appointments.OutcomeMappingService.Phrasing;
import com.outcomedesk.appointments.OutcomeMappingService.PhrasingSource;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.common.Actor;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The phrasings an administrator reviews: what each is mapped to, by whom, how many appointments it affects. */
class OutcomePhrasingsTest {
    @TempDir Path dir;

    /** Three appointments with a keyword-guessed phrasing (two spellings), one with a phrasing no rule covers. */
    static Path unusualOutcomes(Path dir) throws Exception {
        return Files.writeString(dir.resolve("unusual.json"), """
                [{"id":"u1","doctor_id":"dr_01","summary":"Follow-up for asthma.","future_outcome":"Patient seems a bit better."},
                 {"id":"u2","doctor_id":"dr_02","summary":"Follow-up for asthma.","future_outcome":"patient seems a  bit better"},
                 {"id":"u3","doctor_id":"dr_02","summary":"Follow-up for eczema.","future_outcome":"Patient seems a bit better."},
                 {"id":"u4","doctor_id":"dr_03","summary":"Follow-up for eczema.","future_outcome":"Lost to follow-up."}]
                """);
    }

    @Test
    void listsPhrasingsToReviewFirstWithTheirAppointmentsAndPreviewsWhatAMappingChanges() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
            engine.importer().importFile(unusualOutcomes(dir), Actor.localUser(), ProgressListener.NONE);
            OutcomeMappingService outcomes = engine.outcomes();

            var phrasings = outcomes.phrasings();
            assertThat(phrasings.get(0)).isEqualTo(new Phrasing("Lost to follow-up.", null, PhrasingSource.UNMAPPED, 1));
            assertThat(phrasings.get(1)).isEqualTo(new Phrasing("Patient seems a bit better.", OutcomeCategory.GOOD,
                    PhrasingSource.KEYWORD, 3));
            assertThat(phrasings.subList(2, phrasings.size())).allMatch(p -> p.source() == PhrasingSource.REFERENCE)
                    .hasSize(24);
            assertThat(phrasings.stream().mapToLong(Phrasing::appointments).sum()).isEqualTo(404);

            assertThat(outcomes.preview("Patient seems a bit better.", OutcomeCategory.GOOD))
                    .as("confirming the guess changes no category").isEqualTo(new MappingPreview(3, 0));
            assertThat(outcomes.preview("patient seems a bit better", OutcomeCategory.NEUTRAL)).isEqualTo(new MappingPreview(3, 3));
            assertThat(outcomes.map("Patient seems a bit better.", OutcomeCategory.NEUTRAL, Actor.localUser())).isEqualTo(3);

            Phrasing mapped = outcomes.phrasings().stream().filter(p -> p.outcomeText().startsWith("Patient seems")).findFirst().orElseThrow();
            assertThat(mapped).isEqualTo(new Phrasing("Patient seems a bit better.", OutcomeCategory.NEUTRAL, PhrasingSource.ADMINISTRATOR, 3));
            assertThat(outcomes.phrasings().get(0).source()).isEqualTo(PhrasingSource.UNMAPPED);
            assertThat(outcomes.phrasings().stream().filter(p -> p.source().needsReview())).hasSize(1);
        }
    }
}
