package com.outcomedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One in-process run of the command line against a data directory: exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {

    JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out);
    }

    static CliRun of(Path home, String... args) {
        return of(home, System.getenv(), args);
    }

    static CliRun of(Path home, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        int code = OutcomeDeskCli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), environment);
        return new CliRun(code, out.toString(), err.toString());
    }
}
