package com.outcomedesk.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.learn.NoModelException;
import org.junit.jupiter.api.Test;

/** The desktop phrases engine failures in desktop terms: menus, never a command line to run. */
class ProblemsTest {
    @Test
    void noModelNamesTheReasonAndTheMenusNotACommand() {
        String text = Problems.describe(new NoModelException("no model version is active yet"));
        assertThat(text).contains("no model version is active yet", "File > Import...", "Model > Retrain...")
                .doesNotContain("run '").doesNotContain("--activate").doesNotContain("outcome-desk");
    }

    @Test
    void noSyncServerPointsAtTheSyncSettingsNotACommand() {
        String text = Problems.describe(new com.outcomedesk.sync.NoServerException());
        assertThat(text).contains("No sync server is configured.", "Sync > Sync settings").doesNotContain("--server");
    }
}
