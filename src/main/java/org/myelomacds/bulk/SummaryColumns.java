package org.myelomacds.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The summary table's columns, in order: the one definition both the CSV and the Parquet writers (in-process and on
 * Spark) take their names, types and values from. Regimen columns are the contract's regimen ids
 * (ARCHITECTURE.md §5), two per regimen: {@code <id>_status} and {@code <id>_rank} (lower case).
 */
public final class SummaryColumns {
    private SummaryColumns() { }

    /** Contract regimen ids; SummaryColumnsTest keeps them equal to rules/regimens.yaml. */
    public static final List<String> REGIMENS = List.of("ISA_PD", "ISA_KD", "ISA_VRD", "DARA_RD", "DARA_VMP",
            "DARA_VTD", "DARA_VRD", "DARA_VD", "DARA_KD", "DARA_PD", "DARA_MONO");

    public enum Kind { STRING, INT, LONG, BOOLEAN, DATE, STRING_LIST }

    public record Column(String name, Kind kind, String description, Function<SummaryRow, Object> value) {}

    public static final List<Column> ALL = build();

    private static List<Column> build() {
        List<Column> c = new ArrayList<>();
        c.add(new Column("patient_id", Kind.STRING, "Patient.id in the export", SummaryRow::patientId));
        c.add(new Column("as_of", Kind.DATE, "evaluation date", r -> r.asOf()));
        c.add(new Column("jurisdiction", Kind.STRING, "US or EU labels", SummaryRow::jurisdiction));
        c.add(new Column("rulebase_version", Kind.STRING, "rulebase version", SummaryRow::rulebaseVersion));
        c.add(new Column("rulebase_sha256", Kind.STRING, "hash of every rule and catalogue file", SummaryRow::rulebaseSha256));
        c.add(new Column("age", Kind.INT, "age in years at as_of", SummaryRow::age));
        c.add(new Column("sex", Kind.STRING, "sex as read", SummaryRow::sex));
        c.add(new Column("setting", Kind.STRING, "disease setting", SummaryRow::setting));
        c.add(new Column("prior_lines", Kind.INT, "prior lines of therapy", SummaryRow::priorLines));
        c.add(new Column("top_regimen", Kind.STRING, "rank-1 regimen", SummaryRow::topRegimen));
        c.add(new Column("top_status", Kind.STRING, "status of the rank-1 regimen", SummaryRow::topStatus));
        c.add(new Column("recommended", Kind.STRING_LIST, "recommended regimens, rank 1 first", SummaryRow::recommended));
        for (String regimen : REGIMENS) {
            String id = regimen.toLowerCase(Locale.ROOT);
            c.add(new Column(id + "_status", Kind.STRING, regimen + " status", r -> r.statuses().get(regimen)));
            c.add(new Column(id + "_rank", Kind.INT, regimen + " rank when recommended", r -> r.ranks().get(regimen)));
        }
        c.add(new Column("flags_critical", Kind.STRING_LIST, "CRITICAL flag codes", SummaryRow::flagsCritical));
        c.add(new Column("flags_warning", Kind.STRING_LIST, "WARNING flag codes", SummaryRow::flagsWarning));
        c.add(new Column("flags_info", Kind.STRING_LIST, "INFO flag codes", SummaryRow::flagsInfo));
        c.add(new Column("data_gaps", Kind.STRING_LIST, "data-gap codes", SummaryRow::dataGaps));
        c.add(new Column("anti_cd38_last_dose", Kind.DATE, "last anti-CD38 dose", SummaryRow::antiCd38LastDose));
        c.add(new Column("anti_cd38_ongoing", Kind.BOOLEAN, "an anti-CD38 antibody is ongoing", SummaryRow::antiCd38Ongoing));
        c.add(new Column("washout_days", Kind.LONG, "days since the last anti-CD38 dose", SummaryRow::washoutDays));
        c.add(new Column("washout_band", Kind.STRING, "SHORT, INTERMEDIATE or ADEQUATE", SummaryRow::washoutBand));
        c.add(new Column("washout_adequate_from", Kind.DATE, "first day of the adequate washout band", SummaryRow::washoutAdequateFrom));
        c.add(new Column("unreadable_parts", Kind.INT, "parts of the record assessed without (allow-partial)", SummaryRow::unreadableParts));
        return List.copyOf(c);
    }

    public static List<String> names() {
        return ALL.stream().map(Column::name).toList();
    }
}
