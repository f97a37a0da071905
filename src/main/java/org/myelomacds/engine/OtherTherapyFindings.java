package org.myelomacds.engine;

import org.myelomacds.assessment.Findings;
import org.myelomacds.derive.LineOfTherapyDeriver;
import org.myelomacds.facts.DosingPeriod;
import org.myelomacds.facts.Drug;
import org.myelomacds.facts.DrugClass;
import org.myelomacds.facts.MedicationRecord;
import org.myelomacds.facts.OtherTherapy;
import org.myelomacds.facts.PartialDateText;
import org.myelomacds.facts.Provenance;
import org.myelomacds.facts.UnrecognisedCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The findings' "other therapy": records that are not lines of myeloma therapy (derive/TherapyPurpose,
 * CDS-POLICY-OTHER-THERAPY), one entry per course rather than per dose, by start date.
 */
final class OtherTherapyFindings {
    private OtherTherapyFindings() { }

    /**
     * {@code unrecognised}: the codes the reader did not recognise, which carry the name a record gives a drug the
     * catalogue does not list; {@code asOf} bounds the courses. Null when there is no other therapy.
     */
    static List<Findings.OtherTherapy> of(List<OtherTherapy> facts, List<UnrecognisedCode> unrecognised, LocalDate asOf) {
        if (facts.isEmpty()) return null;
        List<OtherTherapy> other = new ArrayList<>(facts);
        other.sort(Comparator.comparing((OtherTherapy o) -> o.getStart(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(OtherTherapy::getDrug, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(OtherTherapy::sourceReference));
        Map<String, String> names = recordedNames(unrecognised);
        Map<String, String> sameDrug = sameDrugByRxNorm(other, names, unrecognised);
        List<Findings.OtherTherapy> out = new ArrayList<>();
        Map<List<Object>, List<OtherTherapy>> courses = new LinkedHashMap<>();
        Map<List<Object>, List<OtherTherapy>> unlisted = new LinkedHashMap<>();
        for (OtherTherapy o : other) {
            if (o.getRecord() == null || o.getStart() == null) {
                out.add(single(o, o.getProcedure() == null ? null : o.getProcedure().getKind().transplantKind(),
                        nameOf(o, names)));
            } else if (nameOf(o, names) != null) {
                // Sweep G5: the catalogue cannot tell one unlisted drug from another (each is read only as the category
                // of what its record shows: an INN stem, a dose per m²), so the course is the records that give the same
                // name for the same reason, not those of the same category.
                String word = drugWord(nameOf(o, names)).toLowerCase(Locale.ROOT);
                unlisted.computeIfAbsent(List.of(sameDrug.getOrDefault(word, word), o.getDecision(),
                        o.isExposure(), o.getReason()), k -> new ArrayList<>()).add(o);
            } else {
                // The catalogue's catch-all (vincristine, a study drug) stands for many drugs: its records are of one
                // drug only when they name their medication by the same words (sweep s19 X5, as V3 for the line count).
                courses.computeIfAbsent(List.of(o.getDrug(), o.getDecision(), o.isExposure(), o.getReason(),
                        String.valueOf(catchAllWords(o))), k -> new ArrayList<>()).add(o);
            }
        }
        for (List<OtherTherapy> group : courses.values()) out.addAll(cataloguedCourses(group, asOf));
        for (List<OtherTherapy> group : unlisted.values()) {
            out.add(unlistedCourse(group, drugWord(nameOf(group.get(0), names)),
                    group.stream().map(o -> nameOf(o, names)).distinct().toList()));
        }
        out.sort(Comparator.comparing(Findings.OtherTherapy::start, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Findings.OtherTherapy::drug, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /**
     * Sweep D5: doses of one catalogued drug set apart for one reason form courses as the myeloma exposures do (the
     * timeline's own grouping, LineOfTherapyDeriver.coursesOutsideLines), so six cycles are one entry, not one per dose.
     */
    private static List<Findings.OtherTherapy> cataloguedCourses(List<OtherTherapy> group, LocalDate asOf) {
        List<Findings.OtherTherapy> out = new ArrayList<>();
        OtherTherapy first = group.get(0);
        List<MedicationRecord> records = group.stream().map(OtherTherapy::getRecord).toList();
        Set<OtherTherapy> placed = new HashSet<>();
        for (DosingPeriod c : LineOfTherapyDeriver.coursesOutsideLines(records, asOf)) {
            Set<Provenance> provenance = new TreeSet<>();
            for (OtherTherapy o : group) {
                if (o.getRecord().getProvenance().stream().anyMatch(c.getProvenance()::contains)) {
                    provenance.addAll(o.getProvenance());
                    placed.add(o);
                }
            }
            String reason = c.getRecords() <= 1 ? first.getReason()
                    : first.getReason() + "; one course of " + c.getRecords() + " records from "
                            + PartialDateText.of(c.getStart(), c.getStartLatest()) + " to " + c.getEnd()
                            + " (doses of one drug form one course, as for myeloma therapy)";
            out.add(new Findings.OtherTherapy(first.getDrug().name(), PartialDateText.of(c.getStart(), c.getStartLatest()),
                    PartialDateText.of(c.getEndEarliest() == null ? c.getEnd() : c.getEndEarliest(), c.getEnd()),
                    first.getDecision().name(), first.getDecision().rule(), reason, first.isExposure(),
                    AssessmentAssembler.refs(new ArrayList<>(provenance)), null));
        }
        // Records the course building does not place: a steroid alone makes no line, so the timeline builds it no course;
        // its doses are grouped here the same way, records no more than 60 days apart one course (FINDINGS P6: 24
        // one-day dexamethasone entries beside one course each of the bortezomib and cyclophosphamide given with them).
        List<OtherTherapy> left = group.stream().filter(o -> !placed.contains(o)).toList();
        if (first.getDrug().getDrugClass() == DrugClass.CORTICOSTEROID) {
            out.addAll(recordCourses(left, asOf, "doses of one steroid no more than " + COURSE_BREAK_DAYS
                    + " days apart form one course"));
        } else if (catchAllWords(first) != null) {
            // The timeline builds the catch-all no course (it knows no dosing interval for it): the records naming it by
            // the same words are grouped here, as a steroid's are (sweep s19 X5: R-CHOP's vincristine as six entries).
            out.addAll(recordCourses(left, asOf, "records naming one antineoplastic by the same words, no more than "
                    + COURSE_BREAK_DAYS + " days apart, form one course"));
        } else {
            for (OtherTherapy o : left) out.add(single(o, null, null));
        }
        return out;
    }

    /**
     * A break longer than this ends a course the timeline does not build (a steroid's, the catch-all's): the 60-day break
     * of CDS-POLICY-BREAK-RESUMED-SUBSET.
     */
    private static final int COURSE_BREAK_DAYS = 60;

    /** The catalogue's antineoplastic it cannot classify (drug-unclassified-antineoplastic: a study drug, an uncatalogued ATC L01 code …). */
    private static final String CATCH_ALL = "UNCLASSIFIED_ANTINEOPLASTIC";

    /** The words a record of the catalogue's catch-all names its medication by; null for any other drug or none. */
    private static String catchAllWords(OtherTherapy o) {
        if (o.getRecord() == null || o.getDrug() == null || !CATCH_ALL.equals(o.getDrug().name())) return null;
        return o.getRecord().getMedicationWords();
    }

    /**
     * The records of one corticosteroid, or of the catch-all named by the same words, given for one reason, as courses:
     * by start, each record starting no more than {@link #COURSE_BREAK_DAYS} days after the course's last day so far
     * joins it; a course of one record is that record's entry. {@code why} says in the reason why the records are one.
     */
    private static List<Findings.OtherTherapy> recordCourses(List<OtherTherapy> records, LocalDate asOf, String why) {
        List<Findings.OtherTherapy> out = new ArrayList<>();
        List<OtherTherapy> sorted = records.stream().sorted(Comparator.comparing(OtherTherapy::getStart)
                .thenComparing(OtherTherapy::sourceReference)).toList();
        List<OtherTherapy> course = new ArrayList<>();
        LocalDate end = null;
        for (OtherTherapy o : sorted) {
            if (end != null && o.getStart().isAfter(end.plusDays(COURSE_BREAK_DAYS))) {
                out.add(recordCourse(course, end, why));
                course = new ArrayList<>();
                end = null;
            }
            course.add(o);
            // Its last day as recorded (its start when it records none), never after asOf.
            LocalDate last = o.getEnd() == null || o.getEnd().isBefore(o.getStart()) ? o.getStart() : o.getEnd();
            if (asOf != null && last.isAfter(asOf)) last = asOf;
            if (end == null || last.isAfter(end)) end = last;
        }
        if (!course.isEmpty()) out.add(recordCourse(course, end, why));
        return out;
    }

    private static Findings.OtherTherapy recordCourse(List<OtherTherapy> course, LocalDate end, String why) {
        OtherTherapy first = course.get(0);
        if (course.size() == 1) return single(first, null, null);
        Set<Provenance> provenance = new TreeSet<>();
        course.forEach(o -> provenance.addAll(o.getProvenance()));
        OtherTherapy lastRecord = course.stream().filter(o -> o.getEnd() != null)
                .max(Comparator.comparing(OtherTherapy::getEnd)).orElse(null);
        String endText = lastRecord == null || !lastRecord.getEnd().equals(end) ? end.toString()
                : PartialDateText.of(lastRecord.getEndEarliest() == null ? end : lastRecord.getEndEarliest(), end);
        String start = PartialDateText.of(first.getStart(), first.getStartLatest());
        String reason = first.getReason() + "; one course of " + course.size() + " records from " + start + " to "
                + endText + " (" + why + ")";
        return new Findings.OtherTherapy(first.getDrug().name(), start, endText, first.getDecision().name(),
                first.getDecision().rule(), reason, first.isExposure(), AssessmentAssembler.refs(new ArrayList<>(provenance)),
                null);
    }

    /**
     * The records of one unlisted drug given for one reason, as one entry from the first start to the last end. The
     * timeline builds no course of a drug it cannot classify (it knows no dosing interval for it), so the entry says
     * how many records it holds and over which days rather than claiming a continuous course.
     */
    private static Findings.OtherTherapy unlistedCourse(List<OtherTherapy> group, String name, List<String> recorded) {
        OtherTherapy first = group.get(0);
        if (group.size() == 1) return single(first, null, recorded.get(0));
        OtherTherapy earliest = group.stream().min(Comparator.comparing(OtherTherapy::getStart)).orElseThrow();
        OtherTherapy last = group.stream().filter(o -> o.getEnd() != null)
                .max(Comparator.comparing(OtherTherapy::getEnd)).orElse(null);
        String start = PartialDateText.of(earliest.getStart(), earliest.getStartLatest());
        String end = last == null ? null : PartialDateText.of(last.getEndEarliest(), last.getEnd());
        Set<Provenance> provenance = new TreeSet<>();
        group.forEach(o -> provenance.addAll(o.getProvenance()));
        String reason = first.getReason() + "; " + group.size() + " records of " + name
                + (recorded.size() > 1 || !recorded.get(0).equals(name)
                        ? " (recorded as " + recorded.stream().map(r -> "'" + r + "'").collect(java.util.stream.Collectors.joining(", ")) + ")"
                        : "")
                + (end == null ? ", the last with no end" : "");
        return new Findings.OtherTherapy(first.getDrug().name(), start, end, first.getDecision().name(),
                first.getDecision().rule(), reason, first.isExposure(), AssessmentAssembler.refs(new ArrayList<>(provenance)),
                null, name);
    }

    private static Findings.OtherTherapy single(OtherTherapy o, String transplant, String name) {
        return new Findings.OtherTherapy(o.getDrug() == null ? null : o.getDrug().name(),
                o.getStart() == null ? null : PartialDateText.of(o.getStart(), o.getStartLatest()),
                o.getEnd() == null || o.getProcedure() != null ? null : PartialDateText.of(o.getEndEarliest(), o.getEnd()),
                o.getDecision().name(), o.getDecision().rule(), o.getReason(), o.isExposure(),
                AssessmentAssembler.refs(o.getProvenance()), transplant, name);
    }

    /**
     * The drug's name without the dose, route and diluent words a chart writes after it ("PACLitaxel 144 mg in NaCl
     * 250 mL IV" is "PACLitaxel"): the words before the first digit or parenthesis, so doses of one drug charted with
     * other doses or wording are one course. Brand and generic names of one drug stay apart unless their records share
     * an RxNorm code ({@link #sameDrugByRxNorm}): the catalogue does not know the drug, so the words alone cannot tell
     * that "Taxol" is paclitaxel.
     */
    static String drugWord(String name) {
        String cut = name.split("[0-9(]", 2)[0].strip();
        return cut.isEmpty() ? name.strip() : cut;
    }

    /**
     * FINDINGS J6: the drug words (see {@link #drugWord}, case folded) of the unlisted records that name one drug, each
     * mapped to one of them. Two words are one drug when records carrying them share an RxNorm code ("Taxol 80 mg/m2" and
     * "paclitaxel 80 mg/m2 IV weekly" both coded 56946, the paclitaxel ingredient), directly or along a chain. A brand
     * coded by its own branded product code and a generic by its clinical drug code share none and stay apart: the
     * engine holds no RxNorm relationships to tell that they are one ingredient.
     */
    private static Map<String, String> sameDrugByRxNorm(List<OtherTherapy> other, Map<String, String> names,
                                                        List<UnrecognisedCode> unrecognised) {
        Map<String, Set<String>> codesByRef = new HashMap<>();
        for (UnrecognisedCode u : unrecognised) {
            if (u.reference() == null || u.code() == null || u.system() == null) continue;
            if (!u.system().toLowerCase(Locale.ROOT).contains("rxnorm")) continue;
            codesByRef.computeIfAbsent(u.reference(), k -> new TreeSet<>()).add(u.code().strip());
        }
        Map<String, String> parent = new HashMap<>();
        for (OtherTherapy o : other) {
            String name = nameOf(o, names);
            if (name == null || o.getRecord() == null) continue;
            String word = "w:" + drugWord(name).toLowerCase(Locale.ROOT);
            parent.putIfAbsent(word, word);
            for (String code : codesByRef.getOrDefault(String.valueOf(o.getRecord().sourceReference()), Set.of())) {
                parent.putIfAbsent("rx:" + code, "rx:" + code);
                union(parent, word, "rx:" + code);
            }
        }
        Map<String, String> out = new HashMap<>();
        for (String node : parent.keySet()) {
            if (node.startsWith("w:")) out.put(node.substring(2), root(parent, node));
        }
        return out;
    }

    private static String root(Map<String, String> parent, String node) {
        String r = node;
        while (!parent.get(r).equals(r)) r = parent.get(r);
        return r;
    }

    /** Joins two sets under the smaller root, so the grouping does not depend on the order records come in. */
    private static void union(Map<String, String> parent, String a, String b) {
        String ra = root(parent, a), rb = root(parent, b);
        if (ra.equals(rb)) return;
        if (ra.compareTo(rb) < 0) parent.put(rb, ra); else parent.put(ra, rb);
    }

    /** The name its record gives a drug the catalogue does not list; null for a catalogued drug or a transplant. */
    private static String nameOf(OtherTherapy o, Map<String, String> names) {
        Drug drug = o.getDrug();
        if (drug == null || drug.getDrugClass() != DrugClass.OTHER) return null;
        return o.getRecord() == null ? null : names.get(String.valueOf(o.getRecord().sourceReference()));
    }

    /** The first name (a coding's display, else the record's text) of each unrecognised medication record. */
    private static Map<String, String> recordedNames(List<UnrecognisedCode> unrecognised) {
        Map<String, String> names = new HashMap<>();
        for (UnrecognisedCode u : unrecognised) {
            if (u.reference() == null || u.display() == null || u.display().isBlank()) continue;
            if (!UnrecognisedCode.MEDICATION.equals(u.category())) continue;
            names.putIfAbsent(u.reference(), u.display().strip());
        }
        return names;
    }
}
