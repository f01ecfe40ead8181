/** The administrator's Settings screen: idle lock, risk cut-offs, date format and sync interval, saved through the engine. */
package com.outcomedesk.ui.settings;
