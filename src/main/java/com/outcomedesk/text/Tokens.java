package com.outcomedesk.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case alphanumeric tokens, remembering which sentence each came from
 * (sentences end at . ; : ! ? or a line break), so negation does not cross a sentence, and where each token
 * starts and ends in the text ({@code start[i]} inclusive, {@code end[i]} exclusive), so an explanation can
 * highlight exactly the words the clinician wrote.
 */
public record Tokens(List<String> words, int[] sentence, int[] start, int[] end) {

    public static Tokens of(String text) {
        List<String> words = new ArrayList<>();
        int[] sentences = new int[Math.max(4, text.length() / 3)];
        int[] starts = new int[sentences.length], ends = new int[sentences.length];
        int sentenceNo = 0, begin = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                if (current.isEmpty()) begin = i;
                current.append(Character.toLowerCase(c));
                continue;
            }
            if (!current.isEmpty()) {
                if (words.size() == sentences.length) {
                    sentences = java.util.Arrays.copyOf(sentences, sentences.length * 2);
                    starts = java.util.Arrays.copyOf(starts, sentences.length);
                    ends = java.util.Arrays.copyOf(ends, sentences.length);
                }
                sentences[words.size()] = sentenceNo;
                starts[words.size()] = begin;
                ends[words.size()] = i;
                words.add(current.toString());
                current.setLength(0);
            }
            if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n') sentenceNo++;
        }
        int n = words.size();
        return new Tokens(words, java.util.Arrays.copyOf(sentences, n), java.util.Arrays.copyOf(starts, n),
                java.util.Arrays.copyOf(ends, n));
    }

    /** Folds simple plurals so "migraines" matches "migraine" and "allergies" matches "allergy". */
    public static String stem(String token) {
        int n = token.length();
        if (n > 4 && token.endsWith("ies")) return token.substring(0, n - 3) + "y";
        if (n > 3 && token.endsWith("s") && !token.endsWith("ss") && !token.endsWith("us") && !token.endsWith("is")) {
            return token.substring(0, n - 1);
        }
        return token;
    }

    public int size() {
        return words.size();
    }

    public String word(int i) {
        return words.get(i);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
