/**
 * Watching the model in use: saved predictions joined to the outcomes recorded later (live AUC, accuracy, Brier
 * score, calibration and tier mix per period and group, each with a 95% interval), drift without labels (population
 * stability index and two-sample tests against the training data or the first period), and the alerts a rule set
 * raises from both. Reads through the store's repositories; presents nothing itself.
 */
package com.outcomedesk.monitor;
