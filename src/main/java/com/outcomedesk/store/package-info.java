/**
 * The database: opening H2 or PostgreSQL with Flyway migrations, the JPA entities (used only here and by the services
 * that edit them), change stamps, and one repository per aggregate that holds its SQL (on Jdbi, or Hibernate where
 * entity edits serve) and returns records: appointments and their bulk writer, doctors, outcome mappings, model
 * versions and activations, predictions, the rows learning and insight read, accounts, audit rows, settings, sync
 * state, conflicts and quarantine; SQL predicates built from the outcome enums; store maintenance.
 */
package com.outcomedesk.store;
