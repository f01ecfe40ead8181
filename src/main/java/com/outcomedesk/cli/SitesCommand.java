package com.outcomedesk.cli;

import com.outcomedesk.sync.SiteRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "sites", description = "On the OutcomeDesk Server's store: list the sites enrolled for sync, or manage "
        + "them with a subcommand (administrators).",
        subcommands = {SitesCommand.Add.class, SitesCommand.Suspend.class, SitesCommand.Resume.class,
                SitesCommand.Revoke.class, SitesCommand.Scope.class})
final class SitesCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Override
    public Integer call() {
        return SignedInAnswer.run(root, spec, json, engine -> {
            root.actor().requireAdministrator("list the sites");
            List<SiteRegistry.Site> sites = engine.sync().sites().list();
            return new SignedInAnswer(Map.of("sites", sites), sites.isEmpty()
                    ? "No sites yet; 'sites add NAME' registers one and gives its enrollment code."
                    : sites.stream().map(s -> String.format("%-24s %-10s %-16s push %-8s pull %-8s last seen %s",
                            s.name(), s.status(), s.storeSiteId() == null ? "(not enrolled)" : s.storeSiteId(),
                            s.pushScope(), s.pullScope(),
                            s.lastSeenAt() == null ? "never" : s.lastSeenAt())).collect(Collectors.joining("\n")));
        });
    }

    @Command(name = "add", description = "Register a site; prints its one-time enrollment code (valid 7 days).")
    static final class Add implements Callable<Integer> {
        @ParentCommand SitesCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;
        @Parameters(paramLabel = "NAME", description = "e.g. clinic-north") String name;

        @Override
        public Integer call() {
            return SignedInAnswer.run(parent.root, spec, json, engine -> {
                SiteRegistry.Enrollment e = engine.sync().sites().add(name, parent.root.actor());
                return new SignedInAnswer(e, "Site " + e.site() + " added. Its enrollment code, valid "
                        + "once until " + e.expiresAt() + ":\n  " + e.code() + "\nOn the site run: sync enroll --server "
                        + "https://THIS-SERVER:PORT --code " + e.code());
            });
        }
    }

    abstract static class Change implements Callable<Integer> {
        @ParentCommand SitesCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;
        @Parameters(paramLabel = "NAME") String name;

        abstract SiteRegistry.Site apply(SiteRegistry sites);

        String said(SiteRegistry.Site s) {
            return "Site " + s.name() + " is " + s.status() + ".";
        }

        @Override
        public Integer call() {
            return SignedInAnswer.run(parent.root, spec, json, engine -> {
                SiteRegistry.Site s = apply(engine.sync().sites());
                return new SignedInAnswer(s, said(s));
            });
        }
    }

    @Command(name = "suspend", description = "Refuse the site's syncs until resumed; its data stays as it is.")
    static final class Suspend extends Change {
        @Override
        SiteRegistry.Site apply(SiteRegistry sites) {
            return sites.suspend(name, parent.root.actor());
        }
    }

    @Command(name = "resume", description = "Let a suspended site sync again.")
    static final class Resume extends Change {
        @Override
        SiteRegistry.Site apply(SiteRegistry sites) {
            return sites.resume(name, parent.root.actor());
        }
    }

    @Command(name = "revoke", description = "Refuse the site for good (a stolen computer); its data stays as it is.")
    static final class Revoke extends Change {
        @Override
        SiteRegistry.Site apply(SiteRegistry sites) {
            return sites.revoke(name, parent.root.actor());
        }
    }

    @Command(name = "scope", description = "Which sites' rows the site may change (--push) and see (--pull): '*' "
            + "(the whole network, the default) or site names or store site ids, comma-separated; its own rows always.")
    static final class Scope extends Change {
        @Option(names = "--push", paramLabel = "SCOPE", description = "Rows last written by these sites it may change.")
        String push;
        @Option(names = "--pull", paramLabel = "SCOPE", description = "Rows last written by these sites it receives.")
        String pull;

        @Override
        SiteRegistry.Site apply(SiteRegistry sites) {
            if (push == null && pull == null) {
                throw new IllegalArgumentException("Give --push SCOPE, --pull SCOPE or both (e.g. --pull clinic-north "
                        + "--push clinic-north; '*' is the whole network).");
            }
            return sites.scope(name, push, pull, parent.root.actor());
        }

        @Override
        String said(SiteRegistry.Site s) {
            return "Site " + s.name() + " may change rows of " + s.pushScope() + " and receives rows of "
                    + s.pullScope() + " ('*' is the whole network; its own rows always).";
        }
    }
}
