#!/usr/bin/env python3
"""Bundles for FINDINGS E3 (helper linerefr, s13): a drug whose records stop inside a line that goes on.

Built from the accept sweep's s13a-15 (D-Rd, daratumumab by 36 administrations to 2024-01-01, Rd continued), read-only:
  s13l-01  near miss: the same record, progression 2024-05-30 (150 days after the last daratumumab administration) and
           Rd stopped 2024-06-10. 150 days of Rd after the last daratumumab dose are not longer than 180 days
           (CDS-POLICY-LINEREFR-STOP-EVIDENT): the record cannot tell a stop from sparse charting, so the line decides
           and daratumumab is refractory (DERIVE-REFRACTORY-03), as in fhir-samples/rrmm-dvd-sparse-daratumumab.
Run from the repository root: python3 qa-bundles/tools/gen-s13-linerefr.py
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
SRC = ROOT / "s13a-15-drd-dara-stopped-in-cr-rd-continued-pd-2y-later.json"


def near_miss():
    b = json.loads(SRC.read_text())
    for e in b["entry"]:
        r = e["resource"]
        if r["resourceType"] == "MedicationStatement" and r["id"] in ("drd-len", "drd-dex"):
            r["effectivePeriod"]["end"] = "2024-06-10"
        if r["resourceType"] == "Observation" and r["id"] == "pd-1":
            r["effectiveDateTime"] = "2024-05-30"
            if "issued" in r:
                r["issued"] = "2024-05-30T12:00:00Z"
    return b


def main():
    out = ROOT / "s13l-01-drd-dara-stopped-pd-150d-later-line-decides.json"
    out.write_text(json.dumps(near_miss(), indent=2) + "\n")
    print(out.name)


if __name__ == "__main__":
    main()
