package org.myelomacds.cli;

import org.myelomacds.cli.bench.BenchBigRecordCommand;
import org.myelomacds.cli.bench.BenchCommand;
import org.myelomacds.cli.bench.BenchScreenCommand;
import org.myelomacds.cli.bench.LoadCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The myeloma-cds launcher. Exit codes are contract (ARCHITECTURE.md §7, {@link ExitCode}): 0 success, 1 a check
 * failed, 2 usage error, 3 unreadable or invalid input, 4 rulebase failed to compile.
 */
@Command(name = "myeloma-cds", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Clinical decision support for anti-CD38 therapy in multiple myeloma. "
                + "Decision support for clinicians; not a prescription.",
        exitCodeListHeading = "%nExit codes (every command; see each command's --help):%n",
        exitCodeList = {"0:success", "1:a check failed (rules test, rules coverage, load)", "2:usage error",
                "3:unreadable or invalid input", "4:rulebase failed to compile or failed its checks"})
public final class Main implements Runnable {
    /** The subcommands, in the order the usage lists them. */
    static final List<Class<?>> COMMANDS = List.of(EvaluateCommand.class, ReportCommand.class,
            ServeCommand.class, ScreenCommand.class, MakeExportCommand.class, HookRequestCommand.class, LoadCommand.class, RulesCommand.class, BenchCommand.class, BenchScreenCommand.class,
            BenchBigRecordCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (e.g. evaluate)");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI without exiting the JVM; returns the exit code. Tests and the real-data harness call this. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Main(), new StreamFactory(out, err));
        for (Class<?> command : commandsFor(args)) cli.addSubcommand(command);
        withVersionEverywhere(cli);
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        // A command's failure becomes its exit code through picocli's mapping, and its message is printed here once.
        ExitCode exitCodes = new ExitCode();
        cli.setExitCodeExceptionMapper(exitCodes);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String message = ExitCode.message(ex);
            commandLine.getErr().print(message != null ? message : "myeloma-cds: internal error: " + ex + "\n");
            commandLine.getErr().flush();
            return exitCodes.getExitCode(ex);
        });
        return cli.execute(args);
    }

    /** Every subcommand answers --version with the same text as the top command (picocli does not inherit it). */
    static void withVersionEverywhere(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec().versionProvider() == null) sub.getCommandSpec().versionProvider(new VersionProvider());
            withVersionEverywhere(sub);
        }
    }

    /**
     * Only the subcommand the arguments name, when they name one: picocli builds a command's model by reflection over
     * its options and their types, and building all of them cost ~0.07 s of every cold start. Anything else (no
     * command, help, a typo) gets them all, so the usage and picocli's suggestions list every command.
     */
    static List<Class<?>> commandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (command != CommandLine.HelpCommand.class
                        && command.getAnnotation(Command.class).name().equals(args[0])) return List.of(command);
            }
        }
        return COMMANDS;
    }

    /** Gives commands the streams the caller chose, so in-process runs never write to System.out. */
    record StreamFactory(PrintStream out, PrintStream err) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == EvaluateCommand.class) return cls.cast(new EvaluateCommand(out));
            if (cls == BenchCommand.class) return cls.cast(new BenchCommand(out, err));
            if (cls == ServeCommand.class) return cls.cast(new ServeCommand(out, err));
            if (cls == HookRequestCommand.class) return cls.cast(new HookRequestCommand(out, err));
            if (cls == LoadCommand.class) return cls.cast(new LoadCommand(out, err));
            if (cls == ScreenCommand.class) return cls.cast(new ScreenCommand(out, err));
            if (cls == BenchScreenCommand.class) return cls.cast(new BenchScreenCommand(out, err));
            if (cls == BenchBigRecordCommand.class) return cls.cast(new BenchBigRecordCommand(out, err));
            if (cls == MakeExportCommand.class) return cls.cast(new MakeExportCommand(out, err));
            if (cls == ReportCommand.class) return cls.cast(new ReportCommand(out, err));
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
