/**
 * The HTTP server ({@code serve}): the engine headless behind a versioned JSON API. It depends on the engine and is
 * started only by the command line; nothing of the engine depends on it. Sub-packages by capability: routes
 * ({@code http}), bearer tokens ({@code auth}), rate limits ({@code limits}), training jobs ({@code jobs}), problem
 * documents ({@code problems}), engine results as JSON ({@code json}) and the API description ({@code openapi}).
 */
package com.outcomedesk.server;
