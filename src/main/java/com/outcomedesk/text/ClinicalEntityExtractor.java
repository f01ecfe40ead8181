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
        int i = 0;
        while (i < tokens.size()) {
            ClinicalDictionary.Node node = dictionary.root();
            ClinicalDictionary.Node best = null;
            int bestEnd = i;
            for (int j = i; j < tokens.size() && tokens.sentence()[j] == tokens.sentence()[i]; j++) {
                node = node.next.get(Tokens.stem(tokens.word(j)));
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
            for (ClinicalDictionary.Entry e : best.entries) {
                found.add(new ClinicalEntity(e.type(), e.canonical(), negated, i, bestEnd));
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

    /** The first stated interval ("3 days", "one month", "2 weeks") in days, if any. */
    public static OptionalInt followUpDays(Tokens tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            int amount = amount(tokens.word(i));
            if (amount <= 0) continue;
            int unit = unitDays(Tokens.stem(tokens.word(i + 1)));
            if (unit > 0) return OptionalInt.of(amount * unit);
        }
        return OptionalInt.empty();
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
