/**
 * Accounts on the desktop: sign-in, the first administrator, the Account menu, changing passwords and managing users.
 */
package com.outcomedesk.ui.security;
