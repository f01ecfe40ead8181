/**
 * Doctor rankings (risk-adjusted rates, funnel limits, overdispersion, case mix) and disease profiles, groups and similarity.
 */
package com.outcomedesk.insight;
