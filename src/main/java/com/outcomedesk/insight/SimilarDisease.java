package com.outcomedesk.insight;

/** A disease near another one: cosine similarity of their profiles (1 = same pattern, 0 = unrelated, negative = opposite). */
public record SimilarDisease(String disease, double similarity, long appointments, int group) {
}
