package org.myelomacds.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.myelomacds.evidence.terminology.DrugCatalogue;
import org.myelomacds.facts.Drug;

import java.time.LocalDate;
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
            List<LabelIndication> indications = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> ls = n.path("labels").fields(); ls.hasNext(); ) {
                Map.Entry<String, JsonNode> l = ls.next();
                labels.put(l.getKey(), strings(l.getValue().path("evidence")));
                for (JsonNode i : l.getValue().path("indications")) indications.add(indication(fileName, id, l.getKey(), i, indications));
            }
            out.put(id, new RegimenDefinition(id, n.path("name").asText(id), n.path("short").asText(id),
                    anti == null ? null : drug(drugs, fileName, id, anti), components, strings(n.path("classes")),
                    strings(n.path("settings")), trials, labels, indications));
        }
        return new RegimenCatalogue(out);
    }

    /**
     * One entry of labels.&lt;jurisdiction&gt;.indications. A date that is not a date, an end before the start, or an
     * undated indication that does not say why it has no date is refused here, with the regimen and the indication
     * named, so a malformed catalogue never reaches an evaluation.
     */
    private static LabelIndication indication(String file, String regimen, String jurisdiction, JsonNode n,
                                              List<LabelIndication> earlier) throws CatalogueException {
        String id = n.path("id").asText("");
        String where = file + ": regimen " + regimen + ", " + jurisdiction + " label indication '" + id + "'";
        if (id.isBlank()) throw new CatalogueException(file + ": regimen " + regimen + ", " + jurisdiction + " label: an indication has no id");
        for (LabelIndication e : earlier) {
            if (e.id().equals(id)) throw new CatalogueException(where + " is declared twice");
        }
        for (String field : List.of("product", "population")) {
            if (n.path(field).asText("").isBlank()) throw new CatalogueException(where + " has no " + field);
        }
        List<String> evidence = strings(n.path("evidence"));
        if (evidence.isEmpty()) throw new CatalogueException(where + " cites no evidence for its approval");
        LabelDate effective = n.hasNonNull("effective") ? labelDate(where, "effective", n.path("effective").asText()) : null;
        LocalDate ended = day(where, "ended", n);
        LocalDate notApprovedOn = day(where, "not_approved_on", n);
        LocalDate onLabelBy = day(where, "on_label_by", n);
        String note = n.hasNonNull("date_note") ? n.path("date_note").asText() : null;
        if (ended != null && effective != null && !ended.isAfter(effective.last())) {
            throw new CatalogueException(where + ": ended " + ended + " is not after effective " + effective.text());
        }
        if (notApprovedOn != null && onLabelBy != null && !onLabelBy.isAfter(notApprovedOn)) {
            throw new CatalogueException(where + ": on_label_by " + onLabelBy + " is not after not_approved_on " + notApprovedOn);
        }
        if (effective != null && (notApprovedOn != null || onLabelBy != null)) {
            throw new CatalogueException(where + ": not_approved_on and on_label_by bound an indication whose date is not known; this one has effective " + effective.text());
        }
        if (ended != null && onLabelBy != null && !ended.isAfter(onLabelBy)) {
            throw new CatalogueException(where + ": ended " + ended + " is not after on_label_by " + onLabelBy);
        }
        if (effective == null && (note == null || note.isBlank())) {
            throw new CatalogueException(where + " has no effective date and no date_note saying why (write what the evidence compendium says about its date)");
        }
        return new LabelIndication(regimen, id, jurisdiction, n.path("product").asText(), n.path("route").asText(null),
                n.path("population").asText(), effective, ended, notApprovedOn, onLabelBy, evidence, note);
    }

    private static LabelDate labelDate(String where, String field, String text) throws CatalogueException {
        try {
            return LabelDate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(where + ": " + field + " " + e.getMessage());
        }
    }

    private static LocalDate day(String where, String field, JsonNode n) throws CatalogueException {
        if (!n.hasNonNull(field)) return null;
        LabelDate d = labelDate(where, field, n.path(field).asText());
        if (!d.dayKnown()) throw new CatalogueException(where + ": " + field + " must be a day (YYYY-MM-DD), not '" + d.text() + "'");
        return d.first();
    }

    /** Every label indication of the catalogue by key ("DARA_VRD/US-SC-TI"), in file order. */
    public Map<String, LabelIndication> indications() {
        Map<String, LabelIndication> out = new LinkedHashMap<>();
        regimens.values().forEach(r -> r.indications().forEach(i -> out.put(i.key(), i)));
        return out;
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
