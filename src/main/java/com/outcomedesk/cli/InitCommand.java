package com.outcomedesk.cli;

import com.outcomedesk.engine.SignIn;
import com.outcomedesk.security.EncryptedStore;
import com.outcomedesk.store.StoreLocation;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", description = "Create the first administrator (password from $OUTCOMEDESK_PASSWORD or asked twice); "
        + "an H2 file store is then encrypted.")
final class InitCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--admin", required = true, paramLabel = "NAME", description = "The administrator's user name.")
    String admin;

    @Override
    public Integer call() {
        StoreLocation location = root.location();
        SignIn.initialize(location, admin, Passwords.chosen(root.environment, Passwords.PASSWORD_ENV, admin));
        boolean encrypted = EncryptedStore.isEncrypted(location);
        json.print(spec.commandLine().getOut(),
                Map.of("administrator", admin, "store", location.displayName(), "encrypted", encrypted),
                "Created administrator " + admin + (encrypted ? "; the store is now encrypted." : ".")
                        + " Sign in with --user " + admin + ".");
        return 0;
    }
}
