package com.outcomedesk.ui.diseases;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.insight.DiseaseGroup;
import com.outcomedesk.insight.DiseasePoint;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the diseases screen writes in its list, tables and map, from hand-made values: no screen, no store. */
class DiseasesViewModelTextTest {
    @Test
    void aGroupIsListedWithItsNumberSizeAndMembers() {
        DiseaseGroup g = new DiseaseGroup(2, List.of("asthma", "bronchitis"), 2, 0.4, List.of(), List.of());
        assertThat(DiseasesViewModel.groupText(g)).isEqualTo("Group 2 (2): asthma, bronchitis");
    }

    @Test
    void sharesSimilaritiesAndCountsAreFormattedForTheirColumns() {
        assertThat(DiseasesViewModel.share(0.1234)).isEqualTo("12.3%");
        assertThat(DiseasesViewModel.similarity(0.87654)).isEqualTo("0.877");
        assertThat(DiseasesViewModel.appointments(12_345)).as("grouped in the user's locale").isEqualTo(String.format("%,d", 12_345));
    }

    @Test
    void aPointOnTheMapNamesItsDiseaseCountAndGroup() {
        assertThat(DiseasesViewModel.pointTip(new DiseasePoint("asthma", 0.1, 0.2, 3, 1_204)))
                .isEqualTo("asthma" + System.lineSeparator() + String.format("%,d", 1_204) + " appointments, group 3");
        assertThat(DiseasesViewModel.seriesName(3)).isEqualTo("group 3");
    }
}
