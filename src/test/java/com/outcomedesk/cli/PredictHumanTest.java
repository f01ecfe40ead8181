package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.learn.Contribution;
import com.outcomedesk.learn.PredictionResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How one prediction reads on the command line. */
class PredictHumanTest {
    private static PredictionResult answer(Integer version, String fallback, List<Contribution> why) {
        return new PredictionResult("worse", 0.6, "poor", Map.of("poor", 0.4, "critical", 0.2), "high", version,
                version == null ? "doctor-rate baseline from the store" : "model version " + version, fallback, true, null, why, 50);
    }

    @Test
    void termsWithoutWeightShareOneLineBelowTheWeighedOnes() {
        String text = PredictCommand.human(answer(1, null, List.of(new Contribution("chest pain", 0.31),
                new Contribution("Persistent", 0.0001), new Contribution("doctor dr_2", -0.12), new Contribution("antibiotics", 0))));
        assertThat(text).contains("  +0.310  chest pain", "  -0.120  doctor dr_2", "   0.000  Persistent; antibiotics")
                .doesNotContain("+0.000");
        assertThat(text.indexOf("doctor dr_2")).isLessThan(text.indexOf("Persistent"));
    }

    @Test
    void theBaselineAnswerSaysHowATrainedModelWouldAnswer() {
        assertThat(PredictCommand.human(answer(null, "no model version is active yet", List.of())))
                .contains("fallback: no model version is active yet", "train --activate', or 'java -jar target/outcome-desk.jar activate VERSION' for a version");
        assertThat(PredictCommand.human(answer(2, null, List.of()))).doesNotContain("activate");
    }
}
