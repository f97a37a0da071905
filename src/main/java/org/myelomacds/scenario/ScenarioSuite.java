package org.myelomacds.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** The scenarios of a samples directory (fhir-samples/ in the project): every *.json that is not an expected result. */
public final class ScenarioSuite {
    /**
     * The evaluation date the sample stories are written against, used when an expected file does not name its own
     * asOf (a new scenario). Fixed, so a scenario gives the same answer whatever day it runs.
     */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 1);

    private ScenarioSuite() {}

    public static List<Scenario> in(Path samplesDir) throws IOException {
        if (!Files.isDirectory(samplesDir)) throw new IOException("no scenario directory at " + samplesDir);
        try (Stream<Path> s = Files.list(samplesDir)) {
            return s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                    .sorted().map(Scenario::of).toList();
        }
    }
}
