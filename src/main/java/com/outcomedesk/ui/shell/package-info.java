/**
 * The main window: menus, navigation between screens, the status bar and background work with progress and Cancel.
 */
package com.outcomedesk.ui.shell;
