package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.scenario.Samples;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep s19 V2 (CDS-POLICY-REMISSION-CODING-SUPERSEDED): a C90.01 remission coding of 2020 whose clinical status is
 * inactive and an active C90.02 relapse coding of 2026: the newer, active coding decides (relapse documented, the
 * remission coding named as superseded). Codings of one day, or a remission coding still active, stay conflicting.
 */
class RemissionCodingSupersededTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNDLE = "s19v-05-c9001-remission-then-c9002-relapse-on-maintenance";

    private static ObjectNode bundle() throws Exception {
        return (ObjectNode) JSON.readTree(Path.of("qa-bundles", BUNDLE + ".json").toFile());
    }

    /** The remission coding (Condition/mm-rem) with the given status, recorded and with onset on {@code day}. */
    private static ObjectNode withRemission(ObjectNode b, String status, String day) {
        b.withArray("entry").forEach(e -> {
            ObjectNode r = (ObjectNode) e.get("resource");
            if (!"mm-rem".equals(r.path("id").asText())) return;
            ((ObjectNode) r.get("clinicalStatus").get("coding").get(0)).put("code", status);
            r.put("onsetDateTime", day);
            r.put("recordedDate", day);
        });
        return b;
    }

    @Test
    void aClosedRemissionCodingIsSupersededByALaterActiveRelapseCoding() throws Exception {
        Assessment a = Samples.evaluate(bundle());
        assertEquals("DOCUMENTED", a.findings().relapse().status());
        assertTrue(a.findings().relapse().text().contains("it supersedes the earlier remission coding"),
                a.findings().relapse().text());
        assertTrue(a.recommendations().stream().anyMatch(r -> r.regimen().equals("ISA_KD")));
    }

    @Test
    void nearMissBothActiveOnOneDayStayConflicting() throws Exception {
        Assessment a = Samples.evaluate(withRemission(bundle(), "active", "2026-08-17"));
        assertEquals("CONFLICTING", a.findings().relapse().status());
    }

    @Test
    void nearMissAClosedRemissionCodingOfTheSameDayStaysConflicting() throws Exception {
        assertEquals("CONFLICTING", Samples.evaluate(withRemission(bundle(), "inactive", "2026-08-17"))
                .findings().relapse().status());
    }

    @Test
    void nearMissAnOlderRemissionCodingStillActiveStaysConflicting() throws Exception {
        assertEquals("CONFLICTING", Samples.evaluate(withRemission(bundle(), "active", "2020-06-10"))
                .findings().relapse().status());
    }
}
