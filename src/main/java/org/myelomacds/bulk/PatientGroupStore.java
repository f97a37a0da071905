package org.myelomacds.bulk;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds the cohort's lines grouped by patient within a memory budget. While the groups fit they stay in memory; past
 * the budget every group held is spilled to one of {@link #PARTITIONS} files on disk by a hash of the patient id, and
 * holding starts again. At the end the groups come back one partition at a time (a partition that is itself over
 * the budget is split again with another hash), so at most about one budget's worth of lines is in memory at once,
 * however large the export.
 */
final class PatientGroupStore implements AutoCloseable {
    static final int PARTITIONS = 32;
    private static final int MAX_DEPTH = 4;

    private final long budgetBytes;
    private final Path spillDir;
    private Map<String, List<SourceLine>> held = new HashMap<>();
    private long heldBytes;
    private DataOutputStream[] spills;
    private long spilledBytes;
    private int spillCount;

    PatientGroupStore(long budgetBytes, Path spillDir) {
        this.budgetBytes = budgetBytes;
        this.spillDir = spillDir;
    }

    void add(String patientId, SourceLine line) throws IOException {
        held.computeIfAbsent(patientId, k -> new ArrayList<>()).add(line);
        heldBytes += estimate(line);
        if (heldBytes > budgetBytes) spill();
    }

    boolean spilled() { return spills != null; }
    long spilledBytes() { return spilledBytes; }
    int spillCount() { return spillCount; }

    /** A partition's groups, sorted by patient id. */
    interface Partition {
        TreeMap<String, List<SourceLine>> load() throws IOException;
    }

    /** The partitions to screen, in order; call once, after the last add. */
    List<Partition> partitions() throws IOException {
        if (spills == null) {
            TreeMap<String, List<SourceLine>> all = new TreeMap<>(held);
            held = new HashMap<>();
            return List.of(() -> all);
        }
        spill();
        for (DataOutputStream s : spills) s.close();
        List<Partition> parts = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) parts.addAll(partitionsOf(spillDir.resolve("part-" + p), 1));
        return parts;
    }

    private List<Partition> partitionsOf(Path file, int depth) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) return List.of();
        // Lines on disk take about half the memory they take as Java strings: split when they would not fit.
        if (Files.size(file) * 3 <= budgetBytes || depth >= MAX_DEPTH) return List.of(() -> read(file));
        Path[] subs = new Path[PARTITIONS];
        DataOutputStream[] outs = new DataOutputStream[PARTITIONS];
        for (int i = 0; i < PARTITIONS; i++) {
            subs[i] = Path.of(file + "." + i);
            outs[i] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(subs[i]), 1 << 16));
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                String pid;
                try { pid = SpillStrings.read(in); } catch (EOFException e) { break; }
                SourceLine line = readLine(in);
                write(outs[bucket(pid, depth)], pid, line);
            }
        }
        for (DataOutputStream o : outs) o.close();
        Files.delete(file);
        List<Partition> parts = new ArrayList<>();
        for (Path sub : subs) parts.addAll(partitionsOf(sub, depth + 1));
        return parts;
    }

    private TreeMap<String, List<SourceLine>> read(Path file) throws IOException {
        TreeMap<String, List<SourceLine>> groups = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                String pid;
                try { pid = SpillStrings.read(in); } catch (EOFException e) { break; }
                groups.computeIfAbsent(pid, k -> new ArrayList<>()).add(readLine(in));
            }
        }
        Files.delete(file);
        return groups;
    }

    private void spill() throws IOException {
        if (spills == null) {
            Files.createDirectories(spillDir);
            spills = new DataOutputStream[PARTITIONS];
            for (int i = 0; i < PARTITIONS; i++) {
                spills[i] = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(spillDir.resolve("part-" + i)), 1 << 16));
            }
        }
        if (held.isEmpty()) return;
        for (Map.Entry<String, List<SourceLine>> g : held.entrySet()) {
            DataOutputStream out = spills[bucket(g.getKey(), 0)];
            for (SourceLine line : g.getValue()) write(out, g.getKey(), line);
        }
        spillCount++;
        held = new HashMap<>();
        heldBytes = 0;
    }

    private void write(DataOutputStream out, String pid, SourceLine line) throws IOException {
        int before = out.size();
        SpillStrings.write(out, pid);
        SpillStrings.write(out, line.file());
        out.writeLong(line.line());
        SpillStrings.write(out, line.resourceType());
        SpillStrings.write(out, line.id());
        SpillStrings.write(out, line.json());
        SpillStrings.write(out, line.problem());
        spilledBytes += out.size() - before;
    }

    private static SourceLine readLine(DataInputStream in) throws IOException {
        String file = SpillStrings.read(in);
        long lineNo = in.readLong();
        return new SourceLine(file, lineNo, SpillStrings.read(in), SpillStrings.read(in), SpillStrings.read(in), SpillStrings.read(in));
    }



    /** A different mix of the hash at each depth, so a partition split again spreads its patients out. */
    static int bucket(String patientId, int depth) {
        int h = patientId.hashCode() * (0x9E3779B1 + 2 * depth);
        h ^= h >>> 15;
        return Math.floorMod(h, PARTITIONS);
    }

    /** Bytes a held line takes on the heap, roughly: its strings as UTF-16 plus object overhead. */
    static long estimate(SourceLine line) {
        return 2L * line.json().length() + 160;
    }

    @Override
    public void close() throws IOException {
        if (spills != null) for (DataOutputStream s : spills) try { s.close(); } catch (IOException ignored) { }
        if (Files.isDirectory(spillDir)) {
            try (var walk = Files.walk(spillDir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
