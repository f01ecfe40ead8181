package com.outcomedesk.cli;

import com.outcomedesk.audit.AuditEntry;
import com.outcomedesk.audit.AuditLog;
import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.engine.Engine;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "audit", description = "The audit trail (administrators): check its hash chain, browse and export it.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListEntries.class})
final class AuditCommand {
    @ParentCommand OutcomeDeskCli root;

    @Command(name = "verify", description = "Check the hash chain; exit 1 and report the first broken link if any.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand AuditCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;

        @Override
        public Integer call() {
            try (Engine engine = parent.root.openEngine()) {
                AuditLog.Verification v = engine.auditLog().verify(parent.root.actor());
                json.print(spec.commandLine().getOut(), v, v.intact()
                        ? "Audit trail intact: " + v.checked() + " entries checked."
                        : "Audit trail BROKEN at site " + v.firstBreak().site() + ", entry " + v.firstBreak().seq()
                                + ": " + v.firstBreak().reason());
                if (!v.intact()) spec.commandLine().getErr().println("outcome-desk: the audit trail has been altered");
                return v.intact() ? 0 : 1;
            }
        }
    }

    @Command(name = "list", description = "List entries, newest first, with filters; --out FILE exports them (CSV or JSON).")
    static final class ListEntries implements Callable<Integer> {
        @ParentCommand AuditCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;
        @Option(names = "--by", paramLabel = "USER", description = "Only entries by this user.") String user;
        @Option(names = "--action", description = "Only this action, e.g. sign-in-failed, appointment-update.") String action;
        @Option(names = "--entity", description = "Only this kind of record, e.g. appointment, user.") String entity;
        @Option(names = "--id", paramLabel = "ENTITY_ID", description = "Only this record.") String entityId;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "From this day (UTC).") LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Up to and including this day (UTC).") LocalDate to;
        @Option(names = "--limit", defaultValue = "100", description = "At most this many entries (default 100; 0 = all).") int limit;
        @Option(names = "--out", paramLabel = "FILE", description = "Write the entries to FILE (.csv, else JSON).") Path out;

        @Override
        public Integer call() {
            AuditQuery query = new AuditQuery(user, action, entity, entityId,
                    from == null ? null : from.atStartOfDay().atOffset(ZoneOffset.UTC),
                    to == null ? null : to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                    limit <= 0 ? Integer.MAX_VALUE : limit);
            try (Engine engine = parent.root.openEngine()) {
                if (out != null) {
                    int n = engine.auditLog().export(out, query, parent.root.actor());
                    json.print(spec.commandLine().getOut(), Map.of("exported", n, "file", out.toAbsolutePath().toString()),
                            "Exported " + n + " audit entries to " + out.toAbsolutePath());
                    return 0;
                }
                List<AuditEntry> entries = engine.auditLog().list(query, parent.root.actor());
                json.print(spec.commandLine().getOut(), entries, entries.stream()
                        .map(e -> String.format("%s  %-12s %-20s %-12s %s %s", e.occurredAt().withOffsetSameInstant(
                                        ZoneOffset.UTC).toLocalDateTime().withNano(0), e.user(), e.action(),
                                e.entity() == null ? "" : e.entity(), e.entityId() == null ? "" : e.entityId(),
                                e.details() == null ? "" : "(" + e.details() + ")"))
                        .collect(Collectors.joining("\n")));
                return 0;
            }
        }
    }
}
