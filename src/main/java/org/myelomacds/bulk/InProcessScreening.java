package org.myelomacds.bulk;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.myelomacds.fhir.ResourceTriage;

/**
 * Population screening in this process: cohort first (Condition files only), then one pass over the files of the
 * types the engine reads, keeping only cohort patients' lines (grouped within a memory budget, spilled to disk by
 * hash partition past it), then the Medications they reference; then each patient is screened on a pool of
 * threads and the results are written in patient-id order, so the output does not depend on the thread count or on
 * whether anything spilled.
 */
public final class InProcessScreening {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Told how far screening is; the CLI draws it as a progress bar. */
    public interface Progress {
        void start(long patients);
        void step(String patientId);
        void finish();

        Progress NONE = new Progress() {
            @Override public void start(long patients) { }
            @Override public void step(String patientId) { }
            @Override public void finish() { }
        };
    }

    private final ScreeningOptions options;
    private final PatientScreener screener;
    private final Progress progress;
    private final RunReport report;
    private final List<ExportProblem> unusable = new ArrayList<>();

    public InProcessScreening(ScreeningOptions options, PatientScreener screener, Progress progress) {
        this.options = options;
        this.screener = screener;
        this.progress = progress;
        this.report = new RunReport("in-process", options, screener.assessor().rulebaseVersion(),
                screener.assessor().rulebaseSha256());
    }

    public RunReport run() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        report.root().put("threads", options.threads());
        report.root().put("memoryBudgetBytes", options.memoryBudgetBytes());
        Set<String> readTypes = ResourceTriage.readTypes();
        List<ExportFile> files = ExportDirectory.list(options.input(), readTypes);
        if (files.isEmpty()) throw new IOException("no .ndjson or .ndjson.gz files in " + options.input());

        Set<String> cohort = options.wholePopulation() ? everyPatient(files) : cohort(files);
        report.count("cohort", cohort.size());
        long t1 = System.nanoTime();
        report.timing("cohortSeconds", (t1 - t0) / 1e9);

        Path spillDir = options.output().resolve(".spill");
        try (PatientGroupStore store = new PatientGroupStore(options.memoryBudgetBytes(), spillDir)) {
            Map<String, List<String>> medicationUsers = group(files, readTypes, cohort, store);
            joinMedications(files, medicationUsers, store);
            long t2 = System.nanoTime();
            report.timing("groupingSeconds", (t2 - t1) / 1e9);
            report.root().put("spilled", store.spilled());
            if (store.spilled()) {
                report.root().put("spilledBytes", store.spilledBytes());
                report.root().put("spillPartitions", PatientGroupStore.PARTITIONS);
            }
            screen(store, cohort.size());
            report.timing("screeningSeconds", (System.nanoTime() - t2) / 1e9);
        }
        report.timing("totalSeconds", (System.nanoTime() - t0) / 1e9);
        report.timing("cpuSeconds", (processCpuNanos() - cpu0) / 1e9);
        report.checkBalance();
        try (OutputStream out = Files.newOutputStream(options.output().resolve(ScreeningOutputs.RUN))) {
            report.write(out);
        }
        return report;
    }

    /** Patients with a myeloma or precursor Condition; unreadable Condition lines are kept to be reported. */
    private Set<String> cohort(List<ExportFile> files) throws IOException {
        Set<String> cohort = new HashSet<>();
        List<CohortSelector.Unreadable> unreadable = new ArrayList<>();
        for (ExportFile f : files) {
            if (!"Condition".equals(f.resourceType())) continue;
            NdjsonLines.forEach(f, (lineNo, bytes) -> {
                CohortSelector.Finding finding = CohortSelector.examine(f, lineNo, bytes, screener.assessor().terminology());
                if (finding instanceof CohortSelector.Member m) cohort.add(m.patientId());
                else if (finding instanceof CohortSelector.Unreadable u) unreadable.add(u);
            });
        }
        // An unreadable Condition line naming a cohort patient goes with that patient's record (routing does it);
        // one naming nobody in the cohort might have been someone's myeloma diagnosis: reported on its own.
        for (CohortSelector.Unreadable u : unreadable) {
            if (u.mentionedPatients() == null || u.mentionedPatients().stream().noneMatch(cohort::contains)) {
                unusable.add(u.problem());
            }
        }
        return cohort;
    }

    private Set<String> everyPatient(List<ExportFile> files) throws IOException {
        Set<String> all = new HashSet<>();
        for (ExportFile f : files) {
            if (!"Patient".equals(f.resourceType())) continue;
            NdjsonLines.forEach(f, (lineNo, bytes) -> {
                String id = ResourceRouter.topLevelId(bytes);
                if (id != null) all.add(id);
            });
        }
        return all;
    }

    private Map<String, List<String>> group(List<ExportFile> files, Set<String> readTypes, Set<String> cohort,
                                            PatientGroupStore store) throws IOException {
        Map<String, List<String>> medicationUsers = new HashMap<>();
        ResourceRouter router = new ResourceRouter(cohort::contains, k -> false, screener.assessor().terminology());
        Set<String> reported = new HashSet<>();
        unusable.forEach(p -> reported.add(p.file() + ":" + p.line()));
        for (ExportFile f : files) {
            boolean read = f.resourceType() != null && readTypes.contains(f.resourceType()) && !"Medication".equals(f.resourceType());
            if (!read) {
                if (!"Medication".equals(f.resourceType())) report.file(f, size(f), false, 0);
                continue;
            }
            long lines = NdjsonLines.forEach(f, (lineNo, bytes) -> {
                ResourceRouter.Route route = router.route(f, lineNo, bytes);
                if ("Patient".equals(f.resourceType()) && route != ResourceRouter.Skipped.BLANK) report.count("patientsInExport", 1);
                if (route instanceof ResourceRouter.ToPatient t) {
                    store.add(t.patientId(), t.line());
                    report.count("linesKept", 1);
                    for (String key : t.medicationKeys()) {
                        List<String> users = medicationUsers.computeIfAbsent(key, k -> new ArrayList<>());
                        if (!users.contains(t.patientId())) users.add(t.patientId());
                    }
                } else if (route instanceof ResourceRouter.Unusable u) {
                    if (reported.add(u.problem().file() + ":" + u.problem().line())) unusable.add(u.problem());
                } else if (route instanceof ResourceRouter.Skipped s) {
                    report.skipped(s.name(), 1);
                } else {
                    throw new IllegalStateException("Medication routed outside its pass");
                }
            });
            report.file(f, size(f), true, lines);
        }
        return medicationUsers;
    }

    private void joinMedications(List<ExportFile> files, Map<String, List<String>> users, PatientGroupStore store)
            throws IOException {
        ResourceRouter router = new ResourceRouter(p -> false, users::containsKey, screener.assessor().terminology());
        for (ExportFile f : files) {
            if (!"Medication".equals(f.resourceType())) continue;
            if (users.isEmpty()) {
                report.file(f, size(f), false, 0);
                continue;
            }
            long lines = NdjsonLines.forEach(f, (lineNo, bytes) -> {
                ResourceRouter.Route route = router.route(f, lineNo, bytes);
                if (route instanceof ResourceRouter.ToMedication m) {
                    for (String pid : users.get(m.key())) store.add(pid, m.line());
                    report.count("linesKept", 1);
                } else if (route instanceof ResourceRouter.Unusable u) {
                    unusable.add(u.problem());
                } else if (route instanceof ResourceRouter.Skipped s) {
                    report.skipped(s.name(), 1);
                }
            });
            report.file(f, size(f), true, lines);
        }
    }

    private void screen(PatientGroupStore store, long patients) throws IOException, InterruptedException {
        List<PatientGroupStore.Partition> partitions = store.partitions();
        progress.start(patients);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "screen");
            t.setDaemon(true);
            return t;
        });
        try (ScreeningOutputs outputs = ScreeningOutputs.inDirectory(options.output())) {
            if (partitions.size() == 1) {
                screenPartition(partitions.get(0).load(), pool, outputs::accept);
            } else {
                List<Path> runs = new ArrayList<>();
                Path runDir = options.output().resolve(".spill").resolve("results");
                Files.createDirectories(runDir);
                for (PatientGroupStore.Partition p : partitions) {
                    Path run = runDir.resolve("run-" + runs.size());
                    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                        screenPartition(p.load(), pool, r -> writeResult(out, r));
                    }
                    runs.add(run);
                }
                mergeRuns(runs, outputs);
            }
            unusable.sort(java.util.Comparator.comparing((ExportProblem p) -> p.file())
                    .thenComparing(p -> p.line() == null ? 0L : p.line()));
            for (ExportProblem p : unusable) outputs.error(ErrorRecord.unusable(p));
            report.count("unusableLines", unusable.size());
            report.count("rowsOut", outputs.rows());
            report.count("errorLines", outputs.errorLines());
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
    }

    private interface ResultSink {
        void accept(ScreeningResult result) throws IOException;
    }

    /** Screens a partition's patients in id order on the pool, handing results on in that order. */
    private void screenPartition(TreeMap<String, List<SourceLine>> groups, ExecutorService pool, ResultSink sink)
            throws IOException, InterruptedException {
        ArrayDeque<Future<ScreeningResult>> inFlight = new ArrayDeque<>();
        int window = 4 * options.threads();
        while (!groups.isEmpty()) {
            Map.Entry<String, List<SourceLine>> g = groups.pollFirstEntry();
            inFlight.add(pool.submit(() -> screener.screen(g.getKey(), g.getValue())));
            if (inFlight.size() >= window) take(inFlight.poll(), sink);
        }
        while (!inFlight.isEmpty()) take(inFlight.poll(), sink);
    }

    private void take(Future<ScreeningResult> future, ResultSink sink) throws IOException, InterruptedException {
        ScreeningResult r;
        try {
            r = future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("screening a patient failed: " + e.getCause(), e.getCause());
        }
        if (r.row() != null) report.count("assessed", 1);
        else report.count("refused", 1);
        if (r.error() != null) report.count("errors." + r.error().outcome(), 1);
        if (r.row() != null) report.count("setting." + r.row().setting(), 1);
        sink.accept(r);
        progress.step(r.patientId());
    }

    private static void writeResult(DataOutputStream out, ScreeningResult r) throws IOException {
        SpillStrings.write(out, r.patientId());
        SpillStrings.write(out, r.row() == null ? null : JSON.writeValueAsString(r.row()));
        SpillStrings.write(out, r.assessmentJson());
        SpillStrings.write(out, r.error() == null ? null : r.error().toJsonLine());
    }

    /** Merges partitions' results, each sorted by patient id, into one patient-id order. */
    private static void mergeRuns(List<Path> runs, ScreeningOutputs outputs) throws IOException {
        record Head(ScreeningResult result, DataInputStream in) {}
        PriorityQueue<Head> heads = new PriorityQueue<>(java.util.Comparator.comparing((Head h) -> h.result().patientId()));
        List<DataInputStream> open = new ArrayList<>();
        try {
            for (Path run : runs) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
                open.add(in);
                ScreeningResult first = readResult(in);
                if (first != null) heads.add(new Head(first, in));
            }
            while (!heads.isEmpty()) {
                Head h = heads.poll();
                outputs.accept(h.result());
                ScreeningResult next = readResult(h.in());
                if (next != null) heads.add(new Head(next, h.in()));
            }
        } finally {
            for (DataInputStream in : open) in.close();
        }
    }

    private static ScreeningResult readResult(DataInputStream in) throws IOException {
        String pid;
        try {
            pid = SpillStrings.read(in);
        } catch (EOFException e) {
            return null;
        }
        String row = SpillStrings.read(in);
        String assessment = SpillStrings.read(in);
        String error = SpillStrings.read(in);
        return new ScreeningResult(pid, row == null ? null : JSON.readValue(row, SummaryRow.class), assessment,
                error == null ? null : ErrorRecord.fromJsonLine(error));
    }



    private static long size(ExportFile f) {
        try {
            return Files.size(Path.of(f.location()));
        } catch (IOException e) {
            return -1;
        }
    }

    static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
