/**
 * The engine's front door: opens a store and wires every service once, for the desktop, the command line and the tests.
 */
package com.outcomedesk.engine;
