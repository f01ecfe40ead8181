package com.outcomedesk.cli;

import com.outcomedesk.audit.AuditCheckpoint;
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

@Command(name = "audit", description = "The audit trail (administrators): check its chains, sign checkpoints, browse and export it.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoint.class, AuditCommand.ListEntries.class})
final class AuditCommand {
    @ParentCommand OutcomeDeskCli root;

    @Command(name = "verify", description = "Check the chains; exit 1 and report the first broken link if any.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand AuditCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;
        @Option(names = "--checkpoint", paramLabel = "FILE",
                description = "Also check that no entry was deleted since this checkpoint (from audit checkpoint).")
        Path checkpoint;

        @Override
        public Integer call() {
            AuditCheckpoint signed = checkpoint == null ? null : AuditLog.readCheckpoint(checkpoint);
            try (Engine engine = parent.root.openEngine()) {
                AuditLog.Verification v = engine.auditLog().verify(parent.root.actor(), signed);
                json.print(spec.commandLine().getOut(), v, v.intact() ? intact(v)
                        : "Audit trail BROKEN at site " + v.firstBreak().site() + ", entry " + v.firstBreak().seq()
                                + ": " + v.firstBreak().reason());
                if (!v.intact()) spec.commandLine().getErr().println("outcome-desk: the audit trail has been altered");
                return v.intact() ? 0 : 1;
            }
        }

        private static String intact(AuditLog.Verification v) {
            StringBuilder text = new StringBuilder("Audit trail intact: " + v.checked() + " entries checked.");
            for (AuditLog.Chain chain : v.chains()) text.append("\n").append(describe(chain));
            text.append("\n").append(v.checkpointTime() == null
                    ? "Deleting the newest entries leaves no trace in the chain: sign checkpoints with"
                            + " audit checkpoint --out FILE, keep them elsewhere, and verify with --checkpoint FILE."
                    : "No entry was deleted since the checkpoint of " + v.checkpointTime().toInstant() + ".");
            return text.toString();
        }

        private static String describe(AuditLog.Chain chain) {
            if (chain.check() == AuditLog.Check.GAPS_AND_LINKS_ONLY) {
                return "Entries of site " + chain.site() + " (" + chain.entries() + ") are checked for gaps only"
                        + " (keyed by that site: verify them there).";
            }
            String keyed = "an edit without this store's audit key is detected";
            if (chain.plainEntries() == 0) {
                return "Site " + chain.site() + " (this store, " + chain.entries() + " entries): every link is keyed"
                        + " (HMAC-SHA256), so " + keyed + ".";
            }
            return "Site " + chain.site() + " (this store, " + chain.entries() + " entries): entries 1 to "
                    + chain.plainEntries() + " are legacy (plain SHA-256 links, written before keyed links); from entry "
                    + chain.keyedFrom() + " on every link is keyed (HMAC-SHA256), so " + keyed
                    + " from entry " + chain.keyedFrom() + " on, and in the legacy entries while entry "
                    + chain.keyedFrom() + ", which seals them, is there.";
        }
    }

    @Command(name = "checkpoint", description = "Sign where this site's chain stands; keep the file outside the store.")
    static final class Checkpoint implements Callable<Integer> {
        @ParentCommand AuditCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "Write the signed checkpoint here (JSON).")
        Path out;

        @Override
        public Integer call() {
            try (Engine engine = parent.root.openEngine()) {
                AuditCheckpoint c = engine.auditLog().writeCheckpoint(out, parent.root.actor());
                json.print(spec.commandLine().getOut(), c, "Signed checkpoint of site " + c.site() + " at entry "
                        + c.lastSeq() + " (" + c.count() + " entries) written to " + out.toAbsolutePath()
                        + ".\nIt can be checked by " + c.verifiableBy() + "."
                        + "\nKeep it outside the store: audit verify --checkpoint FILE then detects deleted newest entries.");
                return 0;
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
