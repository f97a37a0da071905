# Session s14 (helper "timeline4"): issue 10 bullets 1, 2, 10, 11 - the leftovers of FINDINGS E1 and E3.
# Run from the project root; writes qa-bundles/s14t-*.json with a story s14t-*.story.txt each.
# The helper class B and the small helpers come from ehr_bundle.py, shared by the acceptance generators.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)
B.PREFIX = 's14t-'


MM_SCT = [{'system': SCT, 'code': '109989006', 'display': 'Multiple myeloma (disorder)'}]
def MM_ICD(c='C90.00', d='Multiple myeloma not having achieved remission'): return [{'system': ICD, 'code': c, 'display': d}]
BTZ = ('358258', 'bortezomib'); LEN = ('342369', 'lenalidomide'); DEX = ('3264', 'dexamethasone')
CY = ('3002', 'cyclophosphamide'); MEL = ('6718', 'melphalan'); DARA = ('1721947', 'daratumumab')
ASCT = [{'system': SCT, 'code': '709115004', 'display': 'Transplantation of autologous hematopoietic stem cell (procedure)'}]


def vrd_induction(b):
    """VRd x4 2023-01-09..2023-03-27 as s13a-01 charts it: bortezomib and dexamethasone by MAR, lenalidomide by statement."""
    b.cond('mm', MM_ICD() + MM_SCT, 'Multiple myeloma', '2022-12-20')
    b.status('vgpr', '2023-04-03', worse=False)
    for c in range(4):
        d0 = days('2023-01-09', 21 * c)
        for k in (0, 3, 7, 10): b.admin('btz-%d-%d' % (c, k), 'bortezomib 1.3 mg/m2 SC', days(d0, k), BTZ)
        for k in (0, 7, 14): b.admin('dex-%d-%d' % (c, k), 'dexamethasone 40 mg PO', days(d0, k), DEX)
    b.stmt('len', 'lenalidomide 25 mg PO d1-14', '2023-01-09', '2023-03-27', LEN)


# E1 replay, the sign is G-CSF only: the cyclophosphamide record says nothing but its dose, filgrastim follows it.
b = B('01-vrd-cy-gcsf-mobilisation-transplant-pending', '1961-05-14', 'male', 'Okafor', 'Emeka')
vrd_induction(b)
b.admin('cy', 'cyclophosphamide 2 g/m2 IV', '2023-04-20', CY)
for k in range(8): b.admin('gcsf-%d' % k, 'filgrastim 10 mcg/kg SC', days('2023-04-22', k))
save(b, """
The chart as it stood on 2023-05-15, between the stem-cell mobilisation and the transplant (planned 2023-05-31, not yet
in the record): VRd x4 2023-01-09..2023-03-27, VGPR 2023-04-03, cyclophosphamide 2 g/m2 IV 2023-04-20 (its record says
only the dose) with filgrastim 10 mcg/kg daily 2023-04-22..2023-04-29. A haematologist on 2023-05-15 reads "induction
VRd, then mobilisation, transplant planned": one line. Evaluate with --as-of 2023-05-15: 1 line, its reason naming the
cyclophosphamide dose, the filgrastim dose that shows it is mobilisation, and CDS-POLICY-TIMELINE4-TRANSPLANT-PENDING.
At --as-of 2026-11-01 (no transplant ever recorded, more than 60 days after the dose) the dose is a regimen of its own:
2 lines, as the policy says.
""")

# Near miss: the same dose, no G-CSF and no word saying mobilisation.
b = B('01b-vrd-cy-alone-no-sign-near-miss', '1961-05-14', 'male', 'Okafor', 'Emeka')
vrd_induction(b)
b.admin('cy', 'cyclophosphamide 2 g/m2 IV', '2023-04-20', CY)
save(b, """
Near miss of s14t-01: the same VRd and the same cyclophosphamide 2 g/m2 dose on 2023-04-20, but nothing in the chart says
it is mobilisation (no G-CSF or plerixafor, no "mobilisation"/"harvest" in its text or reason) and no transplant is
recorded. At --as-of 2023-05-15 the engine cannot tell it from a new regimen: 2 lines, line 2 "new regimen after all
drugs of line 1 stopped" (unchanged behaviour).
""")

# Near miss: CyBorD after VRd - cyclophosphamide as a regimen with bortezomib.
b = B('01c-vrd-then-cybord-with-gcsf-near-miss', '1958-02-03', 'female', 'Lindqvist', 'Karin')
vrd_induction(b)
for w in range(4):
    d = days('2023-04-20', 7 * w)
    b.admin('cyb-cy-%d' % w, 'cyclophosphamide 300 mg/m2 PO weekly (CyBorD)', d, CY)
    b.admin('cyb-btz-%d' % w, 'bortezomib 1.5 mg/m2 SC weekly (CyBorD)', d, BTZ)
    b.admin('cyb-dex-%d' % w, 'dexamethasone 40 mg PO weekly (CyBorD)', d, DEX)
b.admin('gcsf-1', 'filgrastim 5 mcg/kg SC (neutropenia)', '2023-04-24')
save(b, """
Near miss of s14t-01: after VRd x4, CyBorD (cyclophosphamide, bortezomib, dexamethasone weekly from 2023-04-20) with one
filgrastim dose for neutropenia. Cyclophosphamide is given with bortezomib: a regimen, not mobilisation, whatever the
G-CSF. At --as-of 2023-05-20: 2 lines, line 2 cyclophosphamide, bortezomib, dexamethasone; no
CDS-POLICY-TIMELINE4-TRANSPLANT-PENDING.
""")

# E3: one recorded daratumumab dose, the line goes on for years without it.
b = B('02-drd-single-dara-dose-rd-continued-pd', '1949-09-30', 'male', 'Moreau', 'Jean')
b.cond('mm', MM_ICD() + MM_SCT, 'Multiple myeloma', '2021-12-15')
b.admin('dara-1', 'daratumumab 16 mg/kg IV', '2022-01-10', DARA)
b.stmt('len', 'lenalidomide 25 mg PO d1-21 q28d', '2022-01-10', '2026-08-25', LEN, status='completed')
b.stmt('dex', 'dexamethasone 40 mg PO weekly', '2022-01-10', '2026-08-25', DEX, status='completed')
b.status('pr', '2022-06-01', worse=False, text='Partial response (IMWG)')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-15', 68)
save(b, """
D-Rd started 2022-01-10; daratumumab charted once (one MedicationAdministration 2022-01-10, no stop reason: the first
infusion and no other reached this EHR), lenalidomide and dexamethasone by statements 2022-01-10..2026-08-25, PR
2022-06-01, progression on Rd 2026-08-20. The line went on being recorded for 1688 days after the single daratumumab dose.
A haematologist: daratumumab was stopped long before the progression, which is more than 60 days after its last dose
(clinical-evidence.md 1.2: drug-level refractoriness uses that drug's last dose): not daratumumab-refractory;
lenalidomide-refractory. Expected after the fix: refractory to lenalidomide only, the exposure and the line saying why
(CDS-POLICY-TIMELINE4-STOP-EVIDENT-SINGLE-DOSE under CDS-POLICY-LINEREFR-STOP-EVIDENT).
""")

b = B('02b-drd-single-dara-dose-pd-150d-later-line-decides', '1949-09-30', 'male', 'Moreau', 'Jean')
b.cond('mm', MM_ICD() + MM_SCT, 'Multiple myeloma', '2021-12-15')
b.admin('dara-1', 'daratumumab 16 mg/kg IV', '2022-01-10', DARA)
b.stmt('len', 'lenalidomide 25 mg PO d1-21 q28d', '2022-01-10', '2022-06-20', LEN, status='completed')
b.stmt('dex', 'dexamethasone 40 mg PO weekly', '2022-01-10', '2022-06-20', DEX, status='completed')
b.status('pd-1', '2022-06-09')
b.egfr('2026-10-15', 68)
save(b, """
Near miss of s14t-02: the same single daratumumab dose on 2022-01-10, but the line's other drugs are recorded only to
2022-06-20 (161 days, not more than 180) and the progression is on 2022-06-09. Nothing shows daratumumab was stopped
rather than charted elsewhere: the line decides (DERIVE-REFRACTORY-03), daratumumab-refractory with the line as
provenance, and the markdown labels it DERIVE-REFRACTORY-03, not -01.
""")
