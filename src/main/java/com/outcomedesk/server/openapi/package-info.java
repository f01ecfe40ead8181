/**
 * The API's description: the OpenAPI 3 document kept beside the code (a test holds it to the routes the server
 * registers) at {@code /openapi.json}, and a browsable page at {@code /docs} served from the jar (no CDN: a clinic may
 * be offline).
 */
package com.outcomedesk.server.openapi;
