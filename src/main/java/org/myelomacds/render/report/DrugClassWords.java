package org.myelomacds.render.report;

import org.myelomacds.assessment.Findings;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the report words the drug-class findings: one line per class, one per composite label, and a short line for the
 * board's patient table. It maps what rules/derive/drug-classes.drl decided; it decides nothing.
 */
final class DrugClassWords {
    private DrugClassWords() {}

    /** "Proteasome inhibitor (PI): exposed to bortezomib, carfilzomib; refractory: bortezomib (progression 2025-09-22, line 2)". */
    static String classLine(Findings.DrugClassStatus c) {
        String name = Character.toUpperCase(c.name().charAt(0)) + c.name().substring(1);
        if (!"EXPOSED".equals(c.exposure())) return name + ": " + c.text();
        String line = name + ": exposed to " + drugs(c.drugs());
        if (c.refractoriness() == null) return line;
        return line + "; " + switch (c.refractoriness()) {
            case "REFRACTORY" -> "refractory: " + c.refractoryDrugs().stream().map(r -> ReportView.drug(r.drug())
                    + " (progression " + r.progression() + (r.line() == null ? "" : ", line " + r.line()) + ")")
                    .collect(Collectors.joining(", "))
                    + (c.undecidedDrugs() == null ? "" : "; undecided: " + drugs(c.undecidedDrugs()));
            case "NOT_REFRACTORY" -> "not refractory";
            default -> "refractoriness unknown (undecided: " + drugs(c.undecidedDrugs()) + ")" + why(c.text());
        };
    }

    /** The reason the class text gives after "is undecided (" (DrugClassOutputs.refractoryUnknown), or nothing. */
    private static String why(String text) {
        int from = text.indexOf(" refractoriness unknown: no ");
        int open = from < 0 ? -1 : text.indexOf(" is undecided (", from);
        return open < 0 || !text.endsWith(")") ? "" : ": " + text.substring(open + " is undecided (".length(), text.length() - 1);
    }

    static String labelLine(Findings.ClassLabel l) {
        return Character.toUpperCase(l.text().charAt(0)) + l.text().substring(1) + " (descriptive; no decision reads it)";
    }

    /** Said once beside the labels: the term the sources read do not define is not derived, rather than guessed. */
    static final String NOT_DERIVED = "Penta-exposed: not derived (no source in the evidence catalogue defines it)";

    /** "IMiD refractory, PI refractory, anti-CD38 refractory; triple-class exposed, triple-class refractory", or null. */
    static String boardLine(Findings f) {
        if (f.drugClasses() == null) return null;
        List<String> parts = new ArrayList<>();
        for (Findings.DrugClassStatus c : f.drugClasses()) {
            String shortName = switch (c.drugClass()) {
                case "IMID" -> "IMiD";
                case "PROTEASOME_INHIBITOR" -> "PI";
                case "ANTI_CD38" -> "anti-CD38";
                default -> null;
            };
            if (shortName == null) continue;
            parts.add(shortName + " " + ("EXPOSED".equals(c.exposure())
                    ? switch (c.refractoriness() == null ? "" : c.refractoriness()) {
                        case "REFRACTORY" -> "refractory";
                        case "NOT_REFRACTORY" -> "exposed, not refractory";
                        default -> "exposed, refractoriness unknown";
                    }
                    : "NOT_EXPOSED".equals(c.exposure()) ? "not exposed" : "exposure unknown"));
        }
        String line = String.join(", ", parts);
        if (f.classLabels() != null) {
            List<String> labels = f.classLabels().stream().filter(l -> !"NOT_MET".equals(l.outcome()))
                    .map(l -> label(l.label()) + ("UNKNOWN".equals(l.outcome()) ? " undecided" : "")).toList();
            if (!labels.isEmpty()) line += "; " + String.join(", ", labels);
        }
        return line.isEmpty() ? null : line;
    }

    private static String label(String kind) {
        return switch (kind) {
            case "TRIPLE_CLASS_EXPOSED" -> "triple-class exposed";
            case "TRIPLE_CLASS_REFRACTORY" -> "triple-class refractory";
            case "PENTA_REFRACTORY" -> "penta-refractory";
            default -> kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    private static String drugs(List<String> codes) {
        return codes == null ? "" : codes.stream().map(ReportView::drug).collect(Collectors.joining(", "));
    }
}
