package org.myelomacds.render.report;

import org.myelomacds.assessment.FactRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The patient data printed beside a statement. A chart that records each dose as its own resource cites a hundred
 * administrations for one course; printed one by one they bury the statement (a single line of the board report ran to
 * 12,000 characters). More than {@link #ITEMISED_PER_TYPE} records of one resource type print as one summary — how
 * many, the first and the last by date — and the assessment JSON keeps every reference.
 */
final class SourceList {
    static final int ITEMISED_PER_TYPE = 6;

    private SourceList() {}

    static List<ReportView.Source> of(List<FactRef> facts) {
        if (facts == null || facts.isEmpty()) return List.of();
        Map<String, List<FactRef>> byType = new LinkedHashMap<>();
        for (FactRef r : facts) byType.computeIfAbsent(type(r.reference()), k -> new ArrayList<>()).add(r);
        if (byType.values().stream().allMatch(refs -> refs.size() <= ITEMISED_PER_TYPE))
            return facts.stream().map(r -> new ReportView.Source(r.reference(), r.date())).toList();
        List<ReportView.Source> printed = new ArrayList<>();
        byType.forEach((type, refs) -> {
            if (refs.size() <= ITEMISED_PER_TYPE) refs.forEach(r -> printed.add(new ReportView.Source(r.reference(), r.date())));
            else printed.add(summary(type, refs));
        });
        return printed;
    }

    private static ReportView.Source summary(String type, List<FactRef> refs) {
        List<FactRef> dated = refs.stream().filter(r -> r.date() != null)
                .sorted(Comparator.comparing(FactRef::date)).toList();
        StringBuilder s = new StringBuilder().append(refs.size()).append(' ').append(type).append(" records");
        if (!dated.isEmpty()) {
            FactRef first = dated.get(0), last = dated.get(dated.size() - 1);
            s.append(" from ").append(first.date()).append(" (").append(first.reference()).append(") to ")
             .append(last.date()).append(" (").append(last.reference()).append(')');
        }
        int undated = refs.size() - dated.size();
        if (undated > 0) s.append(dated.isEmpty() ? ", undated" : ", " + undated + " of them undated");
        s.append(", each listed in the assessment JSON");
        return new ReportView.Source(s.toString(), null);
    }

    private static String type(String reference) {
        int slash = reference == null ? -1 : reference.indexOf('/');
        return slash > 0 ? reference.substring(0, slash) : String.valueOf(reference);
    }
}
