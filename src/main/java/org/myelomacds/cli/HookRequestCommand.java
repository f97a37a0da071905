package org.myelomacds.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.myelomacds.server.HookRequestBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "hook-request", mixinStandardHelpOptions = true,
        description = "Print the CDS Hooks request an EHR would send for this patient bundle: patient-view (default) or, "
                + "with --draft-order, order-sign; every prefetch key filled as a FHIR server would answer it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:request printed", "2:usage error", "3:unreadable or invalid input"})
final class HookRequestCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE.json", description = "FHIR R4 Bundle (JSON)")
    Path bundle;

    @Option(names = "--draft-order", paramLabel = "TEXT",
            description = "make it an order-sign request with a draft MedicationRequest for this drug, e.g. 'daratumumab'")
    String draftOrder;

    private final PrintStream out;
    private final PrintStream err;

    HookRequestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        ObjectMapper json = new ObjectMapper();
        JsonNode b;
        try {
            b = json.readTree(Files.readAllBytes(bundle));
        } catch (IOException e) {
            throw ExitCode.CommandFailure.invalidInput("cannot read " + bundle + ": " + e.getMessage());
        }
        ObjectNode req;
        try {
            req = HookRequestBuilder.patientView(json, b);
        } catch (IllegalArgumentException e) {
            throw ExitCode.CommandFailure.invalidInput(bundle + ": " + e.getMessage());
        }
        if (draftOrder != null) HookRequestBuilder.withDraftOrder(req, "order-sign", draftOrder);
        try {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(req));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ExitCode.OK;
    }
}
