package org.myelomacds.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One sample patient: its bundle, the file holding the reviewed expected result, and the one-paragraph story that
 * says why the result is what it is.
 */
public record Scenario(String name, Path bundle, Path expectedFile, Path storyFile) {

    public static Scenario of(Path bundle) {
        String file = bundle.getFileName().toString();
        String name = file.substring(0, file.length() - ".json".length());
        return new Scenario(name, bundle, bundle.resolveSibling(name + ".expected.json"), bundle.resolveSibling(name + ".md"));
    }

    public Optional<Path> story() {
        return Files.exists(storyFile) ? Optional.of(storyFile) : Optional.empty();
    }
}
