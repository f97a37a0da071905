package org.myelomacds.evidence.terminology;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myelomacds.facts.Route;
import org.myelomacds.scenario.Samples;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NDCs are matched by their product (labeler-product), whatever package and layout a record sends: the FDA's three
 * hyphenated 10-digit layouts (or spaced, or with the directory's asterisk placeholder), the 11-digit claims form, and
 * product codes; an unhyphenated 10-digit code is ambiguous and not read, nor is anything that is not an NDC layout.
 */
class NdcCodesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "57894-503-01, 57894-0503",     // 5-3-2 package (Darzalex Faspro)
            "57894-0503-01, 57894-0503",    // 5-4-2 hyphenated 11-digit
            "57894050301, 57894-0503",      // 11 digits, unhyphenated
            "' 57894-503 ', 57894-0503",    // 5-3 product, blanks around it
            "0003-4522-11, 00003-4522",     // 4-4-2 package (Empliciti)
            "0003-4522, 00003-4522",        // 4-4 product
            "00003452211, 00003-4522",      // the same as 11 digits
            "72237-101-04, 72237-0101",     // 5-3-2
            "60219-1718-1, 60219-1718",     // 5-4-1 package
            "60219171801, 60219-1718",      // 5-4-1 padded to 11 digits (package 01)
            "57894 503 01, 57894-0503",     // 5-3-2 with spaces for hyphens
            "0003 4522 11, 00003-4522",     // 4-4-2 with spaces
            "60219 1718 1, 60219-1718",     // 5-4-1 with spaces
            "57894 0503 01, 57894-0503",    // 5-4-2 with spaces
            "57894 503, 57894-0503",        // 5-3 product with a space
            "57894-*503-01, 57894-0503",    // FDA directory placeholder: 5-*3-2
            "60219-1718-*1, 60219-1718",    // FDA directory placeholder: 5-4-*1
    })
    void packagesAndLayoutsReduceToTheProduct(String code, String product) {
        assertEquals(product, CodeSystems.ndcProduct(code));
        assertEquals(product, CodeSystems.normaliseCode(CodeSystems.NDC, code));
    }

    @ParameterizedTest(name = "#{index} \"{0}\"")
    @CsvSource({
            "5789450301",        // 10 digits unhyphenated: 57894-503-01 or 5789-4503-01? not guessed
            "5789-450-301",      // 4-3-3: no NDC layout
            "0003-452-11",       // 4-3-2 (9 digits)
            "57894-503-1",       // 5-3-1 (9 digits)
            "0003-4522-1",       // 4-4-1 (9 digits)
            "57894-50301",       // two segments, 5-5
            "578940503011",      // 12 digits
            "57894-503-01-1",    // four segments
            "A7894-503-01",      // not digits
            "57894 503 1",       // 5-3-1 with spaces (9 digits): spaces change no layout rule
            "5789 450 301",      // 4-3-3 with spaces
            "57894 50301",       // 5-5 with a space
            "57894-503 01",      // mixed separators
            "57894  503 01",     // a doubled space
            "57894-*0503-01",    // asterisk with a 4-digit product: no placeholder layout
            "57894-*503-1",      // asterisk product with a 1-digit package (5-*3-1)
            "57894-503-*1",      // asterisk package after a 3-digit product (5-3-*1)
            "0003-*452-11",      // asterisk with a 4-digit labeler
            "*5789-4503-01",     // asterisk in the labeler
            "57894-*503-*1",     // two asterisks
            "''",
    })
    void whatIsNoNdcLayoutIsNotRead(String code) {
        assertNull(CodeSystems.ndcProduct(code));
    }

    @Test
    void theNdcSystemIsKnownByItsUriAndItsOid() {
        assertEquals(CodeSystems.NDC, CodeSystems.canonical("http://hl7.org/fhir/sid/ndc"));
        assertEquals(CodeSystems.NDC, CodeSystems.canonical("https://hl7.org/fhir/sid/ndc/"));
        assertEquals(CodeSystems.NDC, CodeSystems.canonical("urn:oid:2.16.840.1.113883.6.69"));
        assertEquals("NDC", CodeSystems.displayName("urn:oid:2.16.840.1.113883.6.69"));
    }

    @Test
    void aPackageOfACataloguedProductNamesItsDrugAndRoute() {
        Terminology t = Samples.terminology();
        var faspro = t.drugs().byCode("http://hl7.org/fhir/sid/ndc", "57894-503-01").orElseThrow();
        assertEquals("DARATUMUMAB", faspro.drug().name());
        assertEquals(Route.SUBCUTANEOUS, faspro.productRoute());
        var iv = t.drugs().byCode("urn:oid:2.16.840.1.113883.6.69", "57894050201").orElseThrow();
        assertEquals("DARATUMUMAB", iv.drug().name());
        assertEquals(Route.INTRAVENOUS, iv.productRoute());
        // Near misses: a product of the same labeler the catalogue does not list, and the same digits unhyphenated in 10.
        assertTrue(t.drugs().byCode(CodeSystems.NDC, "57894-505-01").isEmpty(), "57894-505 is not listed (no source read)");
        assertTrue(t.drugs().byCode(CodeSystems.NDC, "5789450301").isEmpty(), "an ambiguous 10-digit NDC is not guessed");
        // Spaces for hyphens and the directory's asterisk placeholder name the same package; mixed separators do not.
        assertEquals(Route.SUBCUTANEOUS, t.drugs().byCode(CodeSystems.NDC, "57894 503 01").orElseThrow().productRoute());
        assertEquals(Route.SUBCUTANEOUS, t.drugs().byCode(CodeSystems.NDC, "57894-*503-01").orElseThrow().productRoute());
        assertTrue(t.drugs().byCode(CodeSystems.NDC, "57894-503 01").isEmpty(), "mixed separators are not read");
        // The same digits in another system are not an NDC.
        assertTrue(t.drugs().byCode(CodeSystems.RXNORM, "57894-503-01").isEmpty());
    }

    @Test
    void aValueSetListsProductsNotPackagesOrAmbiguousCodes() {
        String set = TerminologyTest.valueSet("zz-ndc-bad", "{\"include\":[{\"system\":\"http://hl7.org/fhir/sid/ndc\",\"concept\":["
                + "{\"code\":\"57894-503-01\",\"display\":\"a package\"},{\"code\":\"5789450301\",\"display\":\"10 digits\"},"
                + "{\"code\":\"57894-503\",\"display\":\"a product\"}]}]}");
        Terminology.Loaded loaded = Terminology.check(TerminologyTest.shippedWith(Map.of("zz-ndc-bad", set)));
        String all = String.join("\n", loaded.errors().stream().map(TerminologyProblem::toString).toList());
        assertTrue(all.contains("error: NDC 57894-503-01 is not a product code"), all);
        assertTrue(all.contains("error: NDC 5789450301 is not a product code"), all);
        assertEquals(2, loaded.errors().size(), all);
    }
}
