package org.myelomacds.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.myelomacds.facts.CytogeneticAbnormality;
import org.myelomacds.facts.CytogeneticFinding;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.facts.Provenance;

class CytogeneticsTest {

    private static Map<CytogeneticAbnormality, Boolean> findings(String observation) {
        PatientRecord r = Bundles.read(observation);
        assertEquals(List.of(), r.unreadable());
        Map<CytogeneticAbnormality, Boolean> out = new EnumMap<>(CytogeneticAbnormality.class);
        for (CytogeneticFinding f : r.cytogenetics()) out.put(f.getAbnormality(), f.isDetected());
        return out;
    }

    @Test
    void abnormalityNamedInCodeTextWithCodedResult() {
        PatientRecord r = Bundles.read("""
                {"resourceType":"Observation","id":"fish-17p","status":"final","code":{"text":"FISH del(17p) / TP53"},
                 "effectiveDateTime":"2025-11-20",
                 "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"260373001","display":"Detected"}]}}""");
        assertEquals(1, r.cytogenetics().size());
        CytogeneticFinding f = r.cytogenetics().get(0);
        assertEquals(CytogeneticAbnormality.DEL_17P, f.getAbnormality());
        assertEquals(true, f.isDetected());
        assertEquals(LocalDate.of(2025, 11, 20), f.getDate());
        assertEquals(List.of(new Provenance("Observation/fish-17p", LocalDate.of(2025, 11, 20))), f.getProvenance());
    }

    @Test
    void panelTextListsSeveralResults() {
        Map<CytogeneticAbnormality, Boolean> f = findings("""
                {"resourceType":"Observation","id":"fish","status":"final","code":{"text":"Myeloma FISH panel"},
                 "valueString":"t(4;14) detected; del(17p) not detected; gain(1q) present in 60% of nuclei. t(14;16) negative"}""");
        assertEquals(Map.of(CytogeneticAbnormality.T_4_14, true, CytogeneticAbnormality.DEL_17P, false,
                CytogeneticAbnormality.GAIN_1Q, true, CytogeneticAbnormality.T_14_16, false), f);
    }

    @Test
    void negationCarriesAcrossAList() {
        Map<CytogeneticAbnormality, Boolean> f = findings("""
                {"resourceType":"Observation","id":"fish","status":"final","code":{"text":"Cytogenetics"},
                 "valueString":"Negative for t(4;14), t(14;16), t(14;20)"}""");
        assertEquals(Map.of(CytogeneticAbnormality.T_4_14, false, CytogeneticAbnormality.T_14_16, false,
                CytogeneticAbnormality.T_14_20, false), f);
    }

    @Test
    void componentsOnePerAbnormality() {
        Map<CytogeneticAbnormality, Boolean> f = findings("""
                {"resourceType":"Observation","id":"fish","status":"final","code":{"text":"Plasma cell FISH"},
                 "component":[
                   {"code":{"text":"17p deletion"},"valueCodeableConcept":{"text":"Not detected"}},
                   {"code":{"text":"1q21 gain"},"valueCodeableConcept":{"text":"Detected"}},
                   {"code":{"text":"IGH/MAFB"},"valueBoolean":true}]}""");
        assertEquals(Map.of(CytogeneticAbnormality.DEL_17P, false, CytogeneticAbnormality.GAIN_1Q, true,
                CytogeneticAbnormality.T_14_20, true), f);
    }

    @Test
    void projectCodeWithBoolean() {
        Map<CytogeneticAbnormality, Boolean> f = findings("""
                {"resourceType":"Observation","id":"fish","status":"final",
                 "code":{"coding":[{"system":"https://myeloma-cds.org/fhir/CodeSystem/cds","code":"t4-14"}]},
                 "valueBoolean":false}""");
        assertEquals(Map.of(CytogeneticAbnormality.T_4_14, false), f);
    }

    @Test
    void abnormalityInValueWithGenericCode() {
        Map<CytogeneticAbnormality, Boolean> f = findings("""
                {"resourceType":"Observation","id":"fish","status":"final","code":{"text":"Bone marrow result"},
                 "valueString":"del(17)(p13.1) in 45% of plasma cells"}""");
        assertEquals(Map.of(CytogeneticAbnormality.DEL_17P, true), f);
    }

    @Test
    void namedWithoutAnyResultIsNotReported() {
        assertEquals(Map.of(), findings("""
                {"resourceType":"Observation","id":"fish","status":"registered","code":{"text":"FISH t(11;14), t(4;14)"}}"""));
    }
}
