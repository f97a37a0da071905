package org.myelomacds.cli.bench;

import org.myelomacds.cli.SparkProcess;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench-screen", mixinStandardHelpOptions = true,
        description = "Measure population screening: patients/s and CPU ms/patient on a generated export, in-process "
                + "with 1 and 2 threads and on Spark local[2], against a warm evaluate loop over the same bundles, "
                + "all in one JVM; optionally a large export with 1%% myeloma screened cohort-first by the CLI.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:figures printed", "2:usage error", "other:the Spark process's own exit code when it fails"})
public final class BenchScreenCommand implements Callable<Integer> {
    @Option(names = "--patients", paramLabel = "N", defaultValue = "2000", description = "patients in the export (default: ${DEFAULT-VALUE})")
    int patients;

    @Option(names = "--population", paramLabel = "N", defaultValue = "0",
            description = "also screen a population export of this many patients, 1%% myeloma, with `screen` in a fresh JVM (e.g. 100000; default: skip)")
    int population;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/bench-screen", description = "directory for exports and outputs (default: ${DEFAULT-VALUE})")
    String work;

    private final PrintStream err;

    public BenchScreenCommand(PrintStream out, PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(List.of("--patients", String.valueOf(patients), "--population",
                String.valueOf(population), "--work", work, "--samples", System.getProperty("myeloma.samples", "fhir-samples")));
        return SparkProcess.run("org.myelomacds.spark.ScreenBench", args, err);
    }
}
