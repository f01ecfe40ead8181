/**
 * Training as background jobs: a request gets a job id at once; the job reports its stage and progress, its result
 * or why it failed, and can be cancelled. One job trains at a time; jobs are kept in the store, and one the server left unfinished when it stopped is marked failed.
 */
package com.outcomedesk.server.jobs;
