/** The administrators' outcome-mapping screen: review keyword-guessed and unmapped outcome phrasings and map them. */
package com.outcomedesk.ui.outcomes;
