package org.myelomacds.fhir;

/** Small helpers for FHIR reference strings ("Patient/1", "http://x/fhir/Patient/1/_history/2", "urn:uuid:…"). */
final class References {
    private References() { }

    static String stripHistory(String reference) {
        int h = reference.indexOf("/_history/");
        return h < 0 ? reference.trim() : reference.substring(0, h).trim();
    }

    /** The resource type named by a relative or absolute literal reference, or null (urn:uuid, contained). */
    static String typeOf(String reference) {
        String ref = stripHistory(reference);
        if (ref.startsWith("urn:") || ref.startsWith("#")) return null;
        int slash = ref.lastIndexOf('/');
        if (slash <= 0) return null;
        int prev = ref.lastIndexOf('/', slash - 1);
        return ref.substring(prev + 1, slash);
    }
}
