package com.outcomedesk.sync;

import java.util.Objects;

/**
 * A row's version under last writer wins: the writer's hybrid-clock stamp ({@code hlc}, millis << 16 | counter),
 * then its site id, which breaks ties between sites that stamped the same instant. The newer version wins.
 */
public record Version(long hlc, String site) implements Comparable<Version> {

    public Version {
        Objects.requireNonNull(site, "site");
    }

    @Override
    public int compareTo(Version other) {
        int c = Long.compare(hlc, other.hlc);
        return c != 0 ? c : site.compareTo(other.site);
    }
}
