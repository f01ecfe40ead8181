package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class H2TuningTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(H2Tuning.VALUE_CACHE);
    }

    @AfterEach
    void putBack() {
        if (before == null) System.clearProperty(H2Tuning.VALUE_CACHE);
        else System.setProperty(H2Tuning.VALUE_CACHE, before);
    }

    @Test
    void turnsTheValueCacheOffUnlessTheCommandLineSaidOtherwise() {
        System.clearProperty(H2Tuning.VALUE_CACHE);
        H2Tuning.apply();
        assertThat(System.getProperty(H2Tuning.VALUE_CACHE)).isEqualTo("false");

        System.setProperty(H2Tuning.VALUE_CACHE, "true");
        H2Tuning.apply();
        assertThat(System.getProperty(H2Tuning.VALUE_CACHE)).as("-Dh2.objectCache=true given").isEqualTo("true");
    }
}
