# Sweep T (acceptance check of the s19 fixes f0e0431 and f597762): the regimen reading of
# CDS-POLICY-NO-MYELOMA-USE-REGIMEN against CDS-POLICY-CHEMO-OTHER-CANCER's range. A myeloma salvage begun on the first
# day of a NEW antibody course for another cancer, the myeloma progression 31, 45, 150 or 200 days before, left
# unanswered or answered by a myeloma-only drug (the last doses of the failing line given a week after the progression's
# date, a short Pd stopped for toxicity); no dated progression at all; a partner course entered-in-error, ordered only,
# dated to the month, continuous, coded SNOMED CT only; a cancer diagnosed after the chemotherapy; a reason on only some
# records; a partner already in its 10th cycle; R-CHOP from cycle 1 (near miss); a deceased patient.
# Run from the project root; writes qa-bundles/s20y-*.json with a story s20y-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403


class BY(B):
    PREFIX = 's20y-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-06T02:30:00Z'; return bd


RTX = ('121191', 'rituximab'); VCR = ('11202', 'vincristine'); TRA = ('224905', 'trastuzumab')
LAP = ('480167', 'lapatinib'); BEV = ('253337', 'bevacizumab')
BC = [{'system': ICD, 'code': 'C50.912', 'display': 'Malignant neoplasm of unspecified site of left female breast'}]
FL = [{'system': ICD, 'code': 'C82.08', 'display': 'Follicular lymphoma grade I, lymph nodes of multiple sites'}]
DLBCL = [{'system': ICD, 'code': 'C83.38', 'display': 'Diffuse large B-cell lymphoma, lymph nodes of multiple sites'}]
CRC = [{'system': ICD, 'code': 'C18.7', 'display': 'Malignant neoplasm of sigmoid colon'}]
S2 = '2024-06-17'


def asct_r(b, dx='2019-01-20', start='2019-02-01', r_end='2022-02-28'):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', dx)
    vrd(b, start)
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', days(start, 158), MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', days(start, 159))
    rmaint(b, days(start, 212), r_end, 'completed')


def two_lines(b, kd_last='2023-06-20', vgpr=True):
    asct_r(b)
    b.status('pd-1', '2022-03-10')
    kd(b, '2022-03-21', kd_last)
    if vgpr: b.status('vgpr-1', '2023-07-10', worse=False)


def kd_to_pd(b, pd, gap=False):
    """Kd given to the progression, its last two carfilzomib doses a week after the progression's date (the result read
    after the draw), as a chart records a failing line. gap: the last 4-5 weeks before the progression without a dose
    (a held cycle), so the two late doses stand apart."""
    asct_r(b)
    b.status('pd-1', '2022-03-10')
    kd(b, '2022-03-21', days(pd, -14))
    b.status('pd-2', pd)
    if not gap:
        last = max(e['resource']['effectiveDateTime'][:10] for e in b.entry if e['resource']['id'].startswith('kd-cfz-'))
        d = days(last, 7)
        while d < pd:
            for x in (d, days(d, 1)): b.admin('kd-cfz-' + x, 'carfilzomib 56 mg/m2 IV (Kd)', x, CFZ)
            d = days(d, 7)
    for d in (days(pd, 7), days(pd, 8)): b.admin('kd-cfz-' + d, 'carfilzomib 56 mg/m2 IV (Kd)', d, CFZ)


def cd(b, start=S2, weeks=16, **kw):
    weekly(b, 'cd-cy', 'cyclophosphamide 500 mg PO weekly (Cd)', CY, start, days(start, 7 * weeks - 1), **kw)
    weekly(b, 'cd-dex', 'dexamethasone 40 mg PO weekly (Cd)', DEX, start, days(start, 7 * weeks - 1), **kw)


def trastuzumab(b, start=S2, n=17, code=TRA, **kw):
    for k in range(n):
        d = days(start, 21 * k); b.admin('tra-' + d, 'trastuzumab 6 mg/kg IV every 3 weeks (adjuvant)', d, code, **kw)


def end(b):
    b.status('pr-3', '2024-09-16', worse=False)
    b.status('pd-3', '2026-08-20')
    tail(b)


HAEM = '''A haematologist: weekly oral cyclophosphamide with dexamethasone 40 mg begun %s, followed by a myeloma response
(PR 2024-09-16), is myeloma salvage; %s. %s'''
NOHER2 = 'no HER2 regimen adds weekly oral cyclophosphamide and dexamethasone 40 mg to trastuzumab'

# ---------------------------------------------------------------- 01/02 Cd with a new trastuzumab course, PD 31 / 200 days before, unanswered
for nn, gap in (('01', 31), ('02', 200)):
    b = BY('%s-cd-with-new-trastuzumab-course-pd-%d-days-before-unanswered' % (nn, gap), '1952-04-1%s' % nn[1], 'female', 'Haddad', 'Noor' + nn)
    b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2024-04-22' if gap < 60 else '2023-10-30')
    two_lines(b)
    b.status('pd-2', days(S2, -gap))
    cd(b); trastuzumab(b); end(b)
    out(b, '''
Noor Haddad, 74. Myeloma 2019: VRd-ASCT-R to 2022-02-28; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR; PD %s (%d days
before the salvage), no myeloma therapy since. HER2-positive breast cancer (C50.912), operated; adjuvant trastuzumab every
3 weeks from 2024-06-17 (first infusion that day, 17 infusions, no reason). Weekly oral cyclophosphamide 500 mg +
dexamethasone 40 mg (16 weeks) from 2024-06-17, no reason; myeloma PR 2024-09-16; PD 2026-08-20.
''' % (days(S2, -gap), gap) + HAEM % ('%d days after an untreated myeloma progression' % gap, NOHER2,
      '3 prior lines (2 to 3 honest while no record states the reason); never a confident 2.'))

# ---------------------------------------------------------------- 03 as 01, PD 45 days before, the failing Kd's last doses a week after the PD date
b = BY('03-cd-with-new-trastuzumab-course-pd-45-days-before-last-kd-doses-after-pd-date', '1951-02-03', 'female', 'Haddad', 'Leila')
b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2024-05-20')
kd_to_pd(b, days(S2, -45), gap=True)
cd(b); trastuzumab(b); end(b)
STORY03 = '''
Leila Haddad, 75. Myeloma 2019: VRd-ASCT-R to 2022-02-28; PD 2022-03-10; Kd from 2022-03-21 given to progression: PD
2024-05-03 (the draw date; no carfilzomib in the 4 weeks before it, a held cycle), the last two carfilzomib doses
2024-05-10/11 before the result was read. HER2-positive breast
cancer (C50.912, 2024-05-20), operated; adjuvant trastuzumab every 3 weeks from 2024-06-17 (first infusion that day, 17
infusions, no reason). Weekly oral cyclophosphamide 500 mg + dexamethasone 40 mg (16 weeks) from 2024-06-17, no reason;
myeloma PR 2024-09-16; PD 2026-08-20.
''' + HAEM % ('45 days after a myeloma progression on Kd (carfilzomib-refractory)', NOHER2,
      'The two carfilzomib doses after the draw date are the failing line, not an answer to the progression. 3 prior lines'
      ' (VRd-ASCT-R, Kd, Cd); 2 to 3 is honest; a confident 2 takes a line away (daratumumab monotherapy, 3 lines and'
      ' double-refractory, is on label).')
out(b, STORY03)
STORY_C = STORY03.replace(' (the draw date; no carfilzomib in the 4 weeks before it, a held cycle)', ' (the draw date)')

# ---------------------------------------------------------------- 04 PD 150 days before, answered by Pd stopped for toxicity after 6 weeks; Cd with new trastuzumab
b = BY('04-pd-answered-by-pd-stopped-for-toxicity-then-cd-with-new-trastuzumab-course', '1951-03-04', 'female', 'Haddad', 'Mona')
b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2024-04-22')
two_lines(b)
b.status('pd-2', days(S2, -150))
b.stmt('pd-pom', 'pomalidomide 4 mg capsule days 1-21 of 28', days(S2, -136), days(S2, -94), POM)
weekly(b, 'pd-dex', 'dexamethasone 40 mg PO weekly (Pd)', DEX, days(S2, -136), days(S2, -94))
b.cond('neut', [{'system': ICD, 'code': 'D70.1', 'display': 'Agranulocytosis secondary to cancer chemotherapy'}],
       'Grade 4 neutropenia on pomalidomide (drug stopped)', days(S2, -96), clin='resolved', abatementDateTime=days(S2, -70))
cd(b); trastuzumab(b); end(b)
out(b, '''
Mona Haddad, 75. Myeloma 2019: VRd-ASCT-R to 2022-02-28; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR; PD 2024-01-19;
Pd 2024-02-02 to 2024-03-15, stopped for grade 4 neutropenia (no response assessed). HER2-positive breast cancer
(C50.912, 2024-04-22), operated; adjuvant trastuzumab every 3 weeks from 2024-06-17 (17 infusions, no reason). Weekly
oral cyclophosphamide 500 mg + dexamethasone 40 mg from 2024-06-17, no reason; myeloma PR 2024-09-16; PD 2026-08-20.
''' + HAEM % ('after Pd was stopped for toxicity with the disease still progressing', NOHER2,
      '4 prior lines (VRd-ASCT-R, Kd, Pd, Cd: a change for toxicity begins a new line); 3 to 4 is honest; a confident 3'
      ' takes a line away.'))

# ---------------------------------------------------------------- 05 no dated progression (rising M-protein only); Cd on the day of a 3-monthly rituximab maintenance dose
b = BY('05-no-dated-pd-rising-m-protein-cd-begun-on-3-monthly-rituximab-maintenance-day', '1950-05-05', 'male', 'Petrov', 'Oleg')
b.cond('fl', FL, 'Follicular lymphoma grade 1-2, stage III, on rituximab maintenance', '2021-09-06')
two_lines(b)
for k in range(12):
    d = days('2022-05-16', 84 * k); b.admin('rtx-' + d, 'rituximab 375 mg/m2 IV (maintenance every 12 weeks)', d, RTX)
for d, v in (('2023-10-02', 0.3), ('2024-01-08', 0.7), ('2024-03-25', 1.2), ('2024-05-27', 1.9)): b.mprot('mp-' + d, d, v)
cd(b, start='2024-06-10')
b.mprot('mp-2024-09-09', '2024-09-09', 0.8)
b.status('pd-3', '2026-08-20')
tail(b)
out(b, '''
Oleg Petrov, 76. Myeloma 2019: VRd-ASCT-R to 2022-02; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR. Follicular lymphoma
(C82.08, 2021) on rituximab maintenance every 12 weeks from 2022-05-16 (12 doses, the 10th on 2024-06-10). M-protein
rising 0.3 -> 0.7 -> 1.2 -> 1.9 g/dL (2023-10 to 2024-05-27), no disease-status entry. Weekly oral cyclophosphamide 500 mg +
dexamethasone 40 mg from 2024-06-10 (the day of a maintenance dose), no reason; M-protein 0.8 g/dL 2024-09-09; PD
2026-08-20.
A haematologist: biochemical relapse (M-protein 0.3 to 1.9) answered by weekly Cd, which halved the M-protein: myeloma
salvage, the third line. Rituximab maintenance every 12 weeks was in its 10th dose, no regimen begun with it. 3 lines
(2 to 3 at most); a confident 2 takes a line away.''')

# ---------------------------------------------------------------- 06 Cd begun on the day of the 10th trastuzumab cycle (partner running), PD answered by late Kd doses
b = BY('06-cd-begun-on-10th-trastuzumab-cycle-day-pd-45-days-before-last-kd-after-pd', '1951-06-06', 'female', 'Haddad', 'Rana')
b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2023-09-01')
kd_to_pd(b, days(S2, -45))
trastuzumab(b, start=days(S2, -189), n=17)
cd(b); end(b)
out(b, '''
Rana Haddad, 75. As s20y-16 (PD 2024-05-03 on Kd, the last carfilzomib doses a week after the draw), but adjuvant
trastuzumab began 2023-12-11 and the Cd of 2024-06-17 begins on the day of its 10th infusion.
''' + HAEM % ('45 days after a myeloma progression on Kd', NOHER2, '3 prior lines, no range needed.'))

# ---------------------------------------------------------------- 07/08/09/10/13 as 03 with the partner entered-in-error, ordered only, dated to the month, continuous, SNOMED only
VARIANTS = [
    ('07', 'first-trastuzumab-entered-in-error', 'the first trastuzumab record (2024-06-17) entered-in-error, the real first infusion 2024-07-08'),
    ('08', 'trastuzumab-as-medicationrequest-only', 'the trastuzumab recorded only as MedicationRequests (orders) every 3 weeks'),
    ('09', 'trastuzumab-statement-dated-to-the-month', 'the trastuzumab recorded as one MedicationStatement begun "2024-06" (month only)'),
    ('10', 'partner-lapatinib-daily-continuous', 'the partner lapatinib 1250 mg daily (an oral kinase inhibitor) from 2024-06-17'),
    ('13', 'trastuzumab-coded-snomed-only', 'the trastuzumab coded SNOMED CT only (no RxNorm)'),
]
for nn, tag, why in VARIANTS:
    b = BY('%s-cd-pd-45-days-before-last-kd-after-pd-%s' % (nn, tag), '1951-07-%s' % nn, 'female', 'Haddad', 'Dana' + nn)
    b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2024-05-20')
    kd_to_pd(b, days(S2, -45))
    cd(b)
    if nn == '07':
        trastuzumab(b)
        for e in b.entry:
            if e['resource']['id'] == 'tra-' + S2: e['resource']['status'] = 'entered-in-error'
    elif nn == '08':
        for k in range(17):
            d = days(S2, 21 * k); b.req('tra-rq-' + d, 'trastuzumab 6 mg/kg IV every 3 weeks (adjuvant)', d, TRA)
    elif nn == '09':
        b.stmt('tra-st', 'trastuzumab 6 mg/kg IV every 3 weeks (adjuvant)', '2024-06', '2025-06', TRA)
    elif nn == '10':
        b.stmt('lap', 'lapatinib 250 mg tablet, 5 tablets daily', S2, '2025-06-16', LAP, status='completed')
    else:
        for k in range(17):
            d = days(S2, 21 * k)
            b.add({'resourceType': 'MedicationAdministration', 'id': 'tra-' + d, 'status': 'completed',
                   'medicationCodeableConcept': {'coding': [{'system': SCT, 'code': '108814000', 'display': 'Trastuzumab (substance)'}],
                                                 'text': 'Herceptin 6 mg/kg IV'}, 'subject': b.subj(),
                   'effectiveDateTime': d + 'T09:30:00-05:00'})
    end(b)
    out(b, STORY_C.replace('Leila Haddad, 75.', 'Dana Haddad, 75. As s20y-16 (Kd given through the progression date), %s.' % why))

# ---------------------------------------------------------------- 11 rituximab + Cd, the lymphoma diagnosed after the chemotherapy
b = BY('11-cd-with-new-rituximab-lymphoma-diagnosed-after-the-chemo-pd-45-days-before', '1950-11-11', 'male', 'Petrov', 'Ivan')
b.cond('fl', FL, 'Follicular lymphoma grade 1-2, stage II', '2024-11-04')
kd_to_pd(b, days(S2, -45))
cd(b)
for k in range(4):
    d = days(S2, 7 * k); b.admin('rtx-' + d, 'rituximab 375 mg/m2 IV weekly x4', d, RTX)
end(b)
out(b, '''
Ivan Petrov, 76. As s20y-16 (Kd given to a progression dated 2024-05-03, last carfilzomib doses a week later); weekly
rituximab x4 and weekly Cd (cyclophosphamide 500 mg + dexamethasone 40 mg) from 2024-06-17, no reason on any record;
myeloma PR 2024-09-16. Follicular lymphoma (C82.08) diagnosed 2024-11-04, months after the chemotherapy; PD 2026-08-20.
A haematologist: no other cancer was known when the Cd began; the lymphoma found in November cannot be what the June
regimen treated. 3 prior lines (2 to 3 at most); a confident 2 takes a line away.''')

# ---------------------------------------------------------------- 12 as 03, the Cd's first records give the myeloma as reason, the rest none
b = BY('12-cd-reason-myeloma-on-first-records-only-with-new-trastuzumab-pd-45-days-before', '1951-12-12', 'female', 'Haddad', 'Huda')
b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2024-05-20')
kd_to_pd(b, days(S2, -45))
cd(b, start=S2, weeks=2, reasonReference=[b.ref('mm')])
cd(b, start=days(S2, 14), weeks=14)
trastuzumab(b); end(b)
out(b, STORY_C.replace('Leila Haddad, 75.', 'Huda Haddad, 75. As s20y-16 (Kd given through the progression date), the first two weeks of Cd records carry reasonReference to the myeloma Condition, the later ones none.'))

# ---------------------------------------------------------------- 14 R-CHOP for an active DLBCL from cycle 1 (near miss: the lymphoma's)
b = BY('14-rchop-from-cycle-1-dlbcl-active-after-two-myeloma-lines', '1953-05-14', 'male', 'Okafor', 'Emeka')
two_lines(b)
b.cond('dlbcl', DLBCL, 'Diffuse large B-cell lymphoma, stage III', '2024-01-22')
for k in range(6):
    d = days('2024-02-05', 21 * k)
    b.admin('rtx-' + d, 'rituximab 375 mg/m2 IV (R-CHOP)', d, RTX)
    b.admin('cy-' + d, 'cyclophosphamide 750 mg/m2 IV (R-CHOP)', d, CY)
    b.admin('dox-' + d, 'doxorubicin 50 mg/m2 IV (R-CHOP)', d, DOXO)
    b.admin('vcr-' + d, 'vincristine 1.4 mg/m2 IV (R-CHOP)', d, VCR)
    b.stmt('pred-' + d, 'prednisone 100 mg PO days 1-5 (R-CHOP)', d, days(d, 4), PRED)
b.status('pd-2', '2026-08-20')
tail(b)
out(b, '''
Emeka Okafor, 73. Myeloma: VRd-ASCT-R to 2022-02; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR. DLBCL (C83.38,
2024-01-22, active). Six cycles of R-CHOP-21 from 2024-02-05, all drugs on day 1 from cycle 1, no reasons. Myeloma PD
2026-08-20.
A haematologist: R-CHOP is the lymphoma's therapy: 2 prior myeloma lines, D-Kd/Isa-Kd on label (CANDOR/IKEMA), no hedge.''')

# ---------------------------------------------------------------- 15 deceased patient: DCEP begun with a new bevacizumab course (colon cancer), PD answered by late Kd doses
b = BY('15-deceased-dcep-with-new-bevacizumab-course-colon-cancer-pd-45-days-before', '1949-01-15', 'male', 'Novak', 'Pavel',
       deceasedDateTime='2026-10-10')
b.cond('crc', CRC, 'Sigmoid colon adenocarcinoma, stage III, after resection', '2024-05-13')
kd_to_pd(b, days(S2, -45))
for k in range(3):
    s = days(S2, 28 * k)
    for j in range(4):
        d = days(s, j)
        b.admin('dcep-dex-' + d, 'dexamethasone 40 mg PO (DCEP)', d, DEX)
        b.admin('dcep-cy-' + d, 'cyclophosphamide 400 mg/m2/day IV continuous (DCEP)', d, CY)
        b.admin('dcep-eto-' + d, 'etoposide 40 mg/m2/day IV continuous (DCEP)', d, ETO)
        b.admin('dcep-cis-' + d, 'cisplatin 10 mg/m2/day IV continuous (DCEP)', d, CIS)
for k in range(12):
    d = days(S2, 14 * k); b.admin('bev-' + d, 'bevacizumab 5 mg/kg IV every 2 weeks', d, BEV)
end(b)
out(b, '''
Pavel Novak, 77, died 2026-10-10. Myeloma 2019: VRd-ASCT-R; PD 2022-03-10; Kd given to a progression dated 2024-05-03
(last carfilzomib doses a week after the draw). Sigmoid colon cancer (C18.7, 2024-05-13), resected. From 2024-06-17 DCEP
(dexamethasone, cyclophosphamide, etoposide, cisplatin, days 1-4 every 28 days x3) and bevacizumab every 2 weeks x12
from the same day, no reasons; myeloma PR 2024-09-16; PD 2026-08-20.
A haematologist: DCEP is a myeloma salvage (no colon regimen), 3 prior lines; the patient has died: no recommendation
should be offered as for a living patient.''')

# ---------------------------------------------------------------- 16 as 03, Kd given without a pause through the progression's date
b = BY('16-cd-with-new-trastuzumab-course-pd-45-days-before-kd-given-through-pd-date', '1951-02-16', 'female', 'Haddad', 'Salma')
b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2024-05-20')
kd_to_pd(b, days(S2, -45))
cd(b); trastuzumab(b); end(b)
out(b, STORY_C.replace('Leila Haddad, 75.', 'Salma Haddad, 75. As s20y-03, Kd given weekly without a pause up to the progression and a week after it.'))

# ---------------------------------------------------------------- 17 as 01, the progression shown only by a rising M-protein (no disease-status entry)
b = BY('17-cd-with-new-trastuzumab-course-progression-by-m-protein-only', '1952-04-17', 'female', 'Haddad', 'Amal')
b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2024-04-22')
two_lines(b)
for d, v in (('2023-10-02', 0.3), ('2024-01-08', 0.7), ('2024-03-25', 1.2), ('2024-05-27', 1.9)): b.mprot('mp-' + d, d, v)
cd(b); trastuzumab(b)
b.mprot('mp-2024-09-09', '2024-09-09', 0.8)
b.status('pd-3', '2026-08-20')
tail(b)
out(b, '''
Amal Haddad, 74. Myeloma 2019: VRd-ASCT-R to 2022-02-28; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR; M-protein rising
0.3 -> 0.7 -> 1.2 -> 1.9 g/dL (2023-10 to 2024-05-27), no disease-status entry. HER2-positive breast cancer (C50.912,
2024-04-22), operated; adjuvant trastuzumab every 3 weeks from 2024-06-17 (first infusion that day, 17 infusions, no
reason). Weekly oral cyclophosphamide 500 mg + dexamethasone 40 mg (16 weeks) from 2024-06-17, no reason; M-protein 0.8
g/dL 2024-09-09; PD 2026-08-20.
''' + HAEM % ('21 days after a confirmed biochemical progression (M-protein 1.9 g/dL)', NOHER2,
      'It halved the M-protein. 3 prior lines (2 to 3 honest while no record states the reason); never a confident 2.'))
