/**
 * The Doctors screen: doctor rankings by the chosen method, outliers against funnel limits, and case mix.
 */
package com.outcomedesk.ui.doctors;
