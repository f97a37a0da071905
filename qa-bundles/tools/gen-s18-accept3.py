# Sweep O (acceptance check of the s18 fixes of issue 10): near misses of each fix, where it may reach too far or not
# far enough: the no-myeloma-use drugs and the regimen read with them (a myeloma regimen beside rituximab, R-CHOP or
# anastrozole), precursor therapy up to the myeloma diagnosis (a progression Observation beside the diagnosis, the
# 60/61-day edge, the precursor drug continued into the myeloma line), blinded anti-CD38 products and the washout band
# (no certain dose, last record 180 days before; blinded and certain doses in one band), a line range where the US
# double-refractory branch holds at one count only, a lenalidomide refill after a new regimen started, ICD-10-PCS
# nonautologous codes (peripheral vein, cord blood) and a red-cell transfusion, and whole lines charted on day 1 of
# each cycle (a 21-day cycle; a cycle delayed by a dose hold).
# Run from the project root; writes qa-bundles/s18o-*.json with a story s18o-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BO(B):
    PREFIX = 's18o-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-05T21:40:00Z'; return bd



RTX = ('121191', 'rituximab'); VCR = ('11202', 'vincristine'); ANA = ('84857', 'anastrozole')
PCS = 'http://www.cms.gov/Medicare/Coding/ICD10'
BLIND_DARA = 'Daratumumab 16 mg/kg or placebo IV (study drug, double-blind)'
BLIND_ISA = 'Isatuximab 10 mg/kg or placebo IV (study drug, double-blind)'



def kd(b, start, last, pre='kd', **kw):
    """Kd: carfilzomib days 1, 2, 8, 9, 15, 16 of 28 for every cycle whose day 16 falls on or before last; dex weekly."""
    k = 0
    while days(start, 28 * k + 15) <= last:
        for d in (0, 1, 7, 8, 14, 15):
            day = days(start, 28 * k + d); b.admin(pre + '-cfz-' + day, 'carfilzomib 56 mg/m2 IV (Kd)', day, CFZ, **kw)
        k += 1
    weekly(b, pre + '-dex', 'dexamethasone 20 mg PO (Kd)', DEX, start, days(start, 28 * k - 1), **kw)


def asct_r(b, dx='2019-01-20', start='2019-02-01', r_end=None, r_status='completed'):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', dx)
    vrd(b, start)
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', days(start, 158), MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', days(start, 159))
    if r_end is not False: rmaint(b, days(start, 212), r_end, r_status)



def rchop(b, start, n=6, why=None):
    kw = {'reasonReference': [b.ref(why)]} if why else {}
    for k in range(n):
        d = days(start, 21 * k)
        b.admin('rtx-' + d, 'rituximab 375 mg/m2 IV (R-CHOP)', d, RTX, **kw)
        b.admin('cy-' + d, 'cyclophosphamide 750 mg/m2 IV (R-CHOP)', d, CY, **kw)
        b.admin('dox-' + d, 'doxorubicin 50 mg/m2 IV (R-CHOP)', d, DOXO, **kw)
        b.admin('vcr-' + d, 'vincristine 1.4 mg/m2 IV (R-CHOP)', d, VCR, **kw)
        b.stmt('pred-' + d, 'prednisone 100 mg PO days 1-5 (R-CHOP)', d, days(d, 4), PRED, **kw)


# ---------------------------------------------------------------- P3/P4: no-myeloma-use drugs beside myeloma therapy
def rec01(name, birth, giv):
    b = BO(name, birth, 'male', 'Vasquez', giv)
    b.cond('cll', [{'system': ICD, 'code': 'C91.10', 'display': 'Chronic lymphocytic leukemia of B-cell type not having achieved remission'}],
           'Chronic lymphocytic leukaemia, Rai 0, watch and wait', '2020-05-12')
    asct_r(b, r_end='2024-02-10')
    b.status('pd-1', '2024-02-20')
    b.cond('aiha', [{'system': ICD, 'code': 'D59.11', 'display': 'Warm autoimmune hemolytic anemia'}],
           'Warm autoimmune haemolytic anaemia (CLL-associated)', '2024-02-28')
    kd(b, '2024-03-04', '2025-06-20')
    weekly(b, 'rtx', 'rituximab 375 mg/m2 IV weekly x4 (AIHA)', RTX, '2024-03-11', '2024-04-01',
           reasonReference=[b.ref('aiha')])
    b.status('vgpr', '2024-09-02', worse=False)
    b.status('pd-2', '2026-09-01')
    tail(b); return b


out(rec01('01-kd-for-myeloma-pd-rituximab-for-aiha-7d-later-cll-on-record', '1952-03-03', 'Tomas'), '''
Tomas Vasquez, 74. Chronic lymphocytic leukaemia (C91.10, 2020, Rai 0, watch and wait, never treated) on the problem
list. Myeloma 2019: VRd x4, ASCT, lenalidomide maintenance to 2024-02-10; PD 2024-02-20 (lenalidomide-refractory). Kd
(carfilzomib days 1, 2, 8, 9, 15, 16 + dexamethasone weekly) from 2024-03-04 to 2025-06 (no reason on the records),
VGPR. A warm autoimmune haemolytic anaemia (D59.11, 2024-02-28) was treated with rituximab 375 mg/m2 weekly x4 from
2024-03-11, reasonReference the AIHA. Myeloma PD 2026-09-01 off therapy.
A haematologist: 2 prior myeloma lines (VRd-ASCT-R; Kd, carfilzomib AND dexamethasone); rituximab is AIHA therapy.
Lenalidomide-refractory, carfilzomib not refractory (last 2025-06, PD 14 months later), anti-CD38 naive: US D-Kd and
Isa-Kd on label (CANDOR/IKEMA fit). The Kd dexamethasone is the myeloma line's steroid, not CLL therapy.
''')


def rec02(name, birth, giv, cd_start):
    b = BO(name, birth, 'female', 'Lindgren', giv)
    asct_r(b, r_end='2022-02-28')
    b.status('pd-1', '2022-03-10')
    kd(b, '2022-03-21', '2023-06-20')
    b.status('vgpr-1', '2023-07-10', worse=False)
    b.cond('dlbcl', [{'system': ICD, 'code': 'C83.38', 'display': 'Diffuse large B-cell lymphoma, lymph nodes of multiple sites'}],
           'Diffuse large B-cell lymphoma, stage III', '2024-01-22', clin='remission')
    rchop(b, '2024-02-05', 6, 'dlbcl')
    b.status('pd-2', days(cd_start, -9))
    weekly(b, 'cd-cy', 'cyclophosphamide 500 mg PO weekly (Cd)', CY, cd_start, '2026-08-17')
    weekly(b, 'cd-dex', 'dexamethasone 40 mg PO weekly (Cd)', DEX, cd_start, '2026-08-17')
    b.status('pd-3', '2026-09-01')
    tail(b); return b


out(rec02('02-cd-salvage-for-myeloma-pd-23d-after-last-rchop-for-dlbcl', '1951-04-04', 'Karin', '2024-06-12'), '''
Karin Lindgren, 75. Myeloma 2019: VRd-ASCT-R to 2022-02; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR. Diffuse large
B-cell lymphoma (C83.38, 2024-01-22; now clinicalStatus "remission", no abatement date) treated with six cycles of
R-CHOP 2024-02-05 to 2024-05-20, every record with reasonReference the lymphoma. Myeloma PD 2024-06-03 (disease-status
Observation). Oral cyclophosphamide 500 mg weekly + dexamethasone 40 mg weekly (Cd) from 2024-06-12 (23 days after the
last R-CHOP cycle) to 2026-08-17, no reason on the records; PD 2026-09-01 on it.
A haematologist: cyclophosphamide-dexamethasone started nine days after a documented MYELOMA progression, at myeloma
doses, two years long, is the third myeloma line; the lymphoma had its six R-CHOP cycles with their own reason.
3 prior lines (VRd-ASCT-R, Kd, Cd), lenalidomide-refractory, carfilzomib not refractory, anti-CD38 naive. At the least
the count is 2 to 3 (another cancer on record); a confident 2 is wrong.
''')
out(rec02('02c-control-cd-salvage-45d-after-last-rchop-for-dlbcl', '1951-04-14', 'Britt', '2024-07-04'), '''
Britt Lindgren, 75. Control for 02: the same record, Cd starting 2024-07-04 (45 days after the last R-CHOP cycle, outside
the 30-day regimen window), PD 2024-06-25 before it.
A haematologist: the same as 02: 3 prior lines. The engine's CDS-POLICY-CHEMO-OTHER-CANCER may leave 2 to 3 (no
reason, a lymphoma on record); it must not be a confident 2.
''')


def rec03(name, birth, giv):
    b = BO(name, birth, 'female', 'Moreno', giv)
    b.cond('bc', [{'system': ICD, 'code': 'C50.912', 'display': 'Malignant neoplasm of unspecified site of left female breast'}],
           'Breast cancer, left, ER-positive, on adjuvant aromatase inhibitor', '2022-05-10')
    d = '2022-07-01'
    while d <= '2026-10-15':
        b.disp('ana-' + d, 'anastrozole 1 mg tablet daily', d, 30, ANA); d = days(d, 30)
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2024-04-01')
    cycles(b, 'cybord-btz', 'bortezomib 1.5 mg/m2 SC (CyBorD)', BTZ, '2024-04-15', (0, 7, 14, 21), 4, 28)
    cycles(b, 'cybord-cy', 'cyclophosphamide 300 mg/m2 PO (CyBorD)', CY, '2024-04-15', (0, 7, 14, 21), 4, 28)
    cycles(b, 'cybord-dex', 'dexamethasone 40 mg PO (CyBorD)', DEX, '2024-04-15', (0, 7, 14, 21), 4, 28)
    gcsf(b, '2024-08-20', 5)
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2024-09-20', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2024-09-21')
    rmaint(b, '2024-12-01', '2026-08-31', 'completed')
    b.status('pd-1', '2026-09-10')
    tail(b); return b


out(rec03('03-cybord-asct-r-for-myeloma-breast-cancer-on-anastrozole-fills', '1959-05-05', 'Lucia'), '''
Lucia Moreno, 67. ER-positive left breast cancer (C50.912, 2022-05) on adjuvant anastrozole, dispensed every 30 days
from 2022-07 to now (no reason on the dispenses). Myeloma diagnosed 2024-04-01: CyBorD x4 (bortezomib, cyclophosphamide,
dexamethasone weekly, 2024-04-15), G-CSF mobilisation, melphalan 200 and ASCT 2024-09-21, lenalidomide maintenance
2024-12-01 to 2026-08-31; PD 2026-09-10 (no record gives a reason for any myeloma drug).
A haematologist: 1 prior myeloma line (CyBorD-ASCT-R, its cyclophosphamide, dexamethasone and melphalan included);
lenalidomide-refractory; bortezomib exposed, not refractory; anti-CD38 naive. Anastrozole is breast-cancer therapy.
The CyBorD cyclophosphamide/dexamethasone and the high-dose melphalan are myeloma therapy, not breast-cancer therapy.
''')


def rec03b(name, birth, giv, statement=False, fourth=False):
    b = BO(name, birth, 'female', 'Moreno', giv)
    b.cond('bc', [{'system': ICD, 'code': 'C50.912', 'display': 'Malignant neoplasm of unspecified site of left female breast'}],
           'Breast cancer, left, ER-positive, on adjuvant aromatase inhibitor', '2018-05-10')
    if statement:
        b.stmt('ana', 'anastrozole 1 mg tablet daily', '2018-07-01', None, ANA, status='active')
    else:
        d = '2018-07-01'
        while d <= '2026-10-15':
            b.disp('ana-' + d, 'anastrozole 1 mg tablet daily', d, 30, ANA); d = days(d, 30)
    asct_r(b, r_end='2024-12-20')
    b.status('pd-1', '2025-01-02')
    for k in range(2):
        s = days('2025-01-13', 28 * k)
        for j in range(4):
            d = days(s, j)
            b.admin('dcep-dex-' + d, 'dexamethasone 40 mg PO (DCEP)', d, DEX)
            b.admin('dcep-cy-' + d, 'cyclophosphamide 400 mg/m2/day IV continuous infusion (DCEP)', d, CY)
            b.admin('dcep-eto-' + d, 'etoposide 40 mg/m2/day IV continuous infusion (DCEP)', d, ETO)
            b.admin('dcep-cis-' + d, 'cisplatin 10 mg/m2/day IV continuous infusion (DCEP)', d, CIS)
    b.status('pr', '2025-03-20', worse=False)
    b.status('pd-2', '2025-06-02')
    if fourth:
        kd(b, '2025-06-16', '2026-02-20')
        b.status('pd-3', '2026-03-05')
        b.stmt('pd-pom', 'pomalidomide 4 mg capsule days 1-21 of 28', '2026-03-16', '2026-08-31', POM)
        weekly(b, 'pd-dex', 'dexamethasone 40 mg PO weekly (Pd)', DEX, '2026-03-16', '2026-08-31')
        b.status('pd-4', '2026-09-15')
    else:
        kd(b, '2025-06-16', '2026-08-20')
        b.status('pd-3', '2026-09-08')
    tail(b); return b


out(rec03b('03b-dcep-salvage-line-for-myeloma-breast-cancer-on-anastrozole-fills', '1956-05-15', 'Elena'), '''
Elena Moreno, 70. ER-positive left breast cancer (C50.912, 2018-05) on anastrozole, dispensed every 30 days from
2018-07 to now (no reason on the dispenses). Myeloma 2019: VRd-ASCT-R to 2024-12-20; PD 2025-01-02. Two cycles of DCEP
(dexamethasone, cyclophosphamide, etoposide, cisplatin, days 1-4, 2025-01-13 and 2025-02-10; no reason on the
records), PR; PD 2025-06-02. Kd 2025-06-16 to 2026-08-20; PD 2026-09-08 on it.
A haematologist: DCEP started eleven days after a documented MYELOMA progression is myeloma salvage (clinical-evidence
lists the salvage cytotoxics); anastrozole is no reason to read it as breast-cancer therapy (DCEP is no breast-cancer
regimen). 3 prior lines (VRd-ASCT-R, DCEP, Kd); lenalidomide- and carfilzomib-refractory (double-refractory), anti-CD38
naive: US daratumumab monotherapy (>=3 lines incl. PI and IMiD, or double-refractory) on label. At the least a range
2 to 3 (CDS-POLICY-CHEMO-OTHER-CANCER); a confident 2 lines with the DCEP as "other therapy" is wrong.
''')
out(rec03b('03c-dcep-salvage-line-for-myeloma-anastrozole-one-active-statement', '1956-05-25', 'Rosa', True), '''
Rosa Moreno, 70. As 03b, but anastrozole is one active MedicationStatement from 2018-07-01 with no end (no dispenses).
A haematologist: the same as 03b: 3 prior lines; DCEP is myeloma salvage.
''')


out(rec03b('03d-dcep-salvage-then-kd-then-pd-4-lines-anastrozole-fills', '1956-06-05', 'Marta', fourth=True), '''
Marta Moreno, 70. As 03b (anastrozole dispensed every 30 days since 2018 for a breast cancer; VRd-ASCT-R to 2024-12-20,
PD 2025-01-02; DCEP x2 from 2025-01-13, PR, PD 2025-06-02), then Kd 2025-06-16 to 2026-02-20, PD 2026-03-05 on it;
Pd 2026-03-16 to 2026-08-31, PD 2026-09-15 on it.
A haematologist: 4 prior lines (VRd-ASCT-R, DCEP, Kd, Pd); lenalidomide-, carfilzomib- and pomalidomide-refractory.
The US labels of D-Kd and Isa-Kd (1 to 3 prior lines) are NOT met; a count of 3 (DCEP read as breast-cancer therapy)
makes them label-eligible.
''')


# ---------------------------------------------------------------- P1/P2: precursor therapy up to the myeloma diagnosis
def smm(b, len_end, dx, pd_obs=None, then='vcd', reason_after=True):
    b.cond('smm', SMM_ICD, 'High-risk smouldering multiple myeloma', '2021-10-01')
    b.stmt('smm-len', 'lenalidomide 25 mg capsule days 1-21 of 28 (smouldering myeloma)', '2022-01-10', len_end, LEN,
           reasonReference=[b.ref('smm')])
    if pd_obs: b.status('pd-smm', pd_obs, text='Progression to active multiple myeloma (new lytic lesions)')
    b.cond('mm', MM_ICD(), 'Multiple myeloma', dx)
    if then == 'vcd':
        s = days(dx, 7)
        cycles(b, 'vcd-btz', 'bortezomib 1.5 mg/m2 SC (VCd)', BTZ, s, (0, 7, 14, 21), 6, 28)
        cycles(b, 'vcd-cy', 'cyclophosphamide 300 mg/m2 PO (VCd)', CY, s, (0, 7, 14, 21), 6, 28)
        cycles(b, 'vcd-dex', 'dexamethasone 40 mg PO (VCd)', DEX, s, (0, 7, 14, 21), 6, 28)
        b.status('vgpr', days(s, 180), worse=False)
        b.status('pd-1', '2026-08-25')


def rec04(name, birth, giv):
    b = BO(name, birth, 'male', 'Fitzgerald', giv)
    smm(b, '2024-03-06', '2024-05-20', pd_obs='2024-02-20')
    tail(b); return b


out(rec04('04-smm-len-progression-observation-on-it-myeloma-dx-75d-after-last-dose', '1960-06-06', 'Sean'), '''
Sean Fitzgerald, 66. High-risk smouldering myeloma (2021-10): lenalidomide 2022-01-10 to 2024-03-06, reasonReference the
smouldering myeloma. A disease-status Observation "Progression to active multiple myeloma (new lytic lesions)" on
2024-02-20, WHILE on lenalidomide; the myeloma Condition is charted later, onset 2024-05-20 (75 days after the last
capsule; work-up and staging took three months). VCd x6 from 2024-05-27, VGPR; PD 2026-08-25 off therapy.
A haematologist: the disease progressed ON lenalidomide (the dated Observation); the late diagnosis entry does not
move that. Lenalidomide-refractory as in s18p-04 (or at the least UNKNOWN); a "not refractory" read from the 75-day
diagnosis date is wrong. D-Rd/POLLUX must not be ✔ met.
''')


def rec05(name, birth, giv, dx):
    b = BO(name, birth, 'male', 'Fitzgerald', giv)
    smm(b, '2024-03-06', dx)
    tail(b); return b


out(rec05('05-smm-len-myeloma-dx-61d-after-last-dose-no-observation', '1960-06-16', 'Conor', '2024-05-06'), '''
Conor Fitzgerald, 66. As s18p-04b (lenalidomide for smouldering myeloma to 2024-03-06, no progression Observation), but
the myeloma diagnosis is 2024-05-06, 61 days after the last capsule. VCd x6 from 2024-05-13; PD 2026-08-25.
A haematologist: outside the IMWG 60-day window: not lenalidomide-refractory (lenalidomide exposed); no precursor
refractoriness gap; POLLUX may be met. This is the edge the P1 fix must not cross.
''')
out(rec05('05b-smm-len-myeloma-dx-60d-after-last-dose-no-observation', '1960-06-26', 'Declan', '2024-05-05'), '''
Declan Fitzgerald, 66. As 05, but the diagnosis is 2024-05-05, 60 days after the last capsule (inside the window).
A haematologist: within 60 days: refractoriness by the diagnosis alone is what P1 left UNKNOWN (policy
CDS-POLICY-RELCODE-PRECURSOR-PROGRESSION); not "not refractory".
''')


def rec06(name, birth, giv):
    b = BO(name, birth, 'female', 'Novak', giv)
    smm(b, '2024-03-08', '2024-03-08', then=None)
    b.stmt('rd-len', 'lenalidomide 25 mg capsule days 1-21 of 28 (Rd)', '2024-03-09', '2026-08-18', LEN,
           reasonReference=[b.ref('mm')])
    cycles(b, 'rd-dex', 'dexamethasone 40 mg PO weekly (Rd)', DEX, '2024-03-09', (0, 7, 14, 21), 30, 28)
    b.status('vgpr', '2024-10-01', worse=False)
    b.status('pd-1', '2026-08-25')
    tail(b); return b


out(rec06('06-smm-len-continued-into-rd-for-myeloma-pd-on-rd', '1958-07-07', 'Jana'), '''
Jana Novak, 68. High-risk smouldering myeloma (2021-10): lenalidomide 2022-01-10 to 2024-03-08 (reason: smouldering
myeloma). Myeloma diagnosed 2024-03-08; the same lenalidomide continued the next day as Rd (statement 2024-03-09 to
2026-08-18, reasonReference the myeloma; dexamethasone weekly), VGPR; PD 2026-08-25 ON Rd.
A haematologist: 1 prior myeloma line (Rd); lenalidomide-REFRACTORY, certainly (progression on Rd itself, 7 days after
its last capsule), whatever the precursor question. D-Rd/POLLUX do not fit; a lenalidomide "refractoriness unknown"
here is over-caution from the precursor fix reaching into a line that decides it.
''')


# ---------------------------------------------------------------- N1: blinded anti-CD38 product and the washout band
def rec07(name, birth, giv):
    b = BO(name, birth, 'female', 'Dubois', giv)
    asct_r(b, r_end='2024-06-01')
    b.status('pd-1', '2024-06-10')
    s = '2024-06-24'
    cycles(b, 'vd-btz', 'bortezomib 1.3 mg/m2 SC (Vd)', BTZ, s, (0, 3, 7, 10), 8, 21)
    cycles(b, 'vd-dex', 'dexamethasone 20 mg PO (Vd)', DEX, s, (0, 1, 3, 4, 7, 8, 10, 11), 8, 21)
    dd = [days(s, 7 * k) for k in range(9)] + [days(s, 63 + 21 * k) for k in range(5)]
    d = days(s, 63 + 21 * 5)
    while d <= '2026-05-05': dd.append(d); d = days(d, 28)
    if dd[-1] != '2026-05-05': dd.append('2026-05-05')
    for x in dd: b.admin('study-' + x, BLIND_DARA, x, None)
    b.status('pd-2', '2026-05-20')
    kd(b, '2026-06-01', '2026-09-20')
    b.status('pd-3', '2026-10-05')
    tail(b); return b


out(rec07('07-blinded-dara-or-placebo-only-last-record-180d-before-asof', '1955-08-08', 'Helene'), '''
Helene Dubois, 71. VRd-ASCT-R to 2024-06-01, PD 2024-06-10. Line 2 from 2024-06-24 in a CASTOR-like blinded study:
open-label Vd x8 with "Daratumumab 16 mg/kg or placebo IV (study drug, double-blind)" weekly, 3-weekly, then 4-weekly,
the last on 2026-05-05 (180 days before asOf 2026-11-01; no record says the arm); PD 2026-05-20 on it. Kd from
2026-06-01 to 2026-09, PD 2026-10-05 on it. No certain anti-CD38 dose anywhere.
A haematologist: anti-CD38 exposure and refractoriness undecided (the arm); the washout is adequate if the arm was
active (180 days, §5 >=180 adequate) and there is none if placebo: either way no washout caution is needed. An
"undecided washout" or a short/intermediate band here would be the N1 fix reaching too far.
''')


def rec08(name, birth, giv):
    b = BO(name, birth, 'male', 'Okonkwo', giv)
    asct_r(b, r_end='2023-03-01')
    b.status('pd-1', '2023-03-10')
    s = '2023-03-20'
    dd = [days(s, 7 * k) for k in range(8)] + [days(s, 56 + 14 * k) for k in range(8)]
    d = days(s, 56 + 14 * 8)
    while d <= '2026-08-24': dd.append(d); d = days(d, 28)
    if dd[-1] != '2026-08-24': dd.append('2026-08-24')
    for x in dd: b.admin('dara-' + x, 'Darzalex Faspro (daratumumab and hyaluronidase) 1800 mg SC', x, DARA)
    b.stmt('pd-pom', 'pomalidomide 4 mg capsule days 1-21 of 28', s, '2026-08-14', POM)
    weekly(b, 'pd-dex', 'dexamethasone 40 mg PO weekly (D-Pd)', DEX, s, '2026-08-24')
    b.status('pd-2', '2026-08-28')
    s2 = '2026-09-01'
    kd(b, s2, '2026-09-29', pre='ikd')
    for x in ('2026-09-01', '2026-09-08', '2026-09-15', '2026-09-22', '2026-09-29'): b.admin('study-' + x, BLIND_ISA, x, None)
    b.status('pd-3', '2026-10-15')
    tail(b); return b


out(rec08('08-open-dara-pd-pd-then-blinded-isa-or-placebo-kd-both-in-short-band', '1954-09-09', 'Chidi'), '''
Chidi Okonkwo, 72. VRd-ASCT-R to 2023-03-01, PD 2023-03-10. Open-label D-Pd (Darzalex Faspro) 2023-03-20 to
2026-08-24, PD 2026-08-28 on it (daratumumab-refractory, pomalidomide-refractory). From 2026-09-01 in a blinded
IKEMA-like study: open-label Kd with "Isatuximab 10 mg/kg or placebo IV (study drug, double-blind)" weekly to
2026-09-29; PD 2026-10-15 on it.
A haematologist: anti-CD38-refractory for certain (daratumumab). The washout is short whichever arm: 69 days from the
last certain daratumumab, 33 days from the last blinded infusion if active (§5 <90 days): a DECIDED short band,
ANTI_CD38_WASHOUT_SHORT with its lower rank; "washout undecided" would be the N1 fix reaching too far (the band is the
same either way).
''')


# ---------------------------------------------------------------- L4: the double-refractory branch across a line range
def rec09(name, birth, giv):
    b = BO(name, birth, 'female', 'Andersson', giv)
    asct_r(b, r_end='2023-05-01')
    b.status('pd-1', '2023-05-10')
    kd(b, '2023-05-22', '2025-01-15')
    b.status('pd-2', '2025-03', text='Progressive disease (IMWG), March 2025 (outside report, day not given)')
    b.cond('bc', [{'system': ICD, 'code': 'C50.911', 'display': 'Malignant neoplasm of unspecified site of right female breast'}],
           'Metastatic breast cancer, right (bone)', '2024-11-05')
    b.stmt('metro-cy', 'cyclophosphamide 50 mg tablet daily (metronomic)', '2025-04-01', '2026-08-31', CY)
    b.status('pd-3', '2026-09-15')
    tail(b); return b


out(rec09('09-line-range-double-refractory-only-at-one-count-month-only-pd-after-kd', '1950-10-10', 'Ingrid'), '''
Ingrid Andersson, 76. VRd-ASCT-R to 2023-05-01, PD 2023-05-10 (lenalidomide-refractory). Kd 2023-05-22 to 2025-01-15
(last carfilzomib); PD recorded only as "2025-03" (45 to 75 days after the last carfilzomib: carfilzomib refractoriness
unknown). Metastatic breast cancer (C50.911, 2024-11) on record; metronomic cyclophosphamide 50 mg daily 2025-04-01 to
2026-08-31, no reason (breast cancer or myeloma: the count is 2 to 3). PD 2026-09-15.
A haematologist: at 3 lines the US daratumumab monotherapy label (>=3 lines incl. a PI and an IMiD) is met; at 2 lines
it needs double refractoriness (PI and IMiD), and carfilzomib refractoriness is unknown. Daratumumab monotherapy is
UNDECIDED; "eligible" would mean the L4 fix (double-refractory holds at every count) reaches a record where it holds at
none with certainty.
''')


# ---------------------------------------------------------------- L6: refill after the new regimen started
def rec10(name, birth, giv):
    b = BO(name, birth, 'male', 'Petrov', giv)
    asct_r(b, r_end=False)
    d = '2019-09-01'
    while d <= '2026-08-30':
        b.disp('len-' + d, 'lenalidomide 10 mg capsule (maintenance, 28 days)', d, 28, LEN); d = days(d, 28)
    kd(b, '2026-06-10', '2026-09-30')
    b.status('pd-1', '2026-10-05')
    tail(b); return b


out(rec10('10-len-fills-go-on-after-kd-added-no-progression-then-pd-on-krd', '1957-11-11', 'Ivan'), '''
Ivan Petrov, 69. VRd-ASCT 2019, lenalidomide maintenance dispensed every 28 days from 2019-09-01, the fills going on
without a break to 2026-08-30 (supply to 2026-09-26). Carfilzomib + dexamethasone added from 2026-06-10 (no progression
recorded before it), weekly to 2026-09-30. PD 2026-10-05.
A haematologist: lenalidomide was never stopped: from 2026-06-10 the patient is on KRd. PD 2026-10-05 on KRd:
lenalidomide-refractory (last fill 36 days before, its supply running to 2026-09-26) and carfilzomib-refractory.
Lenalidomide must stay in the running therapy; a hand-over on 2026-06-10 (L6) would make lenalidomide stop there, 117
days before the progression: "not lenalidomide-refractory" is wrong.
''')


# ---------------------------------------------------------------- P5: ICD-10-PCS nonautologous codes
def rec11(name, birth, giv, code, text, rbc=False):
    b = BO(name, birth, 'female', 'Keller', giv)
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-09-01')
    vrd(b, '2019-09-20')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2020-02-09', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2020-02-10')
    if not rbc:
        b.admin('flu-allo', 'fludarabine 30 mg/m2 IV (RIC conditioning)', '2020-06-20', FLU)
        b.admin('mel-ric', 'melphalan 140 mg/m2 IV (RIC conditioning)', '2020-06-24', MEL)
        b.proc('allo', [{'system': PCS, 'code': code, 'display': text}], text, '2020-06-26')
        b.status('pd-1', '2026-07-15')
    else:
        b.status('pd-1', '2022-03-01')
        kd(b, '2022-03-14', '2026-08-20')
        b.proc('rbc', [{'system': PCS, 'code': code, 'display': text}], text, '2024-05-06')
        b.status('pd-2', '2026-09-10')
    tail(b); return b


out(rec11('11-auto-then-allo-coded-only-icd10pcs-30233Y1-peripheral-vein', '1962-12-12', 'Anna', '30233Y1',
          'Transfusion of Nonautologous Hematopoietic Stem/Progenitor Cells into Peripheral Vein, Percutaneous Approach'), '''
Anna Keller, 64. As s18p-07c (VRd x4, ASCT 2020-02-10, fludarabine + melphalan 140 RIC, allograft 2020-06-26, PD
2026-07-15), the allograft Procedure coded only ICD-10-PCS 30233Y1 (nonautologous HSC, peripheral vein).
A haematologist: a planned tandem auto-allo: 1 prior line, the allogeneic transplant named; the fludarabine and
melphalan 140 are its conditioning.
''')
out(rec11('12-auto-then-allo-cord-blood-coded-only-icd10pcs-30243X1', '1962-12-22', 'Berit', '30243X1',
          'Transfusion of Nonautologous Cord Blood Stem Cells into Central Vein, Percutaneous Approach'), '''
Berit Keller, 64. As 11, the allograft a cord-blood transplant coded only ICD-10-PCS 30243X1 (nonautologous cord
blood stem cells, central vein).
A haematologist: the same as 11: 1 prior line, an allogeneic (cord-blood) transplant named.
''')
out(rec11('13-red-cell-transfusion-icd10pcs-30233N1-during-kd-not-a-transplant', '1962-12-02', 'Clara', '30233N1',
          'Transfusion of Nonautologous Red Blood Cells into Peripheral Vein, Percutaneous Approach', rbc=True), '''
Clara Keller, 64. VRd x4, ASCT 2020-02-10, no maintenance; PD 2022-03-01; Kd 2022-03-14 to 2026-08-20; a red-cell
transfusion on 2024-05-06 coded ICD-10-PCS 30233N1 (nonautologous red blood cells, peripheral vein); PD 2026-09-10 on Kd.
A haematologist: 2 prior lines (VRd-ASCT, Kd), carfilzomib-refractory; the red-cell transfusion is supportive care:
no transplant, no line break, no gap.
''')


# ---------------------------------------------------------------- K4 remainder: whole line charted on day 1 of each cycle
def rec14(name, birth, giv):
    b = BO(name, birth, 'male', 'Haas', giv)
    asct_r(b, r_end='2021-06-30')
    b.status('pd-1', '2022-09-01')
    s = '2022-09-12'
    k = 0
    while days(s, 21 * k) <= '2026-06-01':
        d = days(s, 21 * k)
        b.admin('rd-len-' + d, 'lenalidomide 25 mg capsule days 1-14 of a 21-day cycle (Rd)', d, LEN)
        b.admin('rd-dex-' + d, 'dexamethasone 40 mg PO days 1, 8, 15 of a 21-day cycle (Rd)', d, DEX)
        k += 1
    b.status('pd-2', days(days(s, 21 * (k - 1)), 70))
    tail(b); return b


out(rec14('14-rd-21-day-cycles-charted-day-1-only-pd-70d-after-last-day-1', '1956-01-21', 'Georg'), '''
Georg Haas, 70. VRd-ASCT-R, maintenance stopped 2021-06-30 (patient choice); PD 2022-09-01. Rd in 21-day cycles
(lenalidomide 25 mg days 1-14, dexamethasone days 1, 8, 15) from 2022-09-12, the MAR charting both drugs once, on day 1
of each cycle; the last cycle's day 1 is 2026-05-18 and no cycle follows. PD 2026-07-27, 70 days after that day 1
(57 days after its day 14, 50 days after its day 21).
A haematologist: the last capsule was taken some day up to day 14 (or to the day before the next cycle): 57 to 70 days
before the PD by the label, 50 to 70 by the engine's reading of the cycle: lenalidomide refractoriness is at least
UNKNOWN (most likely refractory: the cycle was presumably completed). "Not lenalidomide-refractory" (70 days from day
1) is wrong; POLLUX must not be met.
''')


def rec15(name, birth, giv):
    b = BO(name, birth, 'female', 'Brandt', giv)
    asct_r(b, r_end='2024-12-10')
    b.status('pd-1', '2024-12-20')
    s = '2025-01-06'
    starts = [days(s, 28 * k) for k in range(9)]
    starts.append(days(starts[-1], 42))
    starts.append(days(starts[-1], 28)); starts.append(days(starts[-1], 28))
    for d in starts:
        b.admin('pd-pom-' + d, 'pomalidomide 4 mg capsule days 1-21 of 28 (Pd)', d, POM)
        b.admin('pd-dex-' + d, 'dexamethasone 40 mg PO days 1, 8, 15, 22 (Pd)', d, DEX)
    b.status('pd-2', days(starts[-1], 75))
    tail(b); return b


out(rec15('15-pd-28-day-cycles-charted-day-1-one-cycle-delayed-hold-pd-75d-after-last-day-1', '1957-02-22', 'Petra'), '''
Petra Brandt, 69. VRd-ASCT-R to 2024-12-10, PD 2024-12-20 (lenalidomide-refractory). Pd from 2025-01-06, 28-day cycles
(pomalidomide days 1-21, dexamethasone weekly), the MAR charting both drugs once, on day 1 of each cycle. Cycle 10 was
delayed two weeks (neutropenia hold: day 1 42 days after cycle 9's), cycles 11 and 12 on time; the last day 1 is
2025-11-24 (cycle 12). PD 2026-02-07, 75 days after that day 1 (55 days after its day 21, 48 days after its day 28).
A haematologist: the last capsule was some day of cycle 12 (up to day 21, or up to the day before a next cycle): 55 to
75 days before the PD, or 48 to 75 by the engine's cycle reading: pomalidomide refractoriness at least UNKNOWN. A hold
earlier in the line must not turn the day-1 charting back into one-day doses ("not refractory", 75 days).
''')


# ---------------------------------------------------------------- after the merge of N3, N4, N6 (s18-int cd3be8d)
def rec16(name, birth, giv, asserted, pd, refills=False):
    b = BO(name, birth, 'male', 'Silva', giv)
    asct_r(b, r_end=False)
    b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2019-09-01', None, LEN, status='stopped',
           dateAsserted=asserted,
           statusReason=[{'text': 'Stopped: fatigue; patient asked for a break'}])
    if refills:
        d = '2026-03-02'
        while d <= '2026-07-27':
            b.disp('len-' + d, 'lenalidomide 10 mg capsule (maintenance, 28 days)', d, 28, LEN); d = days(d, 28)
    b.status('pd-1', pd)
    tail(b); return b


out(rec16('16-len-statement-stopped-no-end-asserted-month-only-2026-01-pd-2026-03-20', '1954-01-16', 'Paulo',
          '2026-01', '2026-03-20'), '''
Paulo Silva, 72. VRd-ASCT 2019; lenalidomide maintenance MedicationStatement from 2019-09-01, no end, status
"stopped" ("fatigue; patient asked for a break"), dateAsserted given only as the month "2026-01". PD 2026-03-20; no
therapy since.
A haematologist: the maintenance stopped some day by the end of January 2026 at the latest (or any day before):
the PD is 48 days after 2026-01-31 and 78 days after 2026-01-01: lenalidomide refractoriness UNKNOWN (it may have been
taken into late January). A month-only assertion read as its first day gives "not refractory" (78 days): wrong.
''')
out(rec16('17-len-statement-stopped-asserted-jan-then-refills-resumed-pd-on-them', '1954-01-26', 'Rui',
          '2026-01-10T11:00:00Z', '2026-08-20', refills=True), '''
Rui Silva, 72. As s18n-19b (lenalidomide maintenance statement from 2019-09-01, no end, "stopped", dateAsserted
2026-01-10), but lenalidomide was resumed: 28-day dispenses from 2026-03-02 to 2026-07-20 (supply to 2026-08-16). PD
2026-08-20, 4 days after the last supply ran out.
A haematologist: lenalidomide-REFRACTORY (progression on the resumed maintenance, within 60 days of its last dose). The dateAsserted bound applies to
the stopped statement only; the later dispenses are the drug given. "Not refractory" would be the N3 fix reaching
too far.
''')


def rec18(name, birth, giv):
    b = BO(name, birth, 'female', 'Nakamura', giv)
    asct_r(b, r_end=False)
    b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2019-08-30', '2021-11-18', LEN)
    cycles(b, 'ixa', 'ixazomib 4 mg capsule days 1, 8, 15 of 28 (added to maintenance)', IXA, '2019-10-10', (0, 7, 14), 27, 28)
    b.status('pd-1', '2021-11-20')
    kd(b, '2021-11-29', '2023-05-23')
    b.status('vgpr', '2023-06-20', worse=False)
    b.status('pd-2', '2026-09-15')
    tail(b); return b


out(rec18('18-len-maintenance-plus-ixazomib-joined-by-window-pd-on-both', '1955-03-18', 'Yuki'), '''
Yuki Nakamura, 71. VRd x4, ASCT 2019-07-10, lenalidomide maintenance from 2019-08-30; ixazomib days 1, 8, 15 added
from 2019-10-10 (within the post-transplant window, no plan recorded) to 2021-09-23; lenalidomide to 2021-11-18. PD
2021-11-20 on both. Kd 2021-11-29 to 2023-05-23, VGPR; PD 2026-09-15 off therapy.
A haematologist: whether the ixazomib addition is a line of its own or part of line 1, the disease progressed on
lenalidomide (2 days after the last capsule) and 58 days after the last ixazomib: lenalidomide- and ixazomib-refractory in
every reading; carfilzomib not refractory. The count is 2 or 3 (the window join), but the refractoriness is decided;
"lenalidomide refractoriness unknown" would be the N4 scope not reaching this record.
''')
