package com.outcomedesk.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.NoModelException;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.TrainingRequest;
import org.junit.jupiter.api.Test;

/** The desktop phrases engine failures in desktop terms: menus, never a command line to run. */
class FailureSentencesTest {
    @Test
    void noModelNamesTheReasonAndTheMenusNotACommand() {
        String text = FailureSentences.describe(new NoModelException("no model version is active yet"));
        assertThat(text).contains("no model version is active yet", "File > Import...", "Model > Retrain...")
                .doesNotContain("run '").doesNotContain("--activate").doesNotContain("outcome-desk");
    }

    @Test
    void noSyncServerPointsAtTheSyncSettingsNotACommand() {
        String text = FailureSentences.describe(new com.outcomedesk.sync.NoServerException());
        assertThat(text).contains("No sync server is configured.", "Sync > Sync settings").doesNotContain("--server");
    }

    @Test
    void refusalsAreSaidInScreenTermsWithoutOptionNames() {
        assertThat(FailureSentences.describe(InvalidRequestException.notFound(ModelRegistry.VERSION, 7)))
                .isEqualTo("There is no model version 7.");
        assertThat(FailureSentences.describe(InvalidRequestException.outOfRange(TrainingRequest.FOLDS, 2, 20)))
                .isEqualTo("The number of folds must be between 2 and 20.");
        assertThat(FailureSentences.describe(InvalidRequestException.missing(PredictionRequest.DOCTOR_ID))).isEqualTo("Enter the doctor.");
    }
}
