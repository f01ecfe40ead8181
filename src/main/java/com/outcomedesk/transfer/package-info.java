/**
 * Import and export of appointment files (JSON, CSV): streaming readers, validation with positions and reasons, batched inserts, reports.
 */
package com.outcomedesk.transfer;
