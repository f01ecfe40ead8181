package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.sync.ConflictService;
import com.outcomedesk.sync.ConflictView;
import com.outcomedesk.sync.SyncReport;
import com.outcomedesk.sync.SyncService;
import com.outcomedesk.sync.SyncStatus;
import java.io.Console;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "sync", description = "Push local changes to the shared server and pull the other sites' changes.",
        subcommands = {SyncCommand.Enroll.class, SyncCommand.Configure.class, SyncCommand.Status.class, SyncCommand.Conflicts.class,
                SyncQuarantineCommand.class})
final class SyncCommand implements Callable<Integer> {
    static final String PASSWORD_ENV = "OUTCOMEDESK_SYNC_PASSWORD";

    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--once", description = "One attempt: do not continue after a dropped connection.")
    boolean once;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            SyncReport r = engine.sync().sync(once ? 1 : SyncService.DEFAULT_ATTEMPTS, root.actor());
            String human = r.complete()
                    ? String.format("Synced with %s: pushed %d, pulled %d, %d new conflicts (%d open), %d ms.",
                    r.server(), r.pushed(), r.pulled(), r.conflicts(), r.openConflicts(), r.durationMs())
                    + SyncQuarantineCommand.notice(r.quarantined())
                    : r.message() + String.format(" (pushed %d, pulled %d; %d changes waiting)", r.pushed(), r.pulled(),
                    r.pending());
            json.print(spec.commandLine().getOut(), r, human);
            return 0;
        }
    }

    @Command(name = "enroll", description = "Sync through an OutcomeDesk Server (recommended): trade the one-time code "
            + "its administrator gave ('sites add NAME') for this site's own credential, kept in the store's secrets.")
    static final class Enroll implements Callable<Integer> {
        @ParentCommand SyncCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;

        @Option(names = "--server", required = true, paramLabel = "URL", description = "https://HOST:PORT")
        String server;
        @Option(names = "--code", required = true, paramLabel = "CODE") String code;
        @Option(names = "--pin-certificate", description = "Trust exactly the certificate the server shows now (for a "
                + "self-signed one); compare its SHA-256, printed here, with the server's.")
        boolean pin;

        @Override
        public Integer call() {
            try (Engine engine = parent.root.openEngine()) {
                SyncService.Enrolled e = engine.sync().enroll(server, code, pin, parent.root.actor());
                String where = e.secretSealed() ? " Its secret is sealed under the store's encryption key."
                        : " The store is not encrypted, so its secret is kept in a file only your user account can read;"
                        + " run 'init --admin NAME' to encrypt the store and seal it.";
                json.print(spec.commandLine().getOut(), e, "Enrolled as site " + e.site() + " with " + e.server() + "."
                        + where + (e.pinnedCertificate() == null ? "" : " Pinned certificate SHA-256 "
                        + e.pinnedCertificate() + ".") + " Run 'sync' to sync now.");
                return 0;
            }
        }
    }

    @Command(name = "configure", description = "Advanced, trusted network only: sync with the shared PostgreSQL "
            + "directly, with a database login (administrators); 'sync enroll' is the recommended way. The password "
            + "comes from $" + PASSWORD_ENV + " or a prompt.")
    static final class Configure implements Callable<Integer> {
        @ParentCommand SyncCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;

        @Option(names = "--server", required = true, paramLabel = "JDBC_URL",
                description = "e.g. jdbc:postgresql://server:5432/outcomedesk")
        String server;
        @Option(names = "--server-user", paramLabel = "U", description = "Database user on the server.")
        String user;

        @Override
        public Integer call() {
            String password = password();
            try (Engine engine = parent.root.openEngine()) {
                engine.sync().configure(server, user, password, parent.root.actor());
                SyncStatus s = engine.sync().status();
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("server", s.server());
                result.put("user", user);
                boolean stored = password != null && !password.isEmpty();
                result.put("passwordStored", stored);
                result.put("passwordSealed", stored && engine.sync().passwordSealed());
                String where = !stored ? "" : engine.sync().passwordSealed()
                        ? " The password is sealed under the store's encryption key."
                        : " The store is not encrypted, so the password is kept in a file only your user account can"
                        + " read; run 'init --admin NAME' to encrypt the store and seal it.";
                json.print(spec.commandLine().getOut(), result, "Sync server set to " + s.server()
                        + (user == null ? "" : " as " + user) + "." + where + " Run 'sync' to sync now.");
                return 0;
            }
        }

        private String password() {
            String env = parent.root.environment.get(PASSWORD_ENV);
            if (env != null) return env;
            Console console = System.console();
            if (console == null) return null;
            char[] typed = console.readPassword("Password for the sync server (empty for none): ");
            return typed == null ? null : new String(typed);
        }
    }

    @Command(name = "status", description = "The sync server, last sync, changes waiting and open conflicts.")
    static final class Status implements Callable<Integer> {
        @ParentCommand SyncCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;

        @Override
        public Integer call() {
            try (Engine engine = parent.root.openEngine()) {
                SyncStatus s = engine.sync().status();
                String human = s.configured()
                        ? String.format("Server %s; last sync %s; %d changes waiting; %d open conflicts; %s",
                        s.server(), s.lastSync() == null ? "never" : s.lastSync(), s.pending(), s.openConflicts(),
                        s.reachable() == null ? "not tried yet" : s.reachable() ? "reachable" : "not reachable at last try")
                        + SyncQuarantineCommand.notice(s.quarantined())
                        : "No sync server configured (local only). " + s.pending() + " changes would be pushed.";
                json.print(spec.commandLine().getOut(), s, human);
                return 0;
            }
        }
    }

    @Command(name = "conflicts", description = "List concurrent edits whose losing version was kept.",
            subcommands = {Confirm.class, Swap.class})
    static final class Conflicts implements Callable<Integer> {
        @ParentCommand SyncCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;

        @Option(names = "--all", description = "Include confirmed and swapped conflicts.")
        boolean all;

        @Override
        public Integer call() {
            try (Engine engine = parent.root.openEngine()) {
                List<ConflictView> list = engine.sync().conflicts(all);
                String human = list.isEmpty() ? "No " + (all ? "" : "open ") + "conflicts." : list.stream()
                        .map(c -> String.format("%s  %-9s %-15s %s  in use: %s, kept: %s", c.id(), c.status(), c.entity(),
                                c.entityId(), c.winnerSite(), c.loserSite()))
                        .collect(Collectors.joining("\n"));
                json.print(spec.commandLine().getOut(), Map.of("conflicts", list), human);
                return 0;
            }
        }
    }

    abstract static class Decide implements Callable<Integer> {
        @ParentCommand Conflicts parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;

        @Parameters(index = "0", paramLabel = "ID", description = "The conflict id from 'sync conflicts'.")
        String id;

        abstract ConflictService.Decision decision();

        @Override
        public Integer call() {
            UUID conflict;
            try {
                conflict = UUID.fromString(id.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + id + "' is not a conflict id; copy one from 'sync conflicts'.");
            }
            try (Engine engine = parent.parent.root.openEngine()) {
                ConflictView c = engine.sync().resolve(conflict, decision(), parent.parent.root.actor());
                json.print(spec.commandLine().getOut(), c, "Conflict " + c.id() + " " + c.status() + ".");
                return 0;
            }
        }
    }

    @Command(name = "confirm", description = "Keep the version in use (administrators).")
    static final class Confirm extends Decide {
        @Override
        ConflictService.Decision decision() {
            return ConflictService.Decision.CONFIRM;
        }
    }

    @Command(name = "swap", description = "Put the kept version in use instead; the replaced one is kept (administrators).")
    static final class Swap extends Decide {
        @Override
        ConflictService.Decision decision() {
            return ConflictService.Decision.SWAP;
        }
    }
}
