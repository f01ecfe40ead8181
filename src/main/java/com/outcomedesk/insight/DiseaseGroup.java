package com.outcomedesk.insight;

import java.util.List;

/**
 * A group of alike diseases (largest first), why they are alike (clinical features their notes share more than
 * overall), how well they fit together (mean silhouette, -1..1), and their outcome mix, which is not a reason.
 */
public record DiseaseGroup(int id, List<String> members, int size, double silhouette, List<SharedFeature> sharedFeatures,
                           List<OutcomeShare> outcomes) {
}
