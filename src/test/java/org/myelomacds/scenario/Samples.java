package org.myelomacds.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.engine.Evaluator;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RuleFiles;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.fhir.BundleReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** The fhir-samples scenarios and the two rulebases (build-time and run-time compiled) they run under. */
public final class Samples {
    /** Every sample's story is written against this evaluation date. */
    public static final LocalDate AS_OF = ScenarioSuite.DEFAULT_AS_OF;
    private static final BundleReader READER = new BundleReader();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Rulebase shipped;
    private static Rulebase onDisk;
    private static Terminology terminology;

    private Samples() {}

    public static Path projectDir() {
        return Path.of(System.getProperty("project.basedir", System.getProperty("user.dir")));
    }

    public static Path samplesDir() { return projectDir().resolve("fhir-samples"); }

    public static List<Path> bundles() {
        try (Stream<Path> s = Files.list(samplesDir())) {
            return s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path expectedFile(Path bundle) {
        return bundle.resolveSibling(bundle.getFileName().toString().replace(".json", ".expected.json"));
    }

    public static synchronized Rulebase rulebase(CompileMode mode) {
        try {
            if (mode == CompileMode.EXECUTABLE_MODEL) {
                if (shipped == null) shipped = Rulebase.shipped();
                return shipped;
            }
            if (onDisk == null) onDisk = Rulebase.compile(RuleFiles.fromDirectory(projectDir().resolve("rules")), CompileMode.DRL);
            return onDisk;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The terminology of rules/ on disk (the value sets every test reads codes with). */
    public static synchronized Terminology terminology() {
        if (terminology == null) {
            try {
                terminology = Terminology.load(RuleFiles.fromDirectory(projectDir().resolve("rules")).all());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return terminology;
    }

    /** The reader the samples are read with; read bundles with {@link #terminology()} or a rulebase's. */
    public static BundleReader reader() { return READER; }

    public static Assessment evaluate(Path bundle, Jurisdiction jurisdiction, CompileMode mode) {
        try {
            return evaluate(Files.readAllBytes(bundle), jurisdiction, mode);
        } catch (Exception e) {
            throw new IllegalStateException(bundle + ": " + e.getMessage(), e);
        }
    }

    /**
     * A bundle a test built or edited (a sample with a record changed, say), evaluated as a sample is under US labels
     * and the shipped rulebase: the bytes a file of it would hold, read without writing one.
     */
    public static Assessment evaluate(ObjectNode bundle) {
        return evaluate(bundle, Jurisdiction.US);
    }

    /** The same under another jurisdiction's labels. */
    public static Assessment evaluate(ObjectNode bundle, Jurisdiction jurisdiction) {
        try {
            return evaluate(JSON.writeValueAsBytes(bundle), jurisdiction, CompileMode.EXECUTABLE_MODEL);
        } catch (Exception e) {
            throw new IllegalStateException("edited bundle: " + e.getMessage(), e);
        }
    }

    /** The criterion of one regimen's rationale by its id; fails the test when the regimen does not state it. */
    public static org.myelomacds.assessment.Statement criterion(Assessment a, String regimen, String criterion) {
        return a.recommendations().stream().filter(r -> r.regimen().equals(regimen))
                .flatMap(r -> r.rationale().stream()).filter(s -> criterion.equals(s.criterion()))
                .findFirst().orElseThrow(() -> new AssertionError(regimen + " has no " + criterion));
    }

    /** The texts of the assessment's data gaps of one code. */
    public static List<String> gapTexts(Assessment a, String code) {
        return a.dataGaps().stream().filter(g -> g.code().equals(code)).map(g -> g.text()).toList();
    }

    private static Assessment evaluate(byte[] bundle, Jurisdiction jurisdiction, CompileMode mode) throws Exception {
        Rulebase rb = rulebase(mode);
        return new Evaluator(rb).evaluate(READER.read(bundle, AS_OF, rb.terminology()),
                new EvaluationContext(AS_OF, jurisdiction));
    }
}
