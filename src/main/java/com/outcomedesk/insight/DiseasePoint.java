package com.outcomedesk.insight;

/** A disease on the 2-D map (classical MDS of the cosine distances between profiles), coloured by its group. */
public record DiseasePoint(String disease, double x, double y, int group, long appointments) {
}
