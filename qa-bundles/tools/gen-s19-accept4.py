# Sweep S (acceptance check of the fixes after Sweep R on s19-fix): near misses of the regimen reading of
# CDS-POLICY-NO-MYELOMA-USE-REGIMEN now that both courses must begin on the same day (a myeloma cytotoxic-only salvage
# begun on the first day of a NEW antibody course for another cancer, 35-60 days after a dated myeloma progression;
# R-CHOP from cycle 1 with no reason, with reasonCode C83.3 and with reasonCode Z51.11), unnamed study drugs (open or
# blinded) in one or several lines (ISA-PD-TRIAL-08, DARA-MONO-TRIAL-02, the Prior lines row), and a blinded product of
# a catalogued myeloma drug (daratumumab or placebo) that must keep its own reading.
# Run from the project root; writes qa-bundles/s19x-*.json with a story s19x-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403


class BX(B):
    PREFIX = 's19x-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-06T01:00:00Z'; return bd



RTX = ('121191', 'rituximab'); VCR = ('11202', 'vincristine'); BENDA = ('134547', 'bendamustine')
TRA = ('224905', 'trastuzumab')
BC = [{'system': ICD, 'code': 'C50.912', 'display': 'Malignant neoplasm of unspecified site of left female breast'}]
FL = [{'system': ICD, 'code': 'C82.08', 'display': 'Follicular lymphoma grade I, lymph nodes of multiple sites'}]
DLBCL = [{'system': ICD, 'code': 'C83.38', 'display': 'Diffuse large B-cell lymphoma, lymph nodes of multiple sites'}]
RC_DLBCL = {'coding': [{'system': ICD, 'code': 'C83.3', 'display': 'Diffuse large B-cell lymphoma'}], 'text': 'DLBCL'}
RC_CHEMO = {'coding': [{'system': ICD, 'code': 'Z51.11', 'display': 'Encounter for antineoplastic chemotherapy'}],
            'text': 'Encounter for antineoplastic chemotherapy'}



def asct_r(b, dx='2019-01-20', start='2019-02-01', r_end='2022-02-28'):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', dx)
    vrd(b, start)
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', days(start, 158), MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', days(start, 159))
    rmaint(b, days(start, 212), r_end, 'completed')



def two_lines(b):
    asct_r(b)
    b.status('pd-1', '2022-03-10')
    kd(b, '2022-03-21', '2023-06-20')
    b.status('vgpr-1', '2023-07-10', worse=False)


S2 = '2024-06-17'
THREE = '''A haematologist: %s begun %d days after a dated myeloma progression (%s), followed by a recorded response
(PR 2024-09-16), reads as myeloma salvage; %s. 3 prior lines is the likely count (2 to 3 honest while the record does
not say which cancer it treated); never a confident 2 (daratumumab monotherapy off, GAP-THERAPY-87 contradicting).'''

# ---------------------------------------------------------------- 01 Cd begun on the FIRST day of a new trastuzumab course, PD 42 days before
b = BX('01-cd-salvage-begun-with-a-new-trastuzumab-course-pd-42-days-before', '1952-04-11', 'female', 'Haddad', 'Samira')
b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2024-04-22')
two_lines(b)
b.status('pd-2', '2024-05-06')
weekly(b, 'cd-cy', 'cyclophosphamide 500 mg PO weekly (Cd)', CY, S2, days(S2, 7 * 16 - 1))
weekly(b, 'cd-dex', 'dexamethasone 40 mg PO weekly (Cd)', DEX, S2, days(S2, 7 * 16 - 1))
for k in range(17):
    b.admin('tra-' + days(S2, 21 * k), 'trastuzumab 6 mg/kg IV every 3 weeks (adjuvant)', days(S2, 21 * k), TRA)
b.status('pr-3', '2024-09-16', worse=False)
b.status('pd-3', '2026-08-20')
tail(b)
out(b, '''
Samira Haddad, 74. Myeloma 2019: VRd-ASCT-R to 2022-02-28; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR; PD 2024-05-06.
HER2-positive breast cancer (C50.912, 2024-04-22), operated; adjuvant trastuzumab every 3 weeks from 2024-06-17 (first
infusion that day, 17 infusions, no reason). Weekly oral cyclophosphamide 500 mg + dexamethasone 40 mg (16 weeks) from
2024-06-17, the same day, no reason; myeloma PR 2024-09-16; PD 2026-08-20.
''' + THREE % ('Weekly oral cyclophosphamide with dexamethasone 40 mg', 42, '2024-05-06',
               'no HER2 adjuvant regimen adds weekly oral cyclophosphamide and dexamethasone 40 mg to trastuzumab'))

# ---------------------------------------------------------------- 02 bendamustine-dex begun with a new rituximab course (FL), PD 55 days before
b = BX('02-bendamustine-dex-begun-with-new-rituximab-follicular-lymphoma-pd-55-days-before', '1950-09-09', 'male', 'Petrov', 'Ilya')
b.cond('fl', FL, 'Follicular lymphoma grade 1-2, stage III, low tumour burden', '2024-05-27')
two_lines(b)
b.status('pd-2', '2024-04-23')
for k in range(4):
    s = days(S2, 28 * k)
    for j in (0, 1):
        d = days(s, j); b.admin('benda-' + d, 'bendamustine 90 mg/m2 IV', d, BENDA)
    b.admin('rtx-' + s, 'rituximab 375 mg/m2 IV', s, RTX)
weekly(b, 'bd-dex', 'dexamethasone 40 mg PO weekly', DEX, S2, days(S2, 28 * 4 - 1))
b.status('pr-3', '2024-09-16', worse=False)
b.status('pd-3', '2026-08-20')
tail(b)
out(b, '''
Ilya Petrov, 76. Myeloma 2019: VRd-ASCT-R to 2022-02; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR; PD 2024-04-23.
Follicular lymphoma grade 1-2 (C82.08, 2024-05-27). From 2024-06-17 (55 days after the myeloma PD): bendamustine 90 mg/m2
days 1-2 and rituximab day 1 every 28 days x4, and weekly dexamethasone 40 mg; no reason on any record; myeloma PR
2024-09-16; PD 2026-08-20.
A haematologist: BR is the follicular lymphoma's regimen, but bendamustine with weekly dexamethasone 40 mg is also a
myeloma salvage, begun 55 days after a dated myeloma progression and followed by a myeloma response: probably one regimen
meant for both. 2 or 3 lines: a named range is right; a confident 2 is defensible only if the record said so.''')

# ---------------------------------------------------------------- 03/04/05 R-CHOP from cycle 1: no reason, reasonCode C83.3, reasonCode Z51.11
for nn, tag, rc, why in (
        ('03', 'no-reason', None, 'no reason on any record'),
        ('04', 'rituximab-reasoncode-c83-3', [RC_DLBCL], 'the rituximab records carry reasonCode C83.3 (DLBCL)'),
        ('05', 'rituximab-reasoncode-z51-11', [RC_CHEMO], 'the rituximab records carry reasonCode Z51.11 (encounter for antineoplastic chemotherapy), the CHOP none')):
    b = BX('%s-rchop-from-cycle-1-%s-dlbcl-active-after-two-myeloma-lines' % (nn, tag), '1953-05-1%s' % nn[1], 'male', 'Okafor', 'Chidi' + nn)
    two_lines(b)
    b.cond('dlbcl', DLBCL, 'Diffuse large B-cell lymphoma, stage III', '2024-01-22')
    for k in range(6):
        d = days('2024-02-05', 21 * k)
        kw = {'reasonCode': rc} if rc else {}
        b.admin('rtx-' + d, 'rituximab 375 mg/m2 IV (R-CHOP)', d, RTX, **kw)
        b.admin('cy-' + d, 'cyclophosphamide 750 mg/m2 IV (R-CHOP)', d, CY)
        b.admin('dox-' + d, 'doxorubicin 50 mg/m2 IV (R-CHOP)', d, DOXO)
        b.admin('vcr-' + d, 'vincristine 1.4 mg/m2 IV (R-CHOP)', d, VCR)
        b.stmt('pred-' + d, 'prednisone 100 mg PO days 1-5 (R-CHOP)', d, days(d, 4), PRED)
    b.status('pd-2', '2026-08-20')
    tail(b)
    out(b, '''
Chidi Okafor, 73. Myeloma: VRd-ASCT-R to 2022-02; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR. DLBCL (C83.38,
2024-01-22, active). Six cycles of R-CHOP-21 from 2024-02-05, all drugs on day 1 from cycle 1; %s. Myeloma PD 2026-08-20.
A haematologist: R-CHOP is the lymphoma's therapy: 2 prior myeloma lines (VRd-ASCT-R, Kd), lenalidomide-refractory,
carfilzomib not refractory, anti-CD38 naive; D-Kd/Isa-Kd (1 to 3) on label, daratumumab monotherapy not (2 lines).
A confident third line would be invented; a range 2 to 3 is over-cautious (MEDIUM).''' % why)

# ---------------------------------------------------------------- 06 one open study-drug line after one line: ICARIA/Isa-Pd population
b = BX('06-one-line-then-open-study-drug-with-dex-three-years', '1957-03-05', 'female', 'Ortiz', 'Elena')
asct_r(b, r_end='2023-04-30')
b.status('pd-1', '2023-05-08')
weekly(b, 'tr', 'Investigational product (study drug) IV', None, '2023-05-22', '2026-07-27', every=14)
weekly(b, 'tr-dex', 'dexamethasone 20 mg PO weekly (study regimen)', DEX, '2023-05-22', '2026-07-27')
b.status('pd-2', '2026-08-24')
tail(b)
out(b, '''
Elena Ortiz, 69. VRd-ASCT-R to 2023-04-30 (lenalidomide-refractory); PD 2023-05-08; a clinical trial from 2023-05-22:
"Investigational product (study drug) IV" every 14 days with weekly dexamethasone to 2026-07-27; PD 2026-08-24.
A haematologist: 2 prior lines (VRd-ASCT-R, the trial), the study drug unknown (could be an anti-CD38 antibody or a
PI). 1 to 2 lines is the honest count for the engine: ICARIA-MM (>= 2 lines) and the Isa-Pd US label (>= 2 lines incl.
lenalidomide and a PI) undecided; anti-CD38 exposure unknown; never "not met: 1 prior line" nor "not exposed".''')

# ---------------------------------------------------------------- 07 blinded study drug, two trials (s19w-10 shape) plus a third named line
b = BX('07-blinded-study-drug-two-trials-around-kd-sirius-population', '1957-03-06', 'female', 'Ortiz', 'Pilar')
asct_r(b, r_end='2020-04-30')
b.status('pd-1', '2020-05-10')
T = 'Investigational product (study drug, blinded) IV'
weekly(b, 'trA', T, None, '2020-05-25', '2021-11-29', every=14)
weekly(b, 'trA-dex', 'dexamethasone 20 mg PO weekly (study regimen)', DEX, '2020-05-25', '2021-11-29')
b.status('pd-2', '2021-12-13')
kd(b, '2022-01-03', '2023-08-28')
b.status('pd-3', '2023-09-25')
weekly(b, 'trB', T, None, '2023-10-09', '2026-07-27', every=14)
weekly(b, 'trB-dex', 'dexamethasone 20 mg PO weekly (study regimen)', DEX, '2023-10-09', '2026-07-27')
b.status('pd-4', '2026-08-24')
tail(b)
out(b, '''
Pilar Ortiz, 69. As s19w-10: VRd-ASCT-R to 2020-04-30; PD 2020-05-10; trial A ("Investigational product (study drug,
blinded) IV" every 14 days + weekly dexamethasone) 2020-05-25 to 2021-11-29; PD 2021-12-13; Kd 2022-01-03 to 2023-08;
PD 2023-09-25; trial B, charted by the same words, 2023-10-09 to 2026-07-27; PD 2026-08-24.
A haematologist: 4 prior lines (2 to 4 while the products are unknown). D-Kd/Isa-Kd (1 to 3) not settled on label;
daratumumab monotherapy's SIRIUS population (>= 3 lines) undecided, not "not met"; anti-CD38 exposure unknown.''')

# ---------------------------------------------------------------- 08 a blinded study drug added to Kd inside one line (no new line)
b = BX('08-kd-plus-blinded-study-drug-from-the-same-day-one-line', '1958-07-07', 'male', 'Braun', 'Otto')
asct_r(b)
b.status('pd-1', '2022-03-10')
kd(b, '2022-03-21', '2024-03-10')
weekly(b, 'tr', 'Investigational product (study drug, blinded) IV', None, '2022-03-21', '2024-03-10', every=14)
b.status('vgpr-2', '2022-09-05', worse=False)
b.status('pd-2', '2024-03-25')
tail(b)
out(b, '''
Otto Braun, 68. VRd-ASCT-R to 2022-02-28; PD 2022-03-10; a trial of Kd with a blinded add-on ("Investigational product
(study drug, blinded) IV" every 14 days, from the first Kd day) 2022-03-21 to 2024-03; VGPR; PD 2024-03-25 (on therapy).
A haematologist: 2 prior lines (the add-on is part of the Kd line, begun the same day); carfilzomib-refractory; the add-on
may have been an anti-CD38 antibody (KdD-type trials), so anti-CD38 exposure and refractoriness unknown. A range 2 to 3
is over-cautious; "anti-CD38 not exposed" would be a confident wrong answer.''')

# ---------------------------------------------------------------- 09 Kd + daratumumab-or-placebo (blinded catalogued drug) then Pd
b = BX('09-kd-plus-daratumumab-or-placebo-blinded-then-pd-refractory-band', '1959-08-08', 'female', 'Meyer', 'Clara')
asct_r(b, r_end='2021-06-30')
b.status('pd-1', '2021-07-12')
kd(b, '2021-07-26', '2023-05-01')
weekly(b, 'blind', 'daratumumab or placebo 16 mg/kg IV (double-blind study)', None, '2021-07-26', '2023-05-01', every=14)
b.status('pd-2', '2023-05-15')
b.stmt('pd-pom', 'pomalidomide 4 mg capsule days 1-21 of 28', '2023-05-29', '2026-09-01', POM)
weekly(b, 'pd-dex', 'dexamethasone 40 mg PO weekly (Pd)', DEX, '2023-05-29', '2026-09-01')
b.status('pd-3', '2026-09-21')
tail(b)
out(b, '''
Clara Meyer, 67. VRd-ASCT-R to 2021-06-30; PD 2021-07-12; a double-blind study of Kd with "daratumumab or placebo" every
2 weeks 2021-07-26 to 2023-05-01; PD 2023-05-15 (on study); Pd 2023-05-29 to 2026-09-01; PD 2026-09-21.
A haematologist: 3 prior lines; anti-CD38 exposure undecided (blinded); if it was daratumumab she progressed on it
(refractory if given), the last possible dose over 3 years ago (washout adequate if given). Exposure and refractoriness
undecided, 3 lines, no range; never "not exposed", never therapy the engine cannot name.''')

# ---------------------------------------------------------------- 10 isatuximab-or-placebo record with a coded product (RxNorm isatuximab) and 'blinded'
ISA = ('2283183', 'isatuximab')
b = BX('10-coded-isatuximab-blinded-text-with-pd-then-kd', '1960-09-09', 'male', 'Rossi', 'Marco')
asct_r(b, r_end='2022-06-30')
b.status('pd-1', '2022-07-11')
b.stmt('p-pom', 'pomalidomide 4 mg capsule days 1-21 of 28 (study)', '2022-07-25', '2024-01-15', POM)
weekly(b, 'p-dex', 'dexamethasone 40 mg PO weekly (study)', DEX, '2022-07-25', '2024-01-15')
weekly(b, 'blind', 'isatuximab or placebo 10 mg/kg IV (blinded study product)', ISA, '2022-07-25', '2024-01-15', every=14)
b.status('pd-2', '2024-01-29')
kd(b, '2024-02-12', '2026-08-24')
b.status('pd-3', '2026-09-14')
tail(b)
out(b, '''
Marco Rossi, 66. VRd-ASCT-R to 2022-06-30; PD 2022-07-11; a double-blind study of Pd with "isatuximab or placebo" (the
records coded RxNorm isatuximab, text blinded) every 2 weeks 2022-07-25 to 2024-01-15; PD 2024-01-29 (on study); Kd
2024-02-12 to 2026-08; PD 2026-09-14.
A haematologist: 3 prior lines; isatuximab exposure undecided (blinded), refractory if given (PD on study), last possible
dose 2024-01-15, washout adequate if given. Never "not exposed", never read as unnamed therapy that may add a line.''')

# ---------------------------------------------------------------- 11 two named lines, then an open study drug: SIRIUS/COLUMBA population (DARA-MONO-TRIAL-02)
b = BX('11-two-lines-kd-not-refractory-then-open-study-drug-sirius-population', '1957-03-07', 'female', 'Ortiz', 'Rosa')
two_lines(b)
b.status('pd-2', '2024-05-06')
weekly(b, 'tr', 'Investigational product (study drug) IV', None, '2024-05-20', '2026-07-27', every=14)
weekly(b, 'tr-dex', 'dexamethasone 20 mg PO weekly (study regimen)', DEX, '2024-05-20', '2026-07-27')
b.status('pd-3', '2026-08-24')
tail(b)
out(b, '''
Rosa Ortiz, 70. VRd-ASCT-R to 2022-02-28 (lenalidomide-refractory); PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR
(carfilzomib not refractory); PD 2024-05-06; a clinical trial from 2024-05-20: "Investigational product (study drug) IV"
every 14 days with weekly dexamethasone to 2026-07-27; PD 2026-08-24.
A haematologist: 3 prior lines (VRd-ASCT-R, Kd, the trial), incl. a PI and an IMiD: daratumumab monotherapy on label and
the SIRIUS/COLUMBA population met if the trial is a line (2 to 3 for the engine: undecided, never "not met"); the study
drug may have been a PI or an anti-CD38 antibody (PD 28 days after its last dose: refractory if so).''')

# ---------------------------------------------------------------- 12 as 01, the myeloma PD 20 days before (inside the 30-day guard)
b = BX('12-cd-salvage-begun-with-a-new-trastuzumab-course-pd-20-days-before', '1952-04-13', 'female', 'Haddad', 'Yasmin')
b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2024-04-22')
two_lines(b)
b.status('pd-2', '2024-05-28')
weekly(b, 'cd-cy', 'cyclophosphamide 500 mg PO weekly (Cd)', CY, S2, days(S2, 7 * 16 - 1))
weekly(b, 'cd-dex', 'dexamethasone 40 mg PO weekly (Cd)', DEX, S2, days(S2, 7 * 16 - 1))
for k in range(17):
    b.admin('tra-' + days(S2, 21 * k), 'trastuzumab 6 mg/kg IV every 3 weeks (adjuvant)', days(S2, 21 * k), TRA)
b.status('pr-3', '2024-09-16', worse=False)
b.status('pd-3', '2026-08-20')
tail(b)
out(b, '''
Yasmin Haddad, 74. As s19x-01, the myeloma progression dated 2024-05-28, 20 days before the Cd and the first trastuzumab
infusion of 2024-06-17. Near miss of s19x-01 inside the 30-day progression guard.
''' + THREE % ('Weekly oral cyclophosphamide with dexamethasone 40 mg', 20, '2024-05-28',
               'no HER2 adjuvant regimen adds weekly oral cyclophosphamide and dexamethasone 40 mg to trastuzumab'))
