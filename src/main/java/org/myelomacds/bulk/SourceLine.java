package org.myelomacds.bulk;

import java.io.Serializable;
import java.util.Objects;

/**
 * One line of an export file as it was read: its place ({@code file}, 1-based {@code line}), the resource type and id
 * the line declared (null when unreadable) and its text. {@code problem} says why the line could not be used as a
 * resource (not JSON, a type other than the file's), or is null. Small and serializable: this is what the Spark job
 * shuffles to group a patient's resources.
 */
public record SourceLine(String file, long line, String resourceType, String id, String json, String problem)
        implements Serializable, Comparable<SourceLine> {

    public SourceLine {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(json, "json");
    }

    /** "Observation.ndjson:17", how errors and run reports name a line. */
    public String location() {
        return file + ":" + line;
    }

    /** "Observation/egfr-1", or null when the line did not say. */
    public String reference() {
        return resourceType == null || id == null ? null : resourceType + "/" + id;
    }

    /** Export order: by file name, then line, so assembly never depends on which thread or partition read what. */
    @Override
    public int compareTo(SourceLine o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : Long.compare(line, o.line);
    }
}
