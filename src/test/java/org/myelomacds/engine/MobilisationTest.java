package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10 bullet 1 / qa-bundles/FINDINGS.md E1: one cyclophosphamide dose given alone between VRd and the transplant is
 * the transplant's stem-cell mobilisation (CDS-POLICY-MOBILISATION; GMMG-HD7's planned sequence), not a second line that
 * would put the patient on the IV Isa-Pd / D-Pd labels and in the ICARIA-MM population. Near miss: the same dose with no
 * transplant after it is a regimen of its own.
 */
class MobilisationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE = "s13a-01-vrd-cy-mobilisation-mel200-asct-r-pd";

    private static ObjectNode bundle() throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("qa-bundles", BUNDLE + ".json").toFile());
    }

    private static List<Findings.Line> lines(Assessment a) {
        return a.findings().priorTherapy().lines();
    }

    @Test
    void cyclophosphamideAloneWeeksBeforeTheTransplantIsItsMobilisationAndOpensNoLine() throws Exception {
        Assessment a = Samples.evaluate(bundle());
        assertEquals(1, lines(a).size(), lines(a).toString());
        Findings.Line line = lines(a).get(0);
        assertTrue(line.drugs().contains("CYCLOPHOSPHAMIDE"), line.drugs().toString());
        assertTrue(line.reason().contains("cyclophosphamide from 2023-04-20 (MedicationAdministration/mob-cy), given alone 41"
                + " days before it, read as its stem-cell mobilisation"), line.reason());
        assertTrue(line.reason().contains("CDS-POLICY-MOBILISATION"), line.reason());
    }

    @Test
    void nearMissTheSameDoseWithNoTransplantAfterItIsANewRegimen() throws Exception {
        ObjectNode b = bundle();
        ArrayNode entries = b.withArray("entry");
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).path("resource").path("id").asText().equals("asct")) { entries.remove(i); break; }
        }
        Assessment a = Samples.evaluate(b);
        assertTrue(lines(a).size() >= 2, lines(a).toString());
        assertTrue(lines(a).stream().noneMatch(l -> l.reason().contains("CDS-POLICY-MOBILISATION")), lines(a).toString());
    }
}
