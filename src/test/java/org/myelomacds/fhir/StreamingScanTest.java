package org.myelomacds.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.myelomacds.facts.PatientRecord;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.engine.Evaluator;
import org.myelomacds.engine.Rulebase;
import org.myelomacds.facts.EvaluationContext;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.render.JsonRenderer;
import org.myelomacds.scenario.Samples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myelomacds.fhir.Bundles.AS_OF;
import static org.myelomacds.fhir.Bundles.READER;
import static org.myelomacds.fhir.Bundles.TERMS;

/**
 * Bytes are read in one streaming pass and a prefetch tree entry by entry; both must give the same record (compared
 * as the Assessment the engine makes of it, and by what each counted as skipped), and the streaming pass must refuse
 * what the tree pass refuses.
 */
class StreamingScanTest {

    private static PatientRecord fromTree(byte[] bytes) throws Exception {
        JsonNode tree = BundleReader.jsonMapper().readTree(bytes);
        return READER.read(tree, AS_OF, TERMS);
    }

    private static void assertSameRecord(PatientRecord expected, PatientRecord actual, String what) {
        assertEquals(expected.skippedResources(), actual.skippedResources(), what);
        assertEquals(expected.unreadable().stream().map(org.myelomacds.facts.UnreadableInput::describe).toList(),
                actual.unreadable().stream().map(org.myelomacds.facts.UnreadableInput::describe).toList(), what);
        Rulebase rb = Samples.rulebase(CompileMode.EXECUTABLE_MODEL);
        EvaluationContext ctx = new EvaluationContext(AS_OF, Jurisdiction.US);
        assertEquals(JsonRenderer.render(new Evaluator(rb).evaluate(expected, ctx)), JsonRenderer.render(new Evaluator(rb).evaluate(actual, ctx)), what);
    }

    private static List<Path> sampleBundles() throws Exception {
        try (Stream<Path> files = Files.list(Samples.samplesDir())) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")).sorted().toList();
        }
    }

    @Test
    void everySampleGivesTheSameRecordStreamedAsFromATree() throws Exception {
        List<Path> samples = sampleBundles();
        assertFalse(samples.isEmpty());
        for (Path sample : samples) {
            byte[] bytes = Files.readAllBytes(sample);
            PatientRecord tree;
            try {
                tree = fromTree(bytes);
            } catch (InvalidBundleException refused) {
                // A sample refused by design (a deceased patient, say) is refused with the same words streamed.
                assertEquals(refused.getMessage(), assertThrows(InvalidBundleException.class, () -> READER.read(bytes, AS_OF, TERMS)).getMessage());
                continue;
            }
            assertSameRecord(tree, READER.read(bytes, AS_OF, TERMS), sample.getFileName().toString());
        }
    }

    /** Every entry of the tree reduced as a holder of prefetch reduces it. */
    private static JsonNode slimmed(byte[] bytes) throws Exception {
        JsonNode tree = BundleReader.jsonMapper().readTree(bytes);
        for (JsonNode entry : tree.path("entry")) BundleReader.slimEntry(entry, TERMS);
        return tree;
    }

    @Test
    void entriesReducedAheadOfTheScanGiveTheSameRecord() throws Exception {
        List<Path> samples = sampleBundles();
        assertFalse(samples.isEmpty());
        for (Path sample : samples) {
            byte[] bytes = Files.readAllBytes(sample);
            PatientRecord tree;
            try {
                tree = fromTree(bytes);
            } catch (InvalidBundleException refused) {
                assertEquals(refused.getMessage(), assertThrows(InvalidBundleException.class,
                        () -> READER.read(slimmed(bytes), AS_OF, TERMS)).getMessage(), sample.toString());
                continue;
            }
            assertSameRecord(tree, READER.read(slimmed(bytes), AS_OF, TERMS), sample.getFileName().toString());
        }
        // Entries of every kind the scan counts or refuses, near misses included: a Claim, a vital sign of ours and of
        // another patient, an Observation the engine reads, one with an STU3 element, an entry without a resource.
        byte[] mixed = Bundles.bundleOfEntries(
                "{\"fullUrl\":\"urn:uuid:c1\",\"resource\":{\"resourceType\":\"Claim\",\"id\":\"c1\",\"status\":\"active\"}}",
                "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"bp\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"85354-9\"}]},\"subject\":{\"reference\":\"Patient/p1\"}}}",
                "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o2\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"85354-9\"}]},\"subject\":{\"reference\":\"Patient/someone-else\"}}}",
                "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"cr\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"2160-0\"}]},\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"2026-09-01\",\"valueQuantity\":{\"value\":1.50,\"unit\":\"mg/dL\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mg/dL\"},\"text\":{\"status\":\"generated\",\"div\":\"<div>cr</div>\"}}}",
                "{\"resource\":{\"resourceType\":\"Encounter\",\"text\":{\"status\":\"generated\",\"div\":\"<div>no id</div>\"}}}",
                "{\"fullUrl\":\"urn:uuid:empty\"}");
        JsonNode reduced = slimmed(mixed);
        assertSameRecord(fromTree(mixed), READER.read(reduced, AS_OF, TERMS), "mixed");
        // What is only counted keeps what dates it (whether it was in the chart on asOf: issue 10 item 10), here its status.
        assertEquals("{\"resourceType\":\"Claim\",\"id\":\"c1\",\"status\":\"active\"}", reduced.get("entry").get(1).get("resource").toString());
        assertFalse(reduced.get("entry").get(4).get("resource").has("text"), "a kept resource loses its narrative");
        assertEquals("{\"resourceType\":\"Observation\",\"id\":\"bp\",\"status\":\"final\",\"subject\":{\"reference\":\"Patient/p1\"}}",
                reduced.get("entry").get(2).get("resource").toString());
        byte[] stu3 = Bundles.bundle("{\"resourceType\":\"Observation\",\"id\":\"s3\",\"status\":\"final\",\"code\":{\"text\":\"pulse\"},"
                + "\"context\":{\"reference\":\"Encounter/e1\"}}");
        JsonNode stu3Reduced = slimmed(stu3);
        assertTrue(stu3Reduced.get("entry").get(1).get("resource").has("context"), "what the scan refuses is left for it to refuse");
    }

    @Test
    void entriesNeverReadAreCountedWithoutBeingKept() throws Exception {
        byte[] bundle = Bundles.bundle(
                "{\"resourceType\":\"Claim\",\"id\":\"c1\",\"status\":\"active\"}",
                "{\"resourceType\":\"Observation\",\"id\":\"bp\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"85354-9\"}]},\"subject\":{\"reference\":\"Patient/p1\"}}",
                "{\"resourceType\":\"Observation\",\"id\":\"other\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"85354-9\"}]},\"subject\":{\"reference\":\"Patient/someone-else\"}}");
        PatientRecord streamed = READER.read(bundle, AS_OF, TERMS);
        assertSameRecord(fromTree(bundle), streamed, "bundle");
        assertEquals(1, streamed.skippedResources().get("Claim"));
        assertEquals(1, streamed.skippedResources().get(BundleScan.SKIP_UNRECOGNISED_OBSERVATION));
        assertEquals(1, streamed.skippedResources().get("Observation" + BundleScan.SKIP_OTHER_PATIENT_SUFFIX));
    }

    @Test
    void fieldsInAnyOrderAndBadShapesAreRefusedAsBefore() throws Exception {
        byte[] entryFirst = ("{\"entry\":[{\"resource\":" + Bundles.PATIENT + "}],\"type\":\"collection\",\"resourceType\":\"Bundle\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertSameRecord(fromTree(entryFirst), READER.read(entryFirst, AS_OF, TERMS), "entry before resourceType");

        assertTrue(refusal("[1,2]").startsWith("not a FHIR resource: the JSON is an array"), refusal("[1,2]"));
        assertTrue(refusal("{\"resourceType\":\"Patient\"}").startsWith("not a Bundle"), refusal("{\"resourceType\":\"Patient\"}"));
        assertTrue(refusal("{\"resourceType\":\"Bundle\"}").startsWith("Bundle has no entry array"));
        assertTrue(refusal("{\"resourceType\":\"Bundle\",\"entry\":{}}").startsWith("Bundle.entry is not an array (found object)"));
        assertTrue(refusal("{\"resourceType\":\"Bundle\",\"entry\":[]}").startsWith("Bundle.entry is empty"));
        assertTrue(refusal("{\"entry\":[]}").startsWith("not a FHIR resource: resourceType is missing"));
        assertTrue(refusal("{\"resourceType\":\"Bundle\",\"entry\":[}").startsWith("not JSON at line 1"), refusal("{\"resourceType\":\"Bundle\",\"entry\":[}"));
        assertTrue(refusal("{\"resourceType\":\"Bundle\",\"entry\":[]} {}").startsWith("not JSON"), refusal("{\"resourceType\":\"Bundle\",\"entry\":[]} {}"));
    }

    private static String refusal(String json) {
        return assertThrows(InvalidBundleException.class, () -> READER.read(json.getBytes(StandardCharsets.UTF_8), AS_OF, TERMS)).getMessage();
    }
}
