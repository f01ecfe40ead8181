package com.outcomedesk.store;

/** The newest entry of a site's audit chain: its sequence number and link. */
public record AuditHead(long seq, String hash) {
}
