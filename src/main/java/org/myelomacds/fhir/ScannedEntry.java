package org.myelomacds.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Bundle.entry kept for mapping, still as a Jackson tree. {@code reference} is what provenance quotes:
 * "Type/id", else the fullUrl, else "Type/entry-N".
 */
record ScannedEntry(int index, String resourceType, String id, String fullUrl, ObjectNode resource) {

    String reference() {
        if (id != null && !id.isBlank()) return resourceType + "/" + id;
        if (fullUrl != null && !fullUrl.isBlank()) return fullUrl;
        return resourceType + "/entry-" + index;
    }

    /** Keys under which other resources may reference this one: its fullUrl and "Type/id". */
    boolean isReferencedBy(String reference) {
        if (reference == null) return false;
        String ref = References.stripHistory(reference);
        if (fullUrl != null && ref.equals(fullUrl)) return true;
        if (id == null) return false;
        String local = resourceType + "/" + id;
        return ref.equals(local) || ref.endsWith("/" + local) || ref.equals("urn:uuid:" + id);
    }
}
