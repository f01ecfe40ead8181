/**
 * The desktop app (JavaFX 21, MVVM): the application class; each screen lives in its own subpackage with an FXML view, a controller that only binds and a ViewModel that is tested without a screen.
 */
package com.outcomedesk.ui;
