/**
 * The database: opening H2 or PostgreSQL with Flyway migrations, the JPA entities, change stamps, and one repository
 * per aggregate that holds its SQL and returns records to callers; the outcome predicates built from the outcome
 * enums.
 */
package com.outcomedesk.store;
