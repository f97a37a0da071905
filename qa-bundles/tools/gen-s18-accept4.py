# Sweep P (acceptance check of bb8b04b, the regimen reading of CDS-POLICY-NO-MYELOMA-USE-REGIMEN): near misses where
# its two new conditions (the two drugs' courses begin within 30 days of each other; no myeloma-only drug within 30
# days) may reach too far or not far enough: R-CHOP whose rituximab starts with cycle 2 or 3, R-CHOP given while
# lenalidomide maintenance goes on, bendamustine-rituximab, R-CHOP after rituximab maintenance or a restarted rituximab
# course, and a myeloma salvage regimen started the same week as a new aromatase-inhibitor course.
# Run from the project root; writes qa-bundles/s18q-*.json with a story s18q-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BQ(B):
    PREFIX = 's18q-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-05T22:30:00Z'; return bd



RTX = ('121191', 'rituximab'); VCR = ('11202', 'vincristine'); ANA = ('84857', 'anastrozole')
DLBCL = [{'system': ICD, 'code': 'C83.38', 'display': 'Diffuse large B-cell lymphoma, lymph nodes of multiple sites'}]
FL = [{'system': ICD, 'code': 'C82.08', 'display': 'Follicular lymphoma grade I, lymph nodes of multiple sites'}]
BC = [{'system': ICD, 'code': 'C50.912', 'display': 'Malignant neoplasm of unspecified site of left female breast'}]



def asct_r(b, dx='2019-01-20', start='2019-02-01', r_end=None, r_status='completed'):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', dx)
    vrd(b, start)
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', days(start, 158), MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', days(start, 159))
    if r_end is not False: rmaint(b, days(start, 212), r_end, r_status)



def chop(b, start, n=6, rtx_from=0):
    """R-CHOP every 21 days, no reason on the records; rituximab from cycle rtx_from+1 (0: every cycle)."""
    for k in range(n):
        d = days(start, 21 * k)
        if k >= rtx_from: b.admin('rtx-' + d, 'rituximab 375 mg/m2 IV (R-CHOP)', d, RTX)
        b.admin('cy-' + d, 'cyclophosphamide 750 mg/m2 IV (R-CHOP)', d, CY)
        b.admin('dox-' + d, 'doxorubicin 50 mg/m2 IV (R-CHOP)', d, DOXO)
        b.admin('vcr-' + d, 'vincristine 1.4 mg/m2 IV (R-CHOP)', d, VCR)
        b.stmt('pred-' + d, 'prednisone 100 mg PO days 1-5 (R-CHOP)', d, days(d, 4), PRED)


def two_lines_then_dlbcl(b):
    """VRd-ASCT-R, PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR; DLBCL 2024-01-22 (the s18p-01b history)."""
    asct_r(b, r_end='2022-02-28')
    b.status('pd-1', '2022-03-10')
    kd(b, '2022-03-21', '2023-06-20')
    b.status('vgpr-1', '2023-07-10', worse=False)


# ---------------------------------------------------------------- rituximab joining CHOP late
def rec01(name, birth, giv, rtx_from):
    b = BQ(name, birth, 'male', 'Okafor', giv)
    two_lines_then_dlbcl(b)
    b.cond('dlbcl', DLBCL, 'Diffuse large B-cell lymphoma, stage III', '2024-01-22')
    chop(b, '2024-02-05', 6, rtx_from)
    b.status('pd-2', '2026-08-20')
    tail(b); return b


out(rec01('01-chop-cycle1-rituximab-from-cycle2-dlbcl-no-reason', '1953-02-02', 'Emeka', 1), '''
Emeka Okafor, 73. Myeloma 2019: VRd-ASCT-R to 2022-02; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR. Diffuse large
B-cell lymphoma (C83.38, 2024-01-22). Six cycles of CHOP every 21 days from 2024-02-05, rituximab added from cycle 2
(2024-02-26, CD20 staining awaited; the usual R-CHOP practice), no reason on any record. Myeloma PD 2026-08-20 off therapy.
A haematologist: R-CHOP for the lymphoma (rituximab from cycle 2 changes nothing); 2 prior myeloma lines, lenalidomide-
refractory, carfilzomib not refractory, anti-CD38 naive: D-Kd/Isa-Kd on label (1 to 3 prior lines), as in s18p-01b.
''')
out(rec01('01b-chop-cycles1-2-rituximab-from-cycle3-dlbcl-no-reason', '1953-02-12', 'Chidi', 2), '''
Chidi Okafor, 73. As 01, rituximab added only from cycle 3 (2024-03-18, 42 days after the first CHOP).
A haematologist: still R-CHOP for the lymphoma, 2 prior myeloma lines. A range (2 to 3) is cautious but named; a
confident 3 would be wrong.
''')


# ---------------------------------------------------------------- R-CHOP while lenalidomide maintenance goes on
def rec02(name, birth, giv):
    b = BQ(name, birth, 'female', 'Haddad', giv)
    asct_r(b, r_end=None, r_status='active')
    b.cond('dlbcl', DLBCL, 'Diffuse large B-cell lymphoma, stage II', '2024-01-22')
    chop(b, '2024-02-05', 6)
    b.status('pd-1', '2026-09-10')
    tail(b); return b


out(rec02('02-rchop-for-dlbcl-while-lenalidomide-maintenance-continues', '1955-03-03', 'Leila'), '''
Leila Haddad, 71. Myeloma 2019: VRd x4, melphalan 200, ASCT, lenalidomide 10 mg maintenance from 2019-09-01, an active
statement with no end (still taken). Diffuse large B-cell lymphoma (C83.38, 2024-01-22); six cycles of R-CHOP from
2024-02-05, no reason on the records, lenalidomide not stopped (as recorded). Myeloma PD 2026-09-10 on lenalidomide.
A haematologist: R-CHOP is the lymphoma's therapy (rituximab and vincristine have no myeloma use; a DLBCL two weeks
before); the lenalidomide beside it is the myeloma maintenance. 1 prior myeloma line (VRd-ASCT-R), lenalidomide-
refractory, anti-CD38 naive: D-Kd/Isa-Kd, D-Pd, D-Vd candidates. A cautious reading may hedge (1 to 2 lines); a
confident 2 lines (R-CHOP counted as a new myeloma line) is wrong.
''')


# ---------------------------------------------------------------- bendamustine-rituximab
def rec03(name, birth, giv):
    b = BQ(name, birth, 'male', 'Novak', giv)
    two_lines_then_dlbcl(b)
    b.cond('fl', FL, 'Follicular lymphoma grade 1-2, stage III, symptomatic', '2024-01-22')
    for k in range(6):
        d = days('2024-02-05', 28 * k)
        b.admin('rtx-' + d, 'rituximab 375 mg/m2 IV (BR)', d, RTX)
        for j in (0, 1):
            b.admin('benda-%s-%d' % (d, j), 'bendamustine 90 mg/m2 IV (BR)', days(d, j))
    b.status('pd-2', '2026-08-20')
    tail(b); return b


out(rec03('03-bendamustine-rituximab-for-follicular-lymphoma-no-reason', '1952-04-04', 'Pavel'), '''
Pavel Novak, 74. Myeloma 2019: VRd-ASCT-R to 2022-02; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR. Follicular
lymphoma (C82.08, 2024-01-22, symptomatic); bendamustine 90 mg/m2 days 1-2 + rituximab day 1 every 28 days x6 from
2024-02-05 (bendamustine recorded by name only), no reason on the records. Myeloma PD 2026-08-20 off therapy.
A haematologist: BR is the follicular lymphoma's regimen; 2 prior myeloma lines, D-Kd/Isa-Kd on label. Bendamustine
is also a (late) myeloma drug, so a range is tolerable; a confident 3 is wrong.
''')


# ---------------------------------------------------------------- rituximab courses before the CHOP
def rec04(name, birth, giv, maint_every, restart_gap=None):
    b = BQ(name, birth, 'female', 'Berg', giv)
    two_lines_then_dlbcl(b)
    b.cond('fl', FL, 'Follicular lymphoma grade 2, stage III', '2023-09-01')
    if restart_gap is None:
        d = '2023-09-11'
        while d < '2024-02-05':
            b.admin('rtx-m-' + d, 'rituximab 375 mg/m2 IV (maintenance)', d, RTX); d = days(d, maint_every)
    else:
        weekly(b, 'rtx-w', 'rituximab 375 mg/m2 IV weekly x4', RTX, '2023-09-11', '2023-10-02')
    b.cond('dlbcl', DLBCL, 'Diffuse large B-cell lymphoma (transformed from follicular lymphoma)', '2024-01-22')
    chop(b, '2024-02-05', 6)
    b.status('pd-2', '2026-08-20')
    tail(b); return b


out(rec04('04-rituximab-every-8-weeks-then-rchop-on-transformation', '1954-05-05', 'Ingrid', 56), '''
Ingrid Berg, 72. Myeloma 2019: VRd-ASCT-R to 2022-02; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR. Follicular
lymphoma (C82.08, 2023-09-01) treated with rituximab 375 mg/m2 every 8 weeks from 2023-09-11; transformation to DLBCL
(2024-01-22); six cycles of R-CHOP from 2024-02-05. No reason on any record. Myeloma PD 2026-08-20 off therapy.
A haematologist: rituximab then R-CHOP are the lymphoma's therapy; 2 prior myeloma lines, D-Kd/Isa-Kd on label. The
rituximab course began five months before the CHOP (the new condition of bb8b04b), so the engine may hedge (2 to 3);
a confident 3 is wrong.
''')
out(rec04('04b-rituximab-x4-then-125d-gap-then-rchop-on-transformation', '1954-05-15', 'Karin', 0, 125), '''
Karin Berg, 72. As 04, the follicular lymphoma treated with rituximab weekly x4 (2023-09-11 to 2023-10-02), then no
rituximab for 126 days until R-CHOP from 2024-02-05 for the transformed DLBCL (2024-01-22). No reason on any record.
A haematologist: R-CHOP for the lymphoma; 2 prior myeloma lines (the rituximab course restarts with the CHOP).
''')


# ---------------------------------------------------------------- myeloma salvage beside a NEW aromatase-inhibitor course
def rec05(name, birth, giv):
    b = BQ(name, birth, 'female', 'Costa', giv)
    asct_r(b, r_end='2024-12-20')
    b.status('pd-1', '2025-01-02')
    b.cond('bc', BC, 'Breast cancer, left, ER-positive, stage I, after lumpectomy', '2024-11-20')
    d = '2025-01-10'
    while d <= '2026-10-15':
        b.disp('ana-' + d, 'anastrozole 1 mg tablet daily', d, 30, ANA); d = days(d, 30)
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
    kd(b, '2025-06-16', '2026-02-20')
    b.status('pd-3', '2026-03-05')
    b.stmt('pd-pom', 'pomalidomide 4 mg capsule days 1-21 of 28', '2026-03-16', '2026-08-31', POM)
    weekly(b, 'pd-dex', 'dexamethasone 40 mg PO weekly (Pd)', DEX, '2026-03-16', '2026-08-31')
    b.status('pd-4', '2026-09-15')
    tail(b); return b


out(rec05('05-dcep-for-myeloma-pd-same-week-as-new-anastrozole-for-new-breast-cancer', '1956-07-07', 'Ana'), '''
Ana Costa, 70. Myeloma 2019: VRd-ASCT-R to 2024-12-20; PD 2025-01-02 (Observation). A new ER-positive stage I left
breast cancer (C50.912, 2024-11-20, lumpectomy); adjuvant anastrozole dispensed every 30 days from 2025-01-10. DCEP
(dexamethasone, cyclophosphamide, etoposide, cisplatin days 1-4) 2025-01-13 and 2025-02-10, no reason; PR 2025-03-20;
PD 2025-06-02; Kd 2025-06-16 to 2026-02-20, PD 2026-03-05; Pd 2026-03-16 to 2026-08-31, PD 2026-09-15.
A haematologist: DCEP eleven days after a dated myeloma progression is myeloma salvage (no breast-cancer regimen; an
aromatase inhibitor is not given with chemotherapy as its partner). 4 prior lines (VRd-ASCT-R, DCEP, Kd, Pd);
lenalidomide-, carfilzomib- and pomalidomide-refractory; US D-Kd/Isa-Kd (1 to 3 prior lines) off label. A range 3 to 4
is cautious but named; a confident 3 with D-Kd "met, 1 to 3 prior lines" is the O1 error again.
''')
