package org.myelomacds.cli;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.engine.EvaluationException;
import org.myelomacds.engine.Evaluator;
import org.myelomacds.engine.RuleFiles;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseException;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.UnreadableInput;
import org.myelomacds.fhir.BundleReader;
import org.myelomacds.fhir.InvalidBundleException;
import org.myelomacds.render.JsonRenderer;
import org.myelomacds.render.MarkdownRenderer;
import org.myelomacds.render.report.HtmlReport;
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
import java.util.concurrent.Callable;

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
    private final PrintStream err;

    EvaluateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = "-".equals(bundle) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(bundle));
        } catch (NoSuchFileException e) {
            err.println("myeloma-cds: cannot read " + bundle + ": no such file");
            return Main.INVALID_INPUT;
        } catch (IOException e) {
            err.println("myeloma-cds: cannot read " + bundle + ": " + e.getMessage());
            return Main.INVALID_INPUT;
        }
        // Loading the rules and the first FHIR parse each cost about a second in a fresh JVM. The bundle needs only the
        // rule files' terminology, so the rules load on a second thread (asking for the terminology once they are
        // built) while this thread loads the terminology and reads the bundle with it.
        RuleFiles files;
        try {
            files = evaluation.files();
        } catch (RulebaseException e) {
            err.println("myeloma-cds: " + e.getMessage());
            return Main.RULEBASE_ERROR;
        }
        java.util.concurrent.CompletableFuture<Terminology> terms = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Rulebase> loading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return evaluation.rulebase(files, () -> {
                    try {
                        return terms.join();
                    } catch (java.util.concurrent.CompletionException e) {
                        if (e.getCause() instanceof RulebaseException re) throw re;
                        throw e;
                    }
                });
            } catch (RulebaseException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Terminology terminology;
        try {
            terminology = evaluation.terminology(files);
            terms.complete(terminology);
        } catch (RulebaseException e) {
            terms.completeExceptionally(e);
            err.println("myeloma-cds: " + e.getMessage());
            return Main.RULEBASE_ERROR;
        }
        LocalDate date = evaluation.date();
        PatientRecord record;
        try {
            record = Readers.shared().read(bytes, date, terminology);
        } catch (InvalidBundleException e) {
            err.println("myeloma-cds: " + source() + ": " + e.getMessage());
            for (String d : e.details()) err.println("  " + d);
            return Main.INVALID_INPUT;
        }
        Rulebase rulebase;
        try {
            rulebase = loading.join();
        } catch (java.util.concurrent.CompletionException e) {
            err.println("myeloma-cds: " + (e.getCause() instanceof RulebaseException re ? re.getMessage() : String.valueOf(e.getCause())));
            return Main.RULEBASE_ERROR;
        }
        if (!record.isComplete() && !evaluation.allowPartial) {
            err.println("myeloma-cds: " + source() + ": " + record.unreadable().size()
                    + " part(s) of the bundle could not be read; refusing to give an answer built on incomplete data "
                    + "(use --allow-partial to evaluate with them listed as data gaps):");
            for (UnreadableInput p : record.unreadable()) err.println("  " + p.describe());
            return Main.INVALID_INPUT;
        }
        Assessment assessment;
        try {
            assessment = new Evaluator(rulebase).evaluate(record, new EvaluationContext(date, evaluation.jurisdiction));
        } catch (EvaluationException e) {
            err.println("myeloma-cds: " + e.getMessage());
            return Main.RULEBASE_ERROR;
        }
        String text = switch (format) {
            case json -> JsonRenderer.render(assessment);
            case markdown -> MarkdownRenderer.render(assessment);
            case html -> HtmlReport.render(assessment);
            case cards -> CardsPreview.render(assessment, rulebase.terminology());
        };
        out.write(text.getBytes(StandardCharsets.UTF_8), 0, text.getBytes(StandardCharsets.UTF_8).length);
        out.flush();
        return Main.OK;
    }

    private String source() { return "-".equals(bundle) ? "<stdin>" : bundle; }

    /**
     * One BundleReader and one shipped rulebase per process: both are expensive to build, immutable and safe to
     * share, and in-process callers (tests, batch runs) evaluate many bundles.
     */
    static final class Readers {
        private static BundleReader reader;
        private static RuleFiles shippedFiles;
        private static Terminology shippedTerminology;
        private static Rulebase shipped;

        static synchronized BundleReader shared() {
            if (reader == null) reader = new BundleReader();
            return reader;
        }

        static synchronized RuleFiles shippedFiles() throws RulebaseException {
            if (shippedFiles == null) shippedFiles = Rulebase.shippedFiles();
            return shippedFiles;
        }

        /** The shipped terminology: the instance the shipped rulebase holds. */
        static Terminology shippedTerminology() throws RulebaseException {
            RuleFiles files = shippedFiles();
            synchronized (Readers.class) {
                if (shippedTerminology == null) shippedTerminology = Rulebase.terminology(files);
                return shippedTerminology;
            }
        }

        static Rulebase shippedRulebase() throws RulebaseException {
            return shippedRulebase(Readers::shippedTerminology);
        }

        /** The shipped rulebase; the terminology is asked for once its classes are loaded (another thread may be loading it). */
        static Rulebase shippedRulebase(Rulebase.TerminologySource terminology) throws RulebaseException {
            synchronized (Readers.class) {
                if (shipped != null) return shipped;
            }
            Rulebase built = Rulebase.shipped(shippedFiles(), terminology);
            synchronized (Readers.class) {
                if (shipped == null) shipped = built;
                return shipped;
            }
        }
    }
}
