package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * SQL predicates on the appointments' outcome_category built from the outcome enums, so that which categories count
 * as worse is said once, in {@link OutcomeCategory}, and never again as literals in a query.
 */
public final class OutcomePredicates {
    private static final String COLUMN = "outcome_category";

    private OutcomePredicates() {
    }

    /** {@code outcome_category IN ('critical', 'poor')}: the categories whose label is worse, in enum order. */
    public static String worseCategories() {
        return labelled(OutcomeLabel.WORSE);
    }

    /** {@code outcome_category IN (...)} over the codes of the categories with the given label, in enum order. */
    public static String labelled(OutcomeLabel label) {
        return Arrays.stream(OutcomeCategory.values()).filter(c -> c.label() == label)
                .map(c -> "'" + c.code().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", COLUMN + " IN (", ")"));
    }
}
