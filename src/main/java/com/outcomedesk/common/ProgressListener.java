package com.outcomedesk.common;

/** Receives progress of long work, for progress bars; {@code total} is -1 while unknown. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> { };

    void progress(String stage, long done, long total);
}
