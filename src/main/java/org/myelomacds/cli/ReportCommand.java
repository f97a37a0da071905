package org.myelomacds.cli;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.engine.EvaluationException;
import org.myelomacds.engine.Evaluator;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseException;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.UnreadableInput;
import org.myelomacds.fhir.InvalidBundleException;
import org.myelomacds.render.report.HtmlReport;
import org.myelomacds.render.report.MarkdownReport;
import org.myelomacds.render.report.PdfReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the tumour-board report for one patient's FHIR R4 Bundle (HTML, Markdown or PDF),",
                "or with --batch one report per bundle in a directory plus an index.html."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report(s) written", "2:usage error",
                "3:unreadable or invalid input (stderr names the problem and where); in --batch mode: at least one "
                        + "bundle could not be read (the others are still written and listed in index.html)",
                "4:rulebase failed to compile (stderr gives file:line)"})
final class ReportCommand implements Callable<Integer> {
    enum Format { html, markdown, pdf }

    static final class Input {
        @Parameters(index = "0", paramLabel = "BUNDLE.json", description = "FHIR R4 Bundle (JSON); '-' reads standard input")
        String bundle;

        @Option(names = "--batch", paramLabel = "DIR",
                description = "write one report per *.json bundle in DIR (scenario files *.expected.json are skipped) "
                        + "and an index.html into the -o directory")
        Path batch;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
            description = "output file (default: standard output); with --batch the output directory (required)")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "html",
            description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--paper", paramLabel = "A4|LETTER", defaultValue = "A4",
            description = "PDF page size (default: ${DEFAULT-VALUE}); HTML leaves the size to the printer")
    HtmlReport.Paper paper;

    @CommandLine.Mixin
    EvaluationOptions evaluation;

    @Option(names = "--no-progress", description = "no progress bar in --batch mode (it is shown only when stderr is a terminal)")
    boolean noProgress;

    private final PrintStream out;
    private final PrintStream err;

    ReportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** One bundle's outcome: an assessment, or the exit code and the message that explain why there is none. */
    private record Outcome(Assessment assessment, int exit, String problem) {}

    @Override
    public Integer call() {
        Rulebase rulebase;
        try {
            rulebase = evaluation.rulebase();
        } catch (RulebaseException e) {
            err.println("myeloma-cds: " + e.getMessage());
            return Main.RULEBASE_ERROR;
        }
        LocalDate date = evaluation.date();
        return input.batch != null ? batch(rulebase, date) : single(rulebase, date);
    }

    private int single(Rulebase rulebase, LocalDate date) {
        String source = "-".equals(input.bundle) ? "<stdin>" : input.bundle;
        byte[] bytes;
        try {
            bytes = "-".equals(input.bundle) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(input.bundle));
        } catch (NoSuchFileException e) {
            err.println("myeloma-cds: cannot read " + input.bundle + ": no such file");
            return Main.INVALID_INPUT;
        } catch (IOException e) {
            err.println("myeloma-cds: cannot read " + input.bundle + ": " + e.getMessage());
            return Main.INVALID_INPUT;
        }
        Outcome o = assess(rulebase, bytes, source, date);
        if (o.assessment() == null) {
            err.print(o.problem());
            return o.exit();
        }
        byte[] rendered = render(o.assessment());
        try {
            if (output == null) {
                out.write(rendered, 0, rendered.length);
                out.flush();
            } else {
                if (output.getParent() != null) Files.createDirectories(output.getParent());
                Files.write(output, rendered);
            }
        } catch (IOException e) {
            err.println("myeloma-cds: cannot write " + output + ": " + e.getMessage());
            return Main.INVALID_INPUT;
        }
        return Main.OK;
    }

    private int batch(Rulebase rulebase, LocalDate date) {
        if (output == null) {
            err.println("myeloma-cds: --batch needs -o OUTDIR");
            return Main.USAGE;
        }
        List<Path> bundles;
        try (Stream<Path> files = Files.list(input.batch)) {
            bundles = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().endsWith(".expected.json"))
                    .sorted().toList();
            Files.createDirectories(output);
        } catch (IOException e) {
            err.println("myeloma-cds: cannot use " + input.batch + " / " + output + ": " + e);
            return Main.INVALID_INPUT;
        }
        String ext = switch (format) { case html -> ".html"; case markdown -> ".md"; case pdf -> ".pdf"; };
        List<HtmlReport.IndexRow> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ProgressBar progress = new ProgressBar(err, bundles.size(), !noProgress && ProgressBar.isTerminal());
        for (Path p : bundles) {
            String name = p.getFileName().toString();
            progress.step(name);
            Outcome o;
            try {
                o = assess(rulebase, Files.readAllBytes(p), p.toString(), date);
            } catch (IOException e) {
                o = new Outcome(null, Main.INVALID_INPUT, "myeloma-cds: cannot read " + p + ": " + e.getMessage() + "\n");
            }
            if (o.assessment() == null) {
                failures.add(name + ": " + o.problem().strip().replace("myeloma-cds: " + p + ": ", "").replace("\n", ";"));
                continue;
            }
            String file = name.substring(0, name.length() - ".json".length()) + ext;
            try {
                Files.write(output.resolve(file), render(o.assessment()));
            } catch (IOException e) {
                failures.add(name + ": cannot write " + output.resolve(file) + ": " + e.getMessage());
                continue;
            }
            rows.add(HtmlReport.IndexRow.of(o.assessment(), file, name));
        }
        progress.done();
        try {
            Files.writeString(output.resolve("index.html"),
                    HtmlReport.index(rows, failures, date.toString(), evaluation.jurisdiction.name()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("myeloma-cds: cannot write " + output.resolve("index.html") + ": " + e.getMessage());
            return Main.INVALID_INPUT;
        }
        err.println("myeloma-cds: wrote " + rows.size() + " report(s) and index.html to " + output);
        if (!failures.isEmpty()) {
            err.println("myeloma-cds: " + failures.size() + " bundle(s) could not be read:");
            for (String f : failures) err.println("  " + f);
            return Main.INVALID_INPUT;
        }
        return Main.OK;
    }

    private Outcome assess(Rulebase rulebase, byte[] bytes, String source, LocalDate date) {
        PatientRecord record;
        try {
            record = EvaluateCommand.Readers.shared().read(bytes, date, rulebase.terminology());
        } catch (InvalidBundleException e) {
            StringBuilder b = new StringBuilder("myeloma-cds: " + source + ": " + e.getMessage() + "\n");
            for (String d : e.details()) b.append("  ").append(d).append('\n');
            return new Outcome(null, Main.INVALID_INPUT, b.toString());
        }
        if (!record.isComplete() && !evaluation.allowPartial) {
            StringBuilder b = new StringBuilder("myeloma-cds: " + source + ": " + record.unreadable().size()
                    + " part(s) of the bundle could not be read; refusing to report on incomplete data "
                    + "(use --allow-partial to report with them listed as data gaps):\n");
            for (UnreadableInput p : record.unreadable()) b.append("  ").append(p.describe()).append('\n');
            return new Outcome(null, Main.INVALID_INPUT, b.toString());
        }
        try {
            return new Outcome(new Evaluator(rulebase).evaluate(record, new EvaluationContext(date, evaluation.jurisdiction)), Main.OK, null);
        } catch (EvaluationException e) {
            return new Outcome(null, Main.RULEBASE_ERROR, "myeloma-cds: " + e.getMessage() + "\n");
        }
    }

    private byte[] render(Assessment a) {
        return switch (format) {
            case html -> HtmlReport.render(a).getBytes(StandardCharsets.UTF_8);
            case markdown -> MarkdownReport.render(a).getBytes(StandardCharsets.UTF_8);
            case pdf -> PdfReport.render(a, paper);
        };
    }
}
