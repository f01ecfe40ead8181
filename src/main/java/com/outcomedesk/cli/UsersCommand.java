package com.outcomedesk.cli;

import com.outcomedesk.security.AccountService;
import com.outcomedesk.security.UserAccount;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "users", description = "List the user accounts (administrators), or manage them with a subcommand.",
        subcommands = {UsersCommand.Add.class, UsersCommand.SetRole.class, UsersCommand.Passwd.class,
                UsersCommand.Disable.class})
final class UsersCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Override
    public Integer call() {
        return SignedInAnswer.run(root, spec, json, engine -> {
            List<UserAccount> users = engine.accounts().list(root.actor());
            return new SignedInAnswer(users, users.stream()
                    .map(u -> String.format("%-20s %-13s %s", u.name(), AccountService.code(u.role()),
                            u.disabled() ? "disabled" : u.lockedUntil() != null ? "locked until " + u.lockedUntil() : "active"))
                    .collect(Collectors.joining("\n")));
        });
    }

    @Command(name = "add", description = "Add a user; the new password comes from $OUTCOMEDESK_NEW_PASSWORD or is asked twice.")
    static final class Add implements Callable<Integer> {
        @ParentCommand UsersCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--role", defaultValue = "clinician", description = "clinician (default) or administrator.")
        String role;

        @Override
        public Integer call() {
            var r = AccountService.role(role);
            return SignedInAnswer.run(parent.root, spec, json, engine -> {
                char[] password = Passwords.chosen(parent.root.environment, Passwords.NEW_PASSWORD_ENV, name);
                engine.accounts().create(name, r, password, parent.root.actor());
                return new SignedInAnswer(Map.of("added", name, "role", AccountService.code(r)),
                        "Added " + AccountService.code(r) + " " + name + ".");
            });
        }
    }

    @Command(name = "role", description = "Change a user's role.")
    static final class SetRole implements Callable<Integer> {
        @ParentCommand UsersCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "ROLE", description = "clinician or administrator.") String role;

        @Override
        public Integer call() {
            var r = AccountService.role(role);
            return SignedInAnswer.run(parent.root, spec, json, engine -> {
                engine.accounts().changeRole(name, r, parent.root.actor());
                return new SignedInAnswer(Map.of("user", name, "role", AccountService.code(r)),
                        name + " is now " + AccountService.code(r) + ".");
            });
        }
    }

    @Command(name = "passwd", description = "Set a new password (your own, or anyone's as administrator) from "
            + "$OUTCOMEDESK_NEW_PASSWORD or asked twice.")
    static final class Passwd implements Callable<Integer> {
        @ParentCommand UsersCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            return SignedInAnswer.run(parent.root, spec, json, engine -> {
                char[] password = Passwords.chosen(parent.root.environment, Passwords.NEW_PASSWORD_ENV, name);
                engine.accounts().changePassword(name, password, parent.root.actor());
                return new SignedInAnswer(Map.of("user", name, "passwordChanged", true),
                        "Changed the password of " + name + ".");
            });
        }
    }

    @Command(name = "disable", description = "Disable a user: they can no longer sign in or unlock the store.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand UsersCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            return SignedInAnswer.run(parent.root, spec, json, engine -> {
                engine.accounts().disable(name, parent.root.actor());
                return new SignedInAnswer(Map.of("user", name, "disabled", true), "Disabled " + name + ".");
            });
        }
    }
}
