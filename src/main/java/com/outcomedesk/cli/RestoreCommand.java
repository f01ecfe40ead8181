package com.outcomedesk.cli;

import com.outcomedesk.backup.BackupManifest;
import com.outcomedesk.backup.BackupRestorer;
import com.outcomedesk.backup.BackupVerifier;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.store.StoreLocation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "restore", description = "Restore a backup into a new data directory (--into DIR), or into the store"
        + " --home/--db names; a directory holding a store is replaced only with --replace, and kept aside.")
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Parameters(paramLabel = "FILE", description = "The .odbackup file.")
    Path file;

    @Option(names = "--into", paramLabel = "DIR", description = "A new data directory to restore into.")
    Path into;

    @Option(names = "--replace", description = "Confirms replacing the store in the target directory; it is moved aside"
            + " to DIR.replaced-TIME, not deleted.")
    boolean replace;

    @Override
    public Integer call() {
        StoreLocation target = into != null ? StoreLocation.of(into, null) : root.location();
        BackupManifest manifest = BackupVerifier.manifest(file);
        BackupRestorer.Result r = new BackupRestorer(Clock.systemUTC()).restore(file, target,
                BackupCommand.unlock(root, manifest.encryption()), replace, ProgressListener.NONE);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("store", r.location().displayName());
        result.put("rows", r.rows().values().stream().mapToLong(Long::longValue).sum());
        result.put("tables", r.rows());
        result.put("auditIntact", r.audit().intact());
        result.put("keptAside", r.keptAside().map(Path::toString).orElse(null));
        result.put("backupCreatedAt", manifest.createdAt().toString());
        result.put("fromSchemaVersion", manifest.schemaVersion());
        json.print(spec.commandLine().getOut(), result, String.format("Restored %,d rows from the backup of %s into %s;"
                        + " its audit chain verifies.%s", (Long) result.get("rows"), manifest.createdAt(),
                r.location().displayName(), r.keptAside().map(p -> " The store that was there is kept in " + p + ".")
                        .orElse("")));
        return 0;
    }
}
