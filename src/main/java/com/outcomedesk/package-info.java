/**
 * The entry point: the launcher that starts the desktop app or the command line, and the version they report.
 */
package com.outcomedesk;
