#!/usr/bin/env python3
"""Bundles for the s11 "orders" work (sweep s11 accept A2, CDS-POLICY-ORDERS-NOT-STARTED): variants of
qa-bundles/s11a-b4-active-order-next-regimen-no-dispense.json (written by gen-s11-accept.py; read here, not edited).
Run from the repository root: python3 qa-bundles/tools/gen-s11-orders.py"""
import copy
import json
import uuid

BASE = "qa-bundles/s11a-b4-active-order-next-regimen-no-dispense.json"


def load():
    with open(BASE) as f:
        return json.load(f)


def subject(bundle):
    for e in bundle["entry"]:
        if e["resource"]["resourceType"] == "Patient":
            return {"reference": e["fullUrl"]}
    raise SystemExit("no patient")


def write(name, bundle, story):
    with open(f"qa-bundles/{name}.json", "w") as f:
        json.dump(bundle, f, indent=2)
        f.write("\n")
    with open(f"qa-bundles/{name}.story.txt", "w") as f:
        f.write(story.strip() + "\n")


def uid(name):
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "s11o/" + name))


def dispensed():
    """Near miss: the same active pomalidomide order, with a pharmacy dispense handed over 2026-10-29 (21 days)."""
    b = load()
    req = next(e for e in b["entry"] if e["resource"]["resourceType"] == "MedicationRequest")
    med = copy.deepcopy(req["resource"]["medicationCodeableConcept"])
    b["entry"].append({"fullUrl": uid("md-pom-1"), "resource": {
        "resourceType": "MedicationDispense", "id": "md-pom-1", "status": "completed",
        "medicationCodeableConcept": med, "subject": subject(b),
        "authorizingPrescription": [{"reference": req["fullUrl"]}],
        "quantity": {"value": 21, "unit": "capsule"},
        "daysSupply": {"value": 21, "unit": "days", "system": "http://unitsofmeasure.org", "code": "d"},
        "whenHandedOver": "2026-10-29"}})
    write("s11o-active-order-dispensed", b, """
Near miss of s11a-b4-active-order-next-regimen-no-dispense (sweep s11 accept A2): the same active POMALYST order of
2026-10-28, and a pharmacy dispense of 21 days handed over 2026-10-29 under it. The dispense shows pomalidomide was
started: right is line 2 [POMALIDOMIDE] from 2026-10-28 (the order's start; ongoing), 2 prior lines, no "ordered, not recorded as given"
range (CDS-POLICY-ORDERS-NOT-STARTED does not apply).
""")


def order_only_on_hold():
    """An order-only record: line 1 as completed requests, then the pomalidomide order on hold."""
    b = load()
    out = []
    for e in b["entry"]:
        r = e["resource"]
        if r["resourceType"] == "MedicationStatement":
            p = r.pop("effectivePeriod")
            r = {"resourceType": "MedicationRequest", "id": r["id"], "status": "completed", "intent": "order",
                 "medicationCodeableConcept": r["medicationCodeableConcept"], "subject": r["subject"],
                 "authoredOn": p["start"],
                 "dosageInstruction": [{"timing": {"repeat": {"boundsPeriod": {"start": p["start"], "end": p["end"]}}}}]}
            e = {"fullUrl": e["fullUrl"], "resource": r}
        elif r["resourceType"] == "MedicationRequest":
            r["status"] = "on-hold"
            r["statusReason"] = {"text": "REMS counselling pending"}
        out.append(e)
    b["entry"] = out
    write("s11o-order-only-record-on-hold-order", b, """
Variant of s11a-b4-active-order-next-regimen-no-dispense (sweep s11 accept A2): an order-only record. Line 1 VRd ->
lenalidomide is recorded as completed MedicationRequests with a dosage boundsPeriod (2022-05-02..2026-09-10 for
lenalidomide), progression 2026-09-01, and the POMALYST order of 2026-10-28 is ON-HOLD ("REMS counselling pending").
FHIR R4 on-hold: actions halted. Right (CDS-POLICY-ORDERS-NOT-STARTED): even in an order-only record an on-hold order
is not known to be started: 1 prior line, relapse documented by the progression of 2026-09-01, line count 1 to 2
with PRIOR_THERAPY_UNKNOWN naming MedicationRequest/rx-pom-new "ordered, not recorded as given". (Were it active, an
order-only record keeps it as therapy: orders are all such a record holds.)
""")


if __name__ == "__main__":
    dispensed()
    order_only_on_hold()
