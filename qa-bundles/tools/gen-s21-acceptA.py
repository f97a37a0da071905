# Sweep V (acceptance of main after the Sweep U fixes): GVHD prophylaxis read from a drug's words and the day +1..+7
# cyclophosphamide window (a salvage begun day +5 after a relapse, cyclophosphamide after an autologous transplant,
# "GVHD prophylaxis" written on bortezomib, ruxolitinib for GVHD, donor lymphocytes); another cancer in remission either
# side of the 5-year bound, diagnosed after the myeloma, or treated since; a held line resumed after a progression vs the
# same drugs after a gap vs a drug added; the first line 170 / 190 days past its ASCT, a progression inside the window,
# an upfront allograft; a blinded "daratumumab or placebo" course then a certain daratumumab course; therapy-phase words
# on unnamed oral records vs a "maintenance inhaler"; Z51.11 alone vs beside C90.00.
# Run from the project root; writes qa-bundles/s21a-*.json with a story s21a-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BV(B):
    PREFIX = 's21a-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-06T05:30:00Z'; return bd


TAIL = lambda b, egfr=66: (b.egfr('2026-10-20', egfr), LVEF(b, '2026-10-15'))
BC = [{'system': ICD, 'code': 'C50.912', 'display': 'Malignant neoplasm of unspecified site of left female breast'}]
Z5111 = {'system': ICD, 'code': 'Z51.11', 'display': 'Encounter for antineoplastic chemotherapy'}
C9000 = {'system': ICD, 'code': 'C90.00', 'display': 'Multiple myeloma not having achieved remission'}
TACRO = ('42316', 'tacrolimus'); MTX = ('6851', 'methotrexate'); RUX = ('1193326', 'ruxolitinib')
LETRO = ('72965', 'letrozole')


def cd(b, start, end, cy_text='cyclophosphamide 500 mg PO weekly (Cd)', **kw):
    weekly(b, 'cd-cy', cy_text, CY, start, end, **kw)
    weekly(b, 'cd-dex', 'dexamethasone 40 mg PO weekly (Cd)', DEX, start, end, **kw)


# ---- allogeneic transplant after a Kd salvage (Sweep U's allo skeleton)
def allo_history(b, ptcy=True):
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgA lambda, high-risk del(17p)', '2019-01-07')
    vrd(b, '2019-01-28', 4)
    b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2019-06-09', MEL)
    b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2019-06-10')
    b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2019-08-05', '2021-01-18', LEN)
    b.status('pd-1', '2021-02-01')
    kd(b, '2021-02-15', '2021-08-31')
    b.status('vgpr', '2021-09-06', worse=False)
    for d in ('2021-10-11', '2021-10-12', '2021-10-13', '2021-10-14', '2021-10-15'):
        b.admin('ric-flu-' + d, 'fludarabine 30 mg/m2 IV (RIC conditioning)', d, FLU)
    b.admin('ric-mel', 'melphalan 140 mg/m2 IV (RIC conditioning)', '2021-10-16', MEL)
    b.proc('allo', ALLO_SCT, 'Allogeneic peripheral blood stem cell transplant', '2021-10-18')
    if ptcy:
        for d in ('2021-10-21', '2021-10-22'):
            b.admin('ptcy-' + d, 'cyclophosphamide 50 mg/kg IV (post-transplant cyclophosphamide, GVHD prophylaxis)', d, CY)
    b.stmt('tacro', 'tacrolimus 1 mg PO twice daily (GVHD prophylaxis)', '2021-10-22', '2022-04-30', TACRO)


ALLO = '''High-risk IgA-lambda myeloma 2019. L1 VRd x4, ASCT 2019-06-10, lenalidomide maintenance to 2021-01-18; PD
2021-02-01. L2 Kd 2021-02-15 to 2021-08 (last carfilzomib 2021-08-17; VGPR 2021-09-06), consolidated by an allo-SCT
2021-10-18 (fludarabine-melphalan 140%s, tacrolimus, all charted as GVHD prophylaxis).'''
PT = ', post-transplant cyclophosphamide days +3/+4'

# ---------------------------------------------------------------- 01 early relapse after the allograft, weekly Cd from day +5
b = BV('01-allo-early-relapse-day-2-weekly-cd-salvage-from-day-5', '1970-01-11', 'male', 'Novak', 'Tomas')
allo_history(b, ptcy=False)
b.status('pd-2', '2021-10-20', text='Progressive disease (IMWG): new paraspinal plasmacytoma on day +2 MRI')
cd(b, '2021-10-23', '2022-03-26', cy_text='cyclophosphamide 300 mg/m2 PO weekly (Cd, myeloma relapse after allo-SCT)')
b.status('pr-2', '2022-02-14', worse=False)
b.status('pd-3', '2026-08-10')
TAIL(b, 88)
out(b, '''
Tomas Novak, 56. ''' + ALLO % ' (no post-transplant cyclophosphamide)' + '''
Progression on day +2 (2021-10-20: a new paraspinal plasmacytoma on MRI). Weekly oral cyclophosphamide 300 mg/m2 +
dexamethasone 40 mg (Cd) from 2021-10-23 (day +5) to 2022-03-26, each cyclophosphamide record "Cd, myeloma relapse after
allo-SCT". PR 2022-02-14; PD 2026-08-10.
A haematologist: the Cd, started for a documented progression, is a third line from 2021-10-23, not GVHD prophylaxis
(no words say so, and the progression before it is what it treats). 3 prior lines; lenalidomide-refractory; carfilzomib
not refractory by IMWG (last dose 2021-08-17, PD 64 days later, beyond 60 days); anti-CD38 naive: D-Kd, D-Pd, Isa-Kd,
Isa-Pd, D-Vd; daratumumab monotherapy not on label (lenalidomide-refractory only).''')

# ---------------------------------------------------------------- 02 cyclophosphamide on days +3/+4 after an AUTOLOGOUS transplant
b = BV('02-auto-sct-cyclophosphamide-days-3-4-no-words-then-r-maint-pd-kd', '1962-02-12', 'female', 'Berg', 'Anna')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2021-01-04')
vrd(b, '2021-01-18', 4)
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2021-06-06', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2021-06-07')
for d in ('2021-06-10', '2021-06-11'):
    b.admin('cy-' + d, 'cyclophosphamide 50 mg/kg IV', d, CY)
rmaint(b, '2021-08-02', '2024-03-04', 'completed')
b.status('pd-1', '2024-03-18')
kd(b, '2024-04-01', '2026-08-31')
b.status('vgpr-2', '2024-08-12', worse=False)
b.status('pd-2', '2026-09-21')
TAIL(b)
out(b, '''
Anna Berg, 64. IgG-kappa myeloma 2021. VRd x4 from 2021-01-18, melphalan 200 and ASCT 2021-06-07; cyclophosphamide 50
mg/kg IV recorded on 2021-06-10 and -11 (days +3/+4) with no words; lenalidomide maintenance 2021-08-02 to 2024-03-04;
PD 2024-03-18. Kd from 2024-04-01 to 2026-08; PD 2026-09-21 on Kd.
A haematologist: an autologous transplant has no GVHD; the two cyclophosphamide doses are odd (a charting slip or an
unusual consolidation) but inside the first line either way. 2 prior lines, lenalidomide- and carfilzomib-refractory,
anti-CD38 naive: D-Pd, Isa-Pd, D-Vd; D-Kd and Isa-Kd carry the partner-drug refractoriness; daratumumab monotherapy not on
label (2 lines).''')

# ---------------------------------------------------------------- 03 bortezomib charted "GVHD prophylaxis" after the allograft
b = BV('03-allo-bortezomib-days-1-4-7-charted-gvhd-prophylaxis-then-relapse-dara-pd', '1970-03-13', 'female', 'Novak', 'Eva')
allo_history(b)
for d in ('2021-10-19', '2021-10-22', '2021-10-25'):
    b.admin('btz-gvhd-' + d, 'bortezomib 1.3 mg/m2 IV (GVHD prophylaxis, days +1, +4, +7)', d, BTZ)
b.status('cr-2', '2022-01-24', worse=False, text='Complete response (IMWG)')
b.status('pd-2', '2024-06-03')
weekly(b, 'dara', 'daratumumab 1800 mg SC (D-Pd)', DARA, '2024-06-17', '2026-07-27', every=28)
b.stmt('pom', 'pomalidomide 4 mg capsule days 1-21 (D-Pd)', '2024-06-17', '2026-08-09', POM)
b.status('pd-3', '2026-08-24')
TAIL(b, 88)
out(b, '''
Eva Novak, 56. ''' + ALLO % PT + '''
Bortezomib 1.3 mg/m2 IV on days +1, +4 and +7, each record "GVHD prophylaxis, days +1, +4, +7" (a bortezomib-based GVHD
prophylaxis schedule). CR 2022-01-24; PD 2024-06-03. D-Pd from 2024-06-17 to 2026-08; PD 2026-08-24 on it.
A haematologist: the three bortezomib doses are part of the transplant (given with it, by its schedule, for GVHD), or at
worst the allograft line's consolidation; either way not a line. 3 prior lines (VRd-ASCT-R; Kd + allo; D-Pd),
daratumumab- and pomalidomide-refractory: anti-CD38 options are anti-CD38 retreatment (low).''')

# ---------------------------------------------------------------- 04 ruxolitinib for chronic GVHD, then relapse and Vd
b = BV('04-allo-ruxolitinib-for-chronic-gvhd-then-relapse-vd', '1970-04-14', 'male', 'Novak', 'Jan')
allo_history(b)
b.cond('cgvhd', [{'system': ICD, 'code': 'D89.811', 'display': 'Chronic graft-versus-host disease'}],
       'Chronic GVHD of skin and mouth, steroid-refractory', '2022-04-04')
b.stmt('rux', 'ruxolitinib 10 mg PO twice daily', '2022-04-11', '2023-05-29', RUX,
       reasonCode=[{'coding': [{'system': ICD, 'code': 'D89.811', 'display': 'Chronic graft-versus-host disease'}],
                    'text': 'Chronic GVHD'}])
b.status('pd-2', '2024-01-15')
weekly(b, 'vd-btz', 'bortezomib 1.3 mg/m2 SC weekly (Vd)', BTZ, '2024-01-29', '2024-12-30')
weekly(b, 'vd-dex', 'dexamethasone 20 mg PO weekly (Vd)', DEX, '2024-01-29', '2024-12-30')
b.status('vgpr-3', '2024-05-06', worse=False)
b.status('pd-3', '2026-08-10')
TAIL(b, 88)
out(b, '''
Jan Novak, 56. ''' + ALLO % PT + '''
Chronic GVHD of skin and mouth (D89.811, 2022-04-04), steroid-refractory: ruxolitinib 10 mg twice daily 2022-04-11 to
2023-05-29 (reasonCode D89.811). PD 2024-01-15; weekly Vd 2024-01-29 to 2024-12-30 (VGPR); PD 2026-08-10.
A haematologist: ruxolitinib treats the GVHD (its stated reason), not the myeloma: no line, no exposure. 3 prior lines
(VRd-ASCT-R; Kd + allo; Vd), lenalidomide-refractory, PIs not refractory, anti-CD38 naive: D-Kd/Isa-Kd, D-Pd/Isa-Pd,
D-Vd.''')

# ---------------------------------------------------------------- 05 donor lymphocyte infusion for mixed chimerism (no progression)
b = BV('05-allo-preemptive-dli-for-mixed-chimerism-no-progression-then-relapse-pd', '1970-05-15', 'female', 'Novak', 'Lida')
allo_history(b)
b.cond('chim', [{'system': SCT, 'code': '402994004', 'display': 'Mixed chimerism'}], 'Mixed donor chimerism', '2022-03-14')
for d in ('2022-04-04', '2022-06-06'):
    b.proc('dli-' + d, [{'system': SCT, 'code': '431880002', 'display': 'Donor lymphocyte infusion'}],
           'Donor lymphocyte infusion (pre-emptive, mixed chimerism)', d)
b.status('cr-2', '2022-09-12', worse=False, text='Complete response (IMWG)')
b.status('pd-2', '2026-08-10')
TAIL(b, 88)
out(b, '''
Lida Novak, 56. ''' + ALLO % PT + '''
Mixed donor chimerism 2022-03-14; two pre-emptive donor lymphocyte infusions 2022-04-04 and 2022-06-06 (no progression
recorded before them); CR 2022-09-12; PD 2026-08-10, nothing since.
A haematologist: pre-emptive DLI is part of the allograft strategy, not a line. 2 prior lines (VRd-ASCT-R; Kd + allo),
lenalidomide-refractory, carfilzomib not refractory, anti-CD38 naive: D-Kd/Isa-Kd (80-ish), D-Pd/Isa-Pd, D-Vd;
daratumumab monotherapy not on label.''')


# ---- four myeloma lines, the fourth a weekly Cd with no stated reason, beside a breast cancer in remission
def four_lines(b, cd_reason=None):
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-09-02')
    vrd(b, '2019-09-16', 4)
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2020-02-09', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2020-02-10')
    rmaint(b, '2020-04-06', '2021-02-28', 'completed')
    b.status('pd-1', '2021-03-10')
    kd(b, '2021-03-21', '2022-09-19')
    b.status('pd-2', '2022-10-03')
    weekly(b, 'vd-btz', 'bortezomib 1.3 mg/m2 SC weekly (Vd)', BTZ, '2022-10-17', '2024-03-04')
    weekly(b, 'vd-dex', 'dexamethasone 20 mg PO weekly (Vd)', DEX, '2022-10-17', '2024-03-04')
    b.status('pd-3', '2024-03-18')
    kw = {'reasonCode': cd_reason} if cd_reason else {}
    cd(b, '2024-04-01', '2026-08-31', **kw)
    b.status('pr-4', '2024-07-15', worse=False)
    b.status('pd-4', '2026-09-21')
    TAIL(b)


FOUR = '''IgG-kappa myeloma 2019-09. L1 VRd x4, ASCT 2020-02-10, lenalidomide maintenance to 2021-02-28; PD 2021-03-10. L2 Kd
2021-03-21 to 2022-09; PD 2022-10-03 on Kd. L3 weekly Vd 2022-10-17 to 2024-03-04; PD 2024-03-18 on Vd. Weekly oral
cyclophosphamide 500 mg + dexamethasone 40 mg (Cd) from 2024-04-01 to 2026-08-31%s; PR 2024-07-15; PD 2026-09-21 on Cd.'''

# ---------------------------------------------------------------- 06 breast cancer in remission 4.9 years before the Cd
b = BV('06-breast-cancer-remission-4-9-years-before-no-reason-cd-fourth-course', '1958-06-16', 'female', 'Lund', 'Maja')
b.cond('bc', BC, 'Breast cancer, left, stage I, lumpectomy and radiotherapy', '2019-05-05', clin='remission')
four_lines(b)
out(b, '''
Maja Lund, 68. Left breast cancer 2019-05-05 (lumpectomy, radiotherapy; "remission", no abatement date; no drug for it
recorded). ''' + FOUR % ' (no reason recorded)' + '''
The Cd began 4.9 years after the breast cancer's diagnosis.
A haematologist: Cd with dexamethasone 40 mg, a myeloma response and progression on it is the 4th myeloma line, but the
engine's policy hedges shared chemotherapy within 5 years of another cancer: "3 to 4 lines" is a fair caution. With 3 to
4: daratumumab monotherapy on label either way (3 or more lines; also double-refractory); D-Kd / Isa-Kd undecided on the
1-3 line limit; triple-class: IMiD- and PI-refractory, anti-CD38 naive.''')

# ---------------------------------------------------------------- 07 the same 5.1 years before
b = BV('07-breast-cancer-remission-5-1-years-before-no-reason-cd-fourth-course', '1958-07-17', 'female', 'Lund', 'Sara')
b.cond('bc', BC, 'Breast cancer, left, stage I, lumpectomy and radiotherapy', '2019-02-20', clin='remission')
four_lines(b)
out(b, '''
Sara Lund, 68. Left breast cancer 2019-02-20 (lumpectomy, radiotherapy; "remission", no abatement date; no drug for it
recorded). ''' + FOUR % ' (no reason recorded)' + '''
The Cd began 5.1 years after the breast cancer's diagnosis.
A haematologist: 4 prior lines, no range. D-Kd (US label 1-3 prior lines) and Isa-Kd (1-3) not on label; daratumumab
monotherapy on label (3 or more lines); D-Pd, Isa-Pd on label (lenalidomide and PI exposed).''')

# ---------------------------------------------------------------- 08 breast cancer diagnosed after the myeloma, remission
b = BV('08-breast-cancer-diagnosed-after-myeloma-remission-no-reason-cd-fourth-course', '1958-08-18', 'female', 'Lund', 'Ida')
b.cond('bc', BC, 'Breast cancer, left, stage I, lumpectomy and radiotherapy', '2021-06-14', clin='remission')
four_lines(b)
out(b, '''
Ida Lund, 68. ''' + FOUR % ' (no reason recorded)' + '''
Left breast cancer diagnosed 2021-06-14, after the myeloma (lumpectomy, radiotherapy; "remission", no drug recorded).
A haematologist: as s21a-06, the Cd is almost surely the 4th myeloma line, but a breast cancer 3 years before the Cd
keeps the engine's hedge (3 to 4); a confident 4 would be fine clinically, a confident 3 would not.''')

# ---------------------------------------------------------------- 09 breast cancer 8 years before, letrozole since, AC with no reason
b = BV('09-breast-cancer-2016-letrozole-to-2024-ac-no-reason-after-two-myeloma-lines', '1958-09-19', 'female', 'Lund', 'Vera')
b.cond('bc', BC, 'Breast cancer, left, ER-positive, stage IIA', '2016-03-07', clin='remission')
b.stmt('letro', 'letrozole 2.5 mg tablet daily (adjuvant endocrine therapy)', '2016-06-06', '2024-06-03', LETRO,
       reasonCode=[{'coding': BC, 'text': 'Breast cancer'}])
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-09-02')
vrd(b, '2019-09-16', 4)
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2020-02-09', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2020-02-10')
rmaint(b, '2020-04-06', '2021-02-28', 'completed')
b.status('pd-1', '2021-03-10')
kd(b, '2021-03-21', '2022-09-19')
b.status('pd-2', '2022-10-03')
for d in ('2024-07-01', '2024-07-22', '2024-08-12', '2024-09-02'):
    b.admin('ac-dox-' + d, 'doxorubicin 60 mg/m2 IV', d, DOXO)
    b.admin('ac-cy-' + d, 'cyclophosphamide 600 mg/m2 IV', d, CY)
b.status('pd-3', '2026-08-24')
TAIL(b)
out(b, '''
Vera Lund, 68. ER-positive left breast cancer 2016-03-07 ("remission", no abatement date), adjuvant letrozole 2016-06-06 to
2024-06-03 (reasonCode the breast cancer). IgG-kappa myeloma 2019-09: L1 VRd x4, ASCT 2020-02-10, lenalidomide
maintenance to 2021-02-28; PD 2021-03-10. L2 Kd 2021-03-21 to 2022-09; PD 2022-10-03 on Kd. Nothing for 20 months, then
doxorubicin 60 mg/m2 + cyclophosphamide 600 mg/m2 IV every 3 weeks x4 (AC) 2024-07-01 to 2024-09-02, no reason, no
dexamethasone, no myeloma response recorded; PD 2026-08-24.
A haematologist: AC is the breast-cancer regimen, given just after 8 years of letrozole for that cancer: most likely a
breast recurrence, not myeloma. 2 myeloma lines, possibly 3 (2 to 3 is the honest answer); a confident 3 invents a line.
Lenalidomide- and carfilzomib-refractory; anti-CD38 naive: D-Pd/Isa-Pd, D-Vd; D-Kd/Isa-Kd with the partner warning.''')


# ---- Kd to a progression, then carfilzomib again: held line resumed, restarted after a gap, or with a drug added
def kd_base(b):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
    vrd(b, '2019-02-01')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
    rmaint(b, '2019-09-01', '2022-02-28', 'completed')
    b.status('pd-1', '2022-03-10')
    kd(b, '2022-03-21', '2024-03-26')   # last cycle from 2024-03-11 (day 16 2024-03-26)


def cfz_cycle(b, start, pre, text='carfilzomib 56 mg/m2 IV (Kd)'):
    for d in (0, 1, 7, 8, 14, 15):
        day = days(start, d); b.admin(pre + '-cfz-' + day, text, day, CFZ)
    weekly(b, pre + '-dex', 'dexamethasone 20 mg PO (Kd)', DEX, start, days(start, 21))


KDB = '''Myeloma 2019: VRd x4, ASCT 2019-07-10, lenalidomide maintenance to 2022-02-28; PD 2022-03-10. L2 Kd (carfilzomib
days 1, 2, 8, 9, 15, 16 every 28 days, weekly dexamethasone) from 2022-03-21; last cycle 2024-03-11 (last carfilzomib
2024-03-26).'''

# ---------------------------------------------------------------- 10 held Kd, progression, carfilzomib resumed 5 days after it
b = BV('10-kd-held-pd-then-same-kd-resumed-5-days-after-pd-date', '1955-10-20', 'male', 'Ruiz', 'Pablo')
kd_base(b)
b.status('pd-2', '2024-04-26', text='Progressive disease (IMWG): M-protein rise, assessed during a treatment hold for infection')
cfz_cycle(b, '2024-05-01', 'kdr1')
weekly(b, 'pd3cy', 'cyclophosphamide 500 mg PO weekly (Cd)', CY, '2024-06-10', '2025-12-29')
weekly(b, 'pd3dx', 'dexamethasone 40 mg PO weekly (Cd)', DEX, '2024-06-10', '2025-12-29')
b.status('pr-3', '2024-09-16', worse=False)
b.status('pd-3', '2026-08-20')
TAIL(b)
out(b, '''
Pablo Ruiz, 71. ''' + KDB + ''' Held in April for a chest infection (36 days after the last dose). PD dated 2024-04-26
(an M-protein rise measured during the hold); one more Kd cycle 2024-05-01 to 2024-05-16 as the team re-staged; then
weekly Cd from 2024-06-10 to 2025-12-29; PR; PD 2026-08-20.
A haematologist: the May Kd cycle is the held Kd's next cycle (same drugs, same rhythm, 5 days after the progression's
date), not a line. 3 prior lines (VRd-ASCT-R; Kd; Cd); carfilzomib- and lenalidomide-refractory; anti-CD38 naive.
Daratumumab monotherapy on label (3 lines, double-refractory); D-Pd/Isa-Pd; D-Kd with the partner warning.''')

# ---------------------------------------------------------------- 11 the same Kd restarted after a 4-month gap following a progression
b = BV('11-kd-stopped-pd-then-same-kd-restarted-after-4-month-gap', '1955-11-21', 'male', 'Ruiz', 'Luis')
kd_base(b)
b.status('pd-2', '2024-04-26')
for k in range(8):
    cfz_cycle(b, days('2024-08-05', 28 * k), 'kdre%d' % k)
b.status('pr-3', '2024-11-11', worse=False)
b.status('pd-3', '2026-08-20')
TAIL(b)
out(b, '''
Luis Ruiz, 71. ''' + KDB + ''' Kd stopped; PD 2024-04-26. Nothing for 3 months. The same Kd restarted 2024-08-05 for 8
cycles (to 2025-03-03); PR 2024-11-11; PD 2026-08-20.
A haematologist: Kd re-given after a progression and a 4-month gap (131 days after the last carfilzomib) is retreatment,
a new line (IMWG: a new line after progression even with the same drugs). 3 prior lines; carfilzomib-refractory
(progression on or within 60 days of L2's Kd: PD 31 days after its last dose), lenalidomide-refractory; anti-CD38
naive. Daratumumab monotherapy on label (3 lines, double-refractory).''')

# ---------------------------------------------------------------- 12 held Kd resumed 5 days after the PD date with daratumumab added
b = BV('12-kd-held-pd-then-kd-resumed-5-days-after-with-daratumumab-added', '1955-12-22', 'male', 'Ruiz', 'Mateo')
kd_base(b)
b.status('pd-2', '2024-04-26')
for k in range(6):
    s = days('2024-05-01', 28 * k)
    cfz_cycle(b, s, 'dkd%d' % k, 'carfilzomib 56 mg/m2 IV (D-Kd)')
    for d in (0, 7, 14, 21) if k < 2 else (0, 14):
        b.admin('dkd-dara-' + days(s, d), 'daratumumab 1800 mg SC (D-Kd)', days(s, d), DARA)
b.status('pd-3', '2026-08-20')
TAIL(b)
out(b, '''
Mateo Ruiz, 71. ''' + KDB + ''' PD 2024-04-26 (36 days after the last carfilzomib). From 2024-05-01 daratumumab SC was
added to the same Kd (D-Kd) for 6 cycles to 2024-10-01; PD 2026-08-20.
A haematologist: daratumumab added after a progression is a new line (D-Kd), not the Kd continued. 3 prior lines
(VRd-ASCT-R; Kd; D-Kd); anti-CD38 exposed (last dose 2024-10, PD 2026: not refractory), carfilzomib-refractory.''')

# ---- first line ending in an ASCT, replayed at 2026-11-01
def first_line(b, asct_day, kind=ASCT, text='Autologous peripheral blood stem cell transplant'):
    start = days(asct_day, -150)
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', days(start, -14))
    vrd_stmt(b, start, days(start, 105))
    gcsf(b, days(start, 115))
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)' if kind is ASCT else 'melphalan 140 mg/m2 IV (conditioning)',
            days(asct_day, -1), MEL)
    b.proc('sct', kind, text, asct_day)
    b.status('vgpr-1', days(start, 110), worse=False)
    TAIL(b)


# ---------------------------------------------------------------- 13 day 170 after the ASCT, nothing since
b = BV('13-vrd-asct-day-170-no-maintenance-yet-no-progression', '1966-01-13', 'male', 'Olsen', 'Erik')
first_line(b, '2026-05-15')
out(b, '''
Erik Olsen, 60. IgG-kappa myeloma 2025-12. VRd (three list statements) from 2025-12-16 for ~15 weeks; VGPR; G-CSF
mobilisation; melphalan 200 and ASCT 2026-05-15. Nothing recorded since; 2026-11-01 is day +170.
A haematologist: first line under way (post-transplant, maintenance not yet started). 0 prior lines, NDMM
transplant-eligible; no relapsed-setting option, D-VRd/D-VTd/Isa-VRd "induction already given".''')

# ---------------------------------------------------------------- 14 day 190
b = BV('14-vrd-asct-day-190-no-maintenance-no-progression', '1966-02-14', 'male', 'Olsen', 'Nils')
first_line(b, '2026-04-25')
out(b, '''
Nils Olsen, 60. As s21a-13 with the ASCT 2026-04-25: 2026-11-01 is day +190, nothing since, no progression.
A haematologist: VRd-ASCT without maintenance, 6 months out, no relapse: 1 completed line, relapse not documented; no
relapsed-setting option yet (nothing to decide before a relapse). An honest answer names the missing maintenance / status.''')

# ---------------------------------------------------------------- 15 day 170 with a progression inside the window
b = BV('15-vrd-asct-day-170-progression-on-day-150', '1966-03-15', 'male', 'Olsen', 'Arne')
first_line(b, '2026-05-15')
b.status('pd-1', '2026-10-12')
out(b, '''
Arne Olsen, 60. As s21a-13 (ASCT 2026-05-15), with PD 2026-10-12 (day +150).
A haematologist: early relapse after the first line (within 6 months of ASCT): RRMM, 1 prior line, lenalidomide and
bortezomib exposed, not lenalidomide-refractory by IMWG (no lenalidomide within 60 days: the VRd ended 2026-03-31);
high-risk by early relapse. D-Kd, Isa-Kd, D-Rd, D-Vd, D-Pd (1 line with lenalidomide exposure) candidates.''')

# ---------------------------------------------------------------- 16 upfront allograft day 170
b = BV('16-vrd-upfront-allo-sct-day-170-no-progression', '1966-04-16', 'male', 'Olsen', 'Leif')
first_line(b, '2026-05-15', ALLO_SCT, 'Allogeneic peripheral blood stem cell transplant (matched sibling)')
b.stmt('tacro', 'tacrolimus 1 mg PO twice daily (GVHD prophylaxis)', '2026-05-16', '2026-10-30', TACRO)
out(b, '''
Leif Olsen, 60. As s21a-13 but the transplant of 2026-05-15 is an allogeneic one (matched sibling, melphalan 140
conditioning, tacrolimus GVHD prophylaxis to 2026-10-30). Day +170, no progression.
A haematologist: an upfront allograft as part of the first line; no relapse. Either "first line under way" or "1 prior
line, relapse not documented" is acceptable; nothing relapsed-setting should be offered.''')

# ---------------------------------------------------------------- 17 blinded dara-or-placebo L1 (PD 30 days after), then certain D-Pd to PD on it
b = BV('17-blinded-dara-or-placebo-pd-30-days-after-then-certain-dara-pd-pd-on-it', '1959-05-17', 'female', 'Sato', 'Yumi')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2020-01-06')
vrd(b, '2020-01-20', 4)
weekly(b, 'blind', 'daratumumab or placebo 1800 mg SC (double-blind study)', None, '2020-01-20', '2022-12-19', every=28)
rmaint(b, '2020-04-27', '2023-01-02', 'completed')
b.status('pd-1', '2023-01-18')
weekly(b, 'kd-cfz', 'carfilzomib 56 mg/m2 IV weekly (Kd)', CFZ, '2023-02-06', '2024-05-27')
weekly(b, 'kd-dex', 'dexamethasone 40 mg PO weekly (Kd)', DEX, '2023-02-06', '2024-05-27')
b.status('pd-2', '2024-06-10')
weekly(b, 'dpd-dara', 'daratumumab 1800 mg SC (D-Pd)', DARA, '2024-06-24', '2026-07-27', every=28)
b.stmt('dpd-pom', 'pomalidomide 4 mg capsule days 1-21 (D-Pd)', '2024-06-24', '2026-08-09', POM)
b.status('pd-3', '2026-08-24')
TAIL(b)
out(b, '''
Yumi Sato, 67. IgG-kappa myeloma 2020. L1 in a double-blind study: VRd x4 with "daratumumab or placebo 1800 mg SC" every
4 weeks 2020-01-20 to 2022-12-19, lenalidomide maintenance to 2023-01-02; PD 2023-01-18 (30 days after the last blinded
record). L2 weekly Kd 2023-02-06 to 2024-05-27; PD 2024-06-10 on it. L3 open-label D-Pd from 2024-06-24 (last
daratumumab 2026-07-27); PD 2026-08-24 on D-Pd.
A haematologist: whatever the blinded arm, daratumumab-refractory now (progression on the open-label D-Pd, 28 days after
its last dose); pomalidomide-, lenalidomide-, carfilzomib-refractory: penta-refractory-ish, triple-class refractory. 3
prior lines. Every anti-CD38 option is retreatment of anti-CD38-refractory disease (low).''')

# ---------------------------------------------------------------- 18 unnamed "maintenance capsule" after ASCT vs "maintenance inhaler"
b = BV('18-unnamed-maintenance-capsule-after-asct-and-maintenance-inhaler-pd-then-kd', '1960-06-18', 'male', 'Kerr', 'Ian')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2021-01-04')
b.cond('copd', [{'system': ICD, 'code': 'J44.9', 'display': 'Chronic obstructive pulmonary disease, unspecified'}], 'COPD', '2015-03-02')
vrd(b, '2021-01-18', 4)
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2021-06-06', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2021-06-07')
b.stmt('maint', 'maintenance capsule 10 mg daily', '2021-08-02', '2024-03-04')
b.stmt('inh', 'maintenance inhaler 2 puffs twice daily', '2024-06-03', None, status='active')
b.status('pd-1', '2024-03-18')
kd(b, '2024-04-01', '2026-08-31')
b.status('pd-2', '2026-09-21')
TAIL(b)
out(b, '''
Ian Kerr, 66. IgG-kappa myeloma 2021; COPD since 2015. VRd x4, ASCT 2021-06-07, then an unnamed, uncoded "maintenance
capsule 10 mg daily" 2021-08-02 to 2024-03-04 (the EHR lost the drug name); PD 2024-03-18. Kd 2024-04-01 to 2026-08; PD
2026-09-21. From 2024-06-03 an active "maintenance inhaler 2 puffs twice daily" (the COPD inhaler, no code).
A haematologist: the capsule after the ASCT is the first line's maintenance (almost surely lenalidomide, but unnamed:
lenalidomide refractoriness unknown). The inhaler is COPD treatment, not myeloma therapy. 2 prior lines; carfilzomib-
refractory; anti-CD38 naive.''')

# ---------------------------------------------------------------- 19 Z51.11 the only reason on a Cd beside a breast cancer under trastuzumab
Z_ONLY = [{'coding': [Z5111], 'text': 'Encounter for antineoplastic chemotherapy'}]
b = BV('19-cd-reasoncode-z51-11-only-beside-breast-cancer-in-remission-2022', '1958-10-19', 'female', 'Lund', 'Karin')
b.cond('bc', BC, 'Breast cancer, left, stage I, lumpectomy and radiotherapy', '2022-01-10', clin='remission')
four_lines(b, cd_reason=Z_ONLY)
out(b, '''
Karin Lund, 68. Left breast cancer 2022-01-10 (remission). ''' + FOUR % ', every Cd record with one reasonCode: ICD-10-CM Z51.11 only' + '''
A haematologist: Z51.11 names the visit, not the disease: the Cd has no stated reason, and with a breast cancer 2 years
before, the engine's hedge (3 to 4) holds; clinically the Cd (dexamethasone, myeloma PR, PD on it) is the 4th line.''')

# ---------------------------------------------------------------- 20 Z51.11 beside C90.00
b = BV('20-cd-reasoncodes-z51-11-and-c90-00-beside-breast-cancer-in-remission-2022', '1958-11-20', 'female', 'Lund', 'Hanna')
b.cond('bc', BC, 'Breast cancer, left, stage I, lumpectomy and radiotherapy', '2022-01-10', clin='remission')
four_lines(b, cd_reason=[{'coding': [Z5111, C9000], 'text': 'Chemotherapy for multiple myeloma'}])
out(b, '''
Hanna Lund, 68. As s21a-19, but the Cd's reasonCode holds Z51.11 and C90.00 (multiple myeloma) in one concept.
A haematologist: the record states the myeloma: 4 prior lines, no range; D-Kd and Isa-Kd beyond their 1-3 line limit;
daratumumab monotherapy on label.''')

# ---------------------------------------------------------------- 21 near miss of 01: the same Cd from day +8 (outside the day +1..+7 window)
b = BV('21-allo-early-relapse-day-2-weekly-cd-salvage-from-day-8', '1970-01-21', 'male', 'Novak', 'Karel')
allo_history(b, ptcy=False)
b.status('pd-2', '2021-10-20', text='Progressive disease (IMWG): new paraspinal plasmacytoma on day +2 MRI')
cd(b, '2021-10-26', '2022-03-29', cy_text='cyclophosphamide 300 mg/m2 PO weekly (Cd, myeloma relapse after allo-SCT)')
b.status('pr-2', '2022-02-14', worse=False)
b.status('pd-3', '2026-08-10')
TAIL(b, 88)
out(b, '''
Karel Novak, 56. As s21a-01, but the weekly Cd for the day +2 progression starts on 2021-10-26 (day +8), outside the
day +1..+7 window of post-transplant cyclophosphamide.
A haematologist: as s21a-01: 3 prior lines; lenalidomide-refractory; carfilzomib not refractory by IMWG (last dose
2021-08-17, progression 64 days later); the progression on day +2 is refractory to the allograft line as a whole
(its conditioning), not to a drug stopped 64 days before.''')

# ---------------------------------------------------------------- 22 as 06, but the fourth course is AC (no dexamethasone) with no reason
b = BV('22-breast-cancer-remission-4-9-years-before-no-reason-ac-fourth-course', '1958-06-26', 'female', 'Lund', 'Elin')
b.cond('bc', BC, 'Breast cancer, left, stage I, lumpectomy and radiotherapy', '2019-05-05', clin='remission')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-09-02')
vrd(b, '2019-09-16', 4)
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2020-02-09', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2020-02-10')
rmaint(b, '2020-04-06', '2021-02-28', 'completed')
b.status('pd-1', '2021-03-10')
kd(b, '2021-03-21', '2022-09-19')
b.status('pd-2', '2022-10-03')
weekly(b, 'vd-btz', 'bortezomib 1.3 mg/m2 SC weekly (Vd)', BTZ, '2022-10-17', '2024-03-04')
weekly(b, 'vd-dex', 'dexamethasone 20 mg PO weekly (Vd)', DEX, '2022-10-17', '2024-03-04')
b.status('pd-3', '2024-03-18')
for d in ('2024-04-01', '2024-04-22', '2024-05-13', '2024-06-03'):
    b.admin('ac-dox-' + d, 'doxorubicin 60 mg/m2 IV', d, DOXO)
    b.admin('ac-cy-' + d, 'cyclophosphamide 600 mg/m2 IV', d, CY)
b.status('pd-4', '2026-09-21')
TAIL(b)
out(b, '''
Elin Lund, 68. Left breast cancer 2019-05-05 (lumpectomy, radiotherapy; "remission", no abatement date). IgG-kappa
myeloma 2019-09: L1 VRd x4, ASCT 2020-02-10, lenalidomide maintenance to 2021-02-28; PD 2021-03-10. L2 Kd 2021-03-21 to
2022-09; PD 2022-10-03. L3 weekly Vd 2022-10-17 to 2024-03-04; PD 2024-03-18. Then doxorubicin 60 mg/m2 + cyclophosphamide
600 mg/m2 IV every 3 weeks x4 (AC) 2024-04-01 to 2024-06-03, no reason, no dexamethasone, no response recorded (4.9 years
after the breast cancer); PD 2026-09-21.
A haematologist: AC is the breast-cancer regimen; with no reason it may have treated a breast recurrence: 3 myeloma lines,
possibly 4 (3 to 4). A confident 4 takes D-Kd/Isa-Kd off the label on a line the record does not show to be myeloma
therapy (carfilzomib-refractory anyway: PD 14 days after the Kd).''')

# ---------------------------------------------------------------- 23 near miss of 22: the breast cancer diagnosed after the myeloma (2021-06-14)
b = BV('23-breast-cancer-diagnosed-after-myeloma-remission-no-reason-ac-fourth-course', '1958-06-27', 'female', 'Lund', 'Greta')
b.cond('bc', BC, 'Breast cancer, left, stage I, lumpectomy and radiotherapy', '2021-06-14', clin='remission')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-09-02')
vrd(b, '2019-09-16', 4)
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2020-02-09', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2020-02-10')
rmaint(b, '2020-04-06', '2021-02-28', 'completed')
b.status('pd-1', '2021-03-10')
kd(b, '2021-03-21', '2022-09-19')
b.status('pd-2', '2022-10-03')
weekly(b, 'vd-btz', 'bortezomib 1.3 mg/m2 SC weekly (Vd)', BTZ, '2022-10-17', '2024-03-04')
weekly(b, 'vd-dex', 'dexamethasone 20 mg PO weekly (Vd)', DEX, '2022-10-17', '2024-03-04')
b.status('pd-3', '2024-03-18')
for d in ('2024-04-01', '2024-04-22', '2024-05-13', '2024-06-03'):
    b.admin('ac-dox-' + d, 'doxorubicin 60 mg/m2 IV', d, DOXO)
    b.admin('ac-cy-' + d, 'cyclophosphamide 600 mg/m2 IV', d, CY)
b.status('pd-4', '2026-09-21')
TAIL(b)
out(b, '''
Greta Lund, 68. As s21a-22, but the left breast cancer was diagnosed 2021-06-14, after the myeloma. IgG-kappa
myeloma 2019-09: L1 VRd x4, ASCT 2020-02-10, lenalidomide maintenance to 2021-02-28; PD 2021-03-10. L2 Kd 2021-03-21 to
2022-09; PD 2022-10-03. L3 weekly Vd 2022-10-17 to 2024-03-04; PD 2024-03-18. Then doxorubicin 60 mg/m2 + cyclophosphamide
600 mg/m2 IV every 3 weeks x4 (AC) 2024-04-01 to 2024-06-03, no reason, no dexamethasone, no response recorded (2.8 years
after the breast cancer); PD 2026-09-21.
A haematologist: AC is the breast-cancer regimen; with no reason it may have treated a breast recurrence: 3 myeloma lines,
possibly 4 (3 to 4). A confident 4 takes D-Kd/Isa-Kd off the label on a line the record does not show to be myeloma
therapy (carfilzomib-refractory anyway: PD 14 days after the Kd).''')
