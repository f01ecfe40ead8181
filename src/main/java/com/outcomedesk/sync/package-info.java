/**
 * Sync between a site and the shared server: changed rows both ways under hybrid clocks, last writer wins with conflicts kept for review, resumable after a cut.
 */
package com.outcomedesk.sync;
