/**
 * The API's routes under {@code /api/v1}, one class per capability, each calling the engine's services as the command
 * line does; the sign-in check, rate limits, body limits, the access log and request metrics around them.
 */
package com.outcomedesk.server.http;
