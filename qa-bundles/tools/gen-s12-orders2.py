#!/usr/bin/env python3
"""Bundles for s12-orders2 (sweep s12-accept D1, D3): near misses derived from the s12-accept bundles.

s12o-01: s12a-01 (order-feed-only VRd -> ASCT -> lenalidomide maintenance order with 47 repeats, progression
2025-03-03, Kd from 2025-03-17) plus one lenalidomide MedicationDispense on 2025-03-20: a fill after the progression
shows the drug went on, so the maintenance order keeps its authorised end (CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-
PROGRESSION does not apply) and line 2 holds lenalidomide as before.
Run from the repository root: python3 qa-bundles/tools/gen-s12-orders2.py
"""
import copy
import json
import pathlib

QA = pathlib.Path(__file__).resolve().parent.parent


def load(name):
    return json.loads((QA / (name + ".json")).read_text())


def write(name, bundle, story):
    (QA / (name + ".json")).write_text(json.dumps(bundle, indent=2) + "\n")
    (QA / (name + ".story.txt")).write_text(story.strip() + "\n")


def s12o_01():
    b = copy.deepcopy(load("s12a-01-mr-only-vrd-asct-lenmaint-repeats-pd-kd"))
    patient = next(e["resource"] for e in b["entry"] if e["resource"]["resourceType"] == "Patient")
    maint = next(e["resource"] for e in b["entry"] if e["resource"].get("id") == "len-maint")
    subject = maint["subject"]
    fill = {
        "resourceType": "MedicationDispense",
        "id": "len-maint-fill-after-pd",
        "status": "completed",
        "medicationCodeableConcept": copy.deepcopy(maint["medicationCodeableConcept"]),
        "subject": copy.deepcopy(subject),
        "authorizingPrescription": [{"reference": "MedicationRequest/len-maint"}],
        "whenHandedOver": "2025-03-20",
        "daysSupply": {"value": 28, "unit": "days", "system": "http://unitsofmeasure.org", "code": "d"},
    }
    b["entry"].append({"fullUrl": "urn:uuid:s12o-01-len-maint-fill-after-pd", "resource": fill})
    patient["id"] = "pt-s12o-01-lenmaint-repeats-pd-kd-fill-after-pd"
    write("s12o-01-lenmaint-repeats-pd-kd-fill-after-pd", b, """
Near miss for sweep s12-accept D3 (branch s12-orders2). As s12a-01: an order-feed-only record, VRd, ASCT (CPT 38241),
one active lenalidomide maintenance order of 2022-09-01 with 47 repeats x 28 d (validity to 2026-09-01), progression
2025-03-03, monthly Kd orders from 2025-03-17. Added: one lenalidomide MedicationDispense handed over 2025-03-20
(28 days) under the maintenance order, after the progression.
Expected: the fill shows lenalidomide went on after the progression, so the order keeps its authorised end
(CDS-POLICY-ORDERS2-AUTHORISATION-AFTER-PROGRESSION applies only when nothing of the drug is dated after the
progression); line 2 holds lenalidomide with carfilzomib as before. In s12a-01 (no fill) line 2 is [CARFILZOMIB,
DEXAMETHASONE] and line 1 ends 2025-03-03.
""")


if __name__ == "__main__":
    s12o_01()
