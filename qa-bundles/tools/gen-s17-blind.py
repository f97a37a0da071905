#!/usr/bin/env python3
"""Near misses for findings K3 (blinded trial products) and K4 (an oral drug charted once per cycle).

Each bundle is one of the Sweep K records (s17k-15b, s17k-18) with one change, so the pair differs only where the
finding's reading turns. Writes qa-bundles/s17b-*.json and their .story.txt. Run from the repository root:
    python3 qa-bundles/tools/gen-s17-blind.py
"""
import copy
import glob
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"


def load(prefix):
    return json.load(open(glob.glob(os.path.join(OUT, prefix + "-*.json"))[0]))


def resources(bundle):
    return [e["resource"] for e in bundle["entry"]]


def write(name, bundle, story):
    b = copy.deepcopy(bundle)
    b["id"] = name
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(b, f, indent=1)
        f.write("\n")
    with open(os.path.join(OUT, name + ".story.txt"), "w") as f:
        f.write(story.strip() + "\n")


def relabel_study(bundle, text, coding=None, route=None):
    for r in resources(bundle):
        if r["id"].startswith("study-"):
            r["medicationCodeableConcept"] = {"text": text}
            if coding:
                r["medicationCodeableConcept"]["coding"] = [coding]
            if route:
                r.setdefault("dosage", {})["route"] = {"text": route}
    return bundle


def study_days(bundle):
    return sorted(r["effectiveDateTime"][:10] for r in resources(bundle) if r["id"].startswith("study-"))


def main():
    base = load("s17k-15b")
    subject = [r for r in resources(base) if r["id"].startswith("study-")][0]["subject"]

    # K3 near miss 1: an open-label study drug is the drug it names.
    b = relabel_study(copy.deepcopy(base), "Daratumumab 1800 mg SC (study drug, open-label)",
                      {"system": RXNORM, "code": "1721947", "display": "daratumumab"}, "subcutaneous")
    write("s17b-01-open-label-study-daratumumab-with-rd-second-line", b, """
Man born 1959. VRd x4 2019 (VGPR), no maintenance; PD 2021-03-10 off therapy. Then in an open-label trial:
"Daratumumab 1800 mg SC (study drug, open-label)" on days 1, 8, 15 with lenalidomide and dexamethasone from 2021-04-01;
PD 2026-07-10 on it. Same record as s17k-15b except the study product, which here names its drug with no placebo.
A haematologist (§1.2): 2 prior lines (VRd; DRd in the trial); daratumumab and lenalidomide refractory (progression on
them); an open-label study drug is the drug given, so anti-CD38 exposed and refractory, no blinded-product gap.
""")

    # K3 near miss 2: "placebo" alone names no drug: not anti-myeloma therapy.
    b = relabel_study(copy.deepcopy(base), "Placebo capsule")
    write("s17b-02-placebo-capsule-alone-with-rd-second-line", b, """
Man born 1959. VRd x4 2019 (VGPR); PD 2021-03-10 off therapy. Then Rd from 2021-04-01 to 2026-06 with a capsule charted
only as "Placebo capsule" on days 1, 8, 15 (the placebo arm, as the record states it); PD 2026-07-10 on Rd.
A haematologist: 2 prior lines (VRd; Rd), lenalidomide refractory, bortezomib not refractory (last 2019). A placebo
names no drug: it is no anti-myeloma therapy, no exposure and no unclassified drug (no THERAPY_UNCLASSIFIED gap).
""")

    # K3 near miss 3: the blinded product unblinded by a record of the drug itself.
    b = copy.deepcopy(base)
    last_blinded = study_days(b)[-1]
    b["entry"].append({"fullUrl": "urn:uuid:5f0c9a8e-7d4b-4c1e-9a51-2b7d6c3e1a01", "resource": {
        "resourceType": "MedicationStatement", "id": "ixa-unblinded", "status": "completed",
        "medicationCodeableConcept": {"text": "ixazomib 4 mg capsule",
                                      "coding": [{"system": RXNORM, "code": "1723735", "display": "ixazomib"}]},
        "subject": subject, "effectivePeriod": {"start": "2026-03-01", "end": "2026-06-20"},
        "note": [{"text": "Study unblinded after the primary analysis: ixazomib arm; ixazomib continued open-label"}]}})
    write("s17b-03-blinded-ixazomib-unblinded-by-ixazomib-record", b, """
Man born 1959. VRd x4 2019 (VGPR); PD 2021-03-10 off therapy. Then the blinded "Ixazomib 4 mg or placebo capsule
(TOURMALINE-MM1 study drug, double-blind)" on days 1, 8, 15 with open-label lenalidomide and dexamethasone from 2021-04-01
to %s; the study was then unblinded (ixazomib arm) and ixazomib went on open-label (a MedicationStatement 2026-03-01 to
2026-06-20); PD 2026-07-10. Same record as s17k-15b plus the statement of the drug itself.
A haematologist (§1.2, §4.9): the record now says which arm: IRd. 2 prior lines; ixazomib and lenalidomide refractory,
so double-refractory to a PI and an IMiD: the US daratumumab-monotherapy label is met at 2 lines. No blinded-product gap.
""" % last_blinded)

    k4 = load("s17k-18")

    # K4 near miss 1: a progression within 60 days of the last day-1 record stays pomalidomide-refractory.
    b = copy.deepcopy(k4)
    for r in resources(b):
        if r["id"] == "pd-3":
            r["effectiveDateTime"] = "2026-08-20"
    write("s17b-04-pd-pom-charted-day1-only-pd-52-days-after-last-cycle-day1", b, """
Patient as in s17k-18: VRd-ASCT-R (PD 2024-07-10); Kd to 2025-04-24 (PD 2025-05-20); Pd from 2025-06-02 with pomalidomide
4 mg charted once per cycle on day 1 (the last on 2026-06-29) and dexamethasone weekly (the last on 2026-07-20). The
progression is on 2026-08-20, 52 days after the last pomalidomide record.
A haematologist (§1.2): within 60 days of the last recorded pomalidomide, whatever day of that cycle the last capsule
was taken: pomalidomide REFRACTORY (with lenalidomide and carfilzomib), no refractoriness gap; D-Pd and Isa-Pd carry
the partner-drug warning.
""")

    # K4 near miss 2: a 4-weekly daratumumab infusion is one dose on its day, not an oral cycle pack.
    b = copy.deepcopy(k4)
    for r in resources(b):
        if r["id"].startswith("pom-"):
            r["medicationCodeableConcept"] = {"text": "daratumumab 16 mg/kg IV infusion",
                                              "coding": [{"system": RXNORM, "code": "1721947", "display": "daratumumab"}]}
            r["dosage"] = {"route": {"coding": [{"system": "http://snomed.info/sct", "code": "47625008",
                                                  "display": "Intravenous route"}]}}
    write("s17b-05-dara-every-4-weeks-infusion-pd-77-days-after-last-dose", b, """
Patient as in s17k-18, but line 3 is daratumumab 16 mg/kg IV every 4 weeks from
2025-06-02 to 2026-06-29, each infusion charted on its day, with weekly dexamethasone to 2026-07-20; PD 2026-09-14,
77 days after the last infusion.
A haematologist (§1.2, §5.2): an infusion is given on the day it is charted; the last daratumumab dose is 2026-06-29,
77 days before the progression: not daratumumab-refractory, washout 125 days at 2026-11-01 (intermediate band). No
cycle-charting gap (that reading is for an oral cycle pack charted once per cycle).
""")


if __name__ == "__main__":
    main()
