package com.outcomedesk.outcome;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ordered keyword rules for outcome phrasings no mapping covers, read from a data file
 * ({@code category<TAB>regex}, first match wins) so they can change without code.
 */
public final class KeywordRules {
    private record Rule(OutcomeCategory category, Pattern pattern) {
    }

    private final List<Rule> rules;

    private KeywordRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static KeywordRules defaults() {
        try (InputStream in = KeywordRules.class.getResourceAsStream("/outcome/keyword-rules.tsv")) {
            if (in == null) throw new IllegalStateException("outcome/keyword-rules.tsv is missing from the build");
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeywordRules parse(InputStream in) throws IOException {
        List<Rule> rules = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.split("\t", 2);
            if (parts.length != 2) throw new IllegalArgumentException("Bad keyword rule (want category<TAB>regex): " + line);
            rules.add(new Rule(OutcomeCategory.fromCode(parts[0]), Pattern.compile(parts[1].trim())));
        }
        return new KeywordRules(rules);
    }

    /** The category of the first rule that matches the normalised text, if any. */
    public Optional<OutcomeCategory> classify(String normalizedText) {
        for (Rule rule : rules) {
            if (rule.pattern().matcher(normalizedText).find()) return Optional.of(rule.category());
        }
        return Optional.empty();
    }
}
