package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Findings;
import org.myelomacds.scenario.Samples;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 14 (relapse4), issue 10 bullet 8: the relapse leftovers of note-s13 "Left". Each case beside a near miss.
 */
class RelapseLeftoversS14Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode sample(String name) throws Exception {
        return (ObjectNode) JSON.readTree(Samples.samplesDir().resolve(name).toFile());
    }

    private static ObjectNode resource(ObjectNode bundle, String id) {
        for (var e : bundle.withArray("entry")) {
            if (e.path("resource").path("id").asText().equals(id)) return (ObjectNode) e.get("resource");
        }
        throw new AssertionError(id);
    }

    private static ObjectNode mProtein(ObjectNode bundle, String id, double value, String comparator) {
        ObjectNode q = resource(bundle, id).putObject("valueQuantity");
        q.put("value", value);
        if (comparator != null) q.put("comparator", comparator);
        q.put("unit", "g/dL").put("system", "http://unitsofmeasure.org").put("code", "g/dL");
        return q;
    }

    private static List<Findings.RelapseSignal> possibleMProteinSignals(Assessment a) {
        return a.findings().relapse().signals().stream()
                .filter(s -> s.reading().equals("POSSIBLE_RELAPSE") && s.source().equals("M_PROTEIN")).toList();
    }

    // ---- sweep s13-relapse3 S2: a ">x" M-protein followed by an exact rise on the latest result ------------------------
    // fhir-samples/rrmm-m-protein-rise: lowest 0.4 g/dL (2024-09-16), then 0.5, 0.9 (2026-07-13), 1.2 g/dL (2026-08-24).

    @Test
    void aGreaterThanResultFollowedByAnExactRiseOnTheLatestResultIsOneSeriesWithOneText() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        mProtein(b, "mprotein-2026-07", 0.5, ">");
        Assessment a = Samples.evaluate(b);
        assertEquals("UNDETERMINED", a.findings().relapse().status(), a.findings().relapse().text());
        List<Findings.RelapseSignal> possible = possibleMProteinSignals(a);
        assertEquals(1, possible.size(), possible.toString());
        String text = possible.get(0).text();
        assertTrue(text.contains("reported as >0.5 g/dL on 2026-07-13"), text);
        assertTrue(text.contains("1.2 g/dL on 2026-08-24"), text);
        assertTrue(text.contains("if the first is not a rise, the second is one on the latest result only, unconfirmed"), text);
        assertFalse(a.findings().relapse().text().contains("on this one measurement"), a.findings().relapse().text());
    }

    @Test
    void nearMissAGreaterThanResultWithNoPartnerLeavesTheLatestRiseToItsOwnText() throws Exception {
        ObjectNode b = sample("rrmm-m-protein-rise.json");
        mProtein(b, "mprotein-2026-07", 0.5, ">");
        ObjectNode extra = resource(b, "mprotein-2026-08").deepCopy();
        extra.put("id", "mprotein-2026-08-03").put("effectiveDateTime", "2026-08-03");
        extra.putObject("valueQuantity").put("value", 0.6).put("unit", "g/dL")
                .put("system", "http://unitsofmeasure.org").put("code", "g/dL");
        b.withArray("entry").addObject().put("fullUrl", "urn:uuid:0b7e3a52-7d7e-4b8e-9d55-a14e00000001")
                .set("resource", extra);
        Assessment a = Samples.evaluate(b);
        List<Findings.RelapseSignal> possible = possibleMProteinSignals(a);
        assertEquals(1, possible.size(), possible.toString());
        assertTrue(possible.get(0).text().contains("on this one measurement, the latest on record"), possible.get(0).text());
    }
}
