#!/usr/bin/env python3
"""Bundles for s13-orders3 (issue 10 bullets 4 and 7; sweep s12-partial3 P3-1, FINDINGS D1).

s13o-01: s11a-b4-order-statuses-around-relapse with the on-hold order of pomalidomide replaced by an on-hold order of
carfilzomib (same dates, same dispenseRequest): only the trial populations defined by carfilzomib or by a PI, and
ICARIA-MM (the order, given, would be the last line), are undecided by it; APOLLO and POLLUX are decided.
s13o-02: near miss. s11a-b4 with the pomalidomide order replaced by an on-hold daratumumab order dated 2026-08-15,
while line 1 (lenalidomide to 2026-09-10) was running: given, it would change line 1 (an addition opens a line and
ends line 1), so the whole history stays undecided as before.
Run from the repository root: python3 qa-bundles/tools/gen-s13-orders3.py
"""
import copy
import json
import pathlib

QA = pathlib.Path(__file__).resolve().parent.parent
BASE = "s11a-b4-order-statuses-around-relapse"


def load(name):
    return json.loads((QA / (name + ".json")).read_text())


def write(name, bundle, story):
    (QA / (name + ".json")).write_text(json.dumps(bundle, indent=2) + "\n")
    (QA / (name + ".story.txt")).write_text(story.strip() + "\n")


def resource(b, rid):
    return next(e["resource"] for e in b["entry"] if e["resource"].get("id") == rid)


def patient(b):
    return next(e["resource"] for e in b["entry"] if e["resource"]["resourceType"] == "Patient")


def s13o_01():
    b = copy.deepcopy(load(BASE))
    pom = resource(b, "rx-pom-onhold")
    cfz = resource(b, "rx-cfz-draft")
    pom["id"] = "rx-cfz-onhold"
    pom["medicationCodeableConcept"] = copy.deepcopy(cfz["medicationCodeableConcept"])
    pom["statusReason"] = {"text": "awaiting echocardiogram"}
    patient(b)["id"] = "pt-s13o-01-cfz-order-on-hold"
    write("s13o-01-cfz-order-on-hold-after-relapse", b, """
Derived from s11a-b4-order-statuses-around-relapse (sweep s12-partial3 P3-1). One line VRd -> lenalidomide to
2026-09-10, progression 2026-09-01 on lenalidomide. Orders around the tumour board: daratumumab cancelled, isatuximab
entered-in-error, carfilzomib draft (2026-10-25) and, instead of the on-hold pomalidomide order, an on-hold carfilzomib
order of 2026-09-25 (same dispenseRequest, "awaiting echocardiogram"), with nothing given under it.
Expected: the order is not known to be started (CDS-POLICY-ORDERS-NOT-STARTED), so the count is 1 to 2. Given, it would
be a line of its own after line 1, changing nothing in line 1. So only criteria about carfilzomib or a PI, and
"refractory to the last line", are undecided. CANDOR (carfilzomib-naive), IKEMA (carfilzomib-naive) and CASTOR (PIs)
are UNKNOWN, and so is ICARIA-MM (the order may be the last line). APOLLO (lenalidomide-refractory after 1 line, a PI,
pomalidomide-naive) and POLLUX (lenalidomide-refractory: FAILED) are decided.
""")


def s13o_02():
    b = copy.deepcopy(load(BASE))
    pom = resource(b, "rx-pom-onhold")
    dara = resource(b, "rx-dara-cancelled")
    pom["id"] = "rx-dara-onhold-during-line1"
    pom["medicationCodeableConcept"] = copy.deepcopy(dara["medicationCodeableConcept"])
    pom["authoredOn"] = "2026-08-15"
    pom.pop("dispenseRequest", None)
    pom["statusReason"] = {"text": "payer authorisation pending"}
    patient(b)["id"] = "pt-s13o-02-dara-order-on-hold-during-line1"
    write("s13o-02-dara-order-on-hold-during-line1", b, """
Near miss for s13o-01 (sweep s12-partial3 P3-1). As s11a-b4-order-statuses-around-relapse, but the on-hold order is
daratumumab SC, authored 2026-08-15 while line 1's lenalidomide (to 2026-09-10) was still given, with no dispense or
administration.
Expected: the order is not known to be started. Given, it would be an addition to the running lenalidomide, so it
would end line 1 early and open line 2 before the progression. It changes a placed line, so the whole drug history
stays undecided, as before s13: every relapsed-myeloma trial population UNKNOWN (ELIG-COMMON-03).
""")


if __name__ == "__main__":
    s13o_01()
    s13o_02()
