/**
 * Appointments as the engine takes them: the input rules every entry path applies, queries with paging and sorting, and the outcome mapping.
 */
package com.outcomedesk.appointments;
