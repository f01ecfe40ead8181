/**
 * Printable reports for the chart note: a prediction with its appointment, what drove it, the model
 * that answered and its cross-validated metrics, written as PDF (OpenPDF). Writing one is audited.
 */
package com.outcomedesk.report;
