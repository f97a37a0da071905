# Sweep N, part 2 (acceptance check of issue 10): EHR-export shapes for the bullets least tried lately: therapy for a
# second cancer given during the myeloma years (R-CHOP for lymphoma, trastuzumab/anastrozole for breast cancer) with
# and without a stated reason; dara-CyBorD for AL amyloidosis and lenalidomide for smouldering myeloma before the
# myeloma diagnosis; M-protein rises meeting or just missing the IMWG progression criteria (g/dL, g/L, a "<0.1"
# comparator, an unconfirmed single value); a C90.01 remission coding after the last line; tandem auto-auto and
# auto-allo transplants, a transplant coded only by ICD-10-PCS, a salvage transplant after progression; partial and
# date-less deaths around asOf; a replay at an earlier asOf against the same bundle cut by hand; request-only histories
# with repeats and a validity period, an on-hold order and a plan.
# Run from the project root; writes qa-bundles/s18p-*.json with a story s18p-*.story.txt each.
import os, sys, copy
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BP(B):
    PREFIX = 's18p-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-05T20:30:00Z'; return bd


def out(b, story): save(b.bundle(), story)


VCR = ('11202', 'vincristine'); RTX = ('121191', 'rituximab'); TRZ = ('224905', 'trastuzumab')
ANA = ('84857', 'anastrozole')
PCS = 'http://www.cms.gov/Medicare/Coding/ICD10'
ALLO_CPT_ = ALLO_CPT


def weekly(b, pre, text, code, start, end, every=7):
    d = start
    while d <= end:
        b.admin('%s-%s' % (pre, d), text, d, code); d = days(d, every)


def kd(b, start, last, **kw):
    """Kd: carfilzomib days 1, 2, 8, 9, 15, 16 of 28 for every cycle whose day 16 falls on or before last; dex weekly."""
    k = 0
    while days(start, 28 * k + 15) <= last:
        for d in (0, 1, 7, 8, 14, 15):
            day = days(start, 28 * k + d); b.admin('kd-cfz-' + day, 'carfilzomib 56 mg/m2 IV (Kd)', day, CFZ, **kw)
        k += 1
    weekly(b, 'kd-dex', 'dexamethasone 20 mg PO (Kd)', DEX, start, days(start, 28 * k - 1))


def asct_r(b, dx='2019-01-20', start='2019-02-01', r_end=None, r_status='completed'):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', dx)
    vrd(b, start)
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', days(start, 158), MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', days(start, 159))
    rmaint(b, days(start, 212), r_end, r_status)


def tail(b):
    b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')


def rchop(b, start, n=6, why=None):
    kw = {'reasonReference': [b.ref(why)]} if why else {}
    for k in range(n):
        d = days(start, 21 * k)
        b.admin('rtx-' + d, 'rituximab 375 mg/m2 IV (R-CHOP)', d, RTX, **kw)
        b.admin('cy-' + d, 'cyclophosphamide 750 mg/m2 IV (R-CHOP)', d, CY, **kw)
        b.admin('dox-' + d, 'doxorubicin 50 mg/m2 IV (R-CHOP)', d, DOXO, **kw)
        b.admin('vcr-' + d, 'vincristine 1.4 mg/m2 IV (R-CHOP)', d, VCR, **kw)
        b.stmt('pred-' + d, 'prednisone 100 mg PO days 1-5 (R-CHOP)', d, days(d, 4), PRED, **kw)


# ---------------------------------------------------------------- bullet 6: other cancers, AL amyloidosis, SMM
def rec01(name, birth, giv, with_reason):
    b = BP(name, birth, 'male', 'Lindqvist', giv)
    asct_r(b, r_end='2022-02-28')
    b.status('pd-1', '2022-03-10')
    kd(b, '2022-03-21', '2023-06-20')
    b.status('vgpr-1', '2023-07-10', worse=False)
    b.cond('dlbcl', [{'system': ICD, 'code': 'C83.38', 'display': 'Diffuse large B-cell lymphoma, lymph nodes of multiple sites'}],
           'Diffuse large B-cell lymphoma, stage III', '2024-01-22')
    rchop(b, '2024-02-05', 6, 'dlbcl' if with_reason else None)
    b.status('pd-2', '2026-08-20')
    tail(b); return b


out(rec01('01-rchop-for-dlbcl-with-reason-during-myeloma-years', '1953-05-05', 'Erik', True), '''
Erik Lindqvist, 73. Myeloma 2019: VRd x4, ASCT 2019-07, lenalidomide maintenance to 2022-02; PD 2022-03-10; Kd
2022-03-21 to 2023-06-20, VGPR. In January 2024 a diffuse large B-cell lymphoma (C83.38) was diagnosed and treated
with six cycles of R-CHOP (2024-02-05 to 2024-05-20), every record with reasonReference to the lymphoma. Myeloma PD
2026-08-20, no myeloma therapy since.
A haematologist: 2 prior lines of myeloma therapy (VRd-ASCT-R, Kd); R-CHOP is lymphoma therapy, not a myeloma line.
Lenalidomide-refractory (PD 10 days after the last maintenance capsule), carfilzomib not refractory (last 2023-06),
anti-CD38 naive. US D-Kd and Isa-Kd (1-3 lines) on label; the cyclophosphamide and doxorubicin are other therapy.
''')
out(rec01('01b-rchop-for-dlbcl-no-reason-lymphoma-on-record', '1953-05-15', 'Olof', False), '''
Olof Lindqvist, 73. As 01 (VRd-ASCT-R, PD 2022-03, Kd to 2023-06, PD 2026-08-20), but the R-CHOP records carry no
reasonReference; the diffuse large B-cell lymphoma (C83.38, onset 2024-01-22) is on the problem list, and rituximab and
vincristine are given with each cycle.
A haematologist: rituximab with CHOP two weeks after a lymphoma diagnosis is lymphoma therapy; 2 prior myeloma lines.
At the least, the engine must not count R-CHOP as a confident third myeloma line (which would move US D-Kd/Isa-Kd
1-3-line gates and daratumumab monotherapy); a range or "other therapy" with the reason is acceptable.
''')


def rec02(name, birth, giv, with_reason):
    b = BP(name, birth, 'female', 'Okafor', giv)
    asct_r(b, r_end='2023-05-31')
    b.status('pd-1', '2023-06-12')
    b.cond('bc', [{'system': ICD, 'code': 'C50.911', 'display': 'Malignant neoplasm of unspecified site of right female breast'}],
           'HER2-positive breast cancer, right', '2023-09-04')
    kw = {'reasonCode': [{'coding': [{'system': ICD, 'code': 'C50.911'}], 'text': 'HER2+ breast cancer'}]} if with_reason else {}
    d = '2023-10-02'
    while d <= '2024-09-30':
        b.admin('trz-' + d, 'trastuzumab 6 mg/kg IV every 3 weeks', d, TRZ, **kw); d = days(d, 21)
    b.stmt('ana', 'anastrozole 1 mg tablet daily', '2024-10-01', None, ANA, status='active', **kw)
    b.status('pd-2', '2026-09-01')
    tail(b); return b


out(rec02('02-trastuzumab-anastrozole-for-breast-cancer-reasoncode-after-pd-1', '1958-02-02', 'Grace', True), '''
Grace Okafor, 68. Myeloma 2019: VRd-ASCT, lenalidomide maintenance to 2023-05-31; PD 2023-06-12 (lenalidomide-
refractory). Her myeloma was watched (oligosecretory, slow) because HER2+ breast cancer was diagnosed 2023-09: a year of
trastuzumab every 3 weeks (2023-10-02 to 2024-09) then anastrozole daily, ongoing; all with reasonCode C50.911.
Myeloma PD again 2026-09-01.
A haematologist: 1 prior line of myeloma therapy, relapsed, lenalidomide-refractory, PI not refractory, anti-CD38
naive; trastuzumab and anastrozole are breast-cancer therapy, not myeloma lines.
''')
out(rec02('02b-trastuzumab-anastrozole-no-reason-breast-cancer-on-record', '1958-02-12', 'Ada', False), '''
Ada Okafor, 68. As 02, but the trastuzumab and anastrozole records carry no reason; HER2+ breast cancer (C50.911,
2023-09-04) is on the problem list.
A haematologist: 1 prior myeloma line; trastuzumab (an anti-HER2 antibody) and anastrozole are breast-cancer therapy.
At the least no confident second myeloma line.
''')


def rec03(name, birth, giv, with_reason):
    b = BP(name, birth, 'female', 'Haddad', giv)
    b.cond('al', [{'system': ICD, 'code': 'E85.81', 'display': 'Light chain (AL) amyloidosis'}],
           'AL amyloidosis (cardiac, renal)', '2021-02-15')
    kw = {'reasonReference': [b.ref('al')]} if with_reason else {}
    dd = [days('2021-03-01', 7 * k) for k in range(8)] + [days('2021-04-26', 14 * k) for k in range(8)]
    d = '2021-08-16'
    while d <= '2023-02-20': dd.append(d); d = days(d, 28)
    for x in dd: b.admin('al-dara-' + x, 'daratumumab-hyaluronidase 1800 mg SC (Dara-CyBorD)', x, DARA, **kw)
    cycles(b, 'al-btz', 'bortezomib 1.3 mg/m2 SC (CyBorD)', BTZ, '2021-03-01', (0, 7, 14, 21), 6, 28)
    cycles(b, 'al-cy', 'cyclophosphamide 300 mg/m2 PO (CyBorD)', CY, '2021-03-01', (0, 7, 14, 21), 6, 28)
    cycles(b, 'al-dex', 'dexamethasone 40 mg PO (CyBorD)', DEX, '2021-03-01', (0, 7, 14, 21), 6, 28)
    b.cond('mm', MM_ICD(), 'Multiple myeloma (progression from AL amyloidosis, 60% marrow plasma cells)', '2025-01-10')
    vrd(b, '2025-01-20', 6)
    rmaint(b, '2025-06-20', '2026-07-31', 'completed')
    b.status('pd-1', '2026-08-12')
    tail(b); return b


out(rec03('03-al-amyloidosis-dara-cybord-with-reason-then-myeloma-vrd-r', '1957-07-07', 'Layla', True), '''
Layla Haddad, 69. AL amyloidosis (E85.81) 2021-02: Dara-CyBorD (daratumumab SC weekly, then every 2 then 4 weeks, last
2023-01-30; CyBorD x6 cycles), every record with reasonReference to the amyloidosis; haematologic CR. Myeloma
diagnosed 2025-01-10 (60% marrow plasma cells): VRd x6 (2025-01-20), lenalidomide maintenance to 2026-07-31; PD
2026-08-12.
A haematologist: 1 prior line of MYELOMA therapy (VRd-R), lenalidomide-refractory; the Dara-CyBorD is an exposure, not
a line: anti-CD38 EXPOSED (last daratumumab 2023-01-30, not refractory: no progression on it; washout adequate),
bortezomib exposed. POLLUX/CASTOR (anti-CD38-naive populations) do not fit; CANDOR allowed prior anti-CD38? no: CANDOR
excluded prior anti-CD38 too. The count must be 1, not 2.
''')
out(rec03('03b-al-amyloidosis-dara-cybord-no-reason-then-myeloma-vrd-r', '1957-07-17', 'Nadia', False), '''
Nadia Haddad, 69. As 03, but the Dara-CyBorD records carry no reason; AL amyloidosis (E85.81, onset 2021-02-15) is on
the problem list and the myeloma diagnosis (2025-01-10) comes 23 months after the last daratumumab.
A haematologist: the same as 03: 1 prior myeloma line; anti-CD38 exposed; at the least not a confident second line and
not "anti-CD38 naive".
''')


def rec04(name, birth, giv, pd_obs=True):
    b = BP(name, birth, 'male', 'Brennan', giv)
    b.cond('smm', [{'system': ICD, 'code': 'D47.2', 'display': 'Monoclonal gammopathy'}],
           'High-risk smouldering multiple myeloma', '2021-10-01')
    b.stmt('smm-len', 'lenalidomide 25 mg capsule days 1-21 of 28 (E3A06-style, smouldering myeloma)', '2022-01-10',
           '2024-03-06', LEN, reasonReference=[b.ref('smm')])
    if pd_obs: b.status('pd-smm', '2024-03-04', text='Progression to active multiple myeloma (new lytic lesions)')
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2024-03-08')
    cycles(b, 'vcd-btz', 'bortezomib 1.5 mg/m2 SC (VCd)', BTZ, '2024-03-18', (0, 7, 14, 21), 6, 28)
    cycles(b, 'vcd-cy', 'cyclophosphamide 300 mg/m2 PO (VCd)', CY, '2024-03-18', (0, 7, 14, 21), 6, 28)
    cycles(b, 'vcd-dex', 'dexamethasone 40 mg PO (VCd)', DEX, '2024-03-18', (0, 7, 14, 21), 6, 28)
    b.status('vgpr', '2024-09-10', worse=False)
    b.status('pd-1', '2026-08-25')
    tail(b); return b


out(rec04('04-smm-lenalidomide-progression-to-mm-on-it-then-vcd', '1960-04-04', 'Liam'), '''
Liam Brennan, 66. High-risk smouldering myeloma (2021-10): lenalidomide single agent (E3A06 style) 2022-01-10 to
2024-03-06, reasonReference the smouldering myeloma. Progression to active myeloma ON lenalidomide (disease-status
Observation 2024-03-04; myeloma diagnosis 2024-03-08). VCd x6 from 2024-03-18, VGPR; PD 2026-08-25 off therapy.
A haematologist: 1 prior line of myeloma therapy (VCd); lenalidomide was an exposure before the myeloma, and the
disease progressed on it: lenalidomide-REFRACTORY (bullet 6: precursor therapy counts for refractoriness). D-Rd and
POLLUX (lenalidomide-refractory excluded) do not fit; D-Vd/D-Kd fit.
''')


# ---------------------------------------------------------------- bullet 8: M-protein rises, remission code
def rec05(name, birth, giv, vals, unit='g/dL', comparator_first=False, pdobs=False):
    b = BP(name, birth, 'female', 'Santos', giv)
    asct_r(b, r_status='active')
    dates = ['2025-06-10', '2025-12-09', '2026-06-02', '2026-08-25', '2026-09-29'][-len(vals):]
    for i, (d, v) in enumerate(zip(dates, vals)):
        r = b.lab('mp-%d' % i, '33358-3', 'M-protein [Mass/volume] in Serum by Electrophoresis', d, v, unit, unit)
        if comparator_first and i == 0: r['valueQuantity']['comparator'] = '<'
    b.status('vgpr', '2020-01-15', worse=False)
    tail(b); return b


out(rec05('05-mprotein-confirmed-rise-0-3-to-0-9-on-len-maintenance', '1955-05-05', 'Maria',
          [0.3, 0.3, 0.5, 0.9, 0.95]), '''
Maria Santos, 71. VRd-ASCT 2019, lenalidomide maintenance from 2019-09, still active (statement, no end). VGPR 2020.
Serum M-protein (g/dL): 0.3 (2025-06-10), 0.3 (2025-12-09), 0.5 (2026-06-02), 0.9 (2026-08-25), 0.95 (2026-09-29).
No disease-status Observation of progression.
A haematologist: nadir 0.3; 0.9 and 0.95 are +0.6/+0.65 g/dL (>=0.5) and +200% (>=25%), on two consecutive samples:
IMWG progression, confirmed, ON lenalidomide: lenalidomide-refractory, relapsed after 1 line. RRMM options apply;
D-Rd and POLLUX do not fit (lenalidomide-refractory).
''')
out(rec05('05b-mprotein-rise-0-3-to-0-75-misses-absolute-threshold', '1955-05-15', 'Rosa', [0.3, 0.3, 0.5, 0.7, 0.75]), '''
Rosa Santos, 71. As 05, but the rise stops at 0.7 then 0.75 g/dL: +0.4/+0.45 g/dL from the 0.3 nadir (>=25% but below
the 0.5 g/dL absolute increase).
A haematologist: NOT IMWG progression (the absolute increase is below 0.5 g/dL); on lenalidomide maintenance, relapse
not documented; RRMM regimens not offered as options (INSUFFICIENT_DATA or "relapse not documented"); watch closely.
''')
out(rec05('05c-mprotein-g-per-l-confirmed-rise-3-to-9-5', '1955-05-25', 'Ines', [3, 3, 5, 9, 9.5], 'g/L'), '''
Ines Santos, 71. As 05 but the laboratory reports in g/L: 3, 3, 5, 9, 9.5 g/L (= 0.3 ... 0.95 g/dL).
A haematologist: the same as 05: confirmed progression on lenalidomide (+6/+6.5 g/L = +0.6/+0.65 g/dL).
''')
out(rec05('05d-mprotein-g-per-l-rise-3-to-7-5-misses-threshold', '1955-06-04', 'Luisa', [3, 3, 5, 7, 7.5], 'g/L'), '''
Luisa Santos, 71. As 05b in g/L: 3, 3, 5, 7, 7.5 g/L (+4/+4.5 g/L = +0.4/+0.45 g/dL).
A haematologist: not progression (absolute rise below 5 g/L = 0.5 g/dL). Relapse not documented. If g/L were read as
g/dL the rise would be 4 "g/dL": a confident false progression.
''')
out(rec05('05e-mprotein-nadir-below-0-1-comparator-rise-to-0-45', '1955-06-14', 'Paula', [0.1, 0.1, 0.3, 0.4, 0.45],
          comparator_first=True), '''
Paula Santos, 71. As 05, the first value reported "<0.1 g/dL" (valueQuantity comparator "<"), then 0.1, 0.3, 0.4, 0.45.
A haematologist: the rise from the nadir (<0.1 then 0.1) is at most +0.35 from 0.1 (and below +0.45 from any value
under 0.1): not IMWG progression (needs +0.5 g/dL). Relapse not documented.
''')
out(rec05('05f-mprotein-single-unconfirmed-rise-0-3-to-0-9', '1955-06-24', 'Sofia', [0.3, 0.3, 0.3, 0.9]), '''
Sofia Santos, 71. As 05, but the only high value is the last one: 0.3 (2025-12-09), 0.3 (2026-06-02), 0.3
(2026-08-25), 0.9 (2026-09-29), no repeat.
A haematologist: a single rise meeting the thresholds needs confirmation on a second sample before it is called
progression (IMWG: two consecutive assessments). Relapse possible, not confirmed: an unconfirmed/undecided answer,
not a confident relapse nor a confident "no relapse".
''')


def rec06(name, birth, giv, remission=True):
    b = BP(name, birth, 'male', 'Kowalski', giv)
    asct_r(b, r_end='2023-02-28')
    b.status('pd-1', '2023-03-10')
    kd(b, '2023-03-20', '2024-10-15')
    b.status('vgpr', '2024-11-05', worse=False)
    if remission:
        b.cond('mm-rem', MM_ICD('C90.01', 'Multiple myeloma in remission'), 'Multiple myeloma in remission', '2025-06-10',
               recordedDate='2025-06-10')
    tail(b); return b


out(rec06('06-c90-01-after-kd-no-later-progression', '1954-06-06', 'Piotr'), '''
Piotr Kowalski, 72. VRd-ASCT-R 2019, PD 2023-03-10, Kd 2023-03-20 to 2024-10-15 (stopped after 19 cycles, VGPR
2024-11-05). C90.01 "in remission" recorded 2025-06-10. Nothing since: no progression.
A haematologist: 2 prior lines, in remission off therapy after line 2: relapse after the last line is NOT documented;
RRMM regimens are not options today (INSUFFICIENT_DATA / relapse not documented), the data that would settle it is a
progression.
''')


# ---------------------------------------------------------------- bullets 1, 7: transplants
def rec07(name, birth, giv, second):
    b = BP(name, birth, 'male', 'Nakamura', giv)
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-09-10')
    vrd(b, '2019-09-20')
    b.admin('mel200-1', 'melphalan 200 mg/m2 IV (conditioning)', '2020-02-09', MEL)
    b.proc('asct-1', ASCT, 'Autologous stem cell transplant (tandem, first)', '2020-02-10')
    if second == 'auto':
        b.admin('mel200-2', 'melphalan 200 mg/m2 IV (conditioning)', '2020-05-04', MEL)
        b.proc('asct-2', ASCT, 'Autologous stem cell transplant (tandem, second)', '2020-05-05')
        rmaint(b, '2020-07-01', '2026-06-30', 'completed')
    elif second == 'allo':
        b.admin('flu-allo', 'fludarabine 30 mg/m2 IV (RIC conditioning)', '2020-06-20', FLU)
        b.admin('mel140-allo', 'melphalan 140 mg/m2 IV (RIC conditioning)', '2020-06-24', MEL)
        b.proc('allo', ALLO_CPT, 'Allogeneic hematopoietic stem cell transplant (matched sibling, tandem auto-allo)',
               '2020-06-26')
    elif second == 'allo-pcs':
        b.admin('flu-allo', 'fludarabine 30 mg/m2 IV (RIC conditioning)', '2020-06-20', FLU)
        b.admin('mel140-allo', 'melphalan 140 mg/m2 IV (RIC conditioning)', '2020-06-24', MEL)
        b.proc('allo', [{'system': PCS, 'code': '30243Y1',
                         'display': 'Transfusion of Nonautologous Hematopoietic Stem/Progenitor Cells into Central Vein, Percutaneous Approach'}],
               'Transfusion of Nonautologous Hematopoietic Stem/Progenitor Cells', '2020-06-26')
    b.status('pd-1', '2026-07-15')
    tail(b); return b


out(rec07('07-tandem-auto-auto-then-len-maintenance-pd', '1962-07-07', 'Kenji', 'auto'), '''
Kenji Nakamura, 64. Myeloma 2019-09: VRd x4, planned tandem ASCT (melphalan 200, 2020-02-10 and 2020-05-05),
lenalidomide maintenance 2020-07-01 to 2026-06-30; PD 2026-07-15.
A haematologist: 1 prior line (induction, tandem ASCT and maintenance are one planned line, LOT-B15), both
transplants autologous; lenalidomide-refractory (PD 15 days after the last dose). US D-Kd/Isa-Kd on label at 1 line.
''')
out(rec07('07b-auto-then-allo-cpt-38240-ric-no-maintenance-pd', '1962-07-17', 'Hiro', 'allo'), '''
Hiro Nakamura, 64. VRd x4, ASCT 2020-02-10, then a planned reduced-intensity allogeneic transplant (fludarabine +
melphalan 140, matched sibling; CPT 38240) 2020-06-26; no maintenance; PD 2026-07-15.
A haematologist: 1 prior line (tandem auto-allo, one planned programme); the second transplant is ALLOGENEIC and must
be named so (post-allo: GVHD/immunosuppression concerns for anti-CD38 therapy). Not refractory to anything (last
drugs 2020).
''')
out(rec07('07c-auto-then-allo-coded-only-icd10pcs-30243Y1', '1962-07-27', 'Sora', 'allo-pcs'), '''
Sora Nakamura, 64. As 07b, but the allogeneic transplant is coded only with ICD-10-PCS 30243Y1 "Transfusion of
Nonautologous Hematopoietic Stem/Progenitor Cells into Central Vein, Percutaneous Approach" (a hospital-billing export).
A haematologist: the same as 07b: an allogeneic transplant after the autologous one, 1 prior line. If the engine cannot
read the code it should at least say a procedure it cannot place exists, not call the fludarabine-melphalan a line.
''')


def rec08(name, birth, giv):
    b = BP(name, birth, 'female', 'Ferreira', giv)
    asct_r(b, r_end='2023-01-31')
    b.status('pd-1', '2023-02-10')
    # KCd re-induction x4, then salvage ASCT
    cycles(b, 'kcd-cfz', 'carfilzomib 56 mg/m2 IV (KCd)', CFZ, '2023-02-20', (0, 1, 7, 8, 14, 15), 4, 28)
    cycles(b, 'kcd-cy', 'cyclophosphamide 300 mg/m2 PO (KCd)', CY, '2023-02-20', (0, 7, 14), 4, 28)
    cycles(b, 'kcd-dex', 'dexamethasone 40 mg PO (KCd)', DEX, '2023-02-20', (0, 7, 14, 21), 4, 28)
    b.admin('mel200-2', 'melphalan 200 mg/m2 IV (conditioning, salvage transplant)', '2023-07-19', MEL)
    b.proc('asct-2', [{'system': PCS, 'code': '30243Y0',
                       'display': 'Transfusion of Autologous Hematopoietic Stem/Progenitor Cells into Central Vein, Percutaneous Approach'}],
           'Salvage autologous stem cell transplant (stored cells from 2019)', '2023-07-20')
    b.status('vgpr', '2023-10-20', worse=False)
    b.status('pd-2', '2026-08-10')
    tail(b); return b


out(rec08('08-salvage-asct-pcs-after-kcd-reinduction-pd-3y-later', '1959-08-08', 'Beatriz'), '''
Beatriz Ferreira, 67. VRd-ASCT-R 2019, lenalidomide to 2023-01-31; PD 2023-02-10. KCd x4 (2023-02-20), then a salvage
ASCT with stored cells (melphalan 200 2023-07-19, transplant 2023-07-20 coded only ICD-10-PCS 30243Y0); VGPR; no
maintenance; PD 2026-08-10.
A haematologist: 2 prior lines (VRd-ASCT-R; KCd + salvage ASCT); lenalidomide-refractory, carfilzomib not refractory
(last 2023-06), anti-CD38 naive. US D-Kd/Isa-Kd on label.
''')


# ---------------------------------------------------------------- bullet 9: deaths
def rec09(name, birth, giv, **dec):
    b = BP(name, birth, 'male', 'Dubois', giv, **dec)
    asct_r(b, r_end='2026-06-30')
    b.status('pd-1', '2026-07-10')
    tail(b); return b


out(rec09('09-deceased-year-only-2026', '1950-09-09', 'Henri', deceasedDateTime='2026'), '''
Henri Dubois, 76. VRd-ASCT-R, PD 2026-07-10. Patient.deceasedDateTime "2026" (year only).
A haematologist: the patient died some day in 2026; with asOf 2026-11-01 the death may lie before or after it (10 of
the 12 months lie before). The tool must not silently assess as if alive: refuse, or at least say the patient may
have died.
''')
out(rec09('09b-deceased-month-2026-10', '1950-09-19', 'Louis', deceasedDateTime='2026-10'), '''
Louis Dubois, 76. As 09, deceasedDateTime "2026-10": the whole month lies before asOf 2026-11-01.
A haematologist: died before the evaluation date: refuse (exit 3).
''')
out(rec09('09c-deceased-boolean-true-no-date', '1950-09-29', 'Marc', deceasedBoolean=True), '''
Marc Dubois, 76. As 09, Patient.deceasedBoolean true, no date.
A haematologist: the record says he died; the date is unknown. For a present-day evaluation refuse (or at the least
never assess as alive). (For a replay at an earlier date the death may lie after it.)
''')
out(rec09('09d-control-deceased-2027-01-after-asof', '1950-10-09', 'Paul', deceasedDateTime='2027-01'), '''
Paul Dubois, 76. As 09, deceasedDateTime "2027-01", after asOf 2026-11-01 (a replay at a date he was alive).
A haematologist: assess as on 2026-11-01 (he was alive then).
''')


# ---------------------------------------------------------------- bullet 10: replay vs cut
def rec10():
    b = BP('10-replay-full-kd-after-2024-06', '1956-10-10', 'female', 'Ahmed', 'Farah')
    asct_r(b, r_end='2024-08-31')
    b.mprot('mp-a', '2024-03-05', 0.2); b.mprot('mp-b', '2024-05-20', 0.25)
    b.egfr('2024-05-20', 70)
    b.mprot('mp-c', '2024-08-20', 0.9); b.mprot('mp-d', '2024-09-03', 1.0)
    b.status('pd-1', '2024-09-05')
    b.cond('mm-rel', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2024-09-05',
           recordedDate='2024-09-05')
    kd(b, '2024-09-16', '2026-04-20')
    b.status('pd-2', '2026-05-05')
    b.add({'resourceType': 'AllergyIntolerance', 'id': 'allergy-cfz', 'clinicalStatus': {'coding': [{'system':
          'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', 'code': 'active'}]},
          'code': {'coding': [{'system': RX, 'code': CFZ[0], 'display': 'carfilzomib'}], 'text': 'carfilzomib'},
          'patient': b.subj(), 'recordedDate': '2025-03-01', 'onsetDateTime': '2025-03-01',
          'reaction': [{'manifestation': [{'text': 'infusion reaction, grade 2'}]}]})
    tail(b)
    return b


full = rec10()
out(full, '''
Farah Ahmed, 70. VRd-ASCT 2019, lenalidomide maintenance to 2024-08-31; M-protein 0.2 (2024-03) 0.25 (2024-05-20),
0.9 and 1.0 (2024-08/09); PD 2024-09-05 and C90.02 recorded that day; Kd 2024-09-16 to 2026-04-20; a carfilzomib
allergy recorded 2025-03; PD 2026-05-05. Replayed at --as-of 2024-06-01: then she was on maintenance, 0 prior lines
complete, no relapse. Compare with s18p-10-replay-cut (the same bundle with every record dated after 2024-06-01 cut):
the Assessments must be identical.
''')
cut = BP('10-replay-cut-at-2024-06-01', '1956-10-10', 'female', 'Ahmed', 'Farah')
cut.pid = full.pid
cut.entry = []  # the full record's own Patient is copied below


def record_date(r):
    for k in ('effectiveDateTime', 'performedDateTime', 'onsetDateTime', 'recordedDate', 'authoredOn', 'whenHandedOver'):
        if k in r: return r[k][:10]
    if 'effectivePeriod' in r: return r['effectivePeriod']['start'][:10]
    return None


for e in full.entry:
    r = copy.deepcopy(e['resource'])
    d = record_date(r)
    if d and d > '2024-06-01': continue
    if r['resourceType'] == 'MedicationStatement' and r.get('effectivePeriod', {}).get('end', '') > '2024-06-01':
        del r['effectivePeriod']['end']; r['status'] = 'active'
    cut.entry.append({'fullUrl': e['fullUrl'], 'resource': r})
out(cut, '''
Farah Ahmed as on 2024-06-01: s18p-10-replay-full-kd-after-2024-06 with every record dated after 2024-06-01 removed and
the maintenance statement (ended 2024-08-31 in the full record) shown as active with no end, as the chart read then.
A haematologist on 2024-06-01: VRd-ASCT-R, on maintenance, M-protein 0.2-0.25 (stable), no relapse: a first line under
way; RRMM options not offered. Evaluate both at --as-of 2024-06-01; the Assessments must match.
''')


# ---------------------------------------------------------------- bullet 4: request-only histories
def rec11(name, birth, giv, len_status='completed', pd='2025-01-20', plan=False):
    b = BP(name, birth, 'female', 'Iversen', giv)
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2023-05-10')
    vrd(b, '2023-05-20')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2023-10-24', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2023-10-25')
    kw = {}
    if len_status == 'on-hold':
        kw['statusReason'] = {'text': 'Held: grade 3 neutropenia'}
    b.req('len-rx', 'lenalidomide 10 mg capsule, 1 daily (maintenance)', '2024-01-05', LEN, status=len_status,
          dispenseRequest=supply('2024-01-05', '2025-01-05', 11), dosageInstruction=[{'text': '10 mg once daily'}], **kw)
    b.status('pd-1', pd)
    if plan:
        b.add({'resourceType': 'MedicationRequest', 'id': 'kd-plan', 'status': 'active', 'intent': 'plan',
               'medicationCodeableConcept': b.med('carfilzomib 56 mg/m2 IV days 1,2,8,9,15,16 (Kd planned)', CFZ),
               'subject': b.subj(), 'authoredOn': days(pd, 10),
               'dosageInstruction': [{'text': 'planned start after cardiology review',
                                      'timing': {'repeat': {'boundsPeriod': {'start': days(pd, 25)}}}}]})
    tail(b); return b


out(rec11('11-len-request-only-12-fills-authorised-pd-45d-after-supply', '1957-11-11', 'Ingrid'), '''
Ingrid Iversen, 69. VRd x4 (2023-05), ASCT 2023-10-25. Lenalidomide maintenance recorded only as one MedicationRequest
(completed) authored 2024-01-05, 28-day supply, 11 repeats, validity 2024-01-05 to 2025-01-05: the full 12 fills end
about 2024-12-06. PD 2025-01-20. No further therapy.
A haematologist: if all fills were given, the last dose was about 2024-12-06 (45 days before the PD): refractory; the
request alone does not prove all 12 fills were taken, so a careful reading is "likely refractory, last dose unknown"
(UNKNOWN with a gap), never a confident "not refractory".
''')
out(rec11('11b-len-request-on-hold-pd-2026-08', '1957-11-21', 'Astrid', 'on-hold', '2026-08-10'), '''
Astrid Iversen, 69. As 11, but the lenalidomide request is status on-hold ("Held: grade 3 neutropenia"), no date of
the hold; PD 2026-08-10, 19 months after the validity period ended.
A haematologist: the drug was held (on-hold = not being taken now) and the authorisation ran out 2025-01-05; the PD
comes at least 582 days after the last possible authorised day: lenalidomide not refractory is a reasonable reading,
or UNKNOWN if the policy says so; never "on treatment" at the PD.
''')
out(rec11('11c-len-request-then-kd-intent-plan-not-started', '1957-12-01', 'Sigrid', 'completed', '2026-10-05', True), '''
Sigrid Iversen, 69. As 11, lenalidomide request to 2025-01-05; PD 2026-10-05; a MedicationRequest with intent "plan"
for Kd authored 2026-10-15, planned start 2026-10-30 ("after cardiology review"); no administration.
A haematologist: a plan is not therapy given: 1 prior line, relapsed; no second line; carfilzomib-naive.
''')


# ---------------------------------------------------------------- bullet 8, second round: units, FLC, a high nadir
out(rec05('05g-mprotein-mg-per-dl-rise-300-to-750-misses-threshold', '1955-07-04', 'Clara', [300, 300, 500, 700, 750],
          'mg/dL'), '''
Clara Santos, 71. As 05b but the laboratory reports the M-spike in mg/dL: 300, 300, 500, 700, 750 mg/dL (= 0.3 ...
0.75 g/dL).
A haematologist: +0.45 g/dL from the nadir: not IMWG progression. Relapse not documented.
''')


def flc(b, i, d, kappa, lam):
    b.lab('kappa-' + i, '36916-5', 'Kappa light chains.free [Mass/volume] in Serum', d, kappa, 'mg/L', 'mg/L')
    b.lab('lambda-' + i, '33944-0', 'Lambda light chains.free [Mass/volume] in Serum', d, lam, 'mg/L', 'mg/L')


def rec05h(name, birth, giv, mvals, kappas):
    b = BP(name, birth, 'female', 'Santos', giv)
    asct_r(b, r_status='active')
    dates = ['2025-06-10', '2025-12-09', '2026-06-02', '2026-08-25', '2026-09-29']
    for i, (d, m, k) in enumerate(zip(dates, mvals, kappas)):
        if m is not None:
            r = b.lab('mp-%d' % i, '33358-3', 'M-protein [Mass/volume] in Serum by Electrophoresis', d, m, 'g/dL', 'g/dL')
            if m == 0.1: r['valueQuantity']['comparator'] = '<'
        flc(b, str(i), d, k, 10)
    b.status('vgpr', '2020-01-15', worse=False)
    tail(b); return b


out(rec05h('05h-flc-rise-while-mprotein-measurable-and-stable', '1955-07-14', 'Elena', [1.2, 1.2, 1.2, 1.25, 1.2],
           [20, 20, 60, 180, 190]), '''
Elena Santos, 71. As 05 (VRd-ASCT, lenalidomide maintenance active), but the serum M-protein is measurable and stable
(1.2, 1.2, 1.2, 1.25, 1.2 g/dL) while the free kappa rises 20, 20, 60, 180, 190 mg/L (lambda 10 throughout: dFLC
from 1.0 to 17.0/18.0 mg/dL, +16/+17 mg/dL).
A haematologist: by IMWG the FLC criterion applies only when serum and urine M-protein are unmeasurable; here the
M-protein is measurable and has not risen: not IMWG progression (a closer watch, and a urine study). Relapse not
documented; RRMM options not offered as settled.
''')
out(rec05h('05i-flc-rise-mprotein-unmeasurable-confirmed', '1955-07-24', 'Marta', [0.1, 0.1, 0.1, 0.1, 0.1],
           [15, 15, 60, 160, 170]), '''
Marta Santos, 71. As 05h, but the serum M-protein is unmeasurable ("<0.1 g/dL" each time) and the free kappa rises
15, 15, 60, 160, 170 mg/L (lambda 10: dFLC from 0.5 to 15/16 mg/dL, +14.5/+15.5 mg/dL, confirmed).
A haematologist: IMWG progression by the FLC criterion (dFLC rise >10 mg/dL, M-protein unmeasurable), confirmed, on
lenalidomide: lenalidomide-refractory, relapsed after 1 line.
''')
out(rec05('05j-mprotein-high-nadir-5-rise-1-0-confirmed', '1955-08-03', 'Julia', [5.0, 5.0, 5.2, 6.0, 6.1]), '''
Julia Santos, 71. As 05, but a high residual M-protein: nadir 5.0 g/dL, then 5.2, 6.0, 6.1 g/dL (+1.0/+1.1 g/dL, +20%/+22%).
A haematologist: IMWG (clinical-evidence.md §... "an increase of >=1 g/dL is enough if the lowest M component was
>=5 g/dL"): progression, confirmed, on lenalidomide. An engine applying only the 25% rule would say "not progression";
an undecided answer is acceptable, a confident "no relapse" is not.
''')


# ---------------------------------------------------------------- bullet 6, second round: progression to myeloma ON
# the precursor therapy, recorded only by the myeloma diagnosis (03c, 04b) or also by a progression Observation (03d)
def rec03c(name, birth, giv, pd_obs):
    b = BP(name, birth, 'female', 'Haddad', giv)
    b.cond('al', [{'system': ICD, 'code': 'E85.81', 'display': 'Light chain (AL) amyloidosis'}],
           'AL amyloidosis (cardiac, renal)', '2021-02-15')
    kw = {'reasonReference': [b.ref('al')]}
    dd = [days('2021-03-01', 7 * k) for k in range(8)] + [days('2021-04-26', 14 * k) for k in range(8)]
    d = '2021-08-16'
    while d <= '2024-12-20': dd.append(d); d = days(d, 28)
    for x in dd: b.admin('al-dara-' + x, 'daratumumab-hyaluronidase 1800 mg SC (Dara-CyBorD, then maintenance)', x,
                         DARA, **kw)
    cycles(b, 'al-btz', 'bortezomib 1.3 mg/m2 SC (CyBorD)', BTZ, '2021-03-01', (0, 7, 14, 21), 6, 28)
    cycles(b, 'al-cy', 'cyclophosphamide 300 mg/m2 PO (CyBorD)', CY, '2021-03-01', (0, 7, 14, 21), 6, 28)
    if pd_obs: b.status('pd-al', '2025-01-08', text='Progression to multiple myeloma on daratumumab (new lytic lesions)')
    b.cond('mm', MM_ICD(), 'Multiple myeloma (progression from AL amyloidosis on daratumumab, new lytic lesions)',
           '2025-01-10')
    vrd(b, '2025-01-20', 6)
    rmaint(b, '2025-06-20', '2026-07-31', 'completed')
    b.status('pd-1', '2026-08-12')
    tail(b); return b


out(rec03c('03c-al-amyloidosis-dara-to-2024-12-myeloma-dx-on-it-no-pd-observation', '1957-07-27', 'Samira', False), '''
Samira Haddad, 69. AL amyloidosis (E85.81) 2021-02: Dara-CyBorD x6, then daratumumab SC every 4 weeks as
maintenance to 2024-12-02 (reasonReference the amyloidosis). Multiple myeloma diagnosed 2025-01-10 (the Condition's
text: "progression from AL amyloidosis on daratumumab, new lytic lesions"), 39 days after the last daratumumab; no
disease-status Observation. VRd x6 from 2025-01-20, lenalidomide maintenance to 2026-07-31; PD 2026-08-12.
A haematologist: the plasma-cell clone progressed to myeloma within 60 days of daratumumab: anti-CD38-REFRACTORY
disease (bullet 6: AL-amyloidosis therapy counts for refractoriness). 1 prior myeloma line; lenalidomide-refractory.
Isa-Kd/IKEMA and the anti-CD38 options carry the anti-CD38-refractory warning; at the least refractoriness is
UNKNOWN with a gap, never a confident "not refractory".
''')
out(rec03c('03d-al-amyloidosis-dara-to-2024-12-progression-observation-then-myeloma', '1957-08-06', 'Hana', True), '''
Hana Haddad, 69. As 03c, with a disease-status Observation "Progression to multiple myeloma on daratumumab" on
2025-01-08 (37 days after the last daratumumab) before the myeloma diagnosis.
A haematologist: anti-CD38-refractory (progression within 60 days of the last daratumumab), 1 prior myeloma line.
''')
out(rec04('04b-smm-lenalidomide-myeloma-dx-on-it-no-pd-observation', '1960-04-14', 'Sean', pd_obs=False), '''
Sean Brennan, 66. As 04 (lenalidomide for high-risk smouldering myeloma 2022-01-10 to 2024-03-06), but the progression
to active myeloma is recorded only by the myeloma diagnosis (Condition onset 2024-03-08, 2 days after the last
lenalidomide); no disease-status Observation. VCd x6, PD 2026-08-25.
A haematologist: lenalidomide-refractory (progressed to myeloma on it), 1 prior line. At the least UNKNOWN with a gap,
never a confident "not lenalidomide-refractory" with D-Rd matching POLLUX.
''')
