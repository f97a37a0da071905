package org.myelomacds.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.myelomacds.bulk.InProcessScreening;
import org.myelomacds.bulk.PatientScreener;
import org.myelomacds.bulk.ReaderEvaluatorAssessor;
import org.myelomacds.bulk.RunReport;
import org.myelomacds.bulk.ScreeningOptions;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseException;
import org.myelomacds.facts.Jurisdiction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Screen a FHIR Bulk Data export (NDJSON, one file per resource type): every patient with multiple "
                + "myeloma or a precursor plasma-cell disorder is assessed with the rulebase; writes summary.parquet, "
                + "summary.csv, assessments.ndjson, errors.ndjson and run.json.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:screened (refused patients are listed in errors.ndjson)", "2:usage error",
                "3:the export cannot be read", "4:rulebase failed to compile"})
public final class ScreenCommand implements Callable<Integer> {
    public enum Engine { in_process, spark }

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "the export: *.ndjson or *.ndjson.gz files (and manifest.json if saved)")
    public String input;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "where the results go")
    public String output;

    @Option(names = "--as-of", paramLabel = "DATE", description = "evaluation date (YYYY-MM-DD); default: today")
    public LocalDate asOf;

    @Option(names = "--jurisdiction", paramLabel = "US|EU", defaultValue = "US", description = "whose labels decide 'on label' (default: ${DEFAULT-VALUE})")
    public Jurisdiction jurisdiction;

    @Option(names = "--rules", paramLabel = "DIR", description = "compile this rule directory instead of using the build-time rulebase")
    public Path rules;

    @Option(names = "--allow-partial", description = "assess patients with unreadable parts (listed as UNREADABLE_INPUT data gaps and in errors.ndjson as PARTIAL); default: refuse them")
    public boolean allowPartial;

    @Option(names = "--threads", paramLabel = "N", description = "in-process: patients screened at once (default: the number of cores)")
    public Integer threads;

    @Option(names = "--memory-budget", paramLabel = "SIZE", description = "in-process: memory for grouping the cohort's records before spilling to disk, e.g. 512m or 2g (default: a quarter of the heap)")
    public String memoryBudget;

    @Option(names = "--all-patients", description = "screen every patient of the export, not only the myeloma and precursor cohort")
    public boolean allPatients;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "in-process", converter = EngineConverter.class,
            description = "in-process (default) or spark")
    public Engine engine;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", description = "Spark master (with --engine spark; default: ${DEFAULT-VALUE})")
    public String master;

    @Option(names = "--no-progress", description = "no progress bar, even on a terminal")
    public boolean noProgress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    public ScreenCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static final class EngineConverter implements CommandLine.ITypeConverter<Engine> {
        @Override public Engine convert(String value) {
            return switch (value) {
                case "in-process" -> Engine.in_process;
                case "spark" -> Engine.spark;
                default -> throw new CommandLine.TypeConversionException("expected in-process or spark, got '" + value + "'");
            };
        }
    }

    public LocalDate date() { return asOf == null ? LocalDate.now() : asOf; }

    /** The options as the engines take them (the Spark job reads input and output as URIs of its own). */
    public ScreeningOptions options() {
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new ScreeningOptions(Path.of(input), Path.of(output), date(), jurisdiction, allowPartial, n,
                memoryBudget == null ? ScreeningOptions.defaultMemoryBudget() : parseSize(memoryBudget), allPatients);
    }

    public Rulebase rulebase() throws RulebaseException {
        return rules == null ? org.myelomacds.engine.ShippedRulebase.rulebase() : Rulebase.compileDirectory(rules);
    }

    @Override
    public Integer call() throws Exception {
        if (threads != null && threads < 1) throw new CommandLine.ParameterException(new CommandLine(this), "--threads must be at least 1");
        if (memoryBudget != null) {
            try { parseSize(memoryBudget); } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
            }
        }
        if (engine == Engine.spark) return SparkProcess.run(sparkArguments(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)), err);
        if (!Files.isDirectory(Path.of(input))) {
            err.println("myeloma-cds: cannot read the export: " + input + " is not a directory");
            return ExitCode.INVALID_INPUT;
        }
        Rulebase rulebase;
        rulebase = rulebase();
        ScreeningOptions o = options();
        PatientScreener screener = new PatientScreener(new ReaderEvaluatorAssessor(new org.myelomacds.fhir.BundleReader(), rulebase),
                o.asOf(), o.jurisdiction(), o.allowPartial());
        RunReport report;
        try {
            report = new InProcessScreening(o, screener, progress()).run();
        } catch (IOException e) {
            err.println("myeloma-cds: cannot read the export: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        summary(report);
        return ExitCode.OK;
    }

    /** True when progress should be drawn: asked for, and stderr is a terminal (also for the Spark job's own bar). */
    public boolean drawProgress() {
        return !noProgress && ProgressBar.isTerminal();
    }

    private InProcessScreening.Progress progress() {
        boolean draw = drawProgress();
        return new InProcessScreening.Progress() {
            private ProgressBar bar;
            @Override public void start(long patients) { bar = new ProgressBar(err, (int) patients, draw); }
            @Override public void step(String patientId) { bar.step(patientId); }
            @Override public void finish() { if (bar != null) bar.done(); }
        };
    }

    void summary(RunReport report) {
        var c = report.root();
        err.printf(Locale.ROOT, "myeloma-cds: screened %d of %d patients in the export (cohort %d): %d assessed, %d refused; "
                        + "%d error line(s) in %s; %.1f s%n",
                report.count("cohort"), report.count("patientsInExport"), report.count("cohort"), report.count("assessed"),
                report.count("refused"), report.count("errorLines"), Path.of(output).resolve("errors.ndjson"),
                c.path("timings").path("totalSeconds").asDouble());
    }

    static long parseSize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("k")) unit = 1L << 10;
        else if (t.endsWith("m")) unit = 1L << 20;
        else if (t.endsWith("g")) unit = 1L << 30;
        if (unit > 1) t = t.substring(0, t.length() - 1);
        try {
            long v = Long.parseLong(t) * unit;
            if (v <= 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--memory-budget: expected a size such as 512m or 2g, got '" + s + "'");
        }
    }

    /** The arguments to hand the Spark job: everything but the engine choice. */
    List<String> sparkArguments(String[] original) {
        List<String> args = new ArrayList<>();
        for (int i = original.length > 0 && original[0].equals("screen") ? 1 : 0; i < original.length; i++) {
            String a = original[i];
            if (a.equals("--engine")) { i++; continue; }
            if (a.startsWith("--engine=")) continue;
            args.add(a);
        }
        return args;
    }
}
