package org.myelomacds.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Flag;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FINDINGS A5 (CDS-POLICY-RELCODE-PRECURSOR-PROGRESSION): lenalidomide given for smouldering myeloma, the myeloma
 * diagnosed on it, gives the newly diagnosed lenalidomide regimens the partner-drug caution; the setting text does not
 * say "no therapy is recorded" beside the therapy it lists.
 */
class PrecursorPartnerCautionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate AS_OF = LocalDate.parse("2024-06-01");

    private static ObjectNode bundle() throws Exception {
        Path p = Path.of(System.getProperty("project.basedir", "."), "qa-bundles", "s11a-b6-len-for-smm-then-mm-drd.json");
        return (ObjectNode) JSON.readTree(Files.readAllBytes(p));
    }

    private static ObjectNode resource(ObjectNode b, String id) {
        for (var e : b.get("entry")) if (id.equals(e.path("resource").path("id").asText())) return (ObjectNode) e.get("resource");
        throw new AssertionError(id);
    }

    private static Assessment evaluate(ObjectNode b) throws Exception {
        var rulebase = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        var record = Samples.reader().read(JSON.writeValueAsBytes(b), AS_OF, rulebase.terminology());
        return new Evaluator(rulebase).evaluate(record, new EvaluationContext(AS_OF, Jurisdiction.US));
    }

    private static List<Flag> flags(Assessment a, String code) {
        return a.flags().stream().filter(f -> f.code().equals(code)).toList();
    }

    @Test
    void myelomaDiagnosedOnLenalidomideForSmoulderingMyelomaCautionsTheNewlyDiagnosedLenalidomideRegimens() throws Exception {
        Assessment a = evaluate(bundle());
        List<Flag> f = flags(a, "PARTNER_DRUG_REFRACTORY");
        assertFalse(f.isEmpty(), a.flags().toString());
        assertTrue(f.get(0).regimens().containsAll(List.of("ISA_VRD", "DARA_VRD", "DARA_RD")), f.get(0).regimens().toString());
        assertTrue(f.get(0).text().contains("given for High-risk smouldering myeloma (Condition/smm)"), f.get(0).text());
        String setting = a.findings().setting().text();
        assertFalse(setting.contains("assumed because no therapy is recorded"), setting);
        assertTrue(setting.contains("no therapy for the myeloma is recorded"), setting);
    }

    @Test
    void nearMissLenalidomideStoppedLongBeforeTheDiagnosisGivesNoCaution() throws Exception {
        ObjectNode b = bundle();
        resource(b, "smm-len").set("effectivePeriod", JSON.readTree("{\"start\":\"2022-02-07\",\"end\":\"2023-06-30\"}"));
        Assessment a = evaluate(b);
        assertTrue(flags(a, "PARTNER_DRUG_REFRACTORY").isEmpty(), a.flags().toString());
        assertTrue(flags(a, "PARTNER_DRUG_REFRACTORY_UNKNOWN").isEmpty(), a.flags().toString());
    }

    @Test
    void aDiagnosisDatedByYearOnlyGivesTheUnknownForm() throws Exception {
        ObjectNode b = bundle();
        resource(b, "mm").put("onsetDateTime", "2024");
        Assessment a = evaluate(b);
        assertTrue(flags(a, "PARTNER_DRUG_REFRACTORY").isEmpty(), a.flags().toString());
        assertFalse(flags(a, "PARTNER_DRUG_REFRACTORY_UNKNOWN").isEmpty(), a.flags().toString());
    }
}
