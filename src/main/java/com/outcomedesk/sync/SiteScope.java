package com.outcomedesk.sync;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sites' rows an enrolled site may change (its push scope) or see (its pull scope): the whole network, or the
 * rows last written by the listed sites and by itself. An administrator lists enrolled sites by name or any store by
 * its site id; names are resolved to store site ids when the site syncs, so a site enrolled later is covered too.
 */
record SiteScope(boolean wholeNetwork, Set<String> siteIds) {
    static final SiteScope WHOLE = new SiteScope(true, Set.of());

    /** The scope the setting names, its tokens resolved by the enrolled sites' names; the own site always in. */
    static SiteScope of(String setting, String ownSiteId, Map<String, String> storeIdByName) {
        if (setting == null || setting.isBlank() || setting.strip().equals(SiteRegistry.WHOLE_NETWORK)) return WHOLE;
        Set<String> ids = new LinkedHashSet<>();
        if (ownSiteId != null) ids.add(ownSiteId);
        for (String token : setting.split(",")) {
            String t = token.strip();
            if (!t.isEmpty()) ids.add(storeIdByName.getOrDefault(t, t));
        }
        return new SiteScope(false, Set.copyOf(ids));
    }

    boolean covers(String rowSite) {
        return wholeNetwork || rowSite == null || siteIds.contains(rowSite);
    }

    /** The site ids in a stable order, for a query's parameters. */
    List<String> ids() {
        return siteIds.stream().sorted().toList();
    }
}
