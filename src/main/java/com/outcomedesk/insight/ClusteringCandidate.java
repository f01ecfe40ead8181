package com.outcomedesk.insight;

/** One clustering tried: {@code method} hierarchical (average linkage on cosine distance) or kmeans, its k and mean silhouette. */
public record ClusteringCandidate(String method, int k, double silhouette) {
}
