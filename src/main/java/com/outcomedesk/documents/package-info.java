/**
 * The JSON documents the engine's results are shown as, one shape for the command line's {@code --json} and the
 * server's answers, so that a script and an integrator read the same fields.
 */
package com.outcomedesk.documents;
