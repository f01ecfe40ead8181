/**
 * The audit trail: who did what and when, appended as a chain per site, browsed by administrators and verified for tampering.
 */
package com.outcomedesk.audit;
