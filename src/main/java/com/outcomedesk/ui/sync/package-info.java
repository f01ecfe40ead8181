/**
 * Sync on the desktop: the sync settings with a connection test, sync runs and the review of conflicts.
 */
package com.outcomedesk.ui.sync;
