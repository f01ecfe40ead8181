package com.outcomedesk.insight;

import java.util.Locale;

/**
 * How doctors are ranked and flagged. The first three rank by the reference weighted score
 * (average 1..5 score x ln(cases + 1)); FUNNEL ranks by the shrunken rate of worse outcomes.
 */
public enum RankingMethod {
    /** The reference implementation: IQR fences, averages and weighted scores rounded to 3 decimals as it prints them. */
    REFERENCE,
    /** Weighted score with IQR fences (1.5 x IQR), at full precision. */
    IQR,
    /** Weighted score flagged when |z| > 2 (population standard deviation), at full precision. */
    ZSCORE,
    /** Funnel plot of worse-outcome rates with 99.8% control limits and a multiplicity-adjusted p-value. */
    FUNNEL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RankingMethod fromCode(String code) {
        for (RankingMethod m : values()) if (m.code().equalsIgnoreCase(code == null ? "" : code.strip())) return m;
        throw new IllegalArgumentException("Unknown ranking method '" + code + "': use reference, iqr, zscore or funnel");
    }
}
