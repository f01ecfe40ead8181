package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import java.util.Arrays;
import java.util.stream.Collectors;

/** SQL predicates over {@code outcome_category} built from the outcome enums, so no category list is written out in SQL. */
final class WorseOutcomes {
    /** {@code ('critical', 'poor')}: the codes of the categories whose label is worse. */
    static final String IN_LIST = Arrays.stream(OutcomeCategory.values()).filter(c -> c.label() == OutcomeLabel.WORSE)
            .map(c -> "'" + c.code() + "'").collect(Collectors.joining(", ", "(", ")"));

    private WorseOutcomes() {
    }
}
