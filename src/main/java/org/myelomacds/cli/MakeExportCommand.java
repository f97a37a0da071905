package org.myelomacds.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.myelomacds.bulk.ExportGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "make-export", mixinStandardHelpOptions = true,
        description = "Make a FHIR Bulk Data export of N patients from patient bundles (the samples, Synthea output): "
                + "new ids, references as a FHIR server writes them, one NDJSON file per resource type and a manifest.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:export written", "2:usage error", "3:unreadable input or unwritable output",
                "4:rulebase failed to compile"})
final class MakeExportCommand implements Callable<Integer> {
    @Option(names = "--output", required = true, paramLabel = "DIR", description = "directory to write the export to")
    Path output;

    @Option(names = "--patients", paramLabel = "N", defaultValue = "2000", description = "patients in the export (default: ${DEFAULT-VALUE})")
    int patients;

    @Option(names = "--myeloma-percent", paramLabel = "PERCENT", defaultValue = "100",
            description = "share of patients with a myeloma or precursor condition; the rest are copies without it (default: ${DEFAULT-VALUE})")
    double myelomaPercent;

    @Option(names = "--from", paramLabel = "DIR", description = "directory of template bundles (repeatable; default: fhir-samples)")
    List<Path> from = new ArrayList<>();

    @Option(names = "--gzip", description = "write .ndjson.gz files")
    boolean gzip;

    private final PrintStream out;
    private final PrintStream err;

    MakeExportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (patients < 1 || myelomaPercent < 0 || myelomaPercent > 100) {
            err.println("myeloma-cds: --patients must be at least 1 and --myeloma-percent between 0 and 100");
            return ExitCode.USAGE;
        }
        List<Path> dirs = from.isEmpty() ? List.of(Path.of(System.getProperty("myeloma.samples", "fhir-samples"))) : from;
        ExportGenerator generator;
        try {
            generator = ExportGenerator.fromBundles(dirs, org.myelomacds.engine.ShippedRulebase.terminology());
        } catch (java.io.IOException e) {
            err.println("myeloma-cds: cannot read the template bundles: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        Map<String, Long> counts = generator.write(output, patients, myelomaPercent, gzip);
        err.println("myeloma-cds: wrote " + output + " from " + generator.templateCount() + " template bundle(s): " + counts);
        return ExitCode.OK;
    }
}
