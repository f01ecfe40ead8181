/**
 * Outcome categories and labels, and how outcome text is classified into them (keyword rules, mappings a clinic makes).
 */
package com.outcomedesk.outcome;
