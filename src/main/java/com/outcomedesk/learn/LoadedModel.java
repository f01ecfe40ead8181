package com.outcomedesk.learn;

/**
 * The model that answers predictions, and why it is that one: the active version, a fallback version
 * when the active artifact is corrupt, or the doctor-rate baseline computed from the store.
 */
public record LoadedModel(TrainedModel model, Integer version, String answeredBy, String fallbackReason) {
    public boolean isFallback() {
        return fallbackReason != null;
    }
}
