#!/usr/bin/env python3
"""Bundles for the s11 "mprog" item (sweep s11 accept A1): variants of the acceptance bundle
s11a-b1-vtd-asct-mprotein-pd-kd-admins (VTd -> ASCT 2024-06-20 -> serum M-protein rise -> Kd from 2024-09-12, MAR only).
Run from the project root: python3 qa-bundles/tools/gen-s11-mprog.py"""
import copy, json, pathlib

QA = pathlib.Path(__file__).resolve().parent.parent
BASE = json.loads((QA / "s11a-b1-vtd-asct-mprotein-pd-kd-admins.json").read_text())


def obs(b, oid):
    for e in b["entry"]:
        r = e["resource"]
        if r["resourceType"] == "Observation" and r["id"] == oid:
            return r
    raise KeyError(oid)


def write(name, bundle, story):
    (QA / (name + ".json")).write_text(json.dumps(bundle, indent=1) + "\n")
    (QA / (name + ".story.txt")).write_text(story.strip() + "\n")


# 1. The nadir dated only "2024-08": it may be before or after the 1.1 g/dL of 2024-08-20, so the rise may or may not be
#    an IMWG progression (DERIVE-RELAPSE-21, a possible progression). Kd from 2024-09-12 must not silently become line 2,
#    nor silently stay in line 1: the count is a range (1 to 2) with PRIOR_THERAPY_UNKNOWN naming the M-protein series.
b = copy.deepcopy(BASE)
obs(b, "mp-d60")["effectiveDateTime"] = "2024-08"
obs(b, "mp-rise-1")["effectiveDateTime"] = "2024-08-20"
write("s11m-b1-mprotein-nadir-month-only-kd", b, """
Variant of s11a-b1-vtd-asct-mprotein-pd-kd-admins (VTd x4, ASCT 2024-06-20, Kd from 2024-09-12 as MedicationAdministrations,
progression Observation 2026-10-05). The M-protein nadir 0.4 g/dL is dated only "2024-08" and the first rise (1.1 g/dL)
2024-08-20, then 1.2 g/dL 2024-09-09: whether the 0.4 came before the 1.1 depends on a day the record does not give, so the
rise may or may not meet the IMWG progression criteria (clinical-evidence §1.6 A). Right (issue 10 #1, #3): a possible
progression does not silently open a line nor silently fail to: prior lines 1 as placed, the count a range 1-2 with
PRIOR_THERAPY_UNKNOWN naming the M-protein rise; line-gated label criteria between the counts UNKNOWN.
""")

# 2. The rise not confirmed: the next result (2024-10-14, on Kd) is back to 0.5 g/dL. One result meeting the criteria is no
#    IMWG progression (two consecutive assessments), so Kd stays in line 1 by the post-transplant window, named in its reason.
b = copy.deepcopy(BASE)
r2 = obs(b, "mp-rise-2")
r2["effectiveDateTime"] = "2024-10-14"
r2["valueQuantity"]["value"] = 0.5
write("s11m-b1-mprotein-unconfirmed-rise-kd", b, """
Variant of s11a-b1-vtd-asct-mprotein-pd-kd-admins: the M-protein rises from its nadir 0.4 g/dL (2024-08-05) to 1.1 g/dL on
2024-09-02, but the next result, 2024-10-14 on Kd, is 0.5 g/dL: the rise is not confirmed (IMWG needs two consecutive
assessments, clinical-evidence §1.6 A). Right: no progression documented before Kd, so Kd joins line 1 by the 180-day
post-transplant window and the line's reason names that heuristic (and that a start for relapse would be a new line):
1 prior line; carfilzomib not refractory to anything before its first dose.
""")
print("wrote 2 bundles")
