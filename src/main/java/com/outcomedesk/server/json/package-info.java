/**
 * Engine results as the API's JSON documents: small mappers, one per kind of result, so that a change of an engine
 * return type is adapted in one place.
 */
package com.outcomedesk.server.json;
