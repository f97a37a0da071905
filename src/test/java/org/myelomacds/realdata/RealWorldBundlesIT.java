package org.myelomacds.realdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.myelomacds.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * "Real data no one here wrote": every official HL7 FHIR R4 example (npm package hl7.fhir.r4.examples@4.0.1)
 * and a seeded Synthea population go through {@code evaluate} in-process ({@link Main#run}).
 *
 * <ul>
 *   <li>every example file whose resourceType is Bundle, as it is;</li>
 *   <li>every other example resource, wrapped alone in a collection Bundle (mostly no Patient: must be exit 3
 *       with a message; conformance resources sampled only with -Drealdata.sample=true), plus the package's
 *       own package.json (not FHIR at all);</li>
 *   <li>every Synthea patient bundle; at least one with multiple myeloma must give a complete assessment.</li>
 * </ul>
 * Each run must end with exit 0 (stdout: JSON with a disclaimer) or exit 3 (non-empty stderr); nothing may escape
 * or hang. The data come from scripts/realdata/*.sh, run here when missing. If they cannot be fetched the test is
 * skipped on a developer machine without network access, but fails when CI=true.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealWorldBundlesIT {
    static final String AS_OF = "2026-11-01";
    static final String MULTIPLE_MYELOMA_SNOMED = "109989006";
    static final Set<String> ALL_REGIMENS = Set.of("ISA_PD", "ISA_KD", "ISA_VRD", "DARA_RD", "DARA_VMP", "DARA_VTD",
            "DARA_VRD", "DARA_VD", "DARA_KD", "DARA_PD", "DARA_MONO");
    /** Wall-clock limit for one evaluation; far above the expected milliseconds-to-seconds. */
    static final long TIMEOUT_SECONDS = Long.getLong("realdata.timeoutSeconds", 180);

    /**
     * Conformance resources (4,587 of the 5,263 non-Bundle examples) carry no patient data; by default only the
     * first {@value #CONFORMANCE_SAMPLE} of each type (file-name order) are run, every other resource always is.
     * -Drealdata.sample=true samples them for a quick local run.
     */
    // Every example resource runs by default (about 20 s with the rulebase loaded once per process);
    // -Drealdata.sample=true samples conformance resources for a quick local run.
    static final boolean ALL_RESOURCES = !Boolean.getBoolean("realdata.sample");
    static final int CONFORMANCE_SAMPLE = 10;
    static final Set<String> CONFORMANCE_TYPES = Set.of("StructureDefinition", "ValueSet", "CodeSystem",
            "SearchParameter", "ConceptMap", "OperationDefinition", "CapabilityStatement", "ImplementationGuide",
            "CompartmentDefinition", "NamingSystem", "StructureMap", "GraphDefinition", "MessageDefinition",
            "TerminologyCapabilities", "ExampleScenario");

    static final ObjectMapper JSON = new ObjectMapper();
    static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    static Path base;
    static Path examplesDir;
    static Path syntheaDir;
    static Path syntheaTransplantDir;
    static Path wrapDir;

    @BeforeAll
    static void fetchData() throws Exception {
        // thousands of runs: keep Drools' per-run INFO lines out of the build log (no effect if slf4j is already up)
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        base = Path.of(System.getProperty("project.basedir", System.getProperty("basedir", System.getProperty("user.dir"))))
                .toAbsolutePath();
        Path real = base.resolve("target/realdata");
        examplesDir = real.resolve("fhir-examples/package");
        syntheaDir = real.resolve("synthea/output/fhir");
        wrapDir = real.resolve("wrapped");
        ensure("scripts/realdata/fetch-fhir-examples.sh", real.resolve("fhir-examples/.complete"),
                "registry.npmjs.org");
        ensure("scripts/realdata/generate-synthea.sh", real.resolve("synthea/output/.complete"),
                "repo.maven.apache.org");
        syntheaTransplantDir = real.resolve("synthea-transplant/output/fhir");
        ensure("scripts/realdata/generate-synthea.sh", real.resolve("synthea-transplant/output/.complete"),
                "repo.maven.apache.org", "transplant");
    }

    /** Runs the script (it is idempotent and cheap when its data are complete). */
    private static void ensure(String script, Path marker, String host, String... args) throws Exception {
        Path log = base.resolve("target/realdata").resolve(Path.of(script).getFileName()
                + (args.length == 0 ? "" : "-" + String.join("-", args)) + ".log");
        Files.createDirectories(log.getParent());
        long t0 = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("bash", base.resolve(script).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(script + " did not finish within 15 minutes (log: " + log + ")");
        }
        String output = Files.readString(log);
        System.out.printf("[realdata] %s (%.1fs): %s%n", script, (System.nanoTime() - t0) / 1e9,
                output.strip().replace("\n", " | "));
        if (p.exitValue() == 0 && Files.exists(marker)) return;
        String why = script + " failed with exit " + p.exitValue() + ":\n" + output;
        if (!CI && !reachable(host)) {
            Assumptions.abort(host + " is unreachable and CI is not 'true', skipping the real-data test. " + why);
        }
        fail(why);
    }

    private static boolean reachable(String host) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, 443), 5000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ the three corpora

    @Test
    @Order(1)
    void everyOfficialExampleBundleIsEvaluatedOrRefusedCleanly() throws Exception {
        List<Path> bundles = new ArrayList<>();
        for (Path f : exampleFiles()) {
            if ("Bundle".equals(resourceType(f))) bundles.add(f);
        }
        assertFalse(bundles.isEmpty(), "no Bundle found in " + examplesDir);
        Tally tally = new Tally("FHIR R4 example Bundles");
        for (Path f : bundles) tally.add(f, evaluate(f));
        tally.report();
        tally.assertClean();
    }

    @Test
    @Order(2)
    void everyOtherOfficialExampleResourceWrappedAloneIsEvaluatedOrRefusedCleanly() throws Exception {
        Files.createDirectories(wrapDir);
        Tally tally = new Tally("FHIR R4 example resources wrapped alone in a collection Bundle"
                + (ALL_RESOURCES ? "" : " (conformance resources sampled, " + CONFORMANCE_SAMPLE
                + " per type; -Drealdata.sample=true)"));
        Map<String, Integer> perType = new java.util.HashMap<>();
        int sampledOut = 0;
        for (Path f : exampleFiles()) {
            String type = resourceType(f);
            if ("Bundle".equals(type)) continue;
            if (!ALL_RESOURCES && CONFORMANCE_TYPES.contains(type)
                    && perType.merge(type, 1, Integer::sum) > CONFORMANCE_SAMPLE) {
                sampledOut++;
                continue;
            }
            Path wrapped = wrapDir.resolve("wrapped-" + f.getFileName());
            Files.writeString(wrapped, wrap(f, type));
            try {
                tally.add(f, evaluate(wrapped));
            } finally {
                Files.deleteIfExists(wrapped);
            }
        }
        // not FHIR at all: the package manifest, fed as is
        tally.add(examplesDir.resolve("package.json"), evaluate(examplesDir.resolve("package.json")));
        tally.report();
        if (sampledOut > 0) System.out.printf("[realdata]   %d conformance resources not run (sampling)%n", sampledOut);
        assertTrue(tally.tried + sampledOut > 5000, "expected ~5,300 example resources, found " + (tally.tried + sampledOut));
        assertTrue(tally.tried > 500, "expected hundreds of clinical example resources, ran " + tally.tried);
        tally.assertClean();
    }

    @Test
    @Order(3)
    void everySyntheaPatientIsEvaluatedAndAMyelomaPatientGetsACompleteAssessment() throws Exception {
        List<Path> patients;
        try (Stream<Path> s = Files.list(syntheaDir)) {
            patients = s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        assertFalse(patients.isEmpty(), "no Synthea bundles in " + syntheaDir);
        Tally tally = new Tally("Synthea patients");
        List<String> complete = new ArrayList<>();
        List<String> myelomaProblems = new ArrayList<>();
        int myeloma = 0;
        for (Path f : patients) {
            Run run = evaluate(f);
            tally.add(f, run);
            if (!Files.readString(f).contains("\"" + MULTIPLE_MYELOMA_SNOMED + "\"")) continue;
            myeloma++;
            String problem = completeAssessmentProblem(run);
            String line = f.getFileName() + ": exit " + run.exit + ", " + run.millis + " ms, setting "
                    + setting(run) + (problem == null ? ", complete" : ", INCOMPLETE: " + problem);
            System.out.println("[realdata]   myeloma patient " + line);
            if (problem == null) complete.add(line); else myelomaProblems.add(line);
        }
        tally.report();
        tally.assertClean();
        assertTrue(myeloma > 0, "no Synthea patient carries SNOMED " + MULTIPLE_MYELOMA_SNOMED
                + " - was scripts/realdata/synthea-modules/multiple_myeloma.json applied?");
        assertFalse(complete.isEmpty(), "no Synthea multiple-myeloma patient produced a complete assessment:\n  "
                + String.join("\n  ", myelomaProblems));
    }

    /**
     * Synthea's own myeloma (its transplant module, made certain): the record knows the diagnosis and a stem-cell
     * transplant, often only as a "history of transplant" Condition, and no drug at all. No option may rest on the
     * therapy the record does not hold: no regimen is offered, prior therapy is named as unknown, and the transplant is
     * read (the patient is not "newly diagnosed"). Deceased patients are refused.
     */
    @Test
    @Order(4)
    void syntheaTransplantModuleMyelomaGetsNoOptionBuiltOnAMissingHistory() throws Exception {
        List<Path> patients;
        try (Stream<Path> s = Files.list(syntheaTransplantDir)) {
            patients = s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
        Tally tally = new Tally("Synthea transplant-module patients");
        List<String> confident = new ArrayList<>();
        int assessed = 0;
        for (Path f : patients) {
            Run run = evaluate(f);
            tally.add(f, run);
            if (run.exit != 0 || !Files.readString(f).contains("\"" + MULTIPLE_MYELOMA_SNOMED + "\"")) continue;
            assessed++;
            JsonNode a = run.json();
            List<String> offered = new ArrayList<>();
            a.path("recommendations").forEach(r -> offered.add(r.path("regimen").asText() + " " + r.path("status").asText()));
            Set<String> gaps = new TreeSet<>();
            a.path("dataGaps").forEach(g -> gaps.add(g.path("code").asText()));
            String line = f.getFileName() + ": setting " + a.path("setting").asText() + ", lines "
                    + a.path("findings").path("priorTherapy").path("priorLines").asInt() + ", offered " + offered + ", gaps " + gaps;
            System.out.println("[realdata]   transplant-module patient " + line);
            if (!offered.isEmpty() || !gaps.contains("PRIOR_THERAPY_UNKNOWN") || a.path("setting").asText().startsWith("NDMM")) {
                confident.add(line);
            }
        }
        tally.report();
        tally.assertClean();
        assertTrue(assessed > 0, "no living transplant-module patient with multiple myeloma in " + syntheaTransplantDir);
        assertEquals(List.of(), confident, "options or a newly-diagnosed setting built on a drug history the record does not hold");
    }

    // ------------------------------------------------------------------ helpers

    /** Why this run is not a complete myeloma assessment, or null if it is one. */
    static String completeAssessmentProblem(Run run) {
        if (run.exit != 0) return "exit " + run.exit + ": " + run.firstErrLine();
        JsonNode a = run.json();
        if (a == null) return "stdout is not JSON";
        String setting = a.path("setting").asText("");
        if (setting.isEmpty() || "NOT_MULTIPLE_MYELOMA".equals(setting)) return "setting '" + setting + "'";
        if (a.path("disclaimer").asText("").isBlank()) return "no disclaimer";
        Set<String> covered = new TreeSet<>();
        for (String field : List.of("recommendations", "notRecommended")) {
            for (JsonNode r : a.path(field)) covered.add(r.path("regimen").asText());
        }
        if (covered.isEmpty()) return "recommendations and notRecommended both empty";
        Set<String> missing = new TreeSet<>(ALL_REGIMENS);
        missing.removeAll(covered);
        return missing.isEmpty() ? null : "regimens not covered: " + missing;
    }

    static String setting(Run run) {
        JsonNode a = run.exit == 0 ? run.json() : null;
        return a == null ? "-" : a.path("setting").asText("-");
    }

    static List<Path> exampleFiles() throws IOException {
        try (Stream<Path> s = Files.list(examplesDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().equals("package.json"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    static String resourceType(Path f) throws IOException {
        try (var parser = JSON.getFactory().createParser(f.toFile())) {
            // resourceType is conventionally the first member; scan top-level fields only
            if (parser.nextToken() == null) return "";
            int depth = 0;
            for (var t = parser.nextToken(); t != null; t = parser.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (depth == 0 && "resourceType".equals(parser.currentName())) {
                            parser.nextToken();
                            return parser.getText();
                        }
                    }
                    default -> { }
                }
                if (depth < 0) break;
            }
            return "";
        }
    }

    /** The resource, byte for byte, as the only entry of a collection Bundle. */
    static String wrap(Path f, String type) throws IOException {
        String raw = Files.readString(f);
        String id = f.getFileName().toString().replaceFirst("^" + type + "-", "").replaceFirst("\\.json$", "");
        String fullUrl = URI.create("http://hl7.org/fhir/").resolve(type + "/" + id.replaceAll("[^A-Za-z0-9.-]", "-")).toString();
        return "{\"resourceType\":\"Bundle\",\"id\":\"realdata-wrap\",\"type\":\"collection\",\"entry\":[{\"fullUrl\":"
                + JSON.writeValueAsString(fullUrl) + ",\"resource\":" + raw + "}]}";
    }

    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "realdata-evaluate");
        t.setDaemon(true);
        return t;
    });

    /** One in-process CLI run; an escaped Throwable or a time-out is recorded, never thrown. */
    static Run evaluate(Path bundle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"evaluate", bundle.toString(), "--as-of", AS_OF};
        long t0 = System.nanoTime();
        Future<Integer> f = RUNNER.submit(() -> {
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                return Main.run(args, o, e);
            }
        });
        Integer exit = null;
        Throwable escaped = null;
        try {
            exit = f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            escaped = new AssertionError("no result after " + TIMEOUT_SECONDS + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            escaped = e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            escaped = e;
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Run(bundle, exit, escaped, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), millis);
    }

    record Run(Path bundle, Integer exit, Throwable escaped, String out, String err, long millis) {
        String firstErrLine() {
            String e = err.strip();
            String first = e.isEmpty() ? "" : e.lines().findFirst().orElse("");
            // the CLI names the file: fold it away so equal messages count together
            return first.replace(bundle.toString(), "<bundle>");
        }

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Counts, slowest runs, top stderr first lines, and every contract violation. */
    static final class Tally {
        final String name;
        int tried;
        int ok;
        int refused;
        long totalMillis;
        final Map<String, Integer> refusals = new LinkedHashMap<>();
        final List<String> violations = new ArrayList<>();
        final List<Run> slowest = new ArrayList<>();

        Tally(String name) { this.name = name; }

        void add(Path source, Run run) {
            tried++;
            totalMillis += run.millis;
            slowest.add(run);
            slowest.sort(Comparator.comparingLong(Run::millis).reversed());
            if (slowest.size() > 3) slowest.remove(3);
            String label = examplesDir != null && source.startsWith(examplesDir) ? source.getFileName().toString()
                    : base.relativize(source).toString();
            if (run.escaped != null) {
                violations.add(label + ": " + run.escaped + " escaped " + stack(run.escaped));
            } else if (run.exit == 0) {
                JsonNode a = run.json();
                if (a == null || !a.isObject()) violations.add(label + ": exit 0 but stdout is not a JSON object");
                else if (a.path("disclaimer").asText("").isBlank()) violations.add(label + ": exit 0 but no disclaimer");
                else ok++;
            } else if (run.exit == 3) {
                String first = run.firstErrLine();
                if (first.isBlank()) {
                    violations.add(label + ": exit 3 with an empty stderr");
                } else {
                    refused++;
                    refusals.merge(first, 1, Integer::sum);
                }
            } else {
                violations.add(label + ": exit " + run.exit + " (expected 0 or 3): " + run.err.strip());
            }
        }

        void report() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("[realdata] %s: %d tried, exit 0: %d, exit 3: %d, contract violations (crash, other exit, no message): %d, %.1f s total%n",
                    name, tried, ok, refused, violations.size(), totalMillis / 1000.0));
            refusals.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(5)
                    .forEach(e -> sb.append(String.format("[realdata]   %5d x exit 3: %s%n", e.getValue(), e.getKey())));
            if (refusals.size() > 5) sb.append(String.format("[realdata]   (%d distinct exit-3 messages)%n", refusals.size()));
            for (Run r : slowest) sb.append(String.format("[realdata]   slowest: %d ms %s (exit %s)%n", r.millis,
                    r.bundle.getFileName(), r.exit));
            System.out.print(sb);
        }

        void assertClean() {
            if (!violations.isEmpty()) {
                fail(name + ": " + violations.size() + " run(s) broke the exit-code contract:\n  "
                        + violations.stream().limit(25).collect(Collectors.joining("\n  "))
                        + (violations.size() > 25 ? "\n  ... and " + (violations.size() - 25) + " more" : ""));
            }
        }

        private static String stack(Throwable t) {
            StringBuilder sb = new StringBuilder();
            StackTraceElement[] st = t.getStackTrace();
            for (int i = 0; i < Math.min(6, st.length); i++) sb.append("\n      at ").append(st[i]);
            return sb.toString();
        }
    }
}
