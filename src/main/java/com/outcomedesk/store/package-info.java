/**
 * The database: opening H2 or PostgreSQL with Flyway migrations, the JPA entities, settings and change stamps.
 */
package com.outcomedesk.store;
