package org.myelomacds.cli;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessor.Assessor;
import org.myelomacds.engine.RulebaseException;
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

    private static final String REFUSAL =
            "refusing to report on incomplete data (use --allow-partial to report with them listed as data gaps)";

    @Override
    public Integer call() throws RulebaseException {
        Assessor assessor = Assessor.of(evaluation.rulebase());
        return input.batch != null ? batch(assessor) : single(assessor);
    }

    private int single(Assessor assessor) {
        Assessment assessment;
        try (java.io.InputStream bundle = BundleInput.open(input.bundle)) {
            assessment = BundleInput.assessment(
                    assessor.assess(bundle, evaluation.date(), evaluation.jurisdiction, evaluation.allowPartial),
                    BundleInput.source(input.bundle), REFUSAL);
        } catch (IOException e) {
            throw ExitCode.CommandFailure.invalidInput("cannot read " + input.bundle + ": " + e.getMessage());
        }
        byte[] rendered = render(assessment);
        try {
            if (output == null) {
                out.write(rendered, 0, rendered.length);
                out.flush();
            } else {
                if (output.getParent() != null) Files.createDirectories(output.getParent());
                Files.write(output, rendered);
            }
        } catch (IOException e) {
            throw ExitCode.CommandFailure.invalidInput("cannot write " + output + ": " + e.getMessage());
        }
        return ExitCode.OK;
    }

    private int batch(Assessor assessor) {
        if (output == null) throw ExitCode.CommandFailure.usage("--batch needs -o OUTDIR");
        List<Path> bundles;
        try (Stream<Path> files = Files.list(input.batch)) {
            bundles = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().endsWith(".expected.json"))
                    .sorted().toList();
            Files.createDirectories(output);
        } catch (IOException e) {
            throw ExitCode.CommandFailure.invalidInput("cannot use " + input.batch + " / " + output + ": " + e);
        }
        LocalDate date = evaluation.date();
        String ext = switch (format) { case html -> ".html"; case markdown -> ".md"; case pdf -> ".pdf"; };
        List<HtmlReport.IndexRow> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ProgressBar progress = new ProgressBar(err, bundles.size(), !noProgress && ProgressBar.isTerminal());
        for (Path p : bundles) {
            String name = p.getFileName().toString();
            progress.step(name);
            Assessment assessment;
            try (java.io.InputStream bundle = BundleInput.open(p.toString())) {
                assessment = BundleInput.assessment(assessor.assess(bundle, date,
                        evaluation.jurisdiction, evaluation.allowPartial), p.toString(), REFUSAL);
            } catch (IOException e) {
                failures.add(name + ": cannot read: " + e.getMessage());
                continue;
            } catch (ExitCode.CommandFailure f) {
                // One line per bundle in index.html and on stderr; the others are still written.
                failures.add(name + ": " + f.text().strip().replace("myeloma-cds: " + p + ": ", "").replace("\n", ";"));
                continue;
            }
            String file = name.substring(0, name.length() - ".json".length()) + ext;
            try {
                Files.write(output.resolve(file), render(assessment));
            } catch (IOException e) {
                failures.add(name + ": cannot write " + output.resolve(file) + ": " + e.getMessage());
                continue;
            }
            rows.add(HtmlReport.IndexRow.of(assessment, file, name));
        }
        progress.done();
        try {
            Files.writeString(output.resolve("index.html"),
                    HtmlReport.index(rows, failures, date.toString(), evaluation.jurisdiction.name()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ExitCode.CommandFailure.invalidInput("cannot write " + output.resolve("index.html") + ": " + e.getMessage());
        }
        err.println("myeloma-cds: wrote " + rows.size() + " report(s) and index.html to " + output);
        if (!failures.isEmpty()) {
            throw ExitCode.CommandFailure.of(ExitCode.INVALID_INPUT, failures.size() + " bundle(s) could not be read:", failures);
        }
        return ExitCode.OK;
    }

    private byte[] render(Assessment a) {
        return switch (format) {
            case html -> HtmlReport.render(a).getBytes(StandardCharsets.UTF_8);
            case markdown -> MarkdownReport.render(a).getBytes(StandardCharsets.UTF_8);
            case pdf -> PdfReport.render(a, paper);
        };
    }
}
