/**
 * Accounts, password hashing, lockout, encryption at rest with a keyring, the store's secret keys, and de-identification.
 */
package com.outcomedesk.security;
