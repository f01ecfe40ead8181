package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's usage help renders cleanly. Picocli formats descriptions with {@link String#format}, so a lone '%'
 * (as in {@code %LOCALAPPDATA%} or "95% intervals") makes it print a "[picocli WARN] Could not format" line and fall
 * back to the raw text, with any {@code %n} left in it.
 */
class UsageHelpTest {

    @Test
    void everyCommandsUsageHelpRendersWithoutAPicocliWarning() {
        List<CommandLine> commands = allCommands();
        String warnings = picocliWarningsWhile(() -> commands.forEach(UsageHelpTest::usageOf));
        assertThat(warnings).as("escape '%' as '%%' in these descriptions").isEmpty();
        for (CommandLine command : commands) {
            assertThat(usageOf(command)).as(command.getCommandSpec().qualifiedName()).doesNotContain("%n");
        }
    }

    @Test
    void theEscapedPercentSignsComeOutSingle() {
        CommandLine root = everyCommand();
        assertThat(usageOf(root).replaceAll("\\s+", "")).contains("%LOCALAPPDATA%\\OutcomeDesk");
        assertThat(usageOf(root.getSubcommands().get("monitor"))).contains("95% intervals");
        assertThat(usageOf(root.getSubcommands().get("doctors"))).contains("99.8% control limits");
    }

    /** The check itself can fail: an unescaped '%' in a description is reported. */
    @Test
    void aLonePercentSignIsCaught() {
        CommandLine bad = new CommandLine(CommandLine.Model.CommandSpec.create().name("bad")
                .usageMessage(new CommandLine.Model.UsageMessageSpec().description("with 95% intervals")));
        assertThat(picocliWarningsWhile(() -> usageOf(bad))).contains("Could not format");
    }

    private static String usageOf(CommandLine command) {
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static List<CommandLine> allCommands() {
        List<CommandLine> all = new ArrayList<>();
        collect(everyCommand(), all);
        assertThat(all).hasSizeGreaterThan(30);
        return all;
    }

    /** The root with every command, as {@code help} builds it (a run otherwise builds only the one it is given). */
    private static CommandLine everyCommand() {
        CommandLine root = new CommandLine(new OutcomeDeskCli());
        for (Class<?> command : OutcomeDeskCli.COMMANDS) root.addSubcommand(command);
        return root;
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        // An alias maps to the same CommandLine as its name; visit each once.
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }

    /** What picocli's tracer prints while {@code action} runs: it writes to whatever System.err is at the time. */
    private static String picocliWarningsWhile(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
