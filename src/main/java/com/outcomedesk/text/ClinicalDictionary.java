package com.outcomedesk.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The clinical vocabulary as a trie over stemmed tokens, built from the data files in
 * {@code text/dictionary/}. Each phrase maps to the entities (type and canonical name) it names.
 */
public final class ClinicalDictionary {

    record Entry(EntityType type, String canonical) {
    }

    static final class Node {
        final Map<String, Node> next = new HashMap<>();
        final List<Entry> entries = new ArrayList<>(1);
    }

    private final Node root = new Node();
    private final Map<EntityType, List<String>> canonicalNames = new EnumMap<>(EntityType.class);

    public static ClinicalDictionary fromResources() {
        ClinicalDictionary dictionary = new ClinicalDictionary();
        for (EntityType type : EntityType.values()) {
            String path = "/text/dictionary/" + type.code() + ".tsv";
            try (InputStream in = ClinicalDictionary.class.getResourceAsStream(path)) {
                if (in == null) throw new IllegalStateException(path + " is missing from the build");
                dictionary.load(type, in);
            } catch (IOException e) {
                throw new UncheckedIOException(path + " is unreadable", e);
            }
        }
        return dictionary;
    }

    void load(EntityType type, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.split("\t", 2);
            String canonical = parts[0].strip();
            names.add(canonical);
            add(canonical, type, canonical);
            if (parts.length > 1) {
                for (String variant : parts[1].split("\\|")) {
                    if (!variant.isBlank()) add(variant, type, canonical);
                }
            }
        }
        canonicalNames.put(type, Collections.unmodifiableList(names));
    }

    private void add(String phrase, EntityType type, String canonical) {
        Node node = root;
        for (String word : Tokens.of(phrase).words()) node = node.next.computeIfAbsent(Tokens.stem(word), k -> new Node());
        Entry entry = new Entry(type, canonical);
        if (node != root && !node.entries.contains(entry)) node.entries.add(entry);
    }

    Node root() {
        return root;
    }

    /** Canonical names of one type, in file order. */
    public List<String> canonicalNames(EntityType type) {
        return canonicalNames.getOrDefault(type, List.of());
    }
}
