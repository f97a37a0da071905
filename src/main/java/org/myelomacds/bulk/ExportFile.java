package org.myelomacds.bulk;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One NDJSON file of a Bulk Data export and the resource type it holds. The Bulk Data Access IG puts one resource
 * type in each file and names it in the manifest's {@code output[].type}; servers name the files after the type in
 * their own ways ({@code Patient.ndjson}, {@code Observation.2.ndjson}, {@code 1.Condition.ndjson},
 * {@code Observation_003.ndjson.gz}), so without a manifest the type is the first name part that is a resource type.
 */
public record ExportFile(String name, String resourceType, String location) implements Serializable {
    private static final Pattern PARTS = Pattern.compile("[._\\-]");

    public ExportFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
    }

    /** True for the file names an export holds: {@code .ndjson}, optionally gzip-compressed. */
    public static boolean isNdjson(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".ndjson") || n.endsWith(".ndjson.gz");
    }

    public boolean gzip() {
        return name.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z]+");

    /**
     * The resource type a file name announces: the first name part that is one of {@code knownTypes}, else the first
     * that looks like a resource type (a capitalised word), else null.
     */
    public static String typeFromName(String fileName, java.util.Set<String> knownTypes) {
        String[] parts = PARTS.split(fileName);
        for (String part : parts) if (knownTypes.contains(part)) return part;
        for (String part : parts) if (TYPE_NAME.matcher(part).matches()) return part;
        return null;
    }
}
