package com.outcomedesk.insight;

import java.util.List;

/** A group of alike diseases (largest first), why they are alike, and how well they fit together (mean silhouette, -1..1). */
public record DiseaseGroup(int id, List<String> members, int size, double silhouette, List<SharedFeature> sharedFeatures) {
}
