package org.myelomacds.architecture;

import org.junit.jupiter.api.Test;
import org.myelomacds.scenario.Samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The package invariants of ARCHITECTURE.md §2, checked on the source text. */
class ArchitectureTest {
    private static final Path MAIN = Samples.projectDir().resolve("src/main/java/org/myelomacds");

    @Test
    void factsEvidenceAndAssessmentNeverImportFhirTypes() throws IOException {
        assertEquals(List.of(), offenders(List.of("facts", "evidence", "assessment"), List.of("org.hl7.fhir", "ca.uhn")));
    }

    @Test
    void factsImportNeitherDroolsNorHapi() throws IOException {
        assertEquals(List.of(), offenders(List.of("facts"), List.of("org.kie", "org.drools", "org.hl7.fhir", "ca.uhn")));
    }

    @Test
    void onlyTheFhirPackageUsesHapi() throws IOException {
        assertEquals(List.of(), offenders(List.of("engine", "derive", "render", "cli", "evidence", "assessment", "facts", "scenario", "server"),
                List.of("org.hl7.fhir", "ca.uhn")));
    }

    @Test
    void sparkStaysInTheSparkJob() throws IOException {
        // the CLI runs without Spark on its classpath: only src/spark/java may import it
        assertEquals(List.of(), offenders(List.of("bulk", "cli", "engine", "fhir", "render", "server", "derive", "facts",
                "evidence", "assessment", "authoring", "scenario"), List.of("org.apache.spark", "scala.")));
    }

    @Test
    void rulesSeeFactsNeverFhirResources() throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Samples.projectDir().resolve("rules"))) {
            for (Path p : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".drl"))::iterator) {
                for (String line : Files.readAllLines(p)) {
                    if (line.strip().startsWith("import") && (line.contains("org.hl7") || line.contains("ca.uhn"))) {
                        bad.add(p + ": " + line.strip());
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    private static List<String> offenders(List<String> packages, List<String> forbidden) throws IOException {
        List<String> bad = new ArrayList<>();
        for (String pkg : packages) {
            Path dir = MAIN.resolve(pkg);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    for (String line : Files.readAllLines(p)) {
                        String l = line.strip();
                        for (String f : forbidden) {
                            if ((l.startsWith("import " + f) || l.startsWith("import static " + f) || l.contains(" " + f + "."))) {
                                bad.add(MAIN.relativize(p) + ": " + l);
                            }
                        }
                    }
                }
            }
        }
        return bad;
    }
}
