/**
 * Rate limits: token buckets (resilience4j) per user and per client address, with separate budgets for sign-in,
 * prediction, batch prediction and training; over the limit the caller is told when to try again.
 */
package com.outcomedesk.server.limits;
