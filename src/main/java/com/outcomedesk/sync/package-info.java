/**
 * Sync between a site and the shared server: changed rows ({@link com.outcomedesk.sync.SyncRow}) both ways under
 * hybrid clocks ({@link com.outcomedesk.sync.Version}), last writer wins with conflicts kept for review, resumable
 * after a cut. Which columns travel is one catalogue ({@code SyncTable}); the protocol's SQL, the same on a local
 * store and the server, is {@code SyncSql} (rows by the catalogue) and {@code ServerSql}, {@code ServerCounter},
 * {@code DirectServerWrites}, {@code ServerLink} (the server's side); a local store's sync bookkeeping is in the
 * store's repositories ({@code SyncStateRepository}, {@code QuarantineRepository}, {@code ConflictRepository}).
 */
package com.outcomedesk.sync;
