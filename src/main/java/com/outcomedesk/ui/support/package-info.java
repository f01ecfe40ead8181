/**
 * What every screen shares: window placement, date display, sortable tables, error text, mnemonics, chart tooltips and uncaught-failure reporting.
 */
package com.outcomedesk.ui.support;
