package com.outcomedesk.insight;

import java.util.List;

/**
 * The result of one pass over the summaries: profiles of every disease found, and the same counts over all
 * appointments that mention any disease ({@code baseline}), against which a disease's features stand out.
 */
public record DiseaseProfiles(long scanned, DiseaseProfile baseline, List<DiseaseProfile> diseases) {
}
