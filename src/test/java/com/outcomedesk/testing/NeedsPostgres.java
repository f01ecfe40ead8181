package com.outcomedesk.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that talks to a PostgreSQL server ({@link TestPostgres}), so it can be left out:
 * {@code mvn test -DexcludedGroups=postgres}. Both engines read it: JUnit's tag and jqwik's own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@net.jqwik.api.Tag("postgres")
public @interface NeedsPostgres {
}
