package com.outcomedesk.text;

/** Receives hashed features one by one; {@code name} is null unless the caller asked for names. */
@FunctionalInterface
public interface FeatureSink {
    void add(FeatureGroup group, int index, String name);
}
