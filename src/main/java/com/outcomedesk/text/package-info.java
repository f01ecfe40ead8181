/**
 * Turning note text into features: tokens, clinical entities from the dictionary, negation, and the feature groups a model sees.
 */
package com.outcomedesk.text;
