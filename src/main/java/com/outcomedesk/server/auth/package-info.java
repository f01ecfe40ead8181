/**
 * Sign-in for the API: the store's accounts, roles and lockout (the engine's {@code AccountService}) give a short-lived
 * bearer token, signed with a key kept in the store's secrets, that a changed password or a disabled account revokes.
 */
package com.outcomedesk.server.auth;
