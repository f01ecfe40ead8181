package com.outcomedesk.server;

import com.outcomedesk.server.limits.RateLimitSettings;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the server listens and what it allows. Plain HTTP only with {@code insecureHttp} and on a loopback address;
 * otherwise TLS from a PKCS12 keystore. Body limits: the largest JSON body a non-streaming route reads, and the largest
 * import (streamed to a temporary file, so it is bounded by disk, not memory).
 */
public record ServerOptions(String bind, int port, boolean insecureHttp, Path keystore, char[] keystorePassword,
                            long maxBodyBytes, long maxImportBytes, Duration tokenLifetime, RateLimitSettings rateLimits) {
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;
    public static final long DEFAULT_MAX_IMPORT = 512L * 1024 * 1024;
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(15);

    public ServerOptions {
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("The port must be between 0 and 65535.");
        if (insecureHttp && !loopback(bind)) {
            throw new IllegalArgumentException("Plain HTTP is only allowed on a loopback address (127.0.0.1, ::1); bind "
                    + bind + " needs TLS from a keystore.");
        }
        if (!insecureHttp && keystore == null) {
            throw new IllegalArgumentException("TLS needs a PKCS12 keystore; for a trial on this machine alone use plain "
                    + "HTTP on 127.0.0.1 explicitly.");
        }
        if (maxBodyBytes < 1024 || maxImportBytes < 1024) throw new IllegalArgumentException("A body limit must be at least 1024 bytes.");
    }

    /** Plain HTTP on a loopback address, e.g. for tests and a one-machine trial. */
    public static ServerOptions loopbackHttp(int port) {
        return new ServerOptions("127.0.0.1", port, true, null, null, DEFAULT_MAX_BODY, DEFAULT_MAX_IMPORT, DEFAULT_TOKEN_LIFETIME,
                RateLimitSettings.defaults());
    }

    public ServerOptions withRateLimits(RateLimitSettings limits) {
        return new ServerOptions(bind, port, insecureHttp, keystore, keystorePassword, maxBodyBytes, maxImportBytes, tokenLifetime, limits);
    }

    public ServerOptions withMaxBodyBytes(long bytes) {
        return new ServerOptions(bind, port, insecureHttp, keystore, keystorePassword, bytes, maxImportBytes, tokenLifetime, rateLimits);
    }

    static boolean loopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
