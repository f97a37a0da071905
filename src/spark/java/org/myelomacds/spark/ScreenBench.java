package org.myelomacds.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.myelomacds.bulk.ExportDirectory;
import org.myelomacds.bulk.ExportFile;
import org.myelomacds.bulk.ExportGenerator;
import org.myelomacds.bulk.InProcessScreening;
import org.myelomacds.bulk.NdjsonLines;
import org.myelomacds.bulk.PatientBundleAssembler;
import org.myelomacds.bulk.PatientScreener;
import org.myelomacds.bulk.ReaderEvaluatorAssessor;
import org.myelomacds.bulk.ResourceRouter;
import org.myelomacds.bulk.RunReport;
import org.myelomacds.bulk.ScreeningOptions;
import org.myelomacds.bulk.SourceLine;
import org.myelomacds.cli.ScreenCommand;
import org.myelomacds.engine.Evaluator;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.evidence.terminology.Terminology;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.fhir.BundleReader;
import org.myelomacds.fhir.ResourceTriage;
import org.myelomacds.render.JsonRenderer;
import picocli.CommandLine;

/**
 * The screening benchmark behind {@code myeloma-cds bench-screen}. In one JVM, after a warm-up: a warm evaluate loop
 * (read + evaluate + canonical JSON, as {@code evaluate} does) over the very bundles the export assembles to, then
 * in-process screening with 1 and 2 threads and the Spark job on local[2] over the export. CPU is the process's
 * (every thread, JIT and GC included), so the figures compare like with like. Then the same three as a user runs
 * them, each a fresh JVM, and optionally a population export screened cohort-first. Prints its figures; asserts
 * nothing.
 */
public final class ScreenBench {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Option(names = "--patients", defaultValue = "2000") int patients;
    @CommandLine.Option(names = "--population", defaultValue = "0") int population;
    @CommandLine.Option(names = "--work", defaultValue = "target/bench-screen") Path work;
    @CommandLine.Option(names = "--samples", defaultValue = "fhir-samples") Path samples;

    public static void main(String[] args) throws Exception {
        ScreenBench b = new ScreenBench();
        new CommandLine(b).parseArgs(args);
        b.run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path export = generated(work.resolve("export-" + patients), patients, 100);
        System.out.printf(Locale.ROOT, "myeloma-cds bench-screen: %d-patient export (%s, %d MiB), %d cores, java %s, load average %s%n",
                patients, export, sizeOf(export) >> 20, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadAverage());
        Rulebase rulebase = Rulebase.shipped();
        BundleReader reader = new BundleReader();
        Evaluator evaluator = new Evaluator(rulebase);
        EvaluationContext context = new EvaluationContext(AS_OF, Jurisdiction.US);
        List<byte[]> bundles = assembledBundles(export, rulebase.terminology());

        // warm-up: the evaluate path twice over, and one screening, so every measured run is past the JIT's work
        for (int i = 0; i < 2; i++) for (byte[] b : bundles) JsonRenderer.render(evaluator.evaluate(reader.read(b, AS_OF, rulebase.terminology()), context));
        screenInProcess(export, rulebase, reader, 2, "warmup");

        List<String[]> rows = new ArrayList<>();
        long c0 = cpu(), w0 = System.nanoTime();
        for (byte[] b : bundles) JsonRenderer.render(evaluator.evaluate(reader.read(b, AS_OF, rulebase.terminology()), context));
        double refCpuMs = (cpu() - c0) / 1e6 / bundles.size();
        rows.add(row("warm evaluate loop (reference)", bundles.size(), (System.nanoTime() - w0) / 1e9, refCpuMs, refCpuMs, "-"));

        for (int threads : new int[]{1, 2}) {
            c0 = cpu();
            w0 = System.nanoTime();
            RunReport r = screenInProcess(export, rulebase, reader, threads, "in-process-" + threads);
            double ms = (cpu() - c0) / 1e6 / r.count("cohort");
            rows.add(row("in-process, " + threads + " thread" + (threads > 1 ? "s" : ""), r.count("cohort"),
                    (System.nanoTime() - w0) / 1e9, ms, refCpuMs, "1.25x"));
        }
        // Spark: a first run in a new context (context start, Spark's own classes still cold), then a second in the
        // same context, comparable with the in-process runs above, which also follow a warm-up run.
        c0 = cpu();
        w0 = System.nanoTime();
        try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setAppName("bench").setMaster("local[2]")
                .set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1").set("spark.ui.enabled", "false"))) {
            sc.setLogLevel("WARN");
            double startSeconds = (System.nanoTime() - w0) / 1e9;
            ScreeningSpec spec = new ScreeningSpec(AS_OF, Jurisdiction.US, false, null, rulebase.sha256());
            long n = new SparkScreen.Job(sc, screenArgs(export, work.resolve("out-spark-1")), spec, rulebase).run().count("cohort");
            rows.add(row(String.format(Locale.ROOT, "Spark local[2], first run (+%.1f s context start)", startSeconds), n,
                    (System.nanoTime() - w0) / 1e9, (cpu() - c0) / 1e6 / n, refCpuMs, "-"));
            c0 = cpu();
            w0 = System.nanoTime();
            n = new SparkScreen.Job(sc, screenArgs(export, work.resolve("out-spark-2")), spec, rulebase).run().count("cohort");
            rows.add(row("Spark local[2], second run, same context", n, (System.nanoTime() - w0) / 1e9,
                    (cpu() - c0) / 1e6 / n, refCpuMs, "3x"));
        }
        print("warm, one JVM", rows);
        System.out.println("load average after: " + loadAverage());

        List<String[]> cold = new ArrayList<>();
        cold.add(freshJvm("screen, 1 thread", export, "--threads", "1"));
        cold.add(freshJvm("screen, 2 threads", export, "--threads", "2"));
        cold.add(freshJvm("screen --engine spark --master local[2]", export, "--engine", "spark", "--master", "local[2]"));
        printCold(cold);
        System.out.println("load average after: " + loadAverage());

        if (population > 0) {
            Path pop = generated(work.resolve("export-" + population + "-1pct"), population, 1);
            System.out.printf(Locale.ROOT, "%npopulation export: %d patients, 1%% myeloma (%s, %d MiB), load average %s%n",
                    population, pop, sizeOf(pop) >> 20, loadAverage());
            List<String[]> p = new ArrayList<>();
            p.add(freshJvm("screen (cohort first), 2 threads", pop, "--threads", "2"));
            printCold(p);
            System.out.println("target: under 120 s wall; load average after: " + loadAverage());
        }
    }

    private RunReport screenInProcess(Path export, Rulebase rulebase, BundleReader reader, int threads, String name)
            throws Exception {
        ScreeningOptions o = new ScreeningOptions(export, work.resolve("out-" + name), AS_OF, Jurisdiction.US, false,
                threads, ScreeningOptions.defaultMemoryBudget(), false);
        PatientScreener screener = new PatientScreener(new ReaderEvaluatorAssessor(reader, rulebase), AS_OF, Jurisdiction.US, false);
        return new InProcessScreening(o, screener, InProcessScreening.Progress.NONE).run();
    }

    private static ScreenCommand screenArgs(Path export, Path out) {
        ScreenCommand c = new ScreenCommand(System.out, System.err);
        new CommandLine(c).parseArgs("--input", export.toString(), "--output", out.toString(), "--as-of", AS_OF.toString());
        return c;
    }

    /** The bundles screening assembles from the export, as bytes, for the reference loop. */
    private static List<byte[]> assembledBundles(Path export, Terminology terminology) throws IOException {
        Set<String> read = ResourceTriage.readTypes();
        List<ExportFile> files = ExportDirectory.list(export, read);
        Map<String, List<SourceLine>> groups = new java.util.TreeMap<>();
        Map<String, List<String>> users = new HashMap<>();
        ResourceRouter router = new ResourceRouter(p -> true, k -> false, terminology);
        for (ExportFile f : files) {
            if (!read.contains(f.resourceType()) || "Medication".equals(f.resourceType())) continue;
            NdjsonLines.forEach(f, (n, b) -> {
                if (router.route(f, n, b) instanceof ResourceRouter.ToPatient t) {
                    groups.computeIfAbsent(t.patientId(), k -> new ArrayList<>()).add(t.line());
                    for (String k : t.medicationKeys()) users.computeIfAbsent(k, x -> new ArrayList<>()).add(t.patientId());
                }
            });
        }
        ResourceRouter meds = new ResourceRouter(p -> false, users::containsKey, terminology);
        for (ExportFile f : files) {
            if (!"Medication".equals(f.resourceType())) continue;
            NdjsonLines.forEach(f, (n, b) -> {
                if (meds.route(f, n, b) instanceof ResourceRouter.ToMedication m) {
                    for (String pid : new java.util.LinkedHashSet<>(users.get(m.key()))) groups.get(pid).add(m.line());
                }
            });
        }
        List<byte[]> out = new ArrayList<>();
        for (Map.Entry<String, List<SourceLine>> g : groups.entrySet()) {
            out.add(PatientBundleAssembler.assemble(g.getKey(), g.getValue()).bundle().toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private String[] freshJvm(String label, Path export, String... extra) throws Exception {
        Path out = work.resolve("out-cold-" + label.replaceAll("[^a-z0-9]+", "-"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", cliClasspath()));
        String sparkCp = System.getProperty("myeloma.sparkClasspath");
        if (sparkCp != null) cmd.add("-Dmyeloma.sparkClasspath=" + sparkCp);
        cmd.addAll(List.of("org.myelomacds.cli.Main", "screen", "--input", export.toString(), "--output", out.toString(),
                "--as-of", AS_OF.toString(), "--no-progress"));
        cmd.addAll(List.of(extra));
        // bash's time counts the CPU of the JVM and of any JVM it starts (the Spark engine's), once they have exited
        StringBuilder line = new StringBuilder("TIMEFORMAT='%U %S'; time");
        for (String a : cmd) line.append(" '").append(a.replace("'", "'\\''")).append("'");
        line.append(" >/dev/null 2>").append(work.resolve("cold.log"));
        long w0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", line.toString()).redirectErrorStream(false);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        String times = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code = p.waitFor();
        double wall = (System.nanoTime() - w0) / 1e9;
        if (code != 0) throw new IllegalStateException(label + " exited " + code + ": " + Files.readString(work.resolve("cold.log")));
        String[] us = times.substring(times.lastIndexOf('\n') + 1).trim().split("\\s+");
        double cpuSeconds = Double.parseDouble(us[0]) + Double.parseDouble(us[1]);
        JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
        long n = run.path("counts").path("cohort").asLong();
        return new String[]{label, String.valueOf(n), f1(wall), f1(n / wall), f2(cpuSeconds * 1000 / n),
                f1(run.path("timings").path("totalSeconds").asDouble())};
    }

    /** This JVM's classpath without Spark's jars: the CLI's own, as the launcher builds it. */
    private static String cliClasspath() throws IOException {
        String own = System.getProperty("java.class.path");
        String sparkCp = System.getProperty("myeloma.sparkClasspath");
        if (sparkCp == null || !Files.exists(Path.of(sparkCp))) return own;
        Set<String> spark = Set.of(Files.readString(Path.of(sparkCp)).strip().split(java.io.File.pathSeparator));
        return String.join(java.io.File.pathSeparator, java.util.Arrays.stream(own.split(java.io.File.pathSeparator))
                .filter(e -> !spark.contains(e)).toList());
    }

    /** The shipped terminology, for generating the export's templates. */
    private static Terminology terminology() throws IOException {
        try {
            return Rulebase.terminology(Rulebase.shippedFiles());
        } catch (org.myelomacds.engine.RulebaseException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Path generated(Path dir, int n, double percent) throws IOException {
        if (!Files.exists(dir.resolve("sources.csv"))) {
            System.out.println("generating " + dir + " …");
            ExportGenerator.fromBundles(List.of(samples), terminology()).write(dir, n, percent, false);
        }
        return dir;
    }

    private static String[] row(String label, long n, double wall, double cpuMs, double refMs, String target) {
        double ratio = cpuMs / refMs;
        String met = target.equals("-") ? "-" : ratio <= Double.parseDouble(target.replace("x", "")) ? "met" : "NOT met";
        return new String[]{label, String.valueOf(n), f1(wall), f1(n / wall), f2(cpuMs), f2(ratio) + "x", target, met};
    }

    private static void print(String title, List<String[]> rows) {
        System.out.printf(Locale.ROOT, "%n%s%n%-46s %8s %8s %10s %14s %8s %7s %8s%n", title, "mode", "patients", "wall s",
                "patients/s", "CPU ms/patient", "vs ref", "target", "");
        for (String[] r : rows) System.out.printf(Locale.ROOT, "%-46s %8s %8s %10s %14s %8s %7s %8s%n", (Object[]) r);
    }

    private static void printCold(List<String[]> rows) {
        System.out.printf(Locale.ROOT, "%nfresh JVM, as the CLI runs%n%-46s %8s %8s %10s %14s %12s%n", "command", "patients",
                "wall s", "patients/s", "CPU ms/patient", "run.json s");
        for (String[] r : rows) System.out.printf(Locale.ROOT, "%-46s %8s %8s %10s %14s %12s%n", (Object[]) r);
    }

    private static long cpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }

    private static long sizeOf(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String f1(double v) { return String.format(Locale.ROOT, "%.1f", v); }
    private static String f2(double v) { return String.format(Locale.ROOT, "%.2f", v); }
}
