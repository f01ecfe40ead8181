package com.outcomedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SQL lives in the store's repositories, and in protocol code that must speak SQL to the shared server: the {@code sync}
 * package (the JDBC replication protocol, whose statements are built from its column catalogue) and classes named as
 * such (ending in {@code Sql}, e.g. the sync benchmark's scratch schema). ArchUnit sees classes, not string literals, so this reads the
 * sources: any string literal that starts like an SQL statement elsewhere fails the build, naming file and line.
 */
class SqlPlacementTest {

    private static final Path SOURCES = Path.of("src/main/java/com/outcomedesk");
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern STATEMENT = Pattern.compile(
            "^\"\\s*(SELECT|INSERT INTO|UPDATE \\w+ SET|DELETE FROM|MERGE INTO|CREATE (TABLE|INDEX|SCHEMA)|ALTER TABLE|DROP (TABLE|SCHEMA))\\b");

    @Test
    void sqlStatementsAreWrittenOnlyInTheStoreAndInSqlProtocolClasses() throws IOException {
        List<String> misplaced = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (allowed(file)) continue;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = LITERAL.matcher(lines.get(i));
                    while (m.find()) {
                        if (STATEMENT.matcher(m.group()).find()) misplaced.add(SOURCES.relativize(file) + ":" + (i + 1));
                    }
                }
            }
        }
        assertThat(misplaced).as("SQL outside store/ and *Sql protocol classes").isEmpty();
    }

    @Test
    void theCheckRecognisesAStatement() {
        assertThat(STATEMENT.matcher("\"SELECT id FROM appointments\"").find()).isTrue();
        assertThat(STATEMENT.matcher("\"  UPDATE appointments SET deleted = TRUE\"").find()).isTrue();
        assertThat(STATEMENT.matcher("\"Select a model to compare\"").find()).isFalse();
        assertThat(STATEMENT.matcher("\"DELETE the row?\"").find()).isFalse();
    }

    private static boolean allowed(Path file) {
        Path relative = SOURCES.relativize(file);
        return relative.startsWith("store") || relative.startsWith("sync") || file.getFileName().toString().endsWith("Sql.java");
    }
}
