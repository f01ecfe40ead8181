/**
 * The command line (picocli) over the engine: one command class per verb, each phrasing engine results and errors for a terminal or as JSON.
 */
package com.outcomedesk.cli;
