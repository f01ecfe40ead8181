package com.outcomedesk.sync;

import java.net.URI;

/**
 * How this site reaches the OutcomeDesk Server: its address, the site name and secret from enrollment, and the
 * SHA-256 of the server's certificate when it was pinned at enrollment (else null: the usual certificate checks).
 * {@link #toString()} leaves the secret out.
 */
public record SiteLogin(URI server, String site, String secret, String pin) {

    public String displayName() {
        return server.getHost() + (server.getPort() < 0 ? "" : ":" + server.getPort()) + " (OutcomeDesk Server)";
    }

    @Override
    public String toString() {
        return "SiteLogin[" + server + ", site " + site + (pin == null ? "" : ", pinned") + "]";
    }
}
