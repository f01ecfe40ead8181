package com.outcomedesk.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that drives real windows (TestFX, headless under Monocle), so it can be left out where
 * no JavaFX toolkit can start: {@code mvn test -DexcludedGroups=ui}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("ui")
public @interface NeedsFxToolkit {
}
