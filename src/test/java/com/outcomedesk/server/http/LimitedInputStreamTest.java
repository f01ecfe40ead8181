package com.outcomedesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {
    private static final int LIMIT = 1024 * 1024;

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[LIMIT]), LIMIT)) {
            assertThat(in.readAllBytes()).hasSize(LIMIT);
        }
    }

    @Test
    void anOversizeBodyIsReadToItsEndBeforeTheRefusalSoTheClientHearsIt() {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[20 * LIMIT]);
        assertThatThrownBy(() -> new LimitedInputStream(body, LIMIT).readAllBytes())
                .isInstanceOf(LimitedInputStream.TooLargeException.class);
        assertThat(body.available()).isZero();
    }

    @Test
    void aBodyFarPastTheLimitIsCutOffAfterTheDrain() {
        long size = LIMIT + LimitedInputStream.DRAIN + 10L * LIMIT;
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[(int) size]);
        assertThatThrownBy(() -> new LimitedInputStream(body, LIMIT).read(new byte[2 * LIMIT]))
                .isInstanceOf(LimitedInputStream.TooLargeException.class);
        assertThat(body.available()).isBetween(9 * LIMIT, 10 * LIMIT);
    }
}
