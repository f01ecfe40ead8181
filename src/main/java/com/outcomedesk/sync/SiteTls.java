package com.outcomedesk.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for the site's sync: the JDK's certificate checks by default; or, when the server's certificate was pinned at
 * enrollment, exactly that certificate (its SHA-256), so a self-signed server certificate can be trusted without
 * trusting every certificate. Host names are checked either way.
 */
final class SiteTls {
    private SiteTls() {
    }

    static HttpClient client(String pin) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(HttpServerSide.CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1);
        if (pin != null) b.sslContext(pinned(pin));
        return b.build();
    }

    /** The SHA-256 (hex) of the certificate the server presents, read without trusting it: to show and pin. */
    static String fingerprint(URI server) throws IOException {
        try {
            SSLContext any = SSLContext.getInstance("TLS");
            String[] seen = new String[1];
            any.init(null, new TrustManager[] {new Pinning(null, seen)}, null);
            int port = server.getPort() < 0 ? 443 : server.getPort();
            try (SSLSocket socket = (SSLSocket) any.getSocketFactory().createSocket(server.getHost(), port)) {
                socket.setSoTimeout((int) HttpServerSide.CONNECT_TIMEOUT.toMillis());
                socket.startHandshake();
            }
            return seen[0];
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available: " + e.getMessage(), e);
        }
    }

    private static SSLContext pinned(String pin) {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new Pinning(pin, new String[1])}, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    /** Accepts the server's certificate only when it is the pinned one; with no pin, records it (for a first look). */
    private static final class Pinning implements X509TrustManager {
        private final String pin;
        private final String[] seen;

        Pinning(String pin, String[] seen) {
            this.pin = pin;
            this.seen = seen;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            String actual = sha256(chain[0]);
            seen[0] = actual;
            if (pin != null && !pin.equalsIgnoreCase(actual)) {
                throw new CertificateException("The server's certificate (SHA-256 " + actual + ") is not the one pinned "
                        + "at enrollment (" + pin + ")");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("This site does not accept clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    static String sha256(X509Certificate cert) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
