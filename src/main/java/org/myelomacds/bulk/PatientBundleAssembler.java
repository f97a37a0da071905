package org.myelomacds.bulk;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.myelomacds.fhir.BundleReader;

/**
 * Turns one patient's lines into the Bundle the engine reads, the same way whatever order the lines arrived in:
 * Patient first, then the other resources by type name, Medications last, each type in export order (file, line).
 * The one assembler of the in-process engine and the Spark job, so both assess byte-identical bundles.
 * <p>
 * A line that could not be read becomes an entry whose resource is not an object, so the reader counts it as an
 * unreadable part of this patient (refused by default, a data gap with allowPartial) instead of it vanishing.
 * A resource that appears twice is used once; twice with different content, the first is used and the other is an
 * unreadable part, since the engine cannot tell which is right.
 */
public final class PatientBundleAssembler {
    private static final ObjectMapper JSON = BundleReader.jsonMapper();

    private static final Comparator<SourceLine> ORDER = Comparator
            .comparing((SourceLine l) -> typeRank(l.resourceType()))
            .thenComparing(l -> l.resourceType() == null ? "" : l.resourceType())
            .thenComparing(Comparator.naturalOrder());

    private PatientBundleAssembler() { }

    /** One patient's bundle and, for each entry, the export line it came from. */
    public record AssembledPatient(String patientId, ObjectNode bundle, List<SourceLine> entrySources,
                                   int duplicatesDropped) {}

    public static AssembledPatient assemble(String patientId, List<SourceLine> lines) {
        List<SourceLine> ordered = new ArrayList<>(lines);
        ordered.sort(ORDER);
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        List<SourceLine> sources = new ArrayList<>();
        Map<String, SourceLine> seen = new HashMap<>();
        int duplicates = 0;
        for (SourceLine line : ordered) {
            String ref = line.problem() == null ? line.reference() : null;
            if (ref != null) {
                SourceLine first = seen.putIfAbsent(ref, line);
                if (first != null) {
                    if (first.json().equals(line.json())) {
                        duplicates++;
                        continue;
                    }
                    line = new SourceLine(line.file(), line.line(), line.resourceType(), line.id(), line.json(),
                            ref + " appears again with different content (first at " + first.location()
                                    + ", which is used)");
                }
            }
            ObjectNode entry = entries.addObject();
            if (line.problem() != null) {
                // the reader names an unreadable entry by its fullUrl: the Assessment's data gap then says which line
                entry.put("fullUrl", "urn:myeloma-cds:export-line:" + line.location());
                entry.put("resource", "unreadable export line " + line.location());
            } else {
                entry.set("resource", parse(line));
            }
            sources.add(line);
        }
        return new AssembledPatient(patientId, bundle, List.copyOf(sources), duplicates);
    }

    private static JsonNode parse(SourceLine line) {
        try {
            return JSON.readTree(line.json());
        } catch (IOException e) {
            throw new IllegalStateException("a routed line no longer parses: " + line.location(), e);
        }
    }

    private static int typeRank(String type) {
        if ("Patient".equals(type)) return 0;
        if ("Medication".equals(type)) return 2;
        return 1;
    }
}
