/**
 * The database: opening H2 or PostgreSQL with Flyway migrations, the JPA entities, and the repositories that hold the
 * SQL (appointments with their bulk writer, doctors, outcome mappings, settings), returning records to callers; the
 * outcome predicates built from the outcome enums; change stamps.
 */
package com.outcomedesk.store;
