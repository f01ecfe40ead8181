package com.outcomedesk.store;

/**
 * JVM-wide H2 settings, read once when H2's classes first load, so the entry point applies them first thing. H2 keeps a
 * cache of recent values and looks every value it creates up there, hashing each string in full: on a million-row
 * restore that hashing of summaries was a sixth of the inserting thread's samples, for a cache that saves nothing on
 * rows that are all different (restoring a million appointments, three runs each: 70.8-72.8 s without it, 72.5-79.5 s
 * with it).
 */
public final class H2Tuning {
    static final String VALUE_CACHE = "h2.objectCache";

    private H2Tuning() {
    }

    /** Turns H2's value cache off unless the property was given on the command line. */
    public static void apply() {
        if (System.getProperty(VALUE_CACHE) == null) System.setProperty(VALUE_CACHE, "false");
    }
}
