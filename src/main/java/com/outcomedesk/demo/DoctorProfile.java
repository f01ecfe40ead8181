package com.outcomedesk.demo;

/** A synthetic doctor: relative case volume and planted effect on the log-odds of a worse outcome. */
public record DoctorProfile(String id, double volumeWeight, double effect, Outlier outlier) {
    public enum Outlier { GOOD, BAD, NONE }
}
