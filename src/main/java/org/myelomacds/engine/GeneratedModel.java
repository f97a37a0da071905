package org.myelomacds.engine;

import org.drools.model.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The classes the executable model generates for the rules: the build writes them into the application's classes, so
 * the shipped rulebase loads from the classpath like any other class. Loading them from a kjar instead meant unzipping
 * it into Drools' in-memory file system and parsing kmodule.xml with XStream (Java 1.4 bytecode, which class-data
 * sharing does not archive) in every run, about half of a cold start's CPU. Lists of the model classes and of every
 * file written sit next to the shipped copy of the rules.
 */
public record GeneratedModel(SortedMap<String, byte[]> classFiles, List<String> modelClasses) {
    public static final String MODELS = "/rulebase/models.txt";
    static final String WRITTEN = "rulebase/generated-classes.txt";

    /**
     * Deletes what the previous build wrote. The class names are the same from build to build, and the build compiles
     * with the application's classes on its classpath, where a stale class would win over the freshly generated one.
     */
    public static void removePrevious(Path classesDir) throws IOException {
        Path written = classesDir.resolve(WRITTEN);
        if (!Files.exists(written)) return;
        for (String rel : Files.readAllLines(written)) {
            if (rel.isBlank()) continue;
            Path file = classesDir.resolve(rel.strip());
            Files.deleteIfExists(file);
            for (Path dir = file.getParent(); !dir.equals(classesDir) && isEmptyDirectory(dir); dir = dir.getParent()) {
                Files.delete(dir);
            }
        }
        Files.delete(written);
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    public void writeTo(Path classesDir) throws IOException {
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : classFiles.entrySet()) {
            Path target = classesDir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
            written.add(e.getKey());
        }
        Path models = classesDir.resolve(MODELS.substring(1));
        Files.createDirectories(models.getParent());
        Files.writeString(models, String.join("\n", modelClasses) + "\n");
        Files.writeString(classesDir.resolve(WRITTEN), String.join("\n", written) + "\n");
    }

    /** The shipped model classes, instantiated from the application classpath. */
    static List<Model> loadShipped() throws IOException, ReflectiveOperationException {
        List<Model> out = new ArrayList<>();
        for (String name : RuleFiles.readLines(MODELS)) {
            out.add((Model) Class.forName(name, true, GeneratedModel.class.getClassLoader()).getConstructor().newInstance());
        }
        return out;
    }
}
