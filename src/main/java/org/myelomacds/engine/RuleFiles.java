package org.myelomacds.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.myelomacds.evidence.terminology.Terminology;

/**
 * The rule directory as loaded: DRL files, catalogues and the terminology's value sets keyed by path relative to the
 * rule root ("eligibility/isa-pd.drl", "evidence.yaml", "terminology/condition-copd.json"). The sha256 covers exactly these bytes, so the hash printed in an
 * assessment identifies the rules that produced it.
 */
public final class RuleFiles {
    public static final String SHIPPED_ROOT = "/rulebase/rules/";
    public static final String SHIPPED_INDEX = "/rulebase/files.txt";
    /** The sha256 of the shipped files that passed every rulebase check at build time (written by the build step). */
    public static final String SHIPPED_VERIFIED = "/rulebase/verified.sha256";

    private final String origin;
    private final SortedMap<String, byte[]> files;
    private final boolean fromDisk;
    private String sha256;

    private RuleFiles(String origin, SortedMap<String, byte[]> files) {
        this(origin, files, false);
    }

    private RuleFiles(String origin, SortedMap<String, byte[]> files, boolean fromDisk) {
        this.fromDisk = fromDisk;
        this.origin = origin;
        this.files = Collections.unmodifiableSortedMap(files);
    }

    public static RuleFiles fromDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("rules directory not found: " + dir);
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (isRuleFile(rel)) files.put(rel, Files.readAllBytes(p));
            }
        }
        return new RuleFiles(dir.toString(), files, true);
    }

    /** The copy of rules/ shipped in the jar next to the build-time compiled rulebase. */
    public static RuleFiles fromClasspath() throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String rel : readLines(SHIPPED_INDEX)) {
            try (InputStream in = RuleFiles.class.getResourceAsStream(SHIPPED_ROOT + rel)) {
                if (in == null) throw new IOException("shipped rulebase is missing " + rel);
                files.put(rel, in.readAllBytes());
            }
        }
        return new RuleFiles("shipped rulebase", files);
    }

    public static RuleFiles of(String origin, Map<String, byte[]> files) {
        return new RuleFiles(origin, new TreeMap<>(files));
    }

    static List<String> readLines(String resource) throws IOException {
        try (InputStream in = RuleFiles.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("resource not found on the classpath: " + resource);
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) out.add(line.strip());
            }
            return out;
        }
    }

    static boolean isRuleFile(String rel) {
        // rules/tests/ holds the rule unit cases (rules test): they check the rulebase, they are not part of it.
        if (rel.startsWith("tests/")) return false;
        return rel.endsWith(".drl") || rel.endsWith(".yaml") || rel.endsWith(".yml") || Terminology.isTerminologyFile(rel);
    }

    public String origin() { return origin; }

    /**
     * How this rule directory's files are printed in messages: the directory as it was given (so a path can be pasted
     * into an editor), or "rules/" for the shipped copy and in-memory sets, which have no directory of their own.
     */
    public String displayPrefix() {
        if (!fromDisk) return "rules/";
        String shown = origin.replace('\\', '/');
        return shown.isEmpty() || shown.endsWith("/") ? shown : shown + "/";
    }
    public SortedMap<String, byte[]> all() { return files; }

    public SortedMap<String, String> drl() {
        SortedMap<String, String> out = new TreeMap<>();
        files.forEach((k, v) -> { if (k.endsWith(".drl")) out.put(k, new String(v, StandardCharsets.UTF_8)); });
        return out;
    }

    public byte[] require(String rel) throws IOException {
        byte[] b = files.get(rel);
        if (b == null) throw new IOException(origin + ": missing " + rel);
        return b;
    }

    /** SHA-256 over every file's relative path and bytes, in path order. */
    public synchronized String sha256() {
        if (sha256 == null) sha256 = digest();
        return sha256;
    }

    /**
     * Whether these are the shipped files the build step checked (their sha256 is the one it recorded), so the checks a
     * rulebase passes when it is loaded need not run again at every start-up. Files from a directory never are.
     */
    public boolean verifiedAtBuild() {
        if (fromDisk) return false;
        try (InputStream in = RuleFiles.class.getResourceAsStream(SHIPPED_VERIFIED)) {
            return in != null && new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().equals(sha256());
        } catch (IOException e) {
            return false;
        }
    }

    private String digest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue());
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version line of rulebase.yaml ("version: 0.1.0"), or "unversioned". */
    public String version() {
        byte[] b = files.get("rulebase.yaml");
        if (b == null) return "unversioned";
        for (String line : new String(b, StandardCharsets.UTF_8).split("\n")) {
            String l = line.strip();
            if (l.startsWith("version:")) return l.substring("version:".length()).strip().replace("\"", "");
        }
        return "unversioned";
    }

    /** Writes the files under dir and an index, the layout fromClasspath() reads. */
    public void writeShippedCopy(Path classesRulebaseDir) {
        try {
            Path root = classesRulebaseDir.resolve("rules");
            List<String> index = new ArrayList<>();
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path target = root.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
                index.add(e.getKey());
            }
            Files.writeString(classesRulebaseDir.resolve("files.txt"), String.join("\n", index) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
