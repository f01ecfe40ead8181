package com.outcomedesk.sync;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.SyncSiteRepository;
import com.outcomedesk.store.SyncSiteRow;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The sites enrolled with this OutcomeDesk Server: an administrator adds a site and hands its one-time enrollment
 * code to the site, which trades it for a long random secret ({@link #enroll}); every sync request then
 * authenticates as the site ({@link #authenticate}). Only hashes are stored. Suspending or revoking a site refuses
 * its next request at once; its own store is never touched.
 */
public final class SiteRegistry {
    public static final Duration CODE_LIFETIME = Duration.ofDays(7);
    public static final String WHOLE_NETWORK = "*";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Crockford's base32 without look-alikes, so a code read out over the phone is typed right. */
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** A site as administrators see it. */
    public record Site(String name, String status, String storeSiteId, String pushScope, String pullScope,
                       Instant createdAt, String createdBy, Instant enrolledAt, Instant lastSeenAt) {
        /** Who the site's requests act as in the audit trail. */
        public Actor actor() {
            return new Actor("site:" + name, Role.CLINICIAN);
        }
    }

    /** A site's two scopes, resolved against the sites enrolled now. */
    record Scopes(SiteScope push, SiteScope pull) {
    }

    /** A new site's one-time code, shown once. */
    public record Enrollment(String site, String code, Instant expiresAt) {
    }

    /** What a site keeps after enrolling: its name and secret. */
    public record Credential(String site, String secret) {
    }

    /** A request the registry refuses: 401 when the credential is unknown, 403 when the site is locked out. */
    public static final class Refusal extends RuntimeException {
        private final boolean forbidden;

        Refusal(boolean forbidden, String message) {
            super(message, null, false, false);
            this.forbidden = forbidden;
        }

        public boolean forbidden() {
            return forbidden;
        }
    }

    private final SyncSiteRepository sites;
    private final AuditTrail audit;
    private final Clock clock;

    public SiteRegistry(Database database, AuditTrail audit, Clock clock) {
        this.sites = new SyncSiteRepository(database);
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers a site (administrators); its code works once, within {@link #CODE_LIFETIME}. */
    public Enrollment add(String name, Actor actor) {
        actor.requireAdministrator("add a site");
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("A site name is 1 to 63 lower-case letters, digits and dashes, starting "
                    + "with a letter or digit (e.g. clinic-north); '" + (name == null ? "" : name.strip()) + "' is not.");
        }
        String code = code();
        Instant now = clock.instant();
        Instant expires = now.plus(CODE_LIFETIME);
        if (!sites.add(new SyncSiteRow(n, "pending", hash(normalized(code)), expires, null, null, WHOLE_NETWORK, now,
                actor.name(), null, null, now, WHOLE_NETWORK))) {
            throw new IllegalArgumentException("A site named " + n + " exists already; 'sites' lists them.");
        }
        audit.record(actor, "site.add", "site", n, "expires=" + expires);
        return new Enrollment(n, code, expires);
    }

    public List<Site> list() {
        return sites.all().stream().map(SiteRegistry::site).toList();
    }

    public Site suspend(String name, Actor actor) {
        return change(name, "suspended", actor);
    }

    /** Lets a suspended site sync again; a revoked site stays revoked (add it again under a new name). */
    public Site resume(String name, Actor actor) {
        return change(name, "active", actor);
    }

    public Site revoke(String name, Actor actor) {
        return change(name, "revoked", actor);
    }

    /**
     * Sets which sites' rows the site may change ({@code push}) and see ({@code pull}), each "*" (the whole network)
     * or site names or store site ids, comma-separated; null leaves that scope as it is (administrators). A site may
     * not change what it cannot see, so a push scope wider than the pull scope is refused.
     */
    public Site scope(String name, String push, String pull, Actor actor) {
        actor.requireAdministrator("set a site's scope");
        Site s = find(name);
        String newPush = push == null ? s.pushScope() : clean("push", push);
        String newPull = pull == null ? s.pullScope() : clean("pull", pull);
        Map<String, String> ids = storeIdsByName();
        SiteScope p = SiteScope.of(newPush, s.storeSiteId(), ids);
        SiteScope q = SiteScope.of(newPull, s.storeSiteId(), ids);
        if (!q.wholeNetwork() && (p.wholeNetwork() || !q.siteIds().containsAll(p.siteIds()))) {
            throw new IllegalArgumentException("The site " + s.name() + " could then change rows it cannot see: its "
                    + "push scope (" + newPush + ") must lie within its pull scope (" + newPull + ").");
        }
        sites.setScope(s.name(), newPush, newPull, clock.instant());
        audit.record(actor, "site.scope", "site", s.name(), "push=" + newPush + "; pull=" + newPull);
        return find(s.name());
    }

    private static String clean(String which, String scope) {
        String t = scope.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals(WHOLE_NETWORK)) return WHOLE_NETWORK;
        List<String> tokens = new ArrayList<>();
        for (String token : t.split(",")) {
            String one = token.strip();
            if (one.isEmpty()) continue;
            if (!NAME.matcher(one).matches()) {
                throw new IllegalArgumentException("A " + which + " scope is '*' (the whole network) or site names or "
                        + "store site ids separated by commas (e.g. clinic-north,site-1a2b3c4d); '" + one + "' is neither.");
            }
            if (!tokens.contains(one)) tokens.add(one);
        }
        if (tokens.isEmpty()) return WHOLE_NETWORK;
        String joined = String.join(",", tokens);
        if (joined.length() > 1000) throw new IllegalArgumentException("A " + which + " scope is at most 1,000 characters.");
        return joined;
    }

    /** The site's scopes as they stand, enrolled names resolved to store site ids. */
    Scopes scopes(Site site) {
        if (WHOLE_NETWORK.equals(site.pushScope()) && WHOLE_NETWORK.equals(site.pullScope())) {
            return new Scopes(SiteScope.WHOLE, SiteScope.WHOLE);
        }
        Map<String, String> ids = storeIdsByName();
        return new Scopes(SiteScope.of(site.pushScope(), site.storeSiteId(), ids),
                SiteScope.of(site.pullScope(), site.storeSiteId(), ids));
    }

    private Map<String, String> storeIdsByName() {
        Map<String, String> ids = new HashMap<>();
        for (SyncSiteRow r : sites.all()) if (r.storeSiteId() != null) ids.put(r.name(), r.storeSiteId());
        return ids;
    }

    private Site change(String name, String status, Actor actor) {
        actor.requireAdministrator("change a site's access");
        Site s = find(name);
        if (s.status().equals("revoked")) {
            throw new IllegalArgumentException("The site " + s.name() + " is revoked; add it again under a new name to "
                    + "let it sync.");
        }
        if (status.equals("active") && !s.status().equals("suspended")) {
            throw new IllegalArgumentException("The site " + s.name() + " is " + s.status() + ", not suspended.");
        }
        sites.setStatus(s.name(), status, clock.instant());
        String action = switch (status) {
            case "active" -> "site.resume";
            case "suspended" -> "site.suspend";
            default -> "site.revoke";
        };
        audit.record(actor, action, "site", s.name(), "was=" + s.status());
        return find(s.name());
    }

    private Site find(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return sites.find(n).map(SiteRegistry::site).orElseThrow(() -> new IllegalArgumentException(
                "There is no site named " + n + "; 'sites' lists them."));
    }

    /** Trades a one-time code for the site's secret; the store's site id is kept to check the rows it pushes. */
    public Credential enroll(String code, String storeSiteId) {
        String hash = hash(normalized(code == null ? "" : code));
        SyncSiteRow row = sites.byCode(hash).orElseThrow(() -> new Refusal(false,
                "This enrollment code is not known to the server (mistyped, or used already); ask its administrator "
                        + "for a new one with 'sites add'."));
        if (row.codeExpiresAt() == null || row.codeExpiresAt().isBefore(clock.instant())) {
            throw new Refusal(false, "This enrollment code expired on " + row.codeExpiresAt() + "; ask the server's "
                    + "administrator for a new one.");
        }
        if (storeSiteId == null || !NAME.matcher(storeSiteId).matches()) {
            throw new IllegalArgumentException("siteId must be the site store's id (e.g. site-1a2b3c4d).");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        if (!sites.enroll(row.name(), hash, hash(secret), storeSiteId, clock.instant())) {
            throw new Refusal(false, "This enrollment code was used already; ask for a new one.");
        }
        Site s = find(row.name());
        audit.record(s.actor(), "site.enroll", "site", s.name(), "store=" + storeSiteId);
        return new Credential(s.name(), secret);
    }

    /** The site these credentials belong to, if it may sync; otherwise a {@link Refusal} saying why. */
    public Site authenticate(String name, String secret) {
        SyncSiteRow row = name == null ? null : sites.find(name.strip().toLowerCase(Locale.ROOT)).orElse(null);
        if (row == null || row.secretHash() == null || secret == null
                || !MessageDigest.isEqual(row.secretHash().getBytes(), hash(secret).getBytes())) {
            throw new Refusal(false, "The server does not know this site's credential; enrol the site again with "
                    + "'sync enroll'.");
        }
        Site site = site(row);
        switch (row.status()) {
            case "active" -> {
                sites.seen(row.name(), clock.instant());
                return site;
            }
            case "suspended" -> {
                audit.record(site.actor(), "sync.refused", "site", row.name(), "status=suspended");
                throw new Refusal(true, "The server's administrator suspended the site " + row.name() + "; nothing was "
                        + "synced and this site's data is intact. Sync again once they resume it.");
            }
            default -> {
                audit.record(site.actor(), "sync.refused", "site", row.name(), "status=" + row.status());
                throw new Refusal(true, "The server's administrator revoked the site " + row.name() + "; it cannot sync "
                        + "any more. This site's data is intact; ask for a new enrollment code to sync again.");
            }
        }
    }

    private static Site site(SyncSiteRow r) {
        return new Site(r.name(), r.status(), r.storeSiteId(), r.pushScope(), r.pullScope(), r.createdAt(),
                r.createdBy(), r.enrolledAt(), r.lastSeenAt());
    }

    private static String code() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) s.append('-');
            s.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return s.toString();
    }

    private static String normalized(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
    }

    private static String hash(String text) {
        return SyncWire.sha256(text);
    }
}
