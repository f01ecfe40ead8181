package com.outcomedesk.text;

/**
 * A dictionary entity found in a summary: its type, canonical name, whether a negation cue precedes it
 * in the same sentence ("no alarming signs"), and the token span it covers.
 */
public record ClinicalEntity(EntityType type, String canonical, boolean negated, int startToken, int endToken) {
}
