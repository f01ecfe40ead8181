/**
 * Errors as problem documents ({@code application/problem+json}, RFC 9457): one shape for every refusal, phrased in
 * the API's own terms (JSON field names), never a stack trace or a driver's message.
 */
package com.outcomedesk.server.problems;
