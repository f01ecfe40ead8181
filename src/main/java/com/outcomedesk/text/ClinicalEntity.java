package com.outcomedesk.text;

/**
 * A dictionary entity found in a summary: its type, canonical name, the token span it covers, and negation read two
 * ways. {@code negated} is the original rule (a cue among the three tokens before it in the sentence), kept because
 * models trained with it must see the same features. {@code negationCue} is the token of the cue whose scope holds
 * the entity ("No fever, cough or chest pain" negates all three; "no fever but cough" only fever), or -1.
 */
public record ClinicalEntity(EntityType type, String canonical, boolean negated, int startToken, int endToken, int negationCue) {

    /** Negated under the scoped rule. */
    public boolean scopedNegated() {
        return negationCue >= 0;
    }
}
