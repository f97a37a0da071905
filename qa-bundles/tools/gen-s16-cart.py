#!/usr/bin/env python3
"""Bundles for the T-cell collection before CAR-T bridging (FINDINGS H3, H5; CDS-POLICY-CART-COLLECTION) and for two
progressions with no therapy recorded between them (FINDINGS G1 remainder; CDS-POLICY-PROGRESSION-PAIR).
Each is an edited copy of an earlier qa-bundle, so the difference from it is the shape under test.
Run from the repository root: python3 qa-bundles/tools/gen-s16-cart.py"""
import copy
import json
import uuid
from pathlib import Path

QA = Path(__file__).resolve().parent.parent


def load(name):
    return json.loads((QA / (name + ".json")).read_text())


def entry(bundle, rid):
    return next(e for e in bundle["entry"] if e["resource"]["id"] == rid)


def write(bundle, name, story):
    bundle["id"] = name
    (QA / (name + ".json")).write_text(json.dumps(bundle, indent=2) + "\n")
    (QA / (name + ".story.txt")).write_text(story.strip() + "\n")


def improved(bundle, rid, day, text):
    """A myeloma disease-status Observation saying the disease improved (SNOMED 268910001), like s14a-15's."""
    pd = copy.deepcopy(entry(bundle, "pd-2"))
    pd["fullUrl"] = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, bundle["id"] + "/" + rid))
    r = pd["resource"]
    r["id"] = rid
    r["effectiveDateTime"] = day
    r["valueCodeableConcept"] = {"coding": [{"system": "http://snomed.info/sct", "code": "268910001",
                                             "display": "Patient's condition improved"}], "text": text}
    bundle["entry"].append(pd)


H6 = "s15h-06-cart-procedure-after-bridging-kd-no-pd-between"

# H3 near miss: the same record with no T-cell collection charted keeps CDS-POLICY-CART-BRIDGING's range.
b = load(H6)
b["entry"] = [e for e in b["entry"] if e["resource"]["id"] != "leuka"]
write(b, "s16c-01-near-miss-bridging-kd-cart-no-collection-charted", """
s15h-06 without its leukapheresis: VRd-ASCT-R (PD 2022-03-10), D-Pd (PD 2023-09-25), bridging Kd x2 2023-10-16..11-27,
flu/cy 2023-12-11..13, cilta-cel as a Procedure only (CPT 0540T, product named) 2023-12-16, PD 2026-08-25. No T-cell
collection is charted.
Haematologist: most likely 3 prior lines (Kd bridging to the CAR-T), but nothing in the record says the Kd was bridging
rather than a regimen of its own that failed before the CAR-T was decided. Expected: the count stays a range, 3 to 4
(CDS-POLICY-CART-BRIDGING), PRIOR_THERAPY_UNKNOWN naming the Kd, US D-Kd/Isa-Kd undecided.
""")

# H3 near miss: the collection charted after the Kd began: a regimen was already running when the CAR-T was planned.
b = load(H6)
entry(b, "leuka")["resource"]["performedDateTime"] = "2023-11-06"
write(b, "s16c-02-near-miss-collection-after-bridging-kd-began", """
s15h-06 with its "Leukapheresis for CAR-T manufacture" moved to 2023-11-06, three weeks after the Kd began
(2023-10-16): VRd-ASCT-R (PD 2022-03-10), D-Pd (PD 2023-09-25), Kd x2 2023-10-16..11-27, flu/cy 2023-12-11..13,
cilta-cel (Procedure) 2023-12-16, PD 2026-08-25.
Haematologist: the Kd may have been started as salvage and the CAR-T decided on it; the collection after it does not say
the Kd was bridging. Expected: the range stays (3 to 4), as with no collection charted (CDS-POLICY-CART-COLLECTION reads
only a collection on or before the line's first day).
""")

C4 = "s15c-04-near-miss-cart-procedure-planned-only"

# G1 remainder, hit: an improvement assessed between two progressions with nothing given between (148 days apart).
b = load(C4)
b["id"] = "s16c-03"
entry(b, "pd-3")["resource"]["effectiveDateTime"] = "2024-02-20"
improved(b, "resp-2023-12", "2023-12-15", "Partial response (IMWG)")
write(b, "s16c-03-two-progressions-partial-response-between-no-therapy", """
s15c-04 (the CAR-T Procedure only planned, status preparation) with the second progression moved to 2024-02-20 and a
disease-status assessment "Partial response (IMWG)" (improved) on 2023-12-15: VRd-ASCT-R (PD 2022-03-10), D-Pd to
2023-08 (PD 2023-09-25), nothing recorded given, partial response 2023-12-15, PD 2024-02-20, teclistamab from 2025-07-07
(PD 2026-09-28).
Haematologist: myeloma that progressed does not reach a partial response untreated: something was given between
2023-09-25 and 2023-12-15 (the planned CAR-T, most likely, given at the cell-therapy centre). Expected: 3 prior lines as
recorded, and PRIOR_THERAPY_UNKNOWN (GAP-THERAPY-87) naming both progressions and the response
(CDS-POLICY-PROGRESSION-PAIR). Only 148 days apart: it is the response, not the interval, that raises it.
""")

# G1 remainder, near miss: the second progression 28 days after the first is its confirmation (IMWG, §1.2).
b = load(C4)
entry(b, "pd-3")["resource"]["effectiveDateTime"] = "2023-10-23"
write(b, "s16c-04-near-miss-progression-confirmed-28-days-later", """
s15c-04 with the second progression moved to 2023-10-23, 28 days after the first (2023-09-25), and nothing between:
VRd-ASCT-R (PD 2022-03-10), D-Pd to 2023-08 (PD 2023-09-25, confirmed 2023-10-23), teclistamab from 2025-07-07
(PD 2026-09-28).
Haematologist: the second assessment is the IMWG confirmation of the first progression (two consecutive assessments
before new therapy, clinical-evidence.md §1.2), not a new progression. Expected: no PRIOR_THERAPY_UNKNOWN for the pair;
the 21-month interval before teclistamab is not read as a progression pair either (one progression after the
confirmation, none later until teclistamab ran).
""")
