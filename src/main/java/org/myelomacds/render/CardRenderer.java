package org.myelomacds.render;

import org.myelomacds.assessment.Assessment;
import org.myelomacds.assessment.DataGapItem;
import org.myelomacds.assessment.EvidenceRef;
import org.myelomacds.assessment.FactRef;
import org.myelomacds.assessment.Flag;
import org.myelomacds.assessment.NotRecommended;
import org.myelomacds.assessment.Recommendation;
import org.myelomacds.assessment.ScoreLine;
import org.myelomacds.assessment.Statement;
import org.myelomacds.evidence.terminology.ObservationTerms;
import org.myelomacds.fhir.ProposedOrders;
import org.myelomacds.render.cards.Card;
import org.myelomacds.render.cards.Card.Action;
import org.myelomacds.render.cards.Card.Coding;
import org.myelomacds.render.cards.Card.Link;
import org.myelomacds.render.cards.Card.Source;
import org.myelomacds.render.cards.Card.Suggestion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * CDS Hooks cards from an {@link Assessment}. Every statement on a card is one the engine made (rationale, why-not
 * reasons, flags, data gaps), quoted with its rule id and evidence ids; nothing clinical is decided here. What this
 * class adds is presentation: which statements share a card, the indicator (the most severe flag on the card), a
 * summary under 140 characters, the evidence named as the card's source, and the suggestions for the flags that
 * name a concrete order.
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

    /** Short titles for the contract flag codes, so a flag card's summary says what it is about before it is cut. */
    private static final Map<String, String> FLAG_TITLES = Map.ofEntries(
            Map.entry("ANTI_CD38_WASHOUT_SHORT", "anti-CD38 washout under 90 days"),
            Map.entry("ANTI_CD38_WASHOUT_INTERMEDIATE", "anti-CD38 washout 90-179 days"),
            Map.entry("ANTI_CD38_REFRACTORY", "refractory to an anti-CD38 antibody"),
            Map.entry("RENAL_BELOW_TRIAL_THRESHOLD", "renal function below trial threshold"),
            Map.entry("RENAL_DOSE_ADJUSTMENT", "partner-drug renal dose adjustment"),
            Map.entry("DARA_COPD_PROPHYLAXIS", "COPD: post-infusion bronchodilator prophylaxis"),
            Map.entry("PULMONARY_TRIAL_EXCLUSION", "pulmonary trial exclusion"),
            Map.entry("TYPE_AND_SCREEN", "type and screen before the first dose"),
            Map.entry("IFE_INTERFERENCE", "IFE/SPEP interference (IgG kappa)"),
            Map.entry("DEXAMETHASONE_DOSE_REDUCTION", "dexamethasone dose reduction"),
            Map.entry("HBV_SCREENING", "hepatitis B screening"),
            Map.entry("CARFILZOMIB_CARDIAC_RISK", "carfilzomib cardiac risk"),
            Map.entry("BORTEZOMIB_NEUROPATHY", "bortezomib neuropathy"),
            Map.entry("PARTNER_DRUG_REFRACTORY", "refractory to a partner drug"),
            Map.entry("HYPERSENSITIVITY", "hypersensitivity"),
            Map.entry("OUTSIDE_TRIAL_AGE", "outside trial age range"));

    private CardRenderer() {}

    /**
     * patient-view: one card per ranked option (its rationale, cautions and score), one card per CRITICAL
     * patient-level flag, one card for the regimens not recommended and why, one for the data gaps. Proposed orders
     * take their codes from {@code codes}, the terminology of the rulebase that made the assessment.
     */
    public static List<Card> patientView(Assessment a, String reportUrl, ObservationTerms codes) {
        List<Card> cards = new ArrayList<>();
        for (Recommendation r : a.recommendations()) cards.add(recommendationCard(a, r, reportUrl, codes));
        for (Flag f : a.flags()) if ("CRITICAL".equals(f.severity())) cards.add(flagCard(a, f, null, Set.of(), reportUrl, codes));
        if (!a.notRecommended().isEmpty()) cards.add(notRecommendedCard(a, a.notRecommended(), null, reportUrl));
        if (!a.dataGaps().isEmpty()) cards.add(dataGapCard(a, a.dataGaps(), reportUrl));
        return cards;
    }

    /**
     * order-select / order-sign for a draft order of {@code drugName}, whose regimens are {@code drugRegimens}: one
     * card per patient-level flag that concerns one of those regimens (washout, COPD prophylaxis, type and screen,
     * renal, hypersensitivity, ...), and a warning card when none of them is recommended for this patient.
     */
    public static List<Card> orderCheck(Assessment a, String drugName, Set<String> drugRegimens, String reportUrl,
                                        ObservationTerms codes) {
        List<Card> cards = new ArrayList<>();
        for (Flag f : a.flags()) {
            if (f.regimens().stream().anyMatch(drugRegimens::contains)) cards.add(flagCard(a, f, drugName, drugRegimens, reportUrl, codes));
        }
        boolean anyRecommended = a.recommendations().stream().anyMatch(r -> drugRegimens.contains(r.regimen()));
        if (!anyRecommended) {
            List<NotRecommended> theirs = a.notRecommended().stream().filter(n -> drugRegimens.contains(n.regimen())).toList();
            cards.add(notRecommendedCard(a, theirs, drugName, reportUrl));
        }
        return cards;
    }

    private static Card recommendationCard(Assessment a, Recommendation r, String reportUrl, ObservationTerms codes) {
        StringBuilder md = new StringBuilder();
        md.append("**Option ").append(r.rank()).append(" of ").append(a.recommendations().size()).append(": ")
                .append(r.name()).append("** (`").append(r.regimen()).append("`) — ").append(words(r.status()))
                .append(", score ").append(r.score()).append("\n\n");
        md.append("**Why**\n\n");
        for (Statement s : r.rationale()) md.append(statement(s));
        if (!r.flags().isEmpty()) {
            md.append("\n**Cautions**\n\n");
            for (Flag f : r.flags()) md.append(flag(f));
        }
        md.append("\n**Score** ").append(r.score()).append(":\n\n");
        for (ScoreLine l : r.scoreComponents()) md.append("- ").append(score(l)).append(" — `").append(l.rule()).append("`\n");
        footer(md, a);
        Set<String> rules = new LinkedHashSet<>();
        r.rationale().forEach(s -> rules.add(s.rule()));
        r.flags().forEach(f -> rules.add(f.rule()));
        r.scoreComponents().forEach(s -> rules.add(s.rule()));
        String summary = "Option " + r.rank() + ": " + r.name() + " — " + words(r.status());
        // The source names what the recommendation rests on: the label and trial its rationale cites, before the
        // evidence its cautions cite.
        List<String> cited = new ArrayList<>();
        r.rationale().forEach(s -> cited.addAll(s.evidence()));
        cited.addAll(r.evidence());
        return new Card(uuid(), summary(summary), md.toString(), indicator(r.flags()),
                source(a, cited, r.regimen(), r.name()), suggestions(a, r.flags(), codes), "any", OVERRIDE_REASONS,
                links(reportUrl), new ArrayList<>(rules));
    }

    private static Card flagCard(Assessment a, Flag f, String drugName, Set<String> drugRegimens, String reportUrl,
                                 ObservationTerms codes) {
        String title = FLAG_TITLES.getOrDefault(f.code(), words(f.code()));
        String summary = (drugName == null ? "" : capitalise(drugName) + " order: ") + capitalise(title);
        // A flag about some of the ordered drug's regimens only (a trial exclusion, a partner drug) says which,
        // so that two cards with the same flag code are told apart at a glance.
        List<String> concerned = f.regimens().stream().filter(drugRegimens::contains).sorted().toList();
        if (!concerned.isEmpty() && concerned.size() < drugRegimens.size()) summary += " (" + String.join(", ", concerned) + ")";
        StringBuilder md = new StringBuilder();
        md.append("**").append(capitalise(title)).append("** (").append(f.severity().toLowerCase(Locale.ROOT)).append(")\n\n");
        // The action first: a clinician at the order reads what to do before the finding that explains it.
        if (f.action() != null) md.append("**Action:** ").append(esc(f.action())).append("\n\n");
        md.append(esc(f.text())).append("\n\n");
        if (!f.regimens().isEmpty()) md.append("Concerns: ").append(String.join(", ", f.regimens())).append("\n\n");
        if (!f.facts().isEmpty()) md.append("Patient data: ").append(facts(f.facts())).append("\n\n");
        md.append("Rule `").append(f.rule()).append("`; evidence ").append(String.join(", ", f.evidence())).append("\n");
        footer(md, a);
        return new Card(uuid(), summary(summary), md.toString(), indicator(List.of(f)),
                source(a, f.evidence(), f.code(), title), suggestions(a, List.of(f), codes), "any", OVERRIDE_REASONS,
                links(reportUrl), List.of(f.rule()));
    }

    private static Card notRecommendedCard(Assessment a, List<NotRecommended> items, String drugName, String reportUrl) {
        String summary = drugName == null
                ? (a.recommendations().isEmpty() ? "No anti-CD38 regimen is recommended on the data given"
                        : items.size() + " anti-CD38 regimen(s) not recommended: " + items.stream().map(NotRecommended::regimen).collect(Collectors.joining(", ")))
                : "No " + drugName + " regimen is recommended for this patient on the data given";
        StringBuilder md = new StringBuilder("**Not recommended**\n\n");
        if (items.isEmpty()) md.append("No ").append(drugName).append(" regimen was evaluated.\n");
        for (NotRecommended n : items) {
            md.append("- **").append(n.name()).append("** (`").append(n.regimen()).append("`) — ").append(words(n.status())).append("\n");
            for (Statement s : n.reasons()) md.append("  ").append(statement(s));
        }
        if (a.setting() != null) md.append("\nSetting: ").append(a.setting()).append("\n");
        footer(md, a);
        Set<String> rules = new LinkedHashSet<>();
        Set<String> evidence = new LinkedHashSet<>();
        for (NotRecommended n : items) for (Statement s : n.reasons()) { rules.add(s.rule()); evidence.addAll(s.evidence()); }
        String indicator = drugName == null ? "info" : "warning";
        return new Card(uuid(), summary(summary), md.toString(), indicator,
                source(a, new ArrayList<>(evidence), "NOT_RECOMMENDED", "Regimens not recommended"), List.of(), null,
                OVERRIDE_REASONS, links(reportUrl), new ArrayList<>(rules));
    }

    private static Card dataGapCard(Assessment a, List<DataGapItem> gaps, String reportUrl) {
        String summary = "Missing data could change this answer: "
                + gaps.stream().map(g -> words(g.code()).toLowerCase(Locale.ROOT)).collect(Collectors.joining("; "));
        StringBuilder md = new StringBuilder("**Data gaps**\n\n");
        Set<String> rules = new LinkedHashSet<>();
        Set<String> evidence = new LinkedHashSet<>();
        for (DataGapItem g : gaps) {
            md.append("- **").append(g.code()).append("**: ").append(esc(g.text()));
            if (!g.wouldAffect().isEmpty()) md.append(" (would affect ").append(String.join(", ", g.wouldAffect())).append(")");
            if (g.rule() != null) { md.append(" — `").append(g.rule()).append("`"); rules.add(g.rule()); }
            md.append("\n");
            evidence.addAll(g.evidence());
        }
        footer(md, a);
        return new Card(uuid(), summary(summary), md.toString(), "warning",
                source(a, new ArrayList<>(evidence), "DATA_GAPS", "Data gaps"), List.of(), null, OVERRIDE_REASONS,
                links(reportUrl), new ArrayList<>(rules));
    }

    /**
     * One suggestion per flag whose rule proposes orders, each order a draft resource the clinician signs. What to
     * order is the rule's decision (the flag's proposals); this only maps a proposal to FHIR, and proposes a test once
     * per card even when two flags name it.
     */
    private static List<Suggestion> suggestions(Assessment a, Collection<Flag> flags, ObservationTerms orderCodes) {
        String patientId = a.patient().id();
        List<Suggestion> out = new ArrayList<>();
        if (patientId == null) return out;
        Set<String> proposed = new LinkedHashSet<>();
        for (Flag f : flags) {
            List<Action> actions = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Flag.ProposedOrder p : f.proposals()) {
                Map<String, Object> resource = resource(patientId, p, f.action(), orderCodes);
                if (resource == null || !proposed.add(p.type() + ":" + p.concept())) continue;
                actions.add(new Action("create", "Propose " + p.name(), resource));
                names.add(p.name());
            }
            if (!actions.isEmpty()) out.add(new Suggestion("Order " + joined(names), uuid(), Boolean.TRUE, actions));
        }
        return out;
    }

    /** The draft resource for a proposal, or null for one this renderer cannot code (it is then left to the action text). */
    private static Map<String, Object> resource(String patientId, Flag.ProposedOrder p, String why, ObservationTerms codes) {
        if (!"test".equals(p.type())) return null;
        try {
            return ProposedOrders.test(patientId, p.concept(), p.name(), why, codes);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    private static String joined(List<String> names) {
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The card's source names its first cited evidence (title, citation, link) and the rulebase that cited it. */
    private static Source source(Assessment a, List<String> evidenceIds, String topicCode, String topicDisplay) {
        Coding topic = new Coding(TOPIC_SYSTEM, topicCode, topicDisplay);
        String rulebase = "myeloma-cds rulebase " + a.rulebase().version();
        for (String id : evidenceIds) {
            EvidenceRef e = a.evidence().get(id);
            if (e == null) continue;
            String label = id + ": " + (e.citation() != null && !e.citation().isBlank() ? e.citation() : e.title()) + " (" + rulebase + ")";
            String url = e.url() != null && (e.url().startsWith("https://") || e.url().startsWith("http://")) ? e.url() : null;
            return new Source(label, url, topic);
        }
        return new Source(rulebase, null, topic);
    }

    private static List<Link> links(String reportUrl) {
        return reportUrl == null ? List.of() : List.of(new Link("Full assessment: ranked options, why not, evidence", reportUrl, "absolute"));
    }

    private static String indicator(Collection<Flag> flags) {
        if (flags.stream().anyMatch(f -> "CRITICAL".equals(f.severity()))) return "critical";
        if (flags.stream().anyMatch(f -> "WARNING".equals(f.severity()))) return "warning";
        return "info";
    }

    private static void footer(StringBuilder md, Assessment a) {
        md.append("\n_").append(a.disclaimer()).append(" Rulebase ").append(a.rulebase().version())
                .append(" (sha256 ").append(a.rulebase().sha256(), 0, Math.min(12, a.rulebase().sha256().length()))
                .append("), evaluated as of ").append(a.asOf()).append(", ").append(a.jurisdiction()).append(" labels._\n");
    }

    private static String statement(Statement s) {
        return "- " + esc(s.text()) + " — `" + s.rule() + "`" + (s.evidence().isEmpty() ? "" : " [" + String.join(", ", s.evidence()) + "]") + "\n";
    }

    private static String flag(Flag f) {
        return "- **" + f.code() + "** (" + f.severity().toLowerCase(Locale.ROOT) + "): "
                + (f.action() == null ? "" : "**Action:** " + esc(f.action()) + ". ") + esc(f.text()) + " — `" + f.rule() + "`\n";
    }

    private static String score(ScoreLine s) {
        return (s.points() >= 0 ? "+" : "") + s.points() + " " + s.label();
    }

    private static String facts(List<FactRef> facts) {
        return facts.stream().map(f -> f.reference() + (f.date() == null ? "" : " (" + f.date() + ")")).collect(Collectors.joining(", "));
    }

    /** Summaries are cut at a word boundary with an ellipsis so they stay under the 140-character limit. */
    static String summary(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= Card.MAX_SUMMARY) return t;
        int cut = t.lastIndexOf(' ', Card.MAX_SUMMARY - 1);
        if (cut < Card.MAX_SUMMARY / 2) cut = Card.MAX_SUMMARY - 1;
        return t.substring(0, cut).stripTrailing() + "…";
    }

    private static String words(String code) {
        String w = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return capitalise(w);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Markdown-significant characters in engine text would change how the card renders; escape the few that bite. */
    private static String esc(String text) {
        return text == null ? "" : text.replace("*", "\\*").replace("_", "\\_").replace("`", "\\`");
    }

    private static String uuid() { return UUID.randomUUID().toString(); }
}
