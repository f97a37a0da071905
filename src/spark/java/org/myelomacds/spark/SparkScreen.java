package org.myelomacds.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.myelomacds.bulk.CohortSelector;
import org.myelomacds.bulk.ErrorRecord;
import org.myelomacds.bulk.ExportFile;
import org.myelomacds.bulk.ExportProblem;
import org.myelomacds.bulk.ResourceRouter;
import org.myelomacds.bulk.RunReport;
import org.myelomacds.bulk.ScreeningOptions;
import org.myelomacds.bulk.ScreeningOutputs;
import org.myelomacds.bulk.ScreeningResult;
import org.myelomacds.bulk.SourceLine;
import org.myelomacds.bulk.SummaryCsvWriter;
import org.myelomacds.bulk.SummaryParquetWriter;
import org.myelomacds.cli.ScreenCommand;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RuleFiles;
import org.myelomacds.engine.RulebaseException;
import org.myelomacds.fhir.ResourceTriage;
import picocli.CommandLine;
import scala.Tuple2;

/**
 * Population screening on Apache Spark: the same routing, cohort selection, assembly, screening and writers as the
 * in-process engine ({@code org.myelomacds.bulk}), distributed. Entry point for {@code screen --engine spark} and for
 * {@code spark-submit --class org.myelomacds.spark.SparkScreen} on a cluster, with the screen command's options;
 * input and output may be any Hadoop file system URI (hdfs://, s3a://, file:).
 * <p>
 * Each output is a directory of parts ({@code summary.parquet/part-00000.parquet}, …) sorted by patient id across
 * parts, so the parts in name order hold exactly the lines and rows of the in-process engine's single files.
 */
public final class SparkScreen {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SparkScreen() { }

    public static void main(String[] args) {
        System.exit(run(args, System.err));
    }

    static int run(String[] args, java.io.PrintStream err) {
        ScreenCommand c = new ScreenCommand(System.out, err);
        CommandLine cl = new CommandLine(c);
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("myeloma-cds: " + e.getMessage());
            return 2;
        }
        if (cl.isUsageHelpRequested()) {
            cl.usage(err);
            return 0;
        }
        Rulebase rulebase;
        TreeMap<String, byte[]> ruleFiles = null;
        try {
            if (c.rules != null) {
                RuleFiles files = RuleFiles.fromDirectory(c.rules);
                ruleFiles = new TreeMap<>(files.all());
            }
            rulebase = c.rulebase();
        } catch (RulebaseException | IOException e) {
            err.println("myeloma-cds: " + e.getMessage());
            return 4;
        }
        SparkConf conf = new SparkConf().setAppName("myeloma-cds screen");
        if (!conf.contains("spark.master")) conf.setMaster(c.master);
        String master = conf.get("spark.master");
        if (master.startsWith("local")) {
            // Stay on this machine: the driver listens on loopback only, and no web UI is started.
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        // Spark's console progress bar (stages done / total) on a terminal, as the in-process engine draws its own
        conf.setIfMissing("spark.ui.showConsoleProgress", String.valueOf(c.drawProgress()));
        ScreeningSpec spec = new ScreeningSpec(c.date(), c.jurisdiction, c.allowPartial, ruleFiles, rulebase.sha256());
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            RunReport report = new SparkScreen.Job(sc, c, spec, rulebase).run();
            err.printf(java.util.Locale.ROOT, "myeloma-cds: screened %d of %d patients in the export (cohort %d) on Spark %s (%s): "
                            + "%d assessed, %d refused; %d error line(s) in %s; %.1f s%n",
                    report.count("cohort"), report.count("patientsInExport"), report.count("cohort"), sc.version(), master,
                    report.count("assessed"), report.count("refused"), report.count("errorLines"),
                    c.output + "/" + ScreeningOutputs.ERRORS, report.root().path("timings").path("totalSeconds").asDouble());
            return 0;
        } catch (IOException e) {
            err.println("myeloma-cds: cannot read the export: " + e.getMessage());
            return 3;
        }
    }

    /** One Spark screening run. */
    static final class Job {
        private final JavaSparkContext sc;
        private final ScreenCommand c;
        private final ScreeningSpec spec;
        private final Configuration hadoop;
        private final RunReport report;

        Job(JavaSparkContext sc, ScreenCommand c, ScreeningSpec spec, Rulebase rulebase) {
            this.sc = sc;
            this.c = c;
            this.spec = spec;
            this.hadoop = sc.hadoopConfiguration();
            ScreeningOptions shown = new ScreeningOptions(java.nio.file.Path.of(c.input), java.nio.file.Path.of(c.output),
                    spec.asOf(), spec.jurisdiction(), spec.allowPartial(), 1, 1, c.allPatients);
            this.report = new RunReport("spark", shown, rulebase.version(), rulebase.sha256());
            report.root().put("input", c.input);
            report.root().put("output", c.output);
            report.root().put("master", sc.master());
            report.root().put("sparkVersion", sc.version());
        }

        RunReport run() throws IOException {
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            Set<String> readTypes = ResourceTriage.readTypes();
            List<ExportFile> files = list(new Path(c.input), readTypes);
            if (files.isEmpty()) throw new IOException("no .ndjson or .ndjson.gz files in " + c.input);

            // 1. Cohort first: Condition files only (or every Patient with --all-patients).
            List<ExportProblem> unusable = new ArrayList<>();
            Set<String> cohort = c.allPatients ? everyPatient(files) : cohort(files, unusable);
            report.count("cohort", cohort.size());
            Broadcast<Set<String>> cohortB = sc.broadcast(cohort);
            long t1 = System.nanoTime();
            report.timing("cohortSeconds", (t1 - t0) / 1e9);

            // 2. Route the read types' lines; keep the cohort's, note the Medications they reference.
            ScreeningSpec routing = spec; // a local: the closures must not capture this driver-side Job
            List<JavaRDD<Routed>> parts = new ArrayList<>();
            for (ExportFile f : files) {
                boolean read = f.resourceType() != null && readTypes.contains(f.resourceType()) && !"Medication".equals(f.resourceType());
                if (!read) continue;
                parts.add(lines(f).mapPartitions(it -> routeAll(f, it, cohortB.value(), Set.of(), routing)));
            }
            JavaRDD<Routed> routed = sc.union(parts.toArray(JavaRDD[]::new)).persist(StorageLevel.MEMORY_AND_DISK());
            JavaPairRDD<String, SourceLine> patientLines = routed.filter(r -> r.patientId != null)
                    .mapToPair(r -> new Tuple2<>(r.patientId, r.line));
            JavaPairRDD<String, String> medicationUsers = routed.filter(r -> r.patientId != null && !r.medicationKeys.isEmpty())
                    .flatMapToPair(r -> r.medicationKeys.stream().map(k -> new Tuple2<>(k, r.patientId)).iterator()).distinct();
            Set<String> unusableSeen = new HashSet<>();
            unusable.forEach(p -> unusableSeen.add(p.file() + ":" + p.line()));
            for (ExportProblem p : routed.filter(r -> r.problem != null).map(r -> r.problem).collect()) {
                if (unusableSeen.add(p.file() + ":" + p.line())) unusable.add(p);
            }
            for (Routed tally : routed.filter(r -> r.tally != null).collect()) {
                tally.tally.forEach((reason, n) -> {
                    if (reason.equals(PATIENT_LINES)) report.count("patientsInExport", n);
                    else report.skipped(reason, n);
                });
            }
            report.count("linesKept", routed.filter(r -> r.patientId != null).count());

            // 3. Medications: only those a cohort resource references, joined to each patient referencing them.
            Set<String> neededKeys = new HashSet<>(medicationUsers.keys().distinct().collect());
            Broadcast<Set<String>> neededB = sc.broadcast(neededKeys);
            List<JavaRDD<Routed>> medParts = new ArrayList<>();
            for (ExportFile f : files) {
                if ("Medication".equals(f.resourceType()) && !neededKeys.isEmpty()) {
                    medParts.add(lines(f).mapPartitions(it -> routeAll(f, it, Set.of(), neededB.value(), routing)));
                }
            }
            JavaPairRDD<String, SourceLine> all = patientLines;
            if (!medParts.isEmpty()) {
                JavaRDD<Routed> meds = sc.union(medParts.toArray(JavaRDD[]::new)).persist(StorageLevel.MEMORY_AND_DISK());
                for (ExportProblem p : meds.filter(r -> r.problem != null).map(r -> r.problem).collect()) unusable.add(p);
                for (Routed tally : meds.filter(r -> r.tally != null).collect()) tally.tally.forEach(report::skipped);
                JavaPairRDD<String, SourceLine> medLines = meds.filter(r -> r.medicationKey != null)
                        .mapToPair(r -> new Tuple2<>(r.medicationKey, r.line));
                all = all.union(medicationUsers.join(medLines).mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2())));
                report.count("linesKept", meds.filter(r -> r.medicationKey != null).count());
            }
            for (ExportFile f : files) report.file(f, size(f), f.resourceType() != null && readTypes.contains(f.resourceType()), -1);

            // 4. Lines to a partition per range of patient ids, sorted by patient within it; each partition screens
            //    its patients in that order with its executor's own engine and writes its parts.
            int partitions = Math.max(1, sc.defaultParallelism());
            List<String> sortedCohort = new ArrayList<>(cohort);
            Collections.sort(sortedCohort);
            PatientRangePartitioner ranges = new PatientRangePartitioner(sortedCohort, partitions);
            partitions = ranges.numPartitions();
            ScreeningSpec screening = spec; // a local: the closure must not capture this driver-side Job
            String out = c.output;
            Map<String, String> conf = hadoopEntries(hadoop);
            prepareOutput(out);
            List<long[]> counts = all.repartitionAndSortWithinPartitions(ranges)
                    .mapPartitionsWithIndex((index, it) -> Collections.singletonList(
                            writePart(out, conf, index, new ScreenedPatients(it, screening))).iterator(), true)
                    .collect();
            long[] total = new long[5];
            for (long[] k : counts) for (int i = 0; i < total.length; i++) total[i] += k[i];
            report.count("assessed", total[0]);
            report.count("refused", total[1]);
            report.count("rowsOut", total[2]);
            unusable.sort(java.util.Comparator.comparing((ExportProblem p) -> p.file()).thenComparing(p -> p.line() == null ? 0L : p.line()));
            writeUnusable(out, partitions, unusable);
            report.count("unusableLines", unusable.size());
            report.count("errorLines", total[3] + unusable.size());
            report.root().put("partitions", partitions);
            report.timing("totalSeconds", (System.nanoTime() - t0) / 1e9);
            report.timing("driverCpuSeconds", (processCpuNanos() - cpu0) / 1e9);
            report.checkBalance();
            FileSystem fs = fs(new Path(out), hadoop);
            try (OutputStream o = fs.create(new Path(out, ScreeningOutputs.RUN), true)) {
                report.write(o);
            }
            routed.unpersist();
            return report;
        }

        private Set<String> cohort(List<ExportFile> files, List<ExportProblem> unusable) {
            ScreeningSpec screening = spec; // a local: the closure must not capture this driver-side Job
            List<JavaRDD<Object[]>> parts = new ArrayList<>();
            for (ExportFile f : files) {
                if (!"Condition".equals(f.resourceType())) continue;
                parts.add(lines(f).map(t -> {
                    CohortSelector.Finding finding = CohortSelector.examine(f, t._2() + 1, t._1().getBytes(StandardCharsets.UTF_8),
                            screening.terminology());
                    if (finding instanceof CohortSelector.Member m) return new Object[]{m.patientId(), null, null};
                    if (finding instanceof CohortSelector.Unreadable u) {
                        return new Object[]{null, u.problem(), u.mentionedPatients() == null ? null : new HashSet<>(u.mentionedPatients())};
                    }
                    return null;
                }).filter(o -> o != null));
            }
            if (parts.isEmpty()) return Set.of();
            List<Object[]> found = sc.union(parts.toArray(JavaRDD[]::new)).collect();
            Set<String> cohort = new HashSet<>();
            for (Object[] o : found) if (o[0] != null) cohort.add((String) o[0]);
            for (Object[] o : found) {
                if (o[1] == null) continue;
                @SuppressWarnings("unchecked") Set<String> mentioned = (Set<String>) o[2];
                if (mentioned == null || mentioned.stream().noneMatch(cohort::contains)) unusable.add((ExportProblem) o[1]);
            }
            return cohort;
        }

        private Set<String> everyPatient(List<ExportFile> files) {
            Set<String> all = new HashSet<>();
            for (ExportFile f : files) {
                if (!"Patient".equals(f.resourceType())) continue;
                all.addAll(lines(f).map(t -> org.myelomacds.bulk.PatientLinks.idOf("Patient", "Patient/"
                        + JSON.readTree(t._1()).path("id").asText(""))).filter(id -> id != null && !id.isEmpty()).collect());
            }
            return all;
        }

        /** A file's lines with their 0-based index (its line number minus one), in file order. */
        private JavaPairRDD<String, Long> lines(ExportFile f) {
            return sc.textFile(f.location()).zipWithIndex();
        }

        private List<ExportFile> list(Path dir, Set<String> readTypes) throws IOException {
            FileSystem fs = fs(dir, hadoop);
            if (!fs.exists(dir)) throw new IOException(dir + " does not exist");
            Map<String, String> manifest = new HashMap<>();
            Path m = new Path(dir, "manifest.json");
            if (fs.exists(m)) {
                try (InputStream in = fs.open(m)) {
                    for (JsonNode o : JSON.readTree(in).path("output")) {
                        String url = o.path("url").asText("");
                        if (o.hasNonNull("type") && !url.isEmpty()) manifest.put(url.substring(url.lastIndexOf('/') + 1), o.get("type").asText());
                    }
                }
            }
            List<ExportFile> files = new ArrayList<>();
            FileStatus[] statuses = fs.listStatus(dir);
            java.util.Arrays.sort(statuses, java.util.Comparator.comparing(s -> s.getPath().getName()));
            for (FileStatus s : statuses) {
                String name = s.getPath().getName();
                if (!s.isFile() || !ExportFile.isNdjson(name)) continue;
                String type = manifest.getOrDefault(name, ExportFile.typeFromName(name, readTypes));
                if (type == null) type = firstLineType(fs, s.getPath());
                files.add(new ExportFile(name, type, s.getPath().toString()));
            }
            return files;
        }

        private static String firstLineType(FileSystem fs, Path p) {
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(
                    p.getName().endsWith(".gz") ? new java.util.zip.GZIPInputStream(fs.open(p)) : fs.open(p), StandardCharsets.UTF_8))) {
                String line = r.readLine();
                return line == null ? null : JSON.readTree(line).path("resourceType").asText(null);
            } catch (IOException e) {
                return null;
            }
        }

        private long size(ExportFile f) {
            try {
                Path p = new Path(f.location());
                return fs(p, hadoop).getFileStatus(p).getLen();
            } catch (IOException e) {
                return -1;
            }
        }

        private void prepareOutput(String out) throws IOException {
            Path dir = new Path(out);
            FileSystem fs = fs(dir, hadoop);
            fs.mkdirs(dir);
            for (String name : List.of(ScreeningOutputs.ASSESSMENTS, ScreeningOutputs.SUMMARY_CSV,
                    ScreeningOutputs.SUMMARY_PARQUET, ScreeningOutputs.ERRORS, ScreeningOutputs.RUN)) {
                fs.delete(new Path(dir, name), true);
            }
        }

        private void writeUnusable(String out, int partitions, List<ExportProblem> unusable) throws IOException {
            Path p = new Path(new Path(out, ScreeningOutputs.ERRORS), partName(partitions, ".ndjson"));
            FileSystem fs = fs(p, hadoop);
            try (var w = ScreeningOutputs.writer(fs.create(p, true))) {
                for (ExportProblem problem : unusable) {
                    w.write(ErrorRecord.unusable(problem).toJsonLine());
                    w.write('\n');
                }
            }
        }
    }

    private static final String PATIENT_LINES = "patientLines";

    /**
     * A routed line, flattened for Spark: a cohort patient's line (patientId), a Medication (medicationKey) or a
     * problem; lines passed over are only counted, in one tally per partition, so a population of millions of lines
     * of other patients never becomes millions of records.
     */
    static final class Routed implements Serializable {
        String patientId;
        String medicationKey;
        SourceLine line;
        List<String> medicationKeys = List.of();
        ExportProblem problem;
        HashMap<String, Long> tally;
    }

    private static Iterator<Routed> routeAll(ExportFile f, Iterator<Tuple2<String, Long>> lines, Set<String> cohort,
                                             Set<String> medications, ScreeningSpec spec) {
        ResourceRouter router = new ResourceRouter(cohort::contains, medications::contains, spec.terminology());
        List<Routed> out = new ArrayList<>();
        HashMap<String, Long> tally = new HashMap<>();
        while (lines.hasNext()) {
            Tuple2<String, Long> t = lines.next();
            ResourceRouter.Route route = router.route(f, t._2() + 1, t._1().getBytes(StandardCharsets.UTF_8));
            if ("Patient".equals(f.resourceType()) && route != ResourceRouter.Skipped.BLANK) tally.merge(PATIENT_LINES, 1L, Long::sum);
            Routed r = new Routed();
            if (route instanceof ResourceRouter.ToPatient p) {
                r.patientId = p.patientId();
                r.line = p.line();
                r.medicationKeys = new ArrayList<>(p.medicationKeys());
            } else if (route instanceof ResourceRouter.ToMedication m) {
                r.medicationKey = m.key();
                r.line = m.line();
            } else if (route instanceof ResourceRouter.Unusable u) {
                r.problem = u.problem();
            } else {
                tally.merge(((ResourceRouter.Skipped) route).name(), 1L, Long::sum);
                continue;
            }
            out.add(r);
        }
        Routed summary = new Routed();
        summary.tally = tally;
        out.add(summary);
        return out.iterator();
    }

    /** A partition's (patient, line) pairs, sorted by patient, screened one patient at a time as they are read. */
    private static final class ScreenedPatients implements Iterator<ScreeningResult> {
        private final Iterator<Tuple2<String, SourceLine>> lines;
        private final ScreeningSpec spec;
        private Tuple2<String, SourceLine> next;

        ScreenedPatients(Iterator<Tuple2<String, SourceLine>> lines, ScreeningSpec spec) {
            this.lines = lines;
            this.spec = spec;
            this.next = lines.hasNext() ? lines.next() : null;
        }

        @Override public boolean hasNext() { return next != null; }

        @Override
        public ScreeningResult next() {
            String pid = next._1();
            List<SourceLine> group = new ArrayList<>();
            while (next != null && next._1().equals(pid)) {
                group.add(next._2());
                next = lines.hasNext() ? lines.next() : null;
            }
            return spec.screener().screen(pid, group);
        }
    }

    /** Writes one sorted partition's parts with the shared writers; returns assessed, refused, rows, error lines. */
    private static long[] writePart(String out, Map<String, String> conf, int index,
                                    Iterator<ScreeningResult> results) throws IOException {
        Configuration hadoop = new Configuration();
        conf.forEach(hadoop::set);
        Path dir = new Path(out);
        FileSystem fs = fs(dir, hadoop);
        long assessed = 0, refused = 0;
        try (ScreeningOutputs outputs = new ScreeningOutputs(
                ScreeningOutputs.writer(fs.create(new Path(new Path(dir, ScreeningOutputs.ASSESSMENTS), partName(index, ".ndjson")), true)),
                ScreeningOutputs.writer(fs.create(new Path(new Path(dir, ScreeningOutputs.ERRORS), partName(index, ".ndjson")), true)),
                new SummaryCsvWriter(fs.create(new Path(new Path(dir, ScreeningOutputs.SUMMARY_CSV), partName(index, ".csv")), true)),
                new SummaryParquetWriter(HadoopOutputFile.fromPath(
                        new Path(new Path(dir, ScreeningOutputs.SUMMARY_PARQUET), partName(index, ".parquet")), hadoop)))) {
            while (results.hasNext()) {
                ScreeningResult r = results.next();
                if (r.row() != null) assessed++;
                else refused++;
                outputs.accept(r);
            }
            return new long[]{assessed, refused, outputs.rows(), outputs.errorLines(), 0};
        }
    }

    static String partName(int index, String suffix) {
        return String.format(java.util.Locale.ROOT, "part-%05d%s", index, suffix);
    }

    /** The file system of a path; on the local disk the raw one, so no .crc files appear beside the parts. */
    static FileSystem fs(Path p, Configuration conf) throws IOException {
        FileSystem fs = p.getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }

    private static Map<String, String> hadoopEntries(Configuration conf) {
        Map<String, String> m = new HashMap<>();
        for (Map.Entry<String, String> e : conf) m.put(e.getKey(), e.getValue());
        return m;
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
