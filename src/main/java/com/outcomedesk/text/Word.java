package com.outcomedesk.text;

import java.util.List;

/**
 * What featurising needs to know of one token, worked out once: its stem, whether it is a number and its value, the
 * duration unit it names, the follow-up amount and unit, whether it is a negation cue or ends a cue's scope, and the
 * dictionary's first step for its stem. Notes repeat a small vocabulary, so {@link WordCache} keeps these per thread.
 */
final class Word {
    final String text;
    final String stem;
    final boolean number;
    /** The number's value when {@link #number}, else 0. */
    final int value;
    final int durationUnit;
    final int amount;
    final int unitDays;
    final boolean negationCue;
    final boolean scopeEnd;
    /** The trie node after this word from the dictionary's root, or null when no phrase starts with it. */
    final ClinicalDictionary.Node first;

    Word(String text, ClinicalDictionary.Node root) {
        this.text = text;
        this.stem = Tokens.stem(text);
        this.number = Featurizer.isNumber(text);
        this.value = number ? Integer.parseInt(text) : 0;
        this.durationUnit = Featurizer.durationUnit(text);
        this.amount = ClinicalEntityExtractor.amount(text);
        this.unitDays = ClinicalEntityExtractor.unitDays(stem);
        this.negationCue = ClinicalEntityExtractor.isNegationCue(text);
        this.scopeEnd = ClinicalEntityExtractor.isScopeEnd(text);
        this.first = root == null ? null : root.next.get(stem);
    }

    /** Every token of the text as a word, without a cache. */
    static Word[] of(Tokens tokens, ClinicalDictionary.Node root) {
        List<String> words = tokens.words();
        Word[] out = new Word[words.size()];
        for (int i = 0; i < out.length; i++) out[i] = new Word(words.get(i), root);
        return out;
    }
}
