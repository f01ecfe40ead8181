package com.outcomedesk.server.limits;

/** What a rate limit counts: each has its own buckets, so a busy batch client cannot starve sign-ins. */
public enum Budget {
    SIGN_IN, PREDICT, BATCH, TRAIN
}
