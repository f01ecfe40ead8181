package com.outcomedesk.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The generator's word lists and their planted effects, read from {@code demo/vocabulary.json}. */
record Vocabulary(List<Term> conditions, List<Term> symptoms, List<Term> tests, List<Term> findings,
                  List<Term> medications, List<Term> referrals, List<Term> progress, List<Term> exams,
                  List<Term> plans, List<Term> durations, Map<String, List<String>> alternativeOutcomes,
                  List<String> unclassifiableOutcomes) {

    /** A phrase and its effect on the log-odds of a worse outcome. */
    record Term(String text, double effect) {
    }

    static Vocabulary load() {
        try (InputStream in = Vocabulary.class.getResourceAsStream("/demo/vocabulary.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, List<String>> alternatives = new TreeMap<>();
            root.get("alternativeOutcomes").fields().forEachRemaining(e -> alternatives.put(e.getKey(), strings(e.getValue())));
            return new Vocabulary(terms(root, "conditions"), terms(root, "symptoms"), terms(root, "tests"),
                    terms(root, "findings"), terms(root, "medications"), terms(root, "referrals"), terms(root, "progress"),
                    terms(root, "exams"), terms(root, "plans"), terms(root, "durations"), alternatives,
                    strings(root.get("unclassifiableOutcomes")));
        } catch (IOException e) {
            throw new UncheckedIOException("demo/vocabulary.json is unreadable", e);
        }
    }

    private static List<Term> terms(JsonNode root, String name) {
        List<Term> terms = new ArrayList<>();
        root.get(name).fields().forEachRemaining(e -> terms.add(new Term(e.getKey(), e.getValue().asDouble())));
        return List.copyOf(terms);
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return List.copyOf(list);
    }
}
