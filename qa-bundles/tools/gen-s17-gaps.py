# Three open remainders of qa-bundles/FINDINGS.md: H2 (an isolated cyclophosphamide dose more than 180 days after a
# line stopped), A3 (an uncatalogued oral drug taken daily, read by its timing against the timeline) and J6 (other
# therapy under a brand and a generic name). One bundle for each hit and one per near miss.
# Run from the project root; writes qa-bundles/s17g-*.json with a story s17g-*.story.txt each.
# The helpers (class B, save, codes, regimens) come from ehr_bundle.py, shared by the acceptance generators.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BG(B):
    def bundle(s):
        bd = super().bundle(); bd['id'] = 's17g-' + s.name; bd['timestamp'] = '2026-12-05T17:00:00Z'; return bd


def out(b, story): save(b.bundle(), story)


APH = [{'system': SCT, 'code': '127788007', 'display': 'Apheresis (procedure)'}]


def mm(b, onset='2022-12-20'): b.cond('mm', MM_ICD(), 'Multiple myeloma', onset)


# ================================================================ H2: an isolated cyclophosphamide dose beyond 180 days
def vrd_then(b, name_story):
    mm(b); vrd(b)  # VRd x4 2023-01-09 .. 2023-03-27


CY_DAY = '2023-11-20'  # 238 days after VRd's last records (2023-03-27)

b = BG('h2-01-vrd-then-lone-cy-238-days-later-r-resumed-pd', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
b.admin('cy-nov', 'cyclophosphamide 1000 mg IV', CY_DAY, CY)
rmaint(b, '2023-12-15')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
VRd x4 2023-01-09..03-27, no progression. A single cyclophosphamide 1000 mg IV on 2023-11-20 (238 days after the
last VRd record) with no words, no G-CSF, no apheresis, no transplant after it and no stated reason; lenalidomide
10 mg from 2023-12-15 (active), PD on it 2026-08-20. A haematologist: one isolated dose of an alkylator with no
partner, no cycle and no reason is no regimen to count with confidence: it may be a mobilisation for a collection not
charted, therapy of another condition, or a line. Expected: 1 to 2 prior lines with PRIOR_THERAPY_UNKNOWN naming the
dose and asking its purpose (CDS-POLICY-ISOLATED-ALKYLATOR-DOSE); lenalidomide refractory. Wrong: a confident second
line "lenalidomide, cyclophosphamide" with no gap.''')

b = BG('h2-01b-vrd-then-lone-cy-238-days-later-nothing-after-pd', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
b.admin('cy-nov', 'cyclophosphamide 1000 mg IV', CY_DAY, CY)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
VRd x4 2023-01-09..03-27, no progression, then a single cyclophosphamide 1000 mg IV on 2023-11-20 (238 days later)
with no words, no G-CSF, no apheresis, no transplant and no stated reason, nothing after it; PD off therapy
2026-08-20. A haematologist: the dose may be an uncharted mobilisation, therapy of another condition or a line; the
record does not say. Expected 1 to 2 prior lines, PRIOR_THERAPY_UNKNOWN naming the dose and asking its purpose
(CDS-POLICY-ISOLATED-ALKYLATOR-DOSE). Wrong: a confident second line "cyclophosphamide" with no gap.''')

b = BG('h2-02-near-miss-cybord-238-days-later', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
cycles(b, 'cybord-cy', 'cyclophosphamide 300 mg/m2 PO weekly', CY, CY_DAY, (0, 7, 14, 21), 4, 28)
cycles(b, 'cybord-btz', 'bortezomib 1.5 mg/m2 SC weekly', BTZ, CY_DAY, (0, 7, 14, 21), 4, 28)
cycles(b, 'cybord-dex', 'dexamethasone 40 mg PO weekly', DEX, CY_DAY, (0, 7, 14, 21), 4, 28)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
Near miss of h2-01: VRd x4 2023-01-09..03-27, then CyBorD (weekly cyclophosphamide, bortezomib, dexamethasone) x4
cycles from 2023-11-20, PD 2026-08-20. A haematologist: a different regimen started after all drugs of line 1
stopped, on a cycle with a partner drug: line 2 (LOT-B15). Expected 2 prior lines, no range.''')

b = BG('h2-03-near-miss-cy-weekly-alone-238-days-later', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
b.admins('cy-weekly', 'cyclophosphamide 500 mg PO weekly', CY_DAY, 7, 12, CY)
b.admins('dex-weekly', 'dexamethasone 20 mg PO weekly', CY_DAY, 7, 12, DEX)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
Near miss of h2-01: VRd x4, then weekly oral cyclophosphamide 500 mg with dexamethasone, 12 doses from 2023-11-20
(Cy-dex, a low-intensity regimen). A haematologist: repeated doses on a schedule are a regimen: line 2. Expected 2
prior lines with no range (the isolated-dose policy is for a lone dose with no cycle).''')

b = BG('h2-04-near-miss-cy-then-asct-30-days-later', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
b.admin('cy-nov', 'cyclophosphamide 2 g/m2 IV', CY_DAY, CY)
b.admin('mel200', 'melphalan 200 mg/m2 IV', days(CY_DAY, 29), MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', days(CY_DAY, 30))
rmaint(b, '2024-03-01')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
Near miss of h2-01: the same lone cyclophosphamide (2 g/m2, no words) 238 days after VRd, followed 30 days later by
melphalan 200 and an autologous transplant, lenalidomide maintenance from 2024-03-01, PD 2026-08-20. A haematologist:
the dose is the transplant's mobilisation (CDS-POLICY-MOBILISATION). The transplant 8 months after induction with no
progression between is a delayed transplant: how the engine counts it is the transplant windows' business, not the
isolated-dose policy's; expected: as before the change (no PRIOR_THERAPY_UNKNOWN naming the dose).''')

b = BG('h2-05-near-miss-cy-then-apheresis', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
b.admin('cy-nov', 'cyclophosphamide 2 g/m2 IV', CY_DAY, CY)
b.proc('apheresis', APH, 'Peripheral blood stem cell apheresis - 6.0 x10^6 CD34+/kg, cryopreserved', days(CY_DAY, 11))
rmaint(b, '2023-12-15')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
Near miss of h2-01: the lone cyclophosphamide 238 days after VRd is followed 11 days later by a stem-cell apheresis
(cells cryopreserved), then lenalidomide. A haematologist: the chart says it was a mobilisation, a step of line 1
(CDS-POLICY-MOBILISATION-STEP): 1 prior line, no range, as before the change.''')

b = BG('h2-06-near-miss-cy-with-myeloma-reason', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
b.admin('cy-nov', 'cyclophosphamide 1000 mg IV', CY_DAY, CY, reasonReference=reason(b, 'mm'))
rmaint(b, '2023-12-15')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
Near miss of h2-01: the lone cyclophosphamide dose 238 days after VRd carries reasonReference to the myeloma. The
record states its purpose (myeloma therapy): a new regimen after all drugs stopped (LOT-B15), line 2, as before the
change (no isolated-dose range).''')
