package com.outcomedesk.text;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Finds conditions, symptoms, tests, medications, referrals, treatments, plans and findings in a summary
 * by longest dictionary match, marks simple negation, and reads the follow-up interval ("in 3 days").
 * Thread-safe: the dictionary is read-only after loading.
 */
public final class ClinicalEntityExtractor {
    private static final Set<String> NEGATION_CUES = Set.of("no", "not", "without", "denies", "denied", "negative",
            "free", "absent", "never");
    private static final int NEGATION_WINDOW = 3;
    /** A cue's scope ends at the sentence end, at one of these words, or this many tokens after it. */
    private static final Set<String> SCOPE_ENDS = Set.of("but", "however", "although", "though", "except", "yet", "apart",
            "aside", "whereas", "while", "reports", "presents", "complains");
    private static final int SCOPE_TOKENS = 8;

    private static volatile ClinicalEntityExtractor defaults;
    private final ClinicalDictionary dictionary;

    public ClinicalEntityExtractor(ClinicalDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** The extractor over the shipped dictionaries, loaded once. */
    public static ClinicalEntityExtractor defaults() {
        ClinicalEntityExtractor d = defaults;
        if (d == null) {
            synchronized (ClinicalEntityExtractor.class) {
                if (defaults == null) defaults = new ClinicalEntityExtractor(ClinicalDictionary.fromResources());
                d = defaults;
            }
        }
        return d;
    }

    public ClinicalDictionary dictionary() {
        return dictionary;
    }

    public List<ClinicalEntity> extract(String text) {
        return extract(Tokens.of(text));
    }

    public List<ClinicalEntity> extract(Tokens tokens) {
        return extract(tokens, Word.of(tokens, dictionary.root()));
    }

    /** The same for tokens whose {@link Word}s (made over this extractor's dictionary) are at hand. */
    List<ClinicalEntity> extract(Tokens tokens, Word[] words) {
        List<ClinicalEntity> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            ClinicalDictionary.Node node = words[i].first;
            ClinicalDictionary.Node best = null;
            int bestEnd = i;
            for (int j = i; node != null; ) {
                if (!node.entries.isEmpty()) {
                    best = node;
                    bestEnd = j + 1;
                }
                if (++j >= tokens.size() || tokens.sentence()[j] != tokens.sentence()[i]) break;
                node = node.next.get(words[j].stem);
            }
            if (best == null) {
                i++;
                continue;
            }
            boolean negated = negated(tokens, words, i);
            int cue = negationCue(tokens, words, i);
            for (ClinicalDictionary.Entry e : best.entries) {
                found.add(new ClinicalEntity(e.type(), e.canonical(), negated, i, bestEnd, cue));
            }
            i = bestEnd;
        }
        return found;
    }

    private static boolean negated(Tokens tokens, Word[] words, int start) {
        for (int k = start - 1; k >= Math.max(0, start - NEGATION_WINDOW); k--) {
            if (tokens.sentence()[k] != tokens.sentence()[start]) return false;
            if (words[k].negationCue) return true;
        }
        return false;
    }

    /** The nearest cue before {@code start} in its sentence whose scope reaches it, or -1. */
    private static int negationCue(Tokens tokens, Word[] words, int start) {
        for (int k = start - 1; k >= Math.max(0, start - SCOPE_TOKENS); k--) {
            if (tokens.sentence()[k] != tokens.sentence()[start]) return -1;
            if (words[k].scopeEnd) return -1;
            if (words[k].negationCue) return k;
        }
        return -1;
    }

    static boolean isNegationCue(String word) {
        return NEGATION_CUES.contains(word);
    }

    static boolean isScopeEnd(String word) {
        return SCOPE_ENDS.contains(word);
    }

    /** The first stated interval ("3 days", "one month", "2 weeks") in days, if any. */
    public static OptionalInt followUpDays(Tokens tokens) {
        Word[] words = Word.of(tokens, null);
        return followUpDays(words, followUpToken(words, words.length));
    }

    /** As {@link #followUpDays(Tokens)} when {@code at} is already known to be {@link #followUpToken}'s answer. */
    static OptionalInt followUpDays(Word[] words, int at) {
        return at < 0 ? OptionalInt.empty() : OptionalInt.of(words[at].amount * words[at + 1].unitDays);
    }

    /** The token where the first stated interval starts (its amount; the unit follows) among the first {@code n}, or -1. */
    static int followUpToken(Word[] words, int n) {
        for (int i = 0; i + 1 < n; i++) {
            if (words[i].amount > 0 && words[i + 1].unitDays > 0) return i;
        }
        return -1;
    }

    static int amount(String word) {
        if (word.length() <= 3 && allDigits(word)) return Integer.parseInt(word);
        return switch (word) {
            case "a", "an", "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "eight" -> 8;
            case "ten" -> 10;
            case "twelve" -> 12;
            default -> 0;
        };
    }

    private static boolean allDigits(String word) {
        for (int i = 0; i < word.length(); i++) if (!Character.isDigit(word.charAt(i))) return false;
        return !word.isEmpty();
    }

    static int unitDays(String stem) {
        return switch (stem) {
            case "day" -> 1;
            case "week" -> 7;
            case "month" -> 30;
            case "year" -> 365;
            default -> 0;
        };
    }
}
