package com.outcomedesk.text;

import java.util.Arrays;

/**
 * One thread's {@link Word}s by their text, so a token seen before costs neither a new string nor its stem and
 * look-ups: an open-addressing table of a fixed size that stops taking words when three quarters full (odd notes
 * with endless distinct tokens cannot grow it). Not thread-safe: each thread has its own.
 */
final class WordCache {
    private static final int SLOTS = 1 << 15, LIMIT = SLOTS / 4 * 3;
    /** Per slot: the word, its characters and their hash (compared before the characters). */
    private final Word[] words = new Word[SLOTS];
    private final char[][] keys = new char[SLOTS][];
    private final int[] hashes = new int[SLOTS];
    private final ClinicalDictionary.Node root;
    private int used;

    WordCache(ClinicalDictionary.Node root) {
        this.root = root;
    }

    /** The word of chars[from, to), whose String hash code is {@code hash}. */
    Word get(char[] chars, int from, int to, int hash) {
        int slot = (hash ^ hash >>> 15) & SLOTS - 1;
        for (char[] key = keys[slot]; key != null; key = keys[slot = slot + 1 & SLOTS - 1]) {
            if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, chars, from, to)) return words[slot];
        }
        Word w = new Word(new String(chars, from, to - from), root);
        if (used < LIMIT) {
            words[slot] = w;
            keys[slot] = Arrays.copyOfRange(chars, from, to);
            hashes[slot] = hash;
            used++;
        }
        return w;
    }
}
