package com.outcomedesk.server.auth;

import com.outcomedesk.common.Actor;
import com.outcomedesk.security.AccountService;
import com.outcomedesk.security.StoreSecrets;
import com.outcomedesk.security.UserAccount;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks bearer tokens: {@code base64url(payload).base64url(HMAC-SHA256)}, the payload holding the user,
 * the expiry and the time the password was last changed. Nothing is kept per token: a token stops working when it
 * expires, when the password changes (the stamp no longer matches) or when the account is disabled; the role is read
 * from the account on every check, so a changed role counts at once.
 */
public final class TokenService {
    /** Name of the signing key in the store's secrets: someone who can write the database cannot forge tokens. */
    static final String KEY_NAME = "server-token-key";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final AccountService accounts;
    private final Clock clock;
    private final Duration lifetime;

    public TokenService(byte[] key, AccountService accounts, Clock clock, Duration lifetime) {
        this.key = key.clone();
        this.accounts = accounts;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The store's token key, created on first use. */
    public static byte[] storeKey(StoreSecrets secrets) {
        Optional<String> stored = secrets.secret(KEY_NAME);
        if (stored.isPresent()) return Base64.getDecoder().decode(stored.get());
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        secrets.putSecret(KEY_NAME, Base64.getEncoder().encodeToString(fresh));
        return fresh;
    }

    /** A token and when it expires. */
    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(Actor actor) {
        UserAccount account = accounts.find(actor.name()).orElseThrow();
        Instant expires = clock.instant().plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String payload = String.join("\n", actor.name(), String.valueOf(expires.getEpochSecond()), stamp(account));
        String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return new Issued(body + "." + B64.encodeToString(mac(body)), expires);
    }

    /** The user a token acts for, or a reason it does not: the caller answers 401 with it. */
    public Actor verify(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.indexOf('.', dot + 1) >= 0) throw new InvalidTokenException("The token is not one this server issued.");
        String body = token.substring(0, dot);
        byte[] given;
        String payload;
        try {
            given = B64D.decode(token.substring(dot + 1));
            payload = new String(B64D.decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("The token is not one this server issued.");
        }
        if (!MessageDigest.isEqual(given, mac(body))) throw new InvalidTokenException("The token is not one this server issued.");
        String[] parts = payload.split("\n", -1);
        if (parts.length != 3) throw new InvalidTokenException("The token is not one this server issued.");
        if (clock.instant().getEpochSecond() >= Long.parseLong(parts[1])) {
            throw new InvalidTokenException("The token has expired; sign in again.");
        }
        UserAccount account = accounts.find(parts[0]).orElseThrow(() -> new InvalidTokenException("The account no longer exists."));
        if (account.disabled()) throw new InvalidTokenException("The account is disabled; ask an administrator.");
        if (!stamp(account).equals(parts[2])) {
            throw new InvalidTokenException("The password was changed since this token was issued; sign in again.");
        }
        return new Actor(account.name(), account.role());
    }

    private static String stamp(UserAccount account) {
        return account.passwordChangedAt() == null ? "-" : String.valueOf(account.passwordChangedAt().toInstant().toEpochMilli());
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** A token that does not (or no longer) sign anyone in. */
    public static final class InvalidTokenException extends RuntimeException {
        InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }
}
