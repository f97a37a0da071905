package org.myelomacds.fhir;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of several resources sent under one type and id is the current version, when their {@code meta} says so. A
 * history read ({@code _history}) or two overlapping searches return every version of a resource; FHIR R4 changes
 * {@code meta.versionId} each time a resource's content changes and sets {@code meta.lastUpdated} when it does
 * (Resource.meta), so the highest version, or failing versionIds the latest update, is what the record holds now
 * (qa-bundles/FINDINGS.md G3: a progression amended to stable disease). With neither, which one the record holds is
 * unknown, and the reader keeps treating the later entry as an unreadable part.
 */
final class ResourceVersions {
    private ResourceVersions() {}

    /** The current version among {@code versions}, or empty when their meta does not order them. */
    static Optional<ScannedEntry> current(List<ScannedEntry> versions) {
        if (versions.size() < 2) return versions.stream().findFirst();
        Optional<ScannedEntry> byVersion = highest(versions, ResourceVersions::numericVersion);
        if (byVersion.isPresent()) return byVersion;
        return highest(versions, ResourceVersions::lastUpdated);
    }

    private static <T extends Comparable<T>> Optional<ScannedEntry> highest(List<ScannedEntry> versions,
                                                                          java.util.function.Function<JsonNode, T> key) {
        List<T> keys = versions.stream().map(v -> key.apply(v.resource().path("meta"))).toList();
        if (keys.contains(null) || keys.stream().distinct().count() < keys.size()) return Optional.empty();
        return versions.stream().max(Comparator.comparing(v -> key.apply(v.resource().path("meta"))));
    }

    private static Long numericVersion(JsonNode meta) {
        String v = meta.path("versionId").asText("");
        try {
            return v.isBlank() ? null : Long.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static OffsetDateTime lastUpdated(JsonNode meta) {
        String v = meta.path("lastUpdated").asText("");
        try {
            return v.isBlank() ? null : OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
