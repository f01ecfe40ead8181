/**
 * What every layer passes along: who is acting (an Actor with a Role, refused with AccessDeniedException), how
 * long work reports its progress, and the application's version. Depends on nothing of ours, so the engine, the
 * desktop, the command line and the server may all use it.
 */
package com.outcomedesk.common;
