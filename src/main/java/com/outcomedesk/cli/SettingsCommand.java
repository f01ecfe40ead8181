package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.server.limits.Budget;
import com.outcomedesk.server.limits.RateLimitSettings;
import com.outcomedesk.server.limits.RateLimits;
import com.outcomedesk.server.limits.StoredRateLimits;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "settings", description = "Server settings kept in the store (administrators).",
        subcommands = {SettingsCommand.RateLimitsCommand.class})
final class SettingsCommand {
    @ParentCommand OutcomeDeskCli root;

    @Command(name = "rate-limits", description = {"Show the server's rate limits (requests a minute per user and per "
            + "address), or change those named. A running server takes a change made here at its next start; "
            + "PUT /api/v1/settings/rate-limits applies one at once."})
    static final class RateLimitsCommand implements Callable<Integer> {
        @ParentCommand SettingsCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;
        @Option(names = "--sign-in", paramLabel = "N", description = "Sign-ins a minute.") Integer signIn;
        @Option(names = "--predict", paramLabel = "N", description = "Predictions a minute.") Integer predict;
        @Option(names = "--batch", paramLabel = "N", description = "Batch requests a minute.") Integer batch;
        @Option(names = "--train", paramLabel = "N", description = "Training requests a minute.") Integer train;

        @Override
        public Integer call() {
            Map<Budget, Integer> asked = new EnumMap<>(Budget.class);
            if (signIn != null) asked.put(Budget.SIGN_IN, signIn);
            if (predict != null) asked.put(Budget.PREDICT, predict);
            if (batch != null) asked.put(Budget.BATCH, batch);
            if (train != null) asked.put(Budget.TRAIN, train);
            asked.forEach((b, n) -> {
                if (n < 1 || n > RateLimitSettings.maximum(b)) {
                    throw new IllegalArgumentException("A rate limit for " + StoredRateLimits.name(b) + " must be from 1 to "
                            + RateLimitSettings.maximum(b) + " a minute.");
                }
            });
            try (Engine engine = parent.root.openEngine()) {
                parent.root.actor().requireAdministrator(asked.isEmpty() ? "read the rate limits" : "change the rate limits");
                RateLimitSettings now = StoredRateLimits.load(engine.settings(), RateLimitSettings.defaults());
                if (!asked.isEmpty()) {
                    RateLimitSettings next = now;
                    for (Map.Entry<Budget, Integer> e : asked.entrySet()) next = next.with(e.getKey(), e.getValue());
                    now = new StoredRateLimits(engine.database(), engine.audit(), new RateLimits(now))
                            .change(next, parent.root.actor());
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                for (Budget b : Budget.values()) doc.put(StoredRateLimits.name(b), now.of(b));
                json.print(spec.commandLine().getOut(), doc, doc.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue() + " a minute").collect(Collectors.joining(", ")));
                return 0;
            }
        }
    }
}
