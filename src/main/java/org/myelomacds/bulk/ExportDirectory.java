package org.myelomacds.bulk;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Bulk Data export on the local disk: its NDJSON files (plain or .gz) and the resource type of each, from the
 * export's manifest when one lies beside them (the $export status response, saved as {@code manifest.json}: its
 * {@code output[].type} and {@code output[].url}), else from the file name, else from the first line.
 */
public final class ExportDirectory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportDirectory() { }

    public static List<ExportFile> list(Path dir, Set<String> knownTypes) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + " is not a directory");
        Map<String, String> manifestTypes = manifestTypes(dir.resolve("manifest.json"));
        List<ExportFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (!Files.isRegularFile(p) || !ExportFile.isNdjson(name)) continue;
                String type = manifestTypes.get(name);
                if (type == null) type = ExportFile.typeFromName(name, knownTypes);
                if (type == null) type = firstLineType(p, name);
                files.add(new ExportFile(name, type, p.toString()));
            }
        }
        return files;
    }

    /** File name → type from the manifest's output entries (the URL's last path segment names the file). */
    static Map<String, String> manifestTypes(Path manifest) throws IOException {
        Map<String, String> types = new HashMap<>();
        if (!Files.isRegularFile(manifest)) return types;
        JsonNode root = JSON.readTree(manifest.toFile());
        for (JsonNode out : root.path("output")) {
            String url = out.path("url").asText("");
            String type = out.path("type").asText(null);
            if (type == null || url.isEmpty()) continue;
            types.put(url.substring(url.lastIndexOf('/') + 1), type);
        }
        return types;
    }

    private static String firstLineType(Path p, String name) throws IOException {
        try (InputStream in = open(p, name)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n' && line.length() < 1_000_000) line.append((char) c);
            JsonNode node = JSON.readTree(line.toString());
            return node == null ? null : node.path("resourceType").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    public static InputStream open(Path p, String name) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
