/**
 * Store-wide settings changed by administrators and audited: how the app presents things (the date format) and the
 * monitor's alert thresholds.
 */
package com.outcomedesk.settings;
