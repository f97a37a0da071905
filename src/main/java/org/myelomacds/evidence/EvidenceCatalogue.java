package org.myelomacds.evidence;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The citation catalogue (rules/evidence.yaml): every evidence id a rule may cite. */
public final class EvidenceCatalogue {
    private final Map<String, EvidenceEntry> entries;

    public EvidenceCatalogue(Map<String, EvidenceEntry> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static EvidenceCatalogue parse(byte[] yaml, String fileName) throws CatalogueException {
        JsonNode root = CatalogueYaml.read(yaml, fileName);
        if (root == null || !root.isObject()) throw new CatalogueException(fileName + ": expected a map of evidence id to entry");
        Map<String, EvidenceEntry> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            if (!n.isObject()) throw new CatalogueException(fileName + ": entry " + e.getKey() + " is not a map");
            List<String> figures = new ArrayList<>();
            n.path("key_figures").forEach(f -> figures.add(f.asText()));
            entries.put(e.getKey(), new EvidenceEntry(e.getKey(), text(n, "kind"), text(n, "authors"), text(n, "title"),
                    text(n, "journal"), n.hasNonNull("year") ? n.get("year").asInt() : null, text(n, "volume_pages"),
                    text(n, "doi"), text(n, "pmid"), text(n, "url"), text(n, "trial"), text(n, "nct"),
                    text(n, "verification"), figures, text(n, "population"), text(n, "comparator"),
                    text(n, "pfs_hr"), text(n, "summary_section")));
        }
        return new EvidenceCatalogue(entries);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public Optional<EvidenceEntry> find(String id) { return Optional.ofNullable(entries.get(id)); }
    public boolean contains(String id) { return entries.containsKey(id); }
    public Map<String, EvidenceEntry> entries() { return entries; }
}
