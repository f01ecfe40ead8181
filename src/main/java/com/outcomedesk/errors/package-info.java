/**
 * Engine failures as data (which field, which reason, which limits), so that each caller (command line, desktop,
 * HTTP API) phrases them in its own words. Depends on nothing else in the project, so every layer may use it.
 */
package com.outcomedesk.errors;
