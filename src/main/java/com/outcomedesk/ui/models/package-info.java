/**
 * The Models screen (tiles, evaluation charts, versions with activation and rollback) and the Retrain
 * dialog, as FXML views, controllers that bind, and ViewModels tested without a screen.
 */
package com.outcomedesk.ui.models;
