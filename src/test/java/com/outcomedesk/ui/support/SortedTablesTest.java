package com.outcomedesk.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortedTablesTest {
    @Test
    void figuresSortAsNumbersWithTheirSeparatorsAndTextAfterThem() {
        List<String> cells = new ArrayList<>(Arrays.asList("12,000", "logreg", "9,486", "0.7", "", "0.681", "Forest", "10", "9"));
        cells.sort(SortedTables.FIGURES);
        assertThat(cells).containsExactly("", "0.681", "0.7", "9", "10", "9,486", "12,000", "Forest", "logreg");
    }
}
