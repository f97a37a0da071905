package org.myelomacds.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myelomacds.scenario.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The package invariants of the code map (docs/ARCHITECTURE.md), checked with ArchUnit on the compiled classes: a
 * dependency through a fully qualified name counts as much as an import, and a renamed package fails the test
 * (each rule must find the classes it speaks of) instead of passing silently.
 */
class ArchitectureTest {
    private static final String ROOT = "org.myelomacds";
    /** The packages the invariants name; each must exist and hold classes. */
    private static final List<String> PACKAGES = List.of("facts", "evidence", "assessment", "derive", "engine", "fhir",
            "assessor", "render", "scenario", "authoring", "bulk", "server", "cli", "cli.bench", "spark");
    private static final String[] HAPI = {"ca.uhn..", "org.hl7.fhir.."};
    private static final String[] DROOLS = {"org.kie..", "org.drools.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    @Test
    void everyPackageTheRulesNameExists() {
        Set<String> missing = new TreeSet<>();
        for (String p : PACKAGES) {
            if (classes.stream().noneMatch(c -> c.getPackageName().equals(ROOT + "." + p))) missing.add(p);
        }
        assertEquals(Set.of(), missing, "packages named by the architecture rules but holding no classes (renamed?)");
    }

    /** The engine judges facts; where they come from (FHIR), who asks (server, CLI) and the test tooling are above it. */
    @Test
    void engineNeverDependsOnFhirScenarioOrFrontEnds() {
        check(noClasses().that().resideInAPackage(pkg("engine")).should().dependOnClassesThat().resideInAnyPackage(
                pkg("fhir"), pkg("scenario"), pkg("server"), pkg("cli"), pkg("bulk"), pkg("render"), pkg("assessor"),
                pkg("authoring")));
    }

    /** No class of the engine touches HAPI, even through a library it calls. */
    @Test
    void engineNeverUsesHapi() {
        check(noClasses().that().resideInAPackage(pkg("engine")).should().dependOnClassesThat().resideInAnyPackage(HAPI));
    }

    /**
     * Renderers draw an Assessment and nothing else: they never reach the engine, the facts, the reader or the
     * server. Two stated exceptions while the cards still build their FHIR proposals from named rules (to be replaced
     * by proposals the rules declare): the card renderer uses the terminology's observation codes and the FHIR
     * proposed-order builder. A third: the IMWG refractory window figure (facts.RefractoryWindow, a constant and no
     * logic), which the line table quotes and lists assessments by, so the report and the rules share one number.
     */
    @Test
    void renderDependsOnTheAssessmentOnly() {
        DescribedPredicate<JavaClass> allowed = resideOutsideOfPackage(ROOT + "..")
                .or(resideInAnyPackage(pkg("render"), pkg("assessment")))
                .or(DescribedPredicate.describe("a stated exception (ObservationTerms, ProposedOrders, RefractoryWindow)",
                        c -> c.getName().startsWith(ROOT + ".evidence.terminology.ObservationTerms")
                                || c.getName().startsWith(ROOT + ".fhir.ProposedOrders")
                                || c.getName().equals(ROOT + ".facts.RefractoryWindow")));
        check(com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage(pkg("render"))
                .should().onlyDependOnClassesThat(allowed));
    }

    /** The domain (facts, evidence, the Assessment) is plain Java: no FHIR library, no rule engine. */
    @Test
    void factsEvidenceAndAssessmentImportNeitherHapiNorDrools() {
        String[] forbidden = Stream.concat(Stream.of(HAPI), Stream.of(DROOLS)).toArray(String[]::new);
        check(noClasses().that().resideInAnyPackage(pkg("facts"), pkg("evidence"), pkg("assessment"))
                .should().dependOnClassesThat().resideInAnyPackage(forbidden));
    }

    /** HAPI is the FHIR package's business; everyone else sees facts. */
    @Test
    void onlyTheFhirPackageUsesHapi() {
        check(noClasses().that().resideOutsideOfPackage(pkg("fhir"))
                .should().dependOnClassesThat().resideInAnyPackage(HAPI));
    }

    /** The CLI runs without Spark on its classpath: only the Spark job (src/spark/java) may use it. */
    @Test
    void sparkStaysInTheSparkJob() {
        check(noClasses().that().resideOutsideOfPackage(pkg("spark"))
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala.."));
    }

    /**
     * Benchmarks and the load generator are tooling beside the product: the commands a clinician or an integrator runs
     * never use them, only Main registers them.
     */
    @Test
    void benchAndLoadToolingIsReachedOnlyFromMain() {
        check(noClasses().that().resideOutsideOfPackage(pkg("cli.bench")).and().haveNameNotMatching("org\\.myelomacds\\.cli\\.Main(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage(pkg("cli.bench")));
    }

    /** Every dependency between top-level packages points one way: no package reaches back up to one that uses it. */
    @Test
    void noCyclesBetweenPackages() {
        check(slices().matching(ROOT + ".(*)..").should().beFreeOfCycles());
    }

    @Test
    void rulesSeeFactsNeverFhirResources() throws IOException {
        List<String> bad = new ArrayList<>();
        Path rules = Samples.projectDir().resolve("rules");
        try (Stream<Path> walk = Files.walk(rules)) {
            List<Path> drl = walk.filter(f -> f.toString().endsWith(".drl")).toList();
            assertEquals(true, !drl.isEmpty(), "no DRL files under " + rules);
            for (Path p : drl) {
                for (String line : Files.readAllLines(p)) {
                    if (line.strip().startsWith("import") && (line.contains("org.hl7") || line.contains("ca.uhn"))) {
                        bad.add(p + ": " + line.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    /**
     * Renderers find a rule's output by what it declares (a concept, a proposal, a flag code), never by its id: a
     * renamed, split or renumbered rule must not silently drop a line from a report or a card. Every string literal
     * under render/ is read for words shaped like a rule id; a word that is a rule id of the shipped rulebase, or the
     * start of one (a family prefix such as DERIVE-WASHOUT), fails the test.
     */
    @Test
    void renderersNeverNameARuleId() throws IOException {
        Set<String> ruleIds = new TreeSet<>();
        java.util.regex.Pattern ruleLine = java.util.regex.Pattern.compile("^rule \"([A-Z][A-Z0-9-]*):");
        try (Stream<Path> walk = Files.walk(Samples.projectDir().resolve("rules"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".drl")).toList()) {
                for (String line : Files.readAllLines(p)) {
                    java.util.regex.Matcher m = ruleLine.matcher(line);
                    if (m.find()) ruleIds.add(m.group(1));
                }
            }
        }
        assertEquals(true, ruleIds.size() > 100, "rule ids read from rules/: " + ruleIds.size());
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        java.util.regex.Pattern idShaped = java.util.regex.Pattern.compile("[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+");
        List<String> bad = new ArrayList<>();
        Path render = Samples.projectDir().resolve("src/main/java/org/myelomacds/render");
        try (Stream<Path> walk = Files.walk(render)) {
            List<Path> sources = walk.filter(f -> f.toString().endsWith(".java")).toList();
            assertEquals(true, sources.size() > 5, "render sources found under " + render);
            for (Path p : sources) {
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    java.util.regex.Matcher lit = literal.matcher(lines.get(i));
                    while (lit.find()) {
                        java.util.regex.Matcher word = idShaped.matcher(lit.group(1));
                        while (word.find()) {
                            String w = word.group();
                            if (ruleIds.stream().anyMatch(id -> id.startsWith(w))) {
                                bad.add(render.relativize(p) + ":" + (i + 1) + ": " + w);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), bad, "rule ids named in render/ (find the output by its concept instead)");
    }

    /** Rules fail when they find nothing to check (ArchUnit's default), so a renamed package cannot pass silently. */
    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
