package com.outcomedesk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.server.limits.RateLimitSettings;
import com.outcomedesk.testing.TestStores;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS from a PKCS12 keystore (made here with keytool), and plain HTTP refused anywhere but on loopback. */
class TlsServerTest {
    private static final char[] PASSWORD = "keystore-secret".toCharArray();

    @TempDir
    Path dir;

    @Test
    void servesHttpsFromAKeystoreTrustedByItsCertificate() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);

        ServerOptions options = new ServerOptions("127.0.0.1", 0, false, keystore, PASSWORD, ServerOptions.DEFAULT_MAX_BODY, ServerOptions.DEFAULT_MAX_IMPORT,
                ServerOptions.DEFAULT_TOKEN_LIFETIME, RateLimitSettings.defaults());
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")));
             ApiServer server = ApiServer.start(engine, options)) {
            HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
            HttpResponse<String> live = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/api/v1/health/live")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.headers().firstValue("Server")).isEmpty();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/v1/health/live")).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void plainHttpOnlyOnLoopbackAndTlsNeedsAKeystore() {
        assertThatThrownBy(() -> new ServerOptions("0.0.0.0", 8080, true, null, null, ServerOptions.DEFAULT_MAX_BODY, ServerOptions.DEFAULT_MAX_IMPORT,
                ServerOptions.DEFAULT_TOKEN_LIFETIME, RateLimitSettings.defaults()))
                .hasMessageContaining("only allowed on a loopback address");
        assertThatThrownBy(() -> new ServerOptions("0.0.0.0", 8443, false, null, null, ServerOptions.DEFAULT_MAX_BODY, ServerOptions.DEFAULT_MAX_IMPORT,
                ServerOptions.DEFAULT_TOKEN_LIFETIME, RateLimitSettings.defaults()))
                .hasMessageContaining("keystore");
        assertThat(ServerOptions.loopbackHttp(0).insecureHttp()).isTrue();
    }
}
