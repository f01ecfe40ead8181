package com.outcomedesk.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.common.Actor;
import com.outcomedesk.server.auth.TokenService;
import com.outcomedesk.server.limits.Budget;
import com.outcomedesk.server.problems.ProblemException;
import io.javalin.config.RoutesConfig;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /auth/token}: the desktop's sign-in (accounts, roles, lockout, audit) giving a bearer token. */
final class AuthRoutes {
    private AuthRoutes() {
    }

    static void register(RoutesConfig routes, Services s) {
        routes.post(Api.V1 + "/auth/token", ctx -> {
            JsonNode body = Requests.jsonObject(ctx, s.options().maxBodyBytes());
            String user = Requests.text(body, "user");
            String password = Requests.text(body, "password");
            if (user == null || user.isBlank()) throw ProblemException.invalid("user", "missing", "Give user.");
            if (password == null || password.isEmpty()) throw ProblemException.invalid("password", "missing", "Give password.");
            Requests.limit(s, ctx, Budget.SIGN_IN, user);
            char[] secret = password.toCharArray();
            Actor actor;
            try {
                actor = s.engine().accounts().authenticate(user, secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
            TokenService.Issued issued = s.tokens().issue(actor);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("token", issued.token());
            doc.put("expiresAt", issued.expiresAt().toString());
            doc.put("user", actor.name());
            doc.put("role", actor.role().name().toLowerCase(java.util.Locale.ROOT));
            Requests.json(ctx, 200, doc);
        }, Access.PUBLIC);
    }
}
