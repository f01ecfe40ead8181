/**
 * The Appointments screen: browsing, filtering and paging appointments, the appointment form, recording outcomes and importing files.
 */
package com.outcomedesk.ui.appointments;
