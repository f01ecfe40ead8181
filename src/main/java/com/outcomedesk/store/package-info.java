/**
 * The database: opening H2 or PostgreSQL with Flyway migrations, the JPA entities, settings and change stamps, and
 * one repository per aggregate that holds its SQL (accounts, audit rows, store maintenance).
 */
package com.outcomedesk.store;
