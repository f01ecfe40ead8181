/**
 * Synthetic appointment records from a planted model, for demos, tests and benchmarks.
 */
package com.outcomedesk.demo;
