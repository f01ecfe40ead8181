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
        List<ClinicalEntity> found = new ArrayList<>();
        // A word is looked up once from each phrase start that reaches it: its stem is made once.
        String[] stems = new String[tokens.size()];
        int i = 0;
        while (i < tokens.size()) {
            ClinicalDictionary.Node node = dictionary.root();
            ClinicalDictionary.Node best = null;
            int bestEnd = i;
            for (int j = i; j < tokens.size() && tokens.sentence()[j] == tokens.sentence()[i]; j++) {
                if (stems[j] == null) stems[j] = Tokens.stem(tokens.word(j));
                node = node.next.get(stems[j]);
                if (node == null) break;
                if (!node.entries.isEmpty()) {
                    best = node;
                    bestEnd = j + 1;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            boolean negated = negated(tokens, i);
            int cue = negationCue(tokens, i);
            for (ClinicalDictionary.Entry e : best.entries) {
                found.add(new ClinicalEntity(e.type(), e.canonical(), negated, i, bestEnd, cue));
            }
            i = bestEnd;
        }
        return found;
    }

    private static boolean negated(Tokens tokens, int start) {
        for (int k = start - 1; k >= Math.max(0, start - NEGATION_WINDOW); k--) {
            if (tokens.sentence()[k] != tokens.sentence()[start]) return false;
            if (NEGATION_CUES.contains(tokens.word(k))) return true;
        }
        return false;
    }

    /** The nearest cue before {@code start} in its sentence whose scope reaches it, or -1. */
    private static int negationCue(Tokens tokens, int start) {
        for (int k = start - 1; k >= Math.max(0, start - SCOPE_TOKENS); k--) {
            if (tokens.sentence()[k] != tokens.sentence()[start]) return -1;
            String w = tokens.word(k);
            if (SCOPE_ENDS.contains(w)) return -1;
            if (NEGATION_CUES.contains(w)) return k;
        }
        return -1;
    }

    /** The first stated interval ("3 days", "one month", "2 weeks") in days, if any. */
    public static OptionalInt followUpDays(Tokens tokens) {
        return followUpDays(tokens, followUpToken(tokens));
    }

    /** As {@link #followUpDays(Tokens)} when {@code at} is already known to be {@link #followUpToken}'s answer. */
    public static OptionalInt followUpDays(Tokens tokens, int at) {
        return at < 0 ? OptionalInt.empty() : OptionalInt.of(amount(tokens.word(at)) * unitDays(Tokens.stem(tokens.word(at + 1))));
    }

    /** The token where the first stated interval starts (its amount; the unit follows), or -1. */
    public static int followUpToken(Tokens tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            int amount = amount(tokens.word(i));
            if (amount <= 0) continue;
            if (unitDays(Tokens.stem(tokens.word(i + 1))) > 0) return i;
        }
        return -1;
    }

    private static int amount(String word) {
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

    private static int unitDays(String stem) {
        return switch (stem) {
            case "day" -> 1;
            case "week" -> 7;
            case "month" -> 30;
            case "year" -> 365;
            default -> 0;
        };
    }
}
