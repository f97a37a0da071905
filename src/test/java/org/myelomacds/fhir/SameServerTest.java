package org.myelomacds.fhir;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SameServerTest {
    private final SameServer fhir = SameServer.of("https://ehr.example.org/fhir/r4/");

    @Test
    void linksUnderTheBasePathOnTheSameOriginAreFollowed() {
        assertTrue(fhir.holds("https://ehr.example.org/fhir/r4?_getpages=abc&_page=2"));
        assertTrue(fhir.holds("https://EHR.example.org:443/fhir/r4/Observation?patient=1&_page=2"));
        assertTrue(fhir.holds("https://ehr.example.org/fhir/r4/./Observation?page=2"));
    }

    @Test
    void anyOtherOriginOrPathIsRefused() {
        assertFalse(fhir.holds("https://attacker.example.net/fhir/r4/Observation?_page=2"), "host");
        assertFalse(fhir.holds("http://ehr.example.org/fhir/r4/Observation?_page=2"), "scheme");
        assertFalse(fhir.holds("https://ehr.example.org:8443/fhir/r4/Observation"), "port");
        assertFalse(fhir.holds("https://ehr.example.org/fhir/r4-admin/Observation"), "sibling path with the same prefix");
        assertFalse(fhir.holds("https://ehr.example.org/fhir/r4/../admin/Observation"), "dot segments leaving the base");
        assertFalse(fhir.holds("https://ehr.example.org/fhir/r4/%2e%2e/admin"), "encoded dot segments");
        assertFalse(fhir.holds("https://ehr.example.org@attacker.example.net/fhir/r4/Observation"), "user info");
        assertFalse(fhir.holds("/fhir/r4/Observation?_page=2"), "relative links are not resolved against us");
        assertFalse(fhir.holds("not a url"));
        assertFalse(fhir.holds(null));
    }

    @Test
    void aBaseAtTheRootHoldsEveryPathOfItsOrigin() {
        SameServer root = SameServer.of("http://127.0.0.1:8080");
        assertTrue(root.holds("http://127.0.0.1:8080/Observation?_page=2"));
        assertFalse(root.holds("http://127.0.0.1:8081/Observation?_page=2"));
        assertThrows(IllegalArgumentException.class, () -> SameServer.of("fhir/r4"));
    }
}
