package org.myelomacds.cli.bench;

import org.myelomacds.cli.Main;

import org.myelomacds.cli.ExitCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.myelomacds.engine.Evaluator;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.engine.RulebaseException;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.fhir.BundleReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Prints the engine's speed: warm parse+map+evaluate against a plain Jackson read of the same bytes (the lower bound
 * for any JSON reader), and cold wall time of `evaluate` in fresh JVMs. Loops are bounded by count.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure warm and cold evaluation time on a small and a large (~1,000-entry) bundle.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:figures printed", "2:usage error", "4:rulebase failed to compile"})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--bundle", paramLabel = "FILE", defaultValue = "fhir-samples/rrmm-isa-pd-candidate.json",
            description = "small bundle to measure (default: ${DEFAULT-VALUE}); the large one is it padded to --large-entries")
    Path bundle;

    @Option(names = "--large-entries", paramLabel = "N", defaultValue = "1000", description = "entries in the large bundle (default: ${DEFAULT-VALUE})")
    int largeEntries;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "200", description = "measured warm iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--cold-runs", paramLabel = "N", defaultValue = "5", description = "fresh-JVM evaluate runs (default: ${DEFAULT-VALUE}; 0 skips)")
    int coldRuns;

    private final PrintStream out;
    private final PrintStream err;

    public BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        byte[] small = Files.readAllBytes(bundle);
        byte[] large = LargeBundleSynthesizer.pad(small, largeEntries);
        Path largeFile = Files.createTempFile("myeloma-cds-bench-large", ".json");
        Files.write(largeFile, large);
        Rulebase rulebase = Rulebase.shipped();
        BundleReader reader = new BundleReader();
        Evaluator evaluator = new Evaluator(rulebase);
        LocalDate asOf = LocalDate.of(2026, 11, 1);
        EvaluationContext context = new EvaluationContext(asOf, Jurisdiction.US);
        ObjectMapper jackson = new ObjectMapper();

        out.printf(Locale.ROOT, "myeloma-cds bench: %d warm iterations, %d cold runs, %d cores, java %s%n",
                iterations, coldRuns, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        out.printf(Locale.ROOT, "%-22s %8s %8s %14s %14s %14s %8s%n", "bundle", "entries", "KiB",
                "engine p50 ms", "engine p95 ms", "jackson p50 ms", "ratio");
        for (Object[] b : new Object[][]{{"small (" + bundle.getFileName() + ")", small}, {"large (padded)", large}}) {
            byte[] bytes = (byte[]) b[1];
            int entries = jackson.readTree(bytes).path("entry").size();
            for (int i = 0; i < Math.max(20, iterations / 4); i++) {     // warm-up: JIT, HAPI model caches
                evaluator.evaluate(reader.read(bytes, asOf, rulebase.terminology()), context);
                jackson.readTree(bytes);
            }
            double[] engine = new double[iterations];
            double[] plain = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                evaluator.evaluate(reader.read(bytes, asOf, rulebase.terminology()), context);
                long t1 = System.nanoTime();
                jackson.readTree(bytes);
                long t2 = System.nanoTime();
                engine[i] = (t1 - t0) / 1e6;
                plain[i] = (t2 - t1) / 1e6;
            }
            double e50 = percentile(engine, 50), e95 = percentile(engine, 95), j50 = percentile(plain, 50);
            out.printf(Locale.ROOT, "%-22s %8d %8d %14.2f %14.2f %14.2f %7.1fx%n", b[0], entries, bytes.length / 1024,
                    e50, e95, j50, e50 / j50);
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "memory after warm runs: heap in use %d MiB (max %d MiB); process peak RSS %s%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, peakRss());
        if (coldRuns > 0) {
            for (Object[] b : new Object[][]{{"small", bundle}, {"large", largeFile}}) {
                double[] wall = new double[coldRuns];
                for (int i = 0; i < coldRuns; i++) wall[i] = coldEvaluate((Path) b[1]);
                out.printf(Locale.ROOT, "cold `evaluate` (%s, fresh JVM): median %.0f ms, min %.0f ms, max %.0f ms%n",
                        b[0], percentile(wall, 50), Arrays.stream(wall).min().orElse(0), Arrays.stream(wall).max().orElse(0));
            }
        }
        Files.deleteIfExists(largeFile);
        return ExitCode.OK;
    }

    /** Wall time of one `evaluate` in a new JVM with the launcher's options, output discarded. */
    private double coldEvaluate(Path file) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        Path jsa = Path.of("target", "myeloma-cds.jsa");
        if (Files.exists(jsa)) cmd.add("-XX:SharedArchiveFile=" + jsa);
        cmd.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "evaluate", file.toString(), "--as-of", "2026-11-01"));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (code != 0) throw new IllegalStateException("cold evaluate exited " + code + " for " + file);
        return ms;
    }

    /** VmHWM from /proc (Linux): the most resident memory this process has used. */
    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return (Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10) + " MiB";
                }
            }
        } catch (Exception e) {
            // not Linux: say so rather than guess
        }
        return "unavailable";
    }

    static double percentile(double[] values, int p) {
        double[] s = values.clone();
        Arrays.sort(s);
        int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))];
    }
}
