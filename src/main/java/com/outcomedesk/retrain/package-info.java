/**
 * The retraining policy: when a challenger is trained (on a schedule, on a drift or performance alert, or only when an
 * administrator asks), the rule that promotes it over the active champion (better on the time-ordered holdout by a set
 * margin, no worse on calibration or on the folds) and the decisions, each a model event with its evidence.
 */
package com.outcomedesk.retrain;
