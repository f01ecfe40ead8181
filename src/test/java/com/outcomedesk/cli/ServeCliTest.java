package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s refusals before it listens: plain HTTP off loopback, TLS without its password, a store without accounts. */
class ServeCliTest {
    @TempDir
    Path home;

    @Test
    void plainHttpIsRefusedOffLoopback() {
        CliRun run = CliRun.of(home, Map.of(), "serve", "--insecure-http", "--bind", "0.0.0.0", "--port", "0");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("only allowed on a loopback address");
    }

    @Test
    void aKeystoreNeedsItsPasswordVariable() {
        CliRun run = CliRun.of(home, Map.of(), "serve", "--keystore", home.resolve("k.p12").toString(), "--port", "0");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("$" + ServeCommand.KEYSTORE_PASSWORD_ENV);
    }

    @Test
    void aStoreWithoutAccountsNeedsAnAdministratorFirst() {
        CliRun run = CliRun.of(home, Map.of(), "serve", "--insecure-http", "--port", "0");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("this store has none").contains("--user NAME");
    }
}
