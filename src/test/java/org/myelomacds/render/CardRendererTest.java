package org.myelomacds.render;

import org.myelomacds.scenario.Samples;
import org.junit.jupiter.api.Test;
import org.myelomacds.render.cards.Card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardRendererTest {
    @Test
    void summariesAreCutAtAWordUnder140Characters() {
        String longText = "7 anti-CD38 regimen(s) not recommended: " + "DARA_MONO, DARA_PD, DARA_VMP, DARA_VRD, DARA_VTD, ".repeat(4);
        String s = CardText.summary(longText);
        assertTrue(s.length() < 140, s.length() + ": " + s);
        assertTrue(s.endsWith("…") && !s.endsWith(" …"), s);
        assertTrue(longText.startsWith(s.substring(0, s.length() - 1)), "a prefix of the text");
        assertEquals("Option 1: Isa-Pd", CardText.summary("  Option 1:   Isa-Pd "));
    }

    @Test
    void aCardRefusesAnOverlongSummaryOrSuggestionsWithoutSelectionBehavior() {
        assertThrows(IllegalArgumentException.class, () -> new Card("u", "x".repeat(140), null, "info",
                new Card.Source("s", null, null), null, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Card("u", "x", null, "info", new Card.Source("s", null, null),
                java.util.List.of(new Card.Suggestion("l", null, null, null)), null, null, null, null));
    }

    @Test
    void anOrderGetsOneCardPerConcernAndItsPreDoseTasksOnOneCard() {
        var a = copd();
        java.util.Set<String> dara = daratumumabRegimens();
        java.util.List<Card> cards = CardRenderer.orderCheck(a, java.util.List.of(new CardRenderer.OrderedDrug("daratumumab", dara)), ctx("order"));
        // rrmm-copd has four pulmonary trial exclusions for daratumumab regimens: one card names them all.
        java.util.List<Card> pulmonary = cards.stream().filter(c -> c.summary().contains("lung disease the trials excluded")).toList();
        assertEquals(1, pulmonary.size(), cards.stream().map(Card::summary).toList().toString());
        assertTrue(pulmonary.get(0).summary().contains("D-Pd") && pulmonary.get(0).summary().contains("D-Kd"), pulmonary.get(0).summary());
        // The COPD prophylaxis is a routine task of giving daratumumab: on the pre-dose card, as an action, never as an
        // uncoded suggestion.
        Card preDose = cards.stream().filter(c -> c.summary().startsWith("Daratumumab order, before the first dose")).findFirst().orElseThrow();
        assertTrue(preDose.detail().contains("Consider prescribing short- and long-acting bronchodilators"), preDose.detail());
        assertTrue(preDose.suggestions().stream().noneMatch(s -> s.label().contains("bronchodilator")), preDose.suggestions().toString());
        assertEquals(1, cards.stream().filter(c -> !c.suggestions().isEmpty()).count(), "suggestions on the pre-dose card only");
    }

    @Test
    void patientViewIsASummaryCardThePreDoseCardAndACardPerCriticalFinding() {
        java.util.List<Card> copd = CardRenderer.patientView(copd(), ctx("pv"));
        assertEquals(2, copd.size(), copd.stream().map(Card::summary).toList().toString());
        assertTrue(copd.get(0).summary().startsWith("Anti-CD38 options: 1 Isa-Kd (eligible; pre-dose tasks); 2 D-Rd (eligible, with cautions)"),
                copd.get(0).summary());
        assertTrue(copd.get(0).detail().startsWith("**Bottom line.** Best supported: Isa-Kd"), copd.get(0).detail());
        assertTrue(copd.get(1).summary().startsWith("Before the first dose: "), copd.get(1).summary());

        var hyp = org.myelomacds.scenario.Samples.evaluate(org.myelomacds.scenario.Samples.samplesDir().resolve("rrmm-hypersensitivity-isatuximab.json"),
                org.myelomacds.facts.Jurisdiction.US, org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL);
        java.util.List<Card> cards = CardRenderer.patientView(hyp, ctx("pv"));
        Card critical = cards.stream().filter(c -> c.indicator().equals("critical")).findFirst().orElseThrow();
        // The summary is the action: an EHR that shows summaries only still says what not to do.
        assertTrue(critical.summary().startsWith("Do not give isatuximab"), critical.summary());
        assertTrue(critical.source().url() != null && critical.source().url().startsWith("https://dailymed.nlm.nih.gov/"), critical.source().toString());
    }

    @Test
    void uuidsAreDerivedFromTheRequest() {
        var a = copd();
        java.util.List<String> first = uuids(CardRenderer.patientView(a, ctx("hook-1")));
        assertEquals(first, uuids(CardRenderer.patientView(a, ctx("hook-1"))), "the same request gives the same uuids");
        java.util.List<String> other = uuids(CardRenderer.patientView(a, ctx("hook-2")));
        assertTrue(java.util.Collections.disjoint(first, other), "another request gives other uuids");
        assertEquals(first.size(), new java.util.HashSet<>(first).size(), "unique within a response");
    }

    private static java.util.List<String> uuids(java.util.List<Card> cards) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Card c : cards) {
            out.add(c.uuid());
            c.suggestions().forEach(s -> out.add(s.uuid()));
        }
        return out;
    }

    private static org.myelomacds.assessment.Assessment copd() {
        return org.myelomacds.scenario.Samples.evaluate(org.myelomacds.scenario.Samples.samplesDir().resolve("rrmm-copd.json"),
                org.myelomacds.facts.Jurisdiction.US, org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL);
    }

    private static java.util.Set<String> daratumumabRegimens() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        Samples.rulebase(org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL).regimens().regimens().values().forEach(r -> {
            if (r.antiCd38() != null && r.antiCd38().name().equalsIgnoreCase("daratumumab")) out.add(r.id());
        });
        return out;
    }

    static CardRenderer.Context ctx(String key) {
        return new CardRenderer.Context(null, Samples.terminology().observations(),
                Samples.rulebase(org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL).regimens().shortNames(), key);
    }

    @Test
    void suggestionsOrderOnlyTheTestsTheFlaggingRuleFoundMissing() {
        var copd = org.myelomacds.scenario.Samples.evaluate(org.myelomacds.scenario.Samples.samplesDir().resolve("rrmm-copd.json"),
                org.myelomacds.facts.Jurisdiction.US, org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL);
        // rrmm-copd has no blood group, no antibody screen and no HBV serology: both tests of each pair are proposed.
        assertEquals(java.util.List.of(java.util.List.of("882-1", "890-4"), java.util.List.of("5196-1", "16933-4")),
                proposedTests(copd, "ABO/Rh group and antibody screen", "HBsAg and anti-HBc"));

        var hbv = org.myelomacds.scenario.Samples.evaluate(org.myelomacds.scenario.Samples.samplesDir().resolve("ndmm-ti-low-bmi-hbv.json"),
                org.myelomacds.facts.Jurisdiction.US, org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL);
        // A positive HBV serology is on file (monitoring, not screening) and the blood group is known: only the
        // antibody screen is proposed.
        java.util.List<String> labels = allSuggestions(hbv).stream().map(Card.Suggestion::label).distinct().toList();
        assertTrue(labels.stream().noneMatch(l -> l.contains("HBsAg")), labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.contains("ABO/Rh")), labels.toString());
        assertEquals(java.util.List.of(java.util.List.of("890-4")), proposedTests(hbv, "antibody screen"));
    }

    @Test
    void ordersFollowTheFlagsProposalsNotRuleIds() {
        var copd = org.myelomacds.scenario.Samples.evaluate(org.myelomacds.scenario.Samples.samplesDir().resolve("rrmm-copd.json"),
                org.myelomacds.facts.Jurisdiction.US, org.myelomacds.engine.CompileMode.EXECUTABLE_MODEL);
        var ts = copd.flags().stream().filter(f -> f.code().equals("TYPE_AND_SCREEN")).findFirst().orElseThrow();
        assertEquals(java.util.List.of(new org.myelomacds.assessment.Flag.ProposedOrder("test", "ABO_RH_GROUP", "ABO/Rh group"),
                new org.myelomacds.assessment.Flag.ProposedOrder("test", "ANTIBODY_SCREEN", "antibody screen")), ts.proposals());
        // The same flag under another rule id still proposes its orders: the renderer reads proposals, not rule ids.
        var renamed = new org.myelomacds.assessment.Flag(ts.code(), ts.severity(), ts.text(), ts.action(), "FLAG-RENAMED-99",
                ts.evidence(), ts.regimens(), ts.facts(), ts.proposals());
        java.util.List<String> labels = orderSuggestions(withFlags(copd, renamed)).stream().map(Card.Suggestion::label).toList();
        assertEquals(java.util.List.of("Order ABO/Rh group and antibody screen"), labels);
        // A proposal this renderer cannot code (an unknown measurement) is left to the action text, never a crash.
        var unknown = new org.myelomacds.assessment.Flag(ts.code(), ts.severity(), ts.text(), ts.action(), ts.rule(),
                ts.evidence(), ts.regimens(), ts.facts(), java.util.List.of(new org.myelomacds.assessment.Flag.ProposedOrder("test", "NO_SUCH_TEST", "x")));
        assertTrue(orderSuggestions(withFlags(copd, unknown)).isEmpty());
    }

    private static org.myelomacds.assessment.Assessment withFlags(org.myelomacds.assessment.Assessment a,
                                                                 org.myelomacds.assessment.Flag... flags) {
        return new org.myelomacds.assessment.Assessment(a.patient(), a.asOf(), a.jurisdiction(), a.rulebase(), a.labels(), a.setting(),
                a.findings(), a.recommendations(), a.notRecommended(), java.util.List.of(flags), a.dataGaps(), a.evidence(),
                a.trace(), a.disclaimer());
    }

    /** The suggestions of the order-select cards for a drug every flag of the assessment concerns. */
    private static java.util.List<Card.Suggestion> orderSuggestions(org.myelomacds.assessment.Assessment a) {
        java.util.Set<String> regimens = new java.util.TreeSet<>();
        a.flags().forEach(f -> regimens.addAll(f.regimens()));
        return CardRenderer.orderCheck(a, java.util.List.of(new CardRenderer.OrderedDrug("daratumumab", regimens)), ctx("order")).stream()
                .flatMap(c -> c.suggestions() == null ? java.util.stream.Stream.empty() : c.suggestions().stream()).toList();
    }

    private static java.util.List<Card.Suggestion> allSuggestions(org.myelomacds.assessment.Assessment a) {
        return CardRenderer.patientView(a, ctx("pv")).stream().flatMap(c -> c.suggestions() == null ? java.util.stream.Stream.empty()
                : c.suggestions().stream()).toList();
    }

    /** The LOINC codes each matching suggestion would order, one ServiceRequest and one coding per test. */
    @SuppressWarnings("unchecked")
    private static java.util.List<java.util.List<String>> proposedTests(org.myelomacds.assessment.Assessment a, String... labelParts) {
        java.util.List<java.util.List<String>> out = new java.util.ArrayList<>();
        for (String part : labelParts) {
            Card.Suggestion s = allSuggestions(a).stream().filter(x -> x.label().contains(part)).findFirst()
                    .orElseThrow(() -> new AssertionError("no suggestion '" + part + "'"));
            java.util.List<String> codes = new java.util.ArrayList<>();
            for (Card.Action action : s.actions()) {
                assertEquals("ServiceRequest", action.resource().get("resourceType"));
                assertEquals("proposal", action.resource().get("intent"));
                var codings = (java.util.List<java.util.Map<String, Object>>) ((java.util.Map<String, Object>) action.resource().get("code")).get("coding");
                assertEquals(1, codings.size(), "one test per request: " + codings);
                codes.add((String) codings.get(0).get("code"));
            }
            out.add(codes);
        }
        return out;
    }
}
