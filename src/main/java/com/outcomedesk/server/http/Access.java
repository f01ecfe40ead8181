package com.outcomedesk.server.http;

import io.javalin.security.RouteRole;

/** Who may call a route at all; what a signed-in user may do is the engine's own role check. */
public enum Access implements RouteRole {
    /** Probes, metrics, sign-in, the API description. */
    PUBLIC,
    /** A valid bearer token. */
    SIGNED_IN,
    /** An enrolled site's credential (sync routes). */
    SITE
}
