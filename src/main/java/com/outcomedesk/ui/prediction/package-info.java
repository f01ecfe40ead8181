/**
 * The Prediction screen: a calibrated better/worse answer, the five-level category, the risk tier and the words that drove it.
 */
package com.outcomedesk.ui.prediction;
