package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What an account or site command answers: the value printed with --json and the sentence printed without it.
 * {@link #run} holds their shared plumbing: sign in as --user, do the one thing, print, close the store.
 */
record SignedInAnswer(Object json, String human) {

    static int run(OutcomeDeskCli root, CommandSpec spec, JsonOption json, Function<Engine, SignedInAnswer> work) {
        try (Engine engine = root.openEngine()) {
            SignedInAnswer answer = work.apply(engine);
            json.print(spec.commandLine().getOut(), answer.json(), answer.human());
            return 0;
        }
    }
}
