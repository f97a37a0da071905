package org.myelomacds.evidence.terminology;

import org.junit.jupiter.api.Test;
import org.myelomacds.engine.RuleFiles;
import org.myelomacds.facts.ConditionKind;
import org.myelomacds.facts.ConditionSeverity;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.MeasurementKind;
import org.myelomacds.facts.Route;
import org.myelomacds.scenario.Samples;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How value sets are evaluated (filters, excludes, included sets, text), and what loading refuses, with where. */
class TerminologyTest {
    private static final String V = "{\"url\":\"https://myeloma-cds.org/fhir/StructureDefinition/verification\",\"valueCode\":\"U\"}";

    /** The shipped rule files, with some terminology files replaced, added (json) or removed (null). */
    static Map<String, byte[]> shippedWith(Map<String, String> changes) {
        try {
            Map<String, byte[]> files = new TreeMap<>(RuleFiles.fromDirectory(Samples.projectDir().resolve("rules")).all());
            changes.forEach((id, json) -> {
                if (json == null) files.remove("terminology/" + id + ".json");
                else files.put("terminology/" + id + ".json", json.getBytes(StandardCharsets.UTF_8));
            });
            return files;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String valueSet(String id, String compose) {
        return "{\n  \"resourceType\": \"ValueSet\",\n  \"id\": \"" + id + "\",\n  \"url\": \"https://myeloma-cds.org/fhir/ValueSet/" + id
                + "\",\n  \"title\": \"" + id + "\",\n  \"status\": \"active\",\n  \"extension\": [" + V + "],\n  \"compose\": " + compose + "\n}\n";
    }

    private static Terminology load(Map<String, String> changes) throws TerminologyException {
        return Terminology.load(shippedWith(changes));
    }

    private static List<TerminologyProblem> errors(Map<String, String> changes) {
        Terminology.Loaded loaded = Terminology.check(shippedWith(changes));
        assertNull(loaded.terminology(), "a terminology with errors is refused");
        return loaded.errors();
    }

    private static String joined(List<TerminologyProblem> problems) {
        return String.join("\n", problems.stream().map(TerminologyProblem::toString).toList());
    }

    // ---- evaluation --------------------------------------------------------------------------------------------

    @Test
    void filtersExcludesAndIncludedSetsAreEvaluatedHere() throws Exception {
        Terminology t = load(Map.of(
                "zz-part", valueSet("zz-part", "{\"include\":[{\"system\":\"http://loinc.org\",\"concept\":[{\"code\":\"1-1\",\"display\":\"one\"}]}]}"),
                "zz-test", valueSet("zz-test", """
                        {"include":[
                           {"system":"http://hl7.org/fhir/sid/icd-10-cm","filter":[
                              {"property":"concept","op":"is-a","value":"K70"},
                              {"property":"concept","op":"descendent-of","value":"K71"}]},
                           {"system":"http://www.whocc.no/atc","filter":[{"property":"concept","op":"is-a","value":"L01X"}]},
                           {"system":"http://snomed.info/sct","filter":[{"property":"code","op":"regex","value":"99[0-9]{3}"}]},
                           {"valueSet":["https://myeloma-cds.org/fhir/ValueSet/zz-part"]}],
                         "exclude":[
                           {"system":"http://hl7.org/fhir/sid/icd-10-cm","concept":[{"code":"K70.3"}]},
                           {"system":"http://hl7.org/fhir/sid/icd-10-cm","filter":[{"property":"concept","op":"is-a","value":"K70.9"}]},
                           {"system":"http://www.whocc.no/atc","concept":[{"code":"L01XX66"}]}]}""")));
        String icd = CodeSystems.ICD10_CM;
        assertTrue(t.contains("zz-test", icd, "K70"), "is-a holds the code itself");
        assertTrue(t.contains("zz-test", icd, "K70.10"));
        assertTrue(t.contains("zz-test", "https://hl7.org/fhir/sid/icd-10/", "k7011"), "WHO ICD-10, scheme, slash, case and dot");
        assertFalse(t.contains("zz-test", icd, "K71"), "descendent-of does not hold the code itself");
        assertTrue(t.contains("zz-test", icd, "K71.0"));
        assertFalse(t.contains("zz-test", icd, "K72.0"));
        assertFalse(t.contains("zz-test", icd, "K70.3"), "an excluded code");
        assertFalse(t.contains("zz-test", icd, "K70.90"), "excluded by an is-a filter");
        assertTrue(t.contains("zz-test", CodeSystems.ATC, "l01xg01"), "ATC is-a, case-free");
        assertFalse(t.contains("zz-test", CodeSystems.ATC, "L01XX66"), "an excluded ATC code");
        assertTrue(t.contains("zz-test", CodeSystems.SNOMED, "99123"), "regex on the whole code");
        assertFalse(t.contains("zz-test", CodeSystems.SNOMED, "991234"), "regex must match the whole code");
        assertTrue(t.contains("zz-test", "http://loinc.org/", "1-1"), "an included value set's codes");
        assertFalse(t.contains("zz-test", CodeSystems.SNOMED, "1-1"), "the right code in the wrong system");
    }

    @Test
    void aCodeWhoseMeaningDependsOnTextNeedsTheText() {
        ConditionTerms c = Samples.terminology().conditions();
        assertEquals(ConditionKind.MGUS, c.classify(CodeSystems.ICD10_CM, "D47.2", "Monoclonal gammopathy").orElseThrow().kind());
        assertEquals(ConditionKind.SMOLDERING_MYELOMA, c.classify(CodeSystems.ICD10_CM, "D47.2", "Smoldering myeloma").orElseThrow().kind(),
                "the text-qualified membership wins over the plain one");
        assertEquals(ConditionKind.SMOLDERING_MYELOMA, c.byText("asymptomatic multiple myeloma").orElseThrow());
    }

    @Test
    void subConceptsGiveSeverityStageMethodAndProductRoute() {
        Terminology t = Samples.terminology();
        assertEquals(new ConditionTerms.Match(ConditionKind.ASTHMA, ConditionSeverity.SEVERE_PERSISTENT, null),
                t.conditions().classify(CodeSystems.ICD10_CM, "J45.51", "").orElseThrow());
        assertEquals(new ConditionTerms.Match(ConditionKind.COPD, ConditionSeverity.MODERATE, null),
                t.conditions().classify(CodeSystems.SNOMED, "313297008", "").orElseThrow());
        assertEquals(new ConditionTerms.Match(ConditionKind.CHRONIC_KIDNEY_DISEASE, null, 3),
                t.conditions().classify(CodeSystems.ICD10_CM, "N1831", "").orElseThrow());
        assertEquals(new ConditionTerms.Match(ConditionKind.END_STAGE_RENAL_DISEASE, null, null),
                t.conditions().classify(CodeSystems.ICD10_CM, "N18.6", "").orElseThrow(), "N18.6 is excluded from CKD");
        ObservationTerms.ObservationCode egfr = t.observations().lookup(CodeSystems.LOINC, "98979-8").orElseThrow();
        assertEquals(new ObservationTerms.ObservationCode(MeasurementKind.EGFR, "CKD-EPI 2021", "mL/min/{1.73_m2}"), egfr);
        assertEquals("umol/L", t.observations().lookup(CodeSystems.LOINC, "14682-9").orElseThrow().impliedUnit());
        assertEquals(Route.SUBCUTANEOUS, t.drugs().byCode(CodeSystems.RXNORM, "2375137").orElseThrow().productRoute());
        assertEquals(Route.INTRAVENOUS, t.drugs().byCode(CodeSystems.HCPCS, "J9145").orElseThrow().productRoute());
        assertEquals(Route.UNKNOWN, t.drugs().byCode(CodeSystems.ATC, "L01FC01").orElseThrow().productRoute());
        assertEquals(Route.SUBCUTANEOUS, t.drugs().byName("Darzalex Faspro").orElseThrow().productRoute());
        assertEquals(Route.SUBCUTANEOUS, t.drugs().byName("Sarclisa Escena").orElseThrow().productRoute());
    }

    @Test
    void theDrugCatalogueGivesIdNameClassAndOrder() {
        DrugCatalogue drugs = Samples.terminology().drugs();
        List<String> ids = drugs.drugs().stream().map(Drug::name).toList();
        assertEquals(List.of("ISATUXIMAB", "DARATUMUMAB", "LENALIDOMIDE", "POMALIDOMIDE", "THALIDOMIDE", "BORTEZOMIB",
                "CARFILZOMIB", "IXAZOMIB", "MELPHALAN_FLUFENAMIDE", "MELPHALAN", "CYCLOPHOSPHAMIDE", "BENDAMUSTINE", "CARMUSTINE",
                "BUSULFAN", "TREOSULFAN", "THIOTEPA", "IFOSFAMIDE",
                "DEXAMETHASONE", "PREDNISONE", "METHYLPREDNISOLONE", "PREDNISOLONE", "ELOTUZUMAB", "SELINEXOR", "TECLISTAMAB", "ELRANATAMAB", "TALQUETAMAB",
                "LINVOSELTAMAB", "ETENTAMIG", "CEVOSTAMAB", "CILTACABTAGENE_AUTOLEUCEL", "IDECABTAGENE_VICLEUCEL",
                "ANITOCABTAGENE_AUTOLEUCEL", "BELANTAMAB_MAFODOTIN", "PANOBINOSTAT", "VENETOCLAX", "DOXORUBICIN", "CISPLATIN",
                "CARBOPLATIN", "ETOPOSIDE", "FLUDARABINE", "CYTARABINE", "VINCRISTINE",
                "VINBLASTINE", "VINORELBINE", "UNCLASSIFIED_ANTINEOPLASTIC"), ids,
                "catalogue order: classes in DrugClass order, drugs as their class set lists them");
        Drug cilta = drugs.find("ciltacabtagene autoleucel").orElseThrow();
        assertEquals("ciltacabtagene autoleucel", cilta.displayName());
        assertEquals(DrugClass.CAR_T, cilta.getDrugClass());
        assertEquals(Drug.LENALIDOMIDE, drugs.byName("dexamethasone; lenalidomide").orElseThrow().drug(),
                "a text naming two drugs is read as the first in catalogue order");
        assertEquals("MELPHALAN_FLUFENAMIDE", drugs.byName("melphalan flufenamide").orElseThrow().drug().name(),
                "listed before melphalan, so a text naming it is not read as melphalan");
        assertTrue(drugs.byName("dexamethasone ophthalmic suspension").isEmpty(), "a name outside the catalogue is not misread");
        for (Drug named : Drug.NAMED_IN_JAVA) assertTrue(drugs.resolve(named).isPresent(), named + " is in the catalogue");
        assertThrows(IllegalStateException.class, Drug.LENALIDOMIDE::getDrugClass, "a name has no class of its own");
    }

    @Test
    void aNewDrugNeedsOnlyItsFileAndOneLineInItsClass() throws Exception {
        Terminology t = load(Map.of(
                "drug-iberdomide", """
                        {"resourceType":"ValueSet","id":"drug-iberdomide","url":"https://myeloma-cds.org/fhir/ValueSet/drug-iberdomide",
                         "title":"iberdomide","status":"active",
                         "extension":[{"url":"https://myeloma-cds.org/fhir/StructureDefinition/text-contains","valueString":"iberdomide"}],
                         "compose":{"include":[{"system":"http://www.whocc.no/atc","concept":[{"code":"L04AX99","display":"iberdomide (test code)",
                           "extension":[{"url":"https://myeloma-cds.org/fhir/StructureDefinition/verification","valueCode":"U"}]}]}]}}""",
                "drug-class-imid", new String(shippedWith(Map.of()).get("terminology/drug-class-imid.json"),
                        StandardCharsets.UTF_8).replace("drug-thalidomide\"", "drug-thalidomide\", \"https://myeloma-cds.org/fhir/ValueSet/drug-iberdomide\"")));
        Drug p = t.drugs().byName("Iberdomide 1.6 mg").orElseThrow().drug();
        assertEquals("IBERDOMIDE", p.name());
        assertEquals(DrugClass.IMID, p.getDrugClass());
        assertEquals("THALIDOMIDE", t.drugs().drugs().get(p.getOrder() - 1).name(), "listed after thalidomide, so ordered after it");
        assertEquals(p, t.drugs().byCode(CodeSystems.ATC, "L04AX99").orElseThrow().drug());
    }

    // ---- what loading refuses ------------------------------------------------------------------------------------

    @Test
    void malformedFilesAreRefusedWithFileLineAndColumn() {
        String broken = "{\n  \"resourceType\": \"ValueSet\",\n  \"id\": \"zz-bad\",\n  \"url\": \"https://myeloma-cds.org/fhir/ValueSet/zz-bad\",\n"
                + "  \"title\": \"bad\",\n  \"status\": \"active\",\n  \"compose\": {\n    \"include\": [\n"
                + "      {\"system\": \"http://snomed.info/sct\", \"filter\": [{\"property\": \"concept\", \"op\": \"is-a\", \"value\": \"13645005\"}]},\n"
                + "      {\"system\": \"http://loinc.org\", \"concepts\": [{\"code\": \"1-1\"}]},\n"
                + "      {\"system\": \"http://loinc.org\", \"concept\": [{\"code\": \"2-2\", \"display\": \"two\"}]},\n"
                + "      {\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\", \"filter\": [{\"property\": \"code\", \"op\": \"regex\", \"value\": \"J4(\"}]},\n"
                + "      {\"valueSet\": [\"https://myeloma-cds.org/fhir/ValueSet/zz-none\"]}\n    ]\n  }\n}\n";
        String all = joined(errors(Map.of("zz-bad", broken,
                "zz-json", "{\n  \"resourceType\": \"ValueSet\",\n  \"id\": \"zz-json\"\n  \"url\": 1\n}",
                "zz-url", valueSet("zz-urlx", "{\"include\":[{\"system\":\"http://loinc.org\",\"concept\":[{\"code\":\"3-3\",\"display\":\"x\"}]}]}"),
                "zz-type", "{\"resourceType\": \"CodeSystem\", \"id\": \"zz-type\"}")));
        assertTrue(all.contains("terminology/zz-bad.json:9:85: error: is-a cannot be evaluated in http://snomed.info/sct without a terminology server"), all);
        assertTrue(all.contains("terminology/zz-bad.json:10:38: error: 'concepts' is not an element of compose.include"), all);
        assertFalse(all.contains("a whole code system"), "a misspelt element is not also reported as a whole code system: " + all);
        assertTrue(all.contains("terminology/zz-bad.json:11:50: error: code 2-2 has no verification status"), all);
        assertTrue(all.contains("terminology/zz-bad.json:12:111: error: regex does not compile: Unclosed group"), all);
        assertTrue(all.contains("terminology/zz-json.json:4:3: error: not valid JSON"), all);
        assertTrue(all.contains("terminology/zz-url.json:1:1: error: value set zz-urlx must be in terminology/zz-urlx.json"), all);
        Terminology.Loaded refs = Terminology.check(shippedWith(Map.of("zz-ref", valueSet("zz-ref",
                "{\n    \"include\": [{\"valueSet\": [\"https://myeloma-cds.org/fhir/ValueSet/zz-none\"]}]}"))));
        assertTrue(joined(refs.errors()).contains("terminology/zz-ref.json:9:17: error: value set https://myeloma-cds.org/fhir/ValueSet/zz-none does not exist"),
                joined(refs.errors()));
        assertTrue(all.contains("terminology/zz-type.json:1:18: error: resourceType must be \"ValueSet\""), all);
    }

    @Test
    void aMissingSetAConflictingCodeAndADrugWithoutClassAreRefused() {
        String asthma = new String(shippedWith(Map.of()).get("terminology/condition-asthma.json"), StandardCharsets.UTF_8);
        Map<String, String> changes = new java.util.HashMap<>();
        changes.put("route-oral", null);
        changes.put("condition-asthma", asthma.replace("\"code\": \"195967001\"", "\"code\": \"13645005\""));
        changes.put("drug-zz", valueSet("drug-zz", "{\"include\":[{\"system\":\"http://www.whocc.no/atc\",\"concept\":[{\"code\":\"L01XX99\",\"display\":\"zz\"}]}]}"));
        String all = joined(errors(changes));
        assertTrue(all.contains("terminology/route-oral.json: error: missing: the engine reads the oral route from value set route-oral"), all);
        assertTrue(all.matches("(?s).*terminology/condition-asthma\\.json:\\d+:\\d+: error: code 13645005 \\(http://snomed.info/sct\\) is in "
                + "condition-asthma and in condition-copd \\(terminology/condition-copd\\.json:\\d+:\\d+\\), which cannot both be true \\(conditions\\).*"), all);
        assertTrue(all.contains("terminology/drug-zz.json:1:1: error: drug-zz has no class: list its url in one drug-class-*.json"), all);
    }

    @Test
    void overlappingFiltersOfExclusiveSetsAreAConflictUnlessExcluded() {
        String copd = new String(shippedWith(Map.of()).get("terminology/condition-copd.json"), StandardCharsets.UTF_8);
        String all = joined(errors(Map.of("condition-copd", copd.replace("\"value\": \"J43\"", "\"value\": \"J4\""))));
        assertTrue(all.matches("(?s).*terminology/condition-copd\\.json:\\d+:\\d+: error: filter is-a J4 of condition-copd and filter is-a J45 "
                + "of condition-asthma overlap.*"), all);
        assertFalse(all.contains("is-a J45.2"), "a narrower filter under one already reported is not reported again: " + all);
    }

    @Test
    void theShippedTerminologyLoadsWithoutWarnings() {
        Terminology.Loaded loaded = Terminology.check(shippedWith(Map.of()));
        assertEquals("", joined(loaded.problems()));
        assertTrue(loaded.terminology().requiredSets().keySet().containsAll(List.of("condition-copd", "route-oral", "observation-egfr")),
                "the engine names the sets it reads");
    }

    @Test
    void anUnknownCodeSystemIsAWarning() {
        Terminology.Loaded loaded = Terminology.check(shippedWith(Map.of("zz-ndc",
                valueSet("zz-ndc", "{\"include\":[{\"system\":\"http://hl7.org/fhir/sid/ndcc\",\"concept\":[{\"code\":\"1\",\"display\":\"x\"}]}]}"))));
        assertTrue(loaded.terminology() != null, joined(loaded.problems()));
        assertTrue(joined(loaded.problems()).matches("(?s)terminology/zz-ndc\\.json:8:\\d+: warning: code system http://hl7.org/fhir/sid/ndcc is not one the engine knows.*"),
                joined(loaded.problems()));
    }
}
