package org.myelomacds.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.myelomacds.evidence.terminology.DrugCatalogue;
import org.myelomacds.facts.Drug;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The regimen catalogue (rules/regimens.yaml), in file order; its drugs are the terminology's drug catalogue's. */
public final class RegimenCatalogue {
    private final Map<String, RegimenDefinition> regimens;

    public RegimenCatalogue(Map<String, RegimenDefinition> regimens) {
        this.regimens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(regimens));
    }

    public static RegimenCatalogue parse(byte[] yaml, String fileName, DrugCatalogue drugs) throws CatalogueException {
        JsonNode root = CatalogueYaml.read(yaml, fileName);
        if (root != null && root.has("regimens")) root = root.get("regimens");
        if (root == null || !root.isObject()) throw new CatalogueException(fileName + ": expected a map of regimen id to entry");
        Map<String, RegimenDefinition> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            JsonNode n = e.getValue();
            List<Drug> components = new ArrayList<>();
            for (JsonNode c : n.path("components")) components.add(drug(drugs, fileName, id, c.asText()));
            String anti = n.path("anti_cd38").asText(null);
            List<RegimenDefinition.PivotalTrial> trials = new ArrayList<>();
            for (JsonNode t : n.path("pivotal_trials")) {
                trials.add(new RegimenDefinition.PivotalTrial(t.path("trial").asText(null), t.path("design").asText(null),
                        t.path("setting").asText(null), t.path("comparator").asText(null), t.path("pfs_hr").asText(null),
                        strings(t.path("evidence"))));
            }
            // The engine reads a regimen's settings (a relapsed-myeloma regimen needs documented relapse): a misspelt one
            // is refused here, where the file can be named, not at evaluation.
            for (String setting : strings(n.path("settings"))) {
                if (!DISEASE_SETTINGS.contains(setting)) {
                    throw new CatalogueException(fileName + ": regimen " + id + " names setting '" + setting
                            + "'; the settings are " + DISEASE_SETTINGS);
                }
            }
            Map<String, List<String>> labels = new LinkedHashMap<>();
            n.path("labels").fields().forEachRemaining(l -> labels.put(l.getKey(), strings(l.getValue().path("evidence"))));
            out.put(id, new RegimenDefinition(id, n.path("name").asText(id), n.path("short").asText(id),
                    anti == null ? null : drug(drugs, fileName, id, anti), components, strings(n.path("classes")),
                    strings(n.path("settings")), trials, labels));
        }
        return new RegimenCatalogue(out);
    }

    private static final List<String> DISEASE_SETTINGS = java.util.Arrays.stream(org.myelomacds.facts.DiseaseSetting.values())
            .map(Enum::name).toList();

    private static Drug drug(DrugCatalogue drugs, String file, String regimen, String name) throws CatalogueException {
        return drugs.find(name).orElseThrow(() -> new CatalogueException(file + ": regimen " + regimen + " names drug '" + name
                + "', which the drug catalogue (rules/terminology/drug-*.json) does not define"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    public Map<String, RegimenDefinition> regimens() { return regimens; }
    public Optional<RegimenDefinition> find(String id) { return Optional.ofNullable(regimens.get(id)); }

    /** Regimen id → short name (ISA_KD → Isa-Kd), for front ends that name regimens in little space. */
    public Map<String, String> shortNames() {
        Map<String, String> out = new java.util.TreeMap<>();
        regimens.forEach((id, r) -> { if (r.shortName() != null && !r.shortName().isBlank()) out.put(id, r.shortName()); });
        return out;
    }
    public boolean contains(String id) { return regimens.containsKey(id); }
}
