/**
 * The Diseases screen: groups of alike diseases and the diseases most like a chosen one.
 */
package com.outcomedesk.ui.diseases;
