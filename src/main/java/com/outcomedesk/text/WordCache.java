package com.outcomedesk.text;

/**
 * One thread's {@link Word}s by their text, so a token seen before costs neither a new string nor its stem and
 * look-ups: an open-addressing table of a fixed size that stops taking words when three quarters full (odd notes
 * with endless distinct tokens cannot grow it). Not thread-safe: each thread has its own.
 */
final class WordCache {
    private static final int SLOTS = 1 << 15, LIMIT = SLOTS / 4 * 3;
    private final Word[] slots = new Word[SLOTS];
    private final ClinicalDictionary.Node root;
    private int used;

    WordCache(ClinicalDictionary.Node root) {
        this.root = root;
    }

    /** The word of chars[from, to), whose String hash code is {@code hash}. */
    Word get(char[] chars, int from, int to, int hash) {
        int slot = (hash ^ hash >>> 15) & SLOTS - 1;
        for (Word w = slots[slot]; w != null; w = slots[slot = slot + 1 & SLOTS - 1]) {
            if (same(w.text, chars, from, to)) return w;
        }
        Word w = new Word(new String(chars, from, to - from), root);
        if (used < LIMIT) {
            slots[slot] = w;
            used++;
        }
        return w;
    }

    private static boolean same(String text, char[] chars, int from, int to) {
        if (text.length() != to - from) return false;
        for (int i = from; i < to; i++) if (text.charAt(i - from) != chars[i]) return false;
        return true;
    }
}
