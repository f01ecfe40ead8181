package com.outcomedesk.learn;

/** One term of an explanation: a readable feature name and its weight (positive pushes towards worse). */
public record Contribution(String term, double weight) {
}
