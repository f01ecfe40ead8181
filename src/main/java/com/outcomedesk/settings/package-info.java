/** Store-wide settings of how the app presents things (the date format), changed by administrators and audited. */
package com.outcomedesk.settings;
