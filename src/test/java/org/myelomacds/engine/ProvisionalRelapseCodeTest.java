package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.scenario.Samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sweep D6 (qa-bundles/FINDINGS.md): a provisional relapse code (C90.02 "relapse?") beside a confirmed myeloma
 * diagnosis queries the relapse, not the diagnosis (CDS-POLICY-TERMS3-PROVISIONAL-RELAPSE-CODE). Built on
 * fhir-samples/treated-remission-on-maintenance.json (one line, maintenance stopped 2026-09-30 here, confirmed C90.01,
 * stable disease 2026-09-15).
 */
class ProvisionalRelapseCodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode previouslyTreated() throws Exception {
        ObjectNode b = (ObjectNode) JSON.readTree(Samples.samplesDir().resolve("treated-remission-on-maintenance.json").toFile());
        ObjectNode maint = resource(b, "line1-maint-lenalidomide");
        maint.put("status", "completed");
        maint.putObject("effectivePeriod").put("start", "2023-08-01").put("end", "2026-09-30");
        return b;
    }

    private static ObjectNode resource(ObjectNode bundle, String id) {
        for (var e : bundle.withArray("entry")) {
            if (e.path("resource").path("id").asText().equals(id)) return (ObjectNode) e.get("resource");
        }
        throw new AssertionError(id);
    }

    private static ObjectNode provisionalRelapse(ObjectNode c, String recorded) {
        c.putObject("verificationStatus").putArray("coding").addObject()
                .put("system", "http://terminology.hl7.org/CodeSystem/condition-ver-status").put("code", "provisional");
        ObjectNode code = c.putObject("code");
        code.putArray("coding").addObject().put("system", "http://hl7.org/fhir/sid/icd-10-cm").put("code", "C90.02");
        code.put("text", "Multiple myeloma in relapse?");
        c.put("recordedDate", recorded);
        return c;
    }

    private static ObjectNode withQuery(String recorded) throws Exception {
        ObjectNode b = previouslyTreated();
        ObjectNode c = JSON.createObjectNode().put("resourceType", "Condition").put("id", "mm-relapse-query");
        c.putObject("subject").put("reference", "Patient/pt-remission");
        c.put("onsetDateTime", "2023-01-10");
        b.withArray("entry").addObject().set("resource", provisionalRelapse(c, recorded));
        return b;
    }

    private static boolean flag(Assessment a, String code) { return a.flags().stream().anyMatch(f -> f.code().equals(code)); }

    private static boolean gap(Assessment a, String code) { return a.dataGaps().stream().anyMatch(g -> g.code().equals(code)); }

    @Test
    void aProvisionalRelapseCodeBesideAConfirmedDiagnosisQueriesTheRelapseNotTheDiagnosis() throws Exception {
        Assessment a = Samples.evaluate(withQuery("2026-10-05"));
        assertFalse(flag(a, "DIAGNOSIS_POSSIBLE"), a.flags().toString());
        assertEquals("UNDETERMINED", a.findings().relapse().status(), a.findings().relapse().text());
        assertTrue(a.findings().relapse().text().contains("a relapse is queried, not documented"), a.findings().relapse().text());
        assertTrue(a.dataGaps().stream().anyMatch(g -> g.code().equals("RELAPSE_UNCONFIRMED")
                && g.text().contains("Condition/mm-relapse-query") && g.text().contains("The diagnosis is not in doubt")),
                a.dataGaps().toString());
        assertFalse(gap(a, "DIAGNOSIS_UNCONFIRMED"));
        assertTrue(a.recommendations().stream().noneMatch(r -> r.regimen().equals("DARA_KD") || r.regimen().equals("ISA_PD")),
                "no relapsed-myeloma regimen is offered on a queried relapse");
    }

    @Test
    void nearMissAProvisionalRelapseCodeWithoutAConfirmedDiagnosisStillQuestionsTheDiagnosis() throws Exception {
        ObjectNode b = previouslyTreated();
        provisionalRelapse(resource(b, "mm-1"), "2026-10-05");
        Assessment a = Samples.evaluate(b);
        assertTrue(flag(a, "DIAGNOSIS_POSSIBLE"), a.flags().toString());
        assertTrue(gap(a, "DIAGNOSIS_UNCONFIRMED"), a.dataGaps().toString());
        assertFalse(gap(a, "RELAPSE_UNCONFIRMED"), a.dataGaps().toString());
    }

    @Test
    void nearMissAProvisionalRelapseCodeRecordedBeforeTheLineLeavesTheLatestAssessmentDeciding() throws Exception {
        Assessment a = Samples.evaluate(withQuery("2023-01-10"));
        assertEquals("NOT_RELAPSED", a.findings().relapse().status(), a.findings().relapse().text());
        assertFalse(gap(a, "RELAPSE_UNCONFIRMED"), a.dataGaps().toString());
        assertFalse(flag(a, "DIAGNOSIS_POSSIBLE"), a.flags().toString());
    }
}
