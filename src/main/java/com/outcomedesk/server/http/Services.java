package com.outcomedesk.server.http;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.server.ServerOptions;
import com.outcomedesk.server.auth.TokenService;
import com.outcomedesk.server.jobs.TrainingJobs;
import com.outcomedesk.server.limits.RateLimits;
import com.outcomedesk.sync.SyncHub;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** What the routes work with: the engine, and the server's own tokens, limits, jobs, metrics and sync hub. */
public record Services(Engine engine, ServerOptions options, TokenService tokens, RateLimits limits, TrainingJobs jobs,
                       PrometheusMeterRegistry metrics, SyncHub hub) {
}
