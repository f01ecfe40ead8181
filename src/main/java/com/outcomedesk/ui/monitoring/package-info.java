/**
 * The Monitoring screen: live AUC and calibration over time against the activated figure, drift per feature group as
 * a heat strip, and the alert list with acknowledge; plus the open-alert count in the status bar.
 */
package com.outcomedesk.ui.monitoring;
