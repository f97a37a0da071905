package org.myelomacds.cli;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessor.AssessmentResult;
import org.myelomacds.assessor.Assessor;
import org.myelomacds.engine.RuleFiles;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseException;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.fhir.BundleReader;
import org.myelomacds.render.JsonRenderer;
import org.myelomacds.render.report.HtmlReport;
import org.myelomacds.render.report.MarkdownReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate one patient's FHIR R4 Bundle and print the assessment.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:assessment printed", "2:usage error",
                "3:unreadable or invalid input (stderr names the problem and where), or a deceased patient",
                "4:rulebase failed to compile (stderr gives file:line)"})
final class EvaluateCommand implements Callable<Integer> {
    enum Format { json, markdown, html, cards }

    @Parameters(index = "0", paramLabel = "BUNDLE.json", description = "FHIR R4 Bundle (JSON); '-' reads standard input")
    String bundle;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @CommandLine.Mixin
    EvaluationOptions evaluation;

    private final PrintStream out;

    EvaluateCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws RulebaseException {
        java.io.InputStream bytes = BundleInput.open(bundle);
        RuleFiles files = evaluation.files();
        // Loading the rules and the first FHIR parse each cost about a second in a fresh JVM. The bundle needs only the
        // rule files' terminology, so the rules load on a second thread (asking for the terminology once they are
        // built) while this thread loads the terminology and reads the bundle with it.
        CompletableFuture<Terminology> terms = new CompletableFuture<>();
        CompletableFuture<Rulebase> loading = CompletableFuture.supplyAsync(() -> {
            try {
                return evaluation.rulebase(files, () -> {
                    try {
                        return terms.join();
                    } catch (CompletionException e) {
                        if (e.getCause() instanceof RulebaseException re) throw re;
                        throw e;
                    }
                });
            } catch (RulebaseException e) {
                throw new CompletionException(e);
            }
        });
        Assessor.Rules rules = new Assessor.Rules() {
            @Override
            public Terminology terminology() throws RulebaseException {
                try {
                    Terminology terminology = evaluation.terminology(files);
                    terms.complete(terminology);
                    return terminology;
                } catch (RulebaseException e) {
                    terms.completeExceptionally(e);
                    throw e;
                }
            }

            @Override
            public Rulebase rulebase() throws RulebaseException {
                try {
                    return loading.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RulebaseException re) throw re;
                    throw new RulebaseException(String.valueOf(e.getCause()), java.util.List.of());
                }
            }
        };
        AssessmentResult result;
        try (bytes) {
            result = new Assessor(new BundleReader(), rules)
                    .assess(bytes, evaluation.date(), evaluation.jurisdiction, evaluation.allowPartial);
        } catch (java.io.IOException e) {
            throw ExitCode.CommandFailure.invalidInput("cannot read " + bundle + ": " + e.getMessage());
        }
        Assessment assessment = BundleInput.assessment(result, BundleInput.source(bundle),
                "refusing to give an answer built on incomplete data (use --allow-partial to evaluate with them listed as data gaps)");
        String text = switch (format) {
            case json -> JsonRenderer.render(assessment);
            case markdown -> MarkdownReport.render(assessment);
            case html -> HtmlReport.render(assessment);
            case cards -> CardsPreview.render(assessment, rules.rulebase());
        };
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.write(utf8, 0, utf8.length);
        out.flush();
        return ExitCode.OK;
    }
}
