package org.myelomacds.render;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.Flag;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.assessment.ScoreLine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one or two sentences a clinician can repeat in one breath: the best-supported option(s) and why, or that no
 * anti-CD38 option is currently supported and why. Every clause is taken from the Assessment — the ranked options'
 * statuses and score lines, the flags every option shares, the why-not reasons and data gaps — with the rule ids it
 * came from kept in {@link #rules()}, so a sentence is traceable to rules and citations. Regimens are named, never
 * given by id.
 */
public record BottomLine(List<String> sentences, Set<String> rules) {
    private static final Pattern REGIMEN_ID = Pattern.compile("\\b(?:ISA|DARA)_[A-Z]+\\b");

    public BottomLine {
        sentences = List.copyOf(sentences);
        rules = Set.copyOf(rules);
    }

    public String text() { return String.join(" ", sentences); }

    /** {@code shortNames}: regimen id → short name (e.g. ISA_KD → Isa-Kd); a regimen without one is named in full. */
    public static BottomLine of(Assessment a, Map<String, String> shortNames) {
        List<String> out = new ArrayList<>();
        Set<String> rules = new LinkedHashSet<>();
        List<Recommendation> recs = a.recommendations();
        if (recs.isEmpty()) {
            out.add("No anti-CD38 option is currently supported on the data given.");
            List<NotRecommended> undecided = a.notRecommended().stream().filter(n -> "INSUFFICIENT_DATA".equals(n.status())).toList();
            if (!undecided.isEmpty()) {
                out.add("Missing data leave " + names(undecided.stream().map(NotRecommended::regimen).toList(), shortNames)
                        + " undecided; the data gaps say what would decide them.");
                undecided.forEach(n -> n.reasons().forEach(s -> rules.add(s.rule())));
            } else if (!a.notRecommended().isEmpty() && !a.notRecommended().get(0).reasons().isEmpty()) {
                var first = a.notRecommended().get(0).reasons().get(0);
                out.add("Main reason: " + plain(shorten(first.text(), 160), shortNames) + ".");
                rules.add(first.rule());
            }
            whenItChanges(a, out, rules);
            return new BottomLine(out, rules);
        }
        Recommendation top = recs.get(0);
        List<Recommendation> tied = recs.stream().filter(r -> r.score() == top.score()).toList();
        String why = reasons(top, shortNames, rules);
        if (tied.size() == 1) {
            StringBuilder s = new StringBuilder("Best supported: ").append(name(top, shortNames)).append(" (")
                    .append(FlagKinds.statusWords(top.status(), top.flags())).append(", score ").append(top.score());
            if (recs.size() > 1) s.append(" vs ").append(recs.get(1).score()).append(" for ").append(name(recs.get(1), shortNames));
            s.append(")");
            if (!why.isEmpty()) s.append(": ").append(why);
            out.add(s + ".");
        } else {
            out.add("Equally supported: " + names(tied.stream().map(Recommendation::regimen).toList(), shortNames)
                    + " (score " + top.score() + " each)" + (why.isEmpty() ? "" : ": " + why) + ".");
        }
        // A concern every ranked option carries does not separate them: say so, since it is what the choice hinges on.
        if (recs.size() > 1) {
            Set<String> shared = null;
            for (Recommendation r : recs) {
                Set<String> codes = new LinkedHashSet<>();
                r.flags().stream().filter(f -> FlagKinds.kind(f) == FlagKinds.Kind.CONCERN).forEach(f -> codes.add(f.code()));
                if (shared == null) shared = codes; else shared.retainAll(codes);
            }
            if (shared != null && !shared.isEmpty()) {
                List<String> titles = shared.stream().map(FlagKinds::title).toList();
                out.add("Every ranked option shares " + (titles.size() == 1 ? "this concern: " : "these concerns: ")
                        + String.join("; ", titles) + ".");
                for (Recommendation r : recs) for (Flag f : r.flags()) if (shared.contains(f.code())) rules.add(f.rule());
            }
        }
        whenItChanges(a, out, rules);
        return new BottomLine(out, rules);
    }

    /**
     * When things change: the days the rules computed for their flags (the washout reaching a band or the 9 months
     * IRAKLIA required), earliest first, in one sentence; or, when the last anti-CD38 dose is dated too imprecisely to
     * give those days (ANTI_CD38_WASHOUT_UNKNOWN), that they cannot be given and why. Days are printed as the rules
     * gave them, never recomputed here.
     */
    private static void whenItChanges(Assessment a, List<String> out, Set<String> rules) {
        java.util.TreeMap<String, Flag.Milestone> byDay = new java.util.TreeMap<>();
        for (Flag f : a.flags()) {
            for (Flag.Milestone m : f.milestones()) {
                if (byDay.putIfAbsent(m.date() + "\u0000" + m.what(), m) == null) rules.add(f.rule());
            }
        }
        if (!byDay.isEmpty()) {
            List<Flag.Milestone> ms = List.copyOf(byDay.values());
            // "the anti-CD38 washout reaches 90 days …, 180 days … and …": the shared subject is said once.
            String subject = commonSubject(ms);
            List<String> parts = new ArrayList<>();
            for (Flag.Milestone m : ms) {
                String what = m.what().substring(subject.length());
                parts.add(what + when(m));
            }
            String joined = parts.size() == 1 ? parts.get(0)
                    : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
            String sentence = subject + joined;
            boolean partial = ms.stream().anyMatch(Flag.Milestone::atTheLatest);
            out.add(Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1)
                    + (partial ? " (the last dose is dated only in part; the exact day would bring these dates forward)" : "") + ".");
        }
        a.dataGaps().stream().filter(g -> "ANTI_CD38_WASHOUT_UNKNOWN".equals(g.code())).findFirst().ifPresent(g -> {
            // gap texts read "Heading: what is missing. What to record"; the heading repeats this sentence's subject
            String why = g.text().indexOf(": ") > 0 && g.text().indexOf(": ") < 50 ? g.text().substring(g.text().indexOf(": ") + 2) : g.text();
            out.add("The days on which the anti-CD38 washout changes band cannot be given: " + lowerFirst(shorten(why, 260)) + ".");
            if (g.rule() != null) rules.add(g.rule());
        });
    }

    /**
     * " on 2026-11-22"; " by 2026-11-22 at the latest" for a day counted from the latest possible last dose; with a blinded
     * anti-CD38 product after the last certain dose the two arms' days, " from 2026-11-22 if placebo, 2026-12-28 if the
     * study arm was active" (FINDINGS O3).
     */
    private static String when(Flag.Milestone m) {
        if (m.ifStudyArmActive() != null && !m.ifStudyArmActive().equals(m.date())) {
            return " from " + m.date() + (m.atTheLatest() ? " at the latest" : "") + " if placebo, " + m.ifStudyArmActive()
                    + " if the study arm was active";
        }
        return m.atTheLatest() ? " by " + m.date() + " at the latest" : " on " + m.date();
    }

    /** The words all milestones start with up to a word boundary before the first that differs ("the anti-CD38 washout reaches "). */
    private static String commonSubject(List<Flag.Milestone> ms) {
        if (ms.size() < 2) return "";
        String first = ms.get(0).what();
        int n = first.length();
        for (Flag.Milestone m : ms) {
            int i = 0;
            while (i < Math.min(n, m.what().length()) && first.charAt(i) == m.what().charAt(i)) i++;
            n = i;
        }
        int space = first.lastIndexOf(' ', n - 1);
        return space < 0 ? "" : first.substring(0, space + 1);
    }

    private static String lowerFirst(String t) {
        if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && !Character.isUpperCase(t.charAt(1))) {
            return Character.toLowerCase(t.charAt(0)) + t.substring(1);
        }
        return t;
    }

    /** Why the option ranks where it does, from its score lines: what earned its points and its largest deduction. */
    public static String mainReason(Recommendation r, Map<String, String> names) {
        String why = reasons(r, names, new LinkedHashSet<>());
        return why.isEmpty() ? "no points from the evidence" : Character.toUpperCase(why.charAt(0)) + why.substring(1);
    }

    /** What earned the option its points, and the largest deduction, from its score lines. */
    private static String reasons(Recommendation r, Map<String, String> shortNames, Set<String> rules) {
        List<String> parts = new ArrayList<>();
        r.scoreComponents().stream().filter(l -> l.points() > 0).sorted(Comparator.comparingInt(ScoreLine::points).reversed())
                .limit(3).forEach(l -> { parts.add(lead(plain(l.label(), shortNames))); rules.add(l.rule()); });
        String why = String.join("; ", parts);
        ScoreLine against = r.scoreComponents().stream().filter(l -> l.points() < 0).min(Comparator.comparingInt(ScoreLine::points)).orElse(null);
        if (against != null) {
            why += (why.isEmpty() ? "" : "; ") + "against it: " + lead(plain(against.label(), shortNames)) + " (" + against.points() + ")";
            rules.add(against.rule());
        }
        return why;
    }

    /** A score line's lead clause, before its parenthesis or colon, starting lower-case unless it starts with a name. */
    private static String lead(String label) {
        String t = label;
        int cut = t.length();
        for (String sep : List.of(" (", ": ")) {
            int i = t.indexOf(sep);
            if (i > 0 && i < cut) cut = i;
        }
        t = t.substring(0, cut).strip();
        if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && !Character.isUpperCase(t.charAt(1))) {
            t = Character.toLowerCase(t.charAt(0)) + t.substring(1);
        }
        return t;
    }

    static String name(Recommendation r, Map<String, String> shortNames) {
        return shortNames.getOrDefault(r.regimen(), r.name());
    }

    static String names(List<String> ids, Map<String, String> shortNames) {
        List<String> n = ids.stream().map(id -> shortNames.getOrDefault(id, id.replace('_', ' '))).toList();
        if (n.size() == 1) return n.get(0);
        return String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
    }

    /** Engine text with any regimen id replaced by the regimen's name (tie-break lines name their rivals by id). */
    public static String plain(String text, Map<String, String> shortNames) {
        if (text == null) return "";
        Matcher m = REGIMEN_ID.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(shortNames.getOrDefault(m.group(), m.group())));
        m.appendTail(sb);
        return sb.toString();
    }

    static String shorten(String text, int max) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.endsWith(".")) t = t.substring(0, t.length() - 1);
        if (t.length() <= max) return t;
        int cut = t.lastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = max - 1;
        return t.substring(0, cut).replaceAll("[,;:]$", "") + "…";
    }
}
