/**
 * Patient history: what a patient's earlier appointments say about the next one (days since the previous appointment,
 * how many came before, how many earlier outcomes were known and worse, the latest known outcome), computed only from
 * appointments dated strictly before the appointment's own date, and the hashed features learning makes of it. One
 * rule ({@link com.outcomedesk.history.PatientTimeline}) serves training (one sorted pass over the store) and
 * prediction (one patient's earlier appointments), so both see the same history.
 */
package com.outcomedesk.history;
