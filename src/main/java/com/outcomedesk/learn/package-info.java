/**
 * Learning from labelled appointments: datasets, trainers, cross-validated evaluation, calibration, the model registry with activation and rollback, and predictions.
 */
package com.outcomedesk.learn;
