/**
 * Backups of a store: the database and what is needed to open it.
 */
package com.outcomedesk.backup;
