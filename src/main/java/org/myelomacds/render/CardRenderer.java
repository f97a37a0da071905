package org.myelomacds.render;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.DataGapItem;
import org.myelomacds.assessment.Flag;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.assessment.Statement;
import org.myelomacds.evidence.terminology.ObservationTerms;
import org.myelomacds.render.cards.Card;
import org.myelomacds.render.cards.Card.Coding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CDS Hooks cards from an {@link Assessment}. Every statement on a card is one the engine made (bottom line, statuses,
 * flags and their actions, why-not reasons, data gaps); nothing clinical is decided here. What this class adds is
 * presentation, designed against alert fatigue (README, "Card design"):
 * <ul>
 *   <li>patient-view: one summary card (the top options by name with their status in words, the bottom line, the key
 *   caution), one card per CRITICAL finding whose summary is the action, and at most one card gathering the routine
 *   pre-dose tasks with their coded suggestions;</li>
 *   <li>order-select / order-sign: one card per distinct concern for the ordered drug (every regimen it concerns on one
 *   card), one card for its pre-dose tasks, and a warning when no regimen with the drug is recommended.</li>
 * </ul>
 * Summaries and details speak names and plain words; codes (regimen ids, flag codes, rule and evidence ids) stay in
 * machine fields ({@code source.topic}, the suggestions' resources, the issued-card record) and in the linked report,
 * which carries the full reasoning. A detail stays under {@link #MAX_DETAIL} characters. Within one response each
 * proposed order appears once, and uuids are derived from the request, so the same request gives the same uuids.
 *
 * <p>This class composes the cards; the parts live beside it: {@link CardResponse} (uuids, names, orders proposed so
 * far), {@link CardDetail} (the length-bounded detail), {@link CardText} (cutting and escaping text),
 * {@link CardSources} (source and link) and {@link CardSuggestions} (coded orders).
 */
public final class CardRenderer {
    /** Codes for "why I did not follow this card", offered on every card (CDS Hooks 2.0 overrideReasons). */
    public static final String OVERRIDE_SYSTEM = "https://myeloma-cds.org/fhir/CodeSystem/override-reason";
    public static final List<Coding> OVERRIDE_REASONS = List.of(
            new Coding(OVERRIDE_SYSTEM, "already-addressed", "Already addressed or ordered"),
            new Coding(OVERRIDE_SYSTEM, "patient-data-incorrect", "Patient data in the record is wrong or incomplete"),
            new Coding(OVERRIDE_SYSTEM, "clinical-judgement", "Clinical judgement differs (documented in the chart)"),
            new Coding(OVERRIDE_SYSTEM, "patient-preference", "Patient preference"),
            new Coding(OVERRIDE_SYSTEM, "not-relevant", "Not relevant to this patient"));
    public static final String TOPIC_SYSTEM = "https://myeloma-cds.org/fhir/CodeSystem/card-topic";
    /** The longest card detail, footer included: what a card shows without scrolling; the rest is one link away. */
    public static final int MAX_DETAIL = 600;
    /** Options named on the summary card; the full ranking is in the linked report. */
    static final int SUMMARY_OPTIONS = 3;

    private CardRenderer() {}

    /**
     * What a response is rendered with besides the Assessment.
     *
     * @param reportUrl  the full assessment behind every card's link; null when there is none (the command line)
     * @param orderCodes the terminology of the rulebase that made the assessment, for the codes of proposed tests
     * @param shortNames regimen id → short name (ISA_KD → Isa-Kd), from the regimen catalogue
     * @param requestKey what identifies the request (service, hook instance, draft orders): with the patient and the
     *                   rulebase it seeds the uuids, so a repeated request gets the same uuids and a new one new uuids
     */
    public record Context(String reportUrl, ObservationTerms orderCodes, Map<String, String> shortNames, String requestKey) {
        public Context {
            shortNames = Map.copyOf(shortNames);
            requestKey = requestKey == null ? "" : requestKey;
        }
    }

    /** A drug of the draft orders and the regimens that contain it. */
    public record OrderedDrug(String name, Set<String> regimens) {
        public OrderedDrug { regimens = Set.copyOf(regimens); }
    }

    /** patient-view: the summary card, a card per CRITICAL finding, and one card for the pre-dose tasks. */
    public static List<Card> patientView(Assessment a, Context ctx) {
        CardResponse r = new CardResponse(a, ctx);
        List<Card> cards = new ArrayList<>();
        cards.add(summaryCard(r));
        Set<String> recommended = recommendedRegimens(a);
        for (Flag f : a.flags()) if ("CRITICAL".equals(f.severity())) cards.add(criticalCard(r, f, null));
        List<Flag> tasks = a.flags().stream().filter(f -> FlagKinds.kind(f) == FlagKinds.Kind.TO_DO && f.action() != null)
                .filter(f -> f.regimens().isEmpty() || f.regimens().stream().anyMatch(recommended::contains)).toList();
        if (!tasks.isEmpty()) cards.add(preDoseCard(r, tasks, null, recommended));
        return cards;
    }

    /**
     * order-select / order-sign for the anti-CD38 drugs of the draft orders: per drug, one card per distinct concern
     * (all flags of one code that concern the drug's regimens), one card for its pre-dose tasks, and a warning when
     * none of its regimens is recommended.
     */
    public static List<Card> orderCheck(Assessment a, List<OrderedDrug> drugs, Context ctx) {
        CardResponse r = new CardResponse(a, ctx);
        List<Card> cards = new ArrayList<>();
        Set<String> recommended = recommendedRegimens(a);
        for (OrderedDrug d : drugs) {
            List<Flag> theirs = a.flags().stream().filter(f -> f.regimens().stream().anyMatch(d.regimens()::contains)).toList();
            Map<String, List<Flag>> concerns = new LinkedHashMap<>();
            theirs.stream().filter(f -> FlagKinds.kind(f) == FlagKinds.Kind.CONCERN)
                    .sorted(Comparator.comparingInt(FlagKinds::weight).reversed())
                    .forEach(f -> concerns.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(f));
            for (List<Flag> group : concerns.values()) cards.add(concernCard(r, group, d));
            Set<String> drugRecommended = new LinkedHashSet<>(d.regimens());
            drugRecommended.retainAll(recommended);
            // Pre-dose tasks only for a regimen that may be given: none when no regimen with the drug is recommended.
            List<Flag> tasks = theirs.stream().filter(f -> FlagKinds.kind(f) == FlagKinds.Kind.TO_DO && f.action() != null)
                    .filter(f -> f.regimens().stream().anyMatch(drugRecommended::contains)).toList();
            if (!tasks.isEmpty()) cards.add(preDoseCard(r, tasks, d, drugRecommended));
            if (drugRecommended.isEmpty()) cards.add(noRegimenCard(r, d));
        }
        return cards;
    }

    // ------------------------------------------------------------------------------------------------ patient-view

    private static Card summaryCard(CardResponse r) {
        Assessment a = r.a;
        List<Recommendation> recs = a.recommendations();
        BottomLine bottom = BottomLine.of(a, r.ctx.shortNames());
        String summary;
        if (recs.isEmpty()) summary = "No anti-CD38 option is currently supported on the data given";
        else {
            StringBuilder s = new StringBuilder("Anti-CD38 options: ");
            for (int i = 0; i < Math.min(SUMMARY_OPTIONS, recs.size()); i++) {
                Recommendation o = recs.get(i);
                String part = (i == 0 ? "" : "; ") + o.rank() + " " + r.name(o.regimen()) + " (" + FlagKinds.statusWords(o.status(), o.flags()) + ")";
                if (s.length() + part.length() > Card.MAX_SUMMARY) break;
                s.append(part);
            }
            summary = s.toString();
        }
        CardDetail md = new CardDetail(r);
        md.line("**Bottom line.** " + CardText.esc(bottom.text()));
        Flag caution = keyCaution(a);
        // A concern the bottom line already names as shared by every option is not repeated as the key caution.
        if (caution != null && bottom.text().contains(FlagKinds.title(caution.code()))) caution = null;
        if (caution != null) {
            md.line("**Key caution:** " + CardText.esc(CardText.capitalise(FlagKinds.title(caution.code()))) + " (" + r.names(concerned(caution, recommendedRegimens(a))) + ")"
                    + (caution.action() == null ? "" : ": " + CardText.esc(BottomLine.shorten(CardText.clause(caution.action()), 90))));
        }
        List<String> tail = new ArrayList<>();
        // The summary names the top options with their statuses; the detail does not repeat them.
        int more = recs.size() - Math.min(SUMMARY_OPTIONS, recs.size());
        if (more > 0) tail.add(more + " more ranked option" + (more == 1 ? "" : "s"));
        if (!a.notRecommended().isEmpty()) tail.add(a.notRecommended().size() + " regimen" + (a.notRecommended().size() == 1 ? "" : "s") + " not recommended");
        if (!a.dataGaps().isEmpty()) {
            tail.add(a.dataGaps().size() + " data gap" + (a.dataGaps().size() == 1 ? "" : "s") + " could change this answer ("
                    + a.dataGaps().stream().map(g -> CardText.words(g.code())).distinct().collect(Collectors.joining(", ")) + ")");
        }
        if (!tail.isEmpty()) md.line(CardText.capitalise(String.join("; ", tail)) + ": see the full assessment.");
        else md.line("Full reasoning and evidence: see the full assessment.");
        Set<String> rules = new LinkedHashSet<>(bottom.rules());
        List<String> cited = new ArrayList<>();
        if (!recs.isEmpty()) {
            recs.get(0).rationale().forEach(s -> { rules.add(s.rule()); cited.addAll(s.evidence()); });
            recs.get(0).scoreComponents().forEach(l -> rules.add(l.rule()));
            cited.addAll(recs.get(0).evidence());
        } else {
            for (NotRecommended n : a.notRecommended()) for (Statement s : n.reasons()) { rules.add(s.rule()); cited.addAll(s.evidence()); }
        }
        if (caution != null) { rules.add(caution.rule()); cited.addAll(caution.evidence()); }
        for (DataGapItem g : a.dataGaps()) if (g.rule() != null) rules.add(g.rule());
        boolean concern = recs.isEmpty() || FlagKinds.anyConcern(recs.get(0).flags());
        String topic = recs.isEmpty() ? "NO_OPTION" : recs.get(0).regimen();
        return new Card(r.uuid("summary"), CardText.summary(summary), md.build(), concern ? "warning" : "info",
                CardSources.source(a, cited, topic, recs.isEmpty() ? "No anti-CD38 option" : recs.get(0).name()), List.of(), null,
                OVERRIDE_REASONS, CardSources.links(r.ctx.reportUrl()), new ArrayList<>(rules));
    }

    /** The most severe concern among the ranked options; of equal ones, the one that concerns the best-ranked option. */
    private static Flag keyCaution(Assessment a) {
        if (a.recommendations().isEmpty()) return null;
        Set<String> recommended = recommendedRegimens(a);
        Map<String, Integer> rank = new LinkedHashMap<>();
        a.recommendations().forEach(r -> rank.put(r.regimen(), r.rank()));
        return a.flags().stream().filter(f -> FlagKinds.kind(f) == FlagKinds.Kind.CONCERN && !"CRITICAL".equals(f.severity()))
                .filter(f -> f.regimens().stream().anyMatch(recommended::contains))
                .max(Comparator.<Flag>comparingInt(FlagKinds::weight)
                        .thenComparingInt(f -> -f.regimens().stream().filter(rank::containsKey).mapToInt(rank::get).min().orElse(99))
                        .thenComparingInt(f -> (int) f.regimens().stream().filter(recommended::contains).count()))
                .orElse(null);
    }

    /** A CRITICAL finding: the summary is the action (what not to do and why), the detail names what it concerns. */
    private static Card criticalCard(CardResponse r, Flag f, OrderedDrug drug) {
        String summary = f.action() != null ? f.action() : CardText.capitalise(FlagKinds.title(f.code()));
        CardDetail md = new CardDetail(r);
        if (f.action() != null) md.line("**Action:** " + CardText.esc(f.action()));
        md.line("**" + CardText.esc(CardText.capitalise(FlagKinds.title(f.code()))) + "** (critical), concerning " + CardText.esc(r.names(f.regimens())) + ".");
        md.line("The finding, the patient data behind it and the evidence are in the full assessment.");
        return new Card(r.uuid("critical|" + f.code() + "|" + String.join(",", f.regimens()) + "|" + (drug == null ? "" : drug.name())),
                CardText.summary(summary), md.build(), "critical", CardSources.source(r.a, f.evidence(), f.code(), FlagKinds.title(f.code())),
                List.of(), null, OVERRIDE_REASONS, CardSources.links(r.ctx.reportUrl()), List.of(f.rule()));
    }

    /**
     * The routine tasks before or around dosing, each action once (flags of several regimens often ask the same),
     * with the orders their rules propose as suggestions.
     */
    private static Card preDoseCard(CardResponse r, List<Flag> tasks, OrderedDrug drug, Set<String> scope) {
        List<Flag> ordered = tasks.stream().sorted(Comparator.comparingInt((Flag f) -> f.proposals().isEmpty() ? 1 : 0)
                .thenComparing(Comparator.comparingInt(FlagKinds::weight).reversed())).toList();
        Map<String, List<Flag>> byAction = new LinkedHashMap<>();
        for (Flag f : ordered) byAction.computeIfAbsent(CardText.clause(f.action()), k -> new ArrayList<>()).add(f);
        List<String> titles = new ArrayList<>();
        ordered.forEach(f -> { if (!titles.contains(FlagKinds.title(f.code()))) titles.add(FlagKinds.title(f.code())); });
        String summary = CardText.listed(drug == null ? "Before the first dose: " : CardText.capitalise(drug.name()) + " order, before the first dose: ", titles);
        CardDetail md = new CardDetail(r);
        StringBuilder list = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, List<Flag>> e : byAction.entrySet()) {
            Set<String> regimens = new LinkedHashSet<>();
            e.getValue().forEach(f -> regimens.addAll(concerned(f, scope)));
            String item = "- " + CardText.esc(e.getKey()) + (regimens.isEmpty() || regimens.containsAll(scope) ? "" : " (" + CardText.esc(r.names(regimens)) + ")") + "\n";
            if (!md.fits(list.length() + item.length() + 60)) break;
            list.append(item);
            shown++;
        }
        if (shown < byAction.size()) list.append("- and ").append(byAction.size() - shown).append(" more in the full assessment\n");
        md.block(list.toString());
        List<String> rules = new ArrayList<>(new LinkedHashSet<>(tasks.stream().map(Flag::rule).toList()));
        List<String> cited = new ArrayList<>();
        ordered.forEach(f -> cited.addAll(f.evidence()));
        return new Card(r.uuid("pre-dose|" + (drug == null ? "" : drug.name())), CardText.summary(summary), md.build(),
                indicator(tasks), CardSources.source(r.a, cited, "PRE_DOSE", "Before the first dose"), CardSuggestions.of(r, ordered), "any",
                OVERRIDE_REASONS, CardSources.links(r.ctx.reportUrl()), rules);
    }

    // ------------------------------------------------------------------------------------------------ order check

    /** All flags of one code that concern the ordered drug's regimens, on one card; the most severe first. */
    private static Card concernCard(CardResponse r, List<Flag> group, OrderedDrug drug) {
        Flag first = group.get(0);
        if ("CRITICAL".equals(first.severity()) && group.size() == 1) return criticalCard(r, first, drug);
        Set<String> regimens = new LinkedHashSet<>();
        group.forEach(f -> regimens.addAll(concerned(f, drug.regimens())));
        String title = FlagKinds.title(first.code());
        String summary = CardText.capitalise(drug.name()) + " order: " + title + " (" + r.names(regimens) + ")";
        CardDetail md = new CardDetail(r);
        Map<String, Set<String>> byAction = new LinkedHashMap<>();
        for (Flag f : group) byAction.computeIfAbsent(f.action() == null ? "" : f.action(), k -> new LinkedHashSet<>()).addAll(concerned(f, drug.regimens()));
        for (Map.Entry<String, Set<String>> e : byAction.entrySet()) {
            String concerns = byAction.size() > 1 ? " (" + CardText.esc(r.names(e.getValue())) + ")" : "";
            String line = e.getKey().isEmpty() ? "**Finding**" + concerns + ": " + CardText.esc(CardText.capitalise(title))
                    : "**Action**" + concerns + ": " + CardText.esc(CardText.clause(e.getKey()));
            if (md.fits(line.length() + 140)) md.line(line);
        }
        md.line("Concerns " + CardText.esc(r.names(regimens)) + ". The findings, patient data and evidence are in the full assessment.");
        List<String> cited = new ArrayList<>();
        group.forEach(f -> cited.addAll(f.evidence()));
        return new Card(r.uuid("concern|" + drug.name() + "|" + first.code()), CardText.summary(summary), md.build(),
                indicator(group), CardSources.source(r.a, cited, first.code(), title), List.of(), null, OVERRIDE_REASONS,
                CardSources.links(r.ctx.reportUrl()), new ArrayList<>(new LinkedHashSet<>(group.stream().map(Flag::rule).toList())));
    }

    /** No regimen with the ordered drug is recommended: each with its status and first reason, shortened. */
    private static Card noRegimenCard(CardResponse r, OrderedDrug drug) {
        Assessment a = r.a;
        List<NotRecommended> theirs = a.notRecommended().stream().filter(n -> drug.regimens().contains(n.regimen())).toList();
        String summary = "No " + drug.name() + " regimen is recommended for this patient on the data given";
        CardDetail md = new CardDetail(r);
        StringBuilder list = new StringBuilder();
        int shown = 0;
        for (NotRecommended n : theirs) {
            String reason = n.reasons().isEmpty() ? "" : ": " + CardText.esc(BottomLine.shorten(BottomLine.plain(n.reasons().get(0).text(), r.ctx.shortNames()), 110));
            String item = "- **" + CardText.esc(r.name(n.regimen())) + "**, " + FlagKinds.statusWords(n.status(), n.flags()) + reason + "\n";
            if (!md.fits(list.length() + item.length() + 60)) break;
            list.append(item);
            shown++;
        }
        if (shown < theirs.size()) list.append("- and ").append(theirs.size() - shown).append(" more in the full assessment\n");
        if (theirs.isEmpty()) list.append("No ").append(drug.name()).append(" regimen was evaluated.\n");
        md.block(list.toString());
        Set<String> rules = new LinkedHashSet<>();
        List<String> cited = new ArrayList<>();
        for (NotRecommended n : theirs) for (Statement s : n.reasons()) { rules.add(s.rule()); cited.addAll(s.evidence()); }
        return new Card(r.uuid("no-regimen|" + drug.name()), CardText.summary(summary), md.build(), "warning",
                CardSources.source(a, cited, "NOT_RECOMMENDED", "Regimens not recommended"), List.of(), null, OVERRIDE_REASONS,
                CardSources.links(r.ctx.reportUrl()), new ArrayList<>(rules));
    }

    // ------------------------------------------------------------------------------------------------ shared

    private static Set<String> recommendedRegimens(Assessment a) {
        Set<String> out = new LinkedHashSet<>();
        a.recommendations().forEach(r -> out.add(r.regimen()));
        return out;
    }

    /** The flag's regimens within {@code scope}, or all of them when none is in scope. */
    private static List<String> concerned(Flag f, Set<String> scope) {
        List<String> in = f.regimens().stream().filter(scope::contains).toList();
        return in.isEmpty() ? f.regimens() : in;
    }

    private static String indicator(Collection<Flag> flags) {
        if (flags.stream().anyMatch(f -> "CRITICAL".equals(f.severity()))) return "critical";
        if (flags.stream().anyMatch(f -> "WARNING".equals(f.severity()))) return "warning";
        return "info";
    }
}
