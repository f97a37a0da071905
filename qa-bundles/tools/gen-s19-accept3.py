# Sweep R (acceptance check of the s19 fixes on s19-int): near misses of the regimen reading of
# CDS-POLICY-NO-MYELOMA-USE-REGIMEN (a myeloma cytotoxic-only regimen begun on the day of a trastuzumab, pembrolizumab or
# rituximab infusion for another cancer; a companion with a stated reason by code only; topical fluorouracil), R-CHOP with
# rituximab and CHOP on different days, OtherCancerOnRecord (a cancer in remission long ago with no abatement date), the
# leukaemia words (CLL-type monoclonal B-cell lymphocytosis, secondary plasma-cell leukaemia), two study drugs named by the
# same words, a stale relapse coding beside a superseded remission coding, carfilzomib charted once per cycle.
# Run from the project root; writes qa-bundles/s19w-*.json with a story s19w-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403


class BW(B):
    PREFIX = 's19w-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-06T00:40:00Z'; return bd

    def cond(s, i, codings, text, onset, clin='active', **kw):
        r = super().cond(i, codings, text, onset, clin, **kw)
        if not codings: r['code'] = {'text': text}  # a free-text problem-list entry, no coding at all
        return r



RTX = ('121191', 'rituximab'); VCR = ('11202', 'vincristine'); BENDA = ('134547', 'bendamustine')
TRA = ('224905', 'trastuzumab'); PEMBRO = ('1547545', 'pembrolizumab'); FU = ('4492', 'fluorouracil')
BC = [{'system': ICD, 'code': 'C50.912', 'display': 'Malignant neoplasm of unspecified site of left female breast'}]
PCA = [{'system': ICD, 'code': 'C61', 'display': 'Malignant neoplasm of prostate'}]
LUNG = [{'system': ICD, 'code': 'C34.11', 'display': 'Malignant neoplasm of upper lobe, right bronchus or lung'}]
BCC = [{'system': ICD, 'code': 'C44.91', 'display': 'Basal cell carcinoma of skin, unspecified'}]
DLBCL = [{'system': ICD, 'code': 'C83.38', 'display': 'Diffuse large B-cell lymphoma, lymph nodes of multiple sites'}]
ITP_CODE = {'coding': [{'system': ICD, 'code': 'D69.3', 'display': 'Immune thrombocytopenic purpura'}],
            'text': 'Immune thrombocytopenia'}



def asct_r(b, dx='2019-01-20', start='2019-02-01', r_end='2022-02-28'):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', dx)
    vrd(b, start)
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', days(start, 158), MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', days(start, 159))
    rmaint(b, days(start, 212), r_end, 'completed')



S2 = '2024-06-17'  # the salvage's first day: 42 days after the dated progression of 2024-05-06


def three_lines(b, salvage):
    """VRd-ASCT-R to 2022-02-28; PD 2022-03-10; Kd 2022-03-21 to 2023-06; VGPR; PD 2024-05-06; SALVAGE from S2; PR; PD 2026-08-20."""
    asct_r(b)
    b.status('pd-1', '2022-03-10')
    kd(b, '2022-03-21', '2023-06-20')
    b.status('vgpr-1', '2023-07-10', worse=False)
    b.status('pd-2', '2024-05-06')
    salvage(b)
    b.status('pr-3', '2024-09-16', worse=False)
    b.status('pd-3', '2026-08-20')
    tail(b)


def cd(b, start=S2, weeks=16):
    weekly(b, 'cd-cy', 'cyclophosphamide 500 mg PO weekly (Cd)', CY, start, days(start, 7 * weeks - 1))
    weekly(b, 'cd-dex', 'dexamethasone 40 mg PO weekly (Cd)', DEX, start, days(start, 7 * weeks - 1))


def bendadex(b, start=S2, n=4):
    for k in range(n):
        s = days(start, 28 * k)
        for j in (0, 1):
            d = days(s, j); b.admin('benda-' + d, 'bendamustine 100 mg/m2 IV (Bd)', d, BENDA)
    weekly(b, 'bd-dex', 'dexamethasone 40 mg PO weekly (Bd)', DEX, start, days(start, 28 * n - 1))


THREE = '''A haematologist: %s begun 42 days after a dated myeloma progression (2024-05-06), followed by a recorded response
(PR 2024-09-16), is myeloma salvage; %s. 3 prior lines (VRd-ASCT-R, Kd, %s), lenalidomide-refractory, carfilzomib not
refractory (Kd ended 2023-06, PD 2024-05), anti-CD38 naive. US D-Kd/Isa-Kd (1 to 3 prior lines) on label; daratumumab
monotherapy on label (3 lines incl. a PI and an IMiD). A range 2 to 3 is cautious but named; a confident 2 takes a line
away (and daratumumab monotherapy off).'''

# ---------------------------------------------------------------- 01 Cd begun on a trastuzumab day (HER2 breast cancer)
b = BW('01-cd-salvage-begun-on-an-adjuvant-trastuzumab-day-her2-breast-cancer', '1952-04-11', 'female', 'Haddad', 'Leila')
b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2023-11-20')
three_lines(b, cd)
d = days(S2, -21 * 6)
for k in range(17):
    b.admin('tra-' + days(d, 21 * k), 'trastuzumab 6 mg/kg IV every 3 weeks (adjuvant)', days(d, 21 * k), TRA)
out(b, '''
Leila Haddad, 74. Myeloma 2019: VRd-ASCT-R to 2022-02-28; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR; PD 2024-05-06.
HER2-positive breast cancer (C50.912, 2023-11-20) after surgery and chemotherapy elsewhere, on adjuvant trastuzumab every
3 weeks in the oncology day unit from 2024-03-11 (17 infusions, no reason). Weekly oral cyclophosphamide 500 mg and
dexamethasone 40 mg (Cd, 16 weeks) from 2024-06-17, the day of a trastuzumab infusion, no reason; PR; PD 2026-08-20.
''' + THREE % ('Weekly cyclophosphamide-dexamethasone', 'no HER2 regimen gives weekly oral cyclophosphamide with dexamethasone beside trastuzumab', 'Cd'))

# ---------------------------------------------------------------- 02 MP first line begun on a pembrolizumab day
b = BW('02-mp-first-line-begun-on-a-pembrolizumab-day-lung-cancer', '1943-02-02', 'male', 'Kowalski', 'Jan')
b.cond('lung', LUNG, 'Non-small cell lung cancer, right upper lobe, stage IIIA, PD-L1 80%', '2023-05-10')
b.cond('mm', MM_ICD(), 'Multiple myeloma, IgG kappa', '2024-01-10')
MP = '2024-02-05'
d = days(MP, -21 * 12)
while d <= '2025-06-30':
    b.admin('pem-' + d, 'pembrolizumab 200 mg IV every 3 weeks', d, PEMBRO); d = days(d, 21)
for k in range(9):
    s = days(MP, 42 * k)
    b.disp('mel-' + s, 'melphalan 2 mg tablet, 9 mg/m2 days 1-4 every 6 weeks (MP)', s, 4, MEL)
    b.disp('pred-' + s, 'prednisone 50 mg tablet, 60 mg/m2 days 1-4 every 6 weeks (MP)', s, 4, PRED)
b.status('pr-1', '2024-07-01', worse=False)
b.status('pd-1', '2026-08-20')
tail(b)
out(b, '''
Jan Kowalski, 83. Non-small cell lung cancer (C34.11, 2023-05-10) on pembrolizumab every 3 weeks since 2023-06 (no
reason on the records). Myeloma IgG kappa diagnosed 2024-01-10 at 81: melphalan-prednisone (MP), 9 cycles every 6 weeks
from 2024-02-05 (dispensed on day 1, a pembrolizumab day: he comes to the cancer centre for both), no reason; PR
2024-07-01; PD 2026-08-20.
A haematologist: MP is a myeloma first-line regimen for the elderly; no lung-cancer regimen pairs melphalan and
prednisone with pembrolizumab. 1 prior line (MP), no IMiD/PI exposure, anti-CD38 naive; relapsed myeloma, D-Rd/D-Vd/D-Kd
on label. Reading MP as the lung cancer's therapy leaves a relapsed patient with no myeloma therapy.''')

# ---------------------------------------------------------------- 03 Bd on a rituximab day, rituximab's reason by CODE (ITP)
b = BW('03-bendamustine-dex-on-a-rituximab-day-reasoncode-itp-prostate-cancer-surveillance', '1950-09-09', 'male', 'Petrov', 'Oleg')
b.cond('pca', PCA, 'Prostate cancer, Gleason 3+3, active surveillance', '2020-05-04')
b.cond('itp', [ITP_CODE['coding'][0]], 'Immune thrombocytopenia (secondary)', '2024-06-01')
three_lines(b, bendadex)
for k in range(4):
    d = days(S2, 7 * k)
    b.admin('rtx-' + d, 'rituximab 375 mg/m2 IV weekly x4 (ITP)', d, RTX, reasonCode=[ITP_CODE])
out(b, '''
Oleg Petrov, 76. Prostate cancer on active surveillance since 2020 (never treated). Myeloma: VRd-ASCT-R, Kd, PD
2024-05-06. Secondary immune thrombocytopenia 2024-06-01; rituximab 375 mg/m2 weekly x4 from 2024-06-17, each record with
reasonCode D69.3 "Immune thrombocytopenia". Bendamustine 100 mg/m2 days 1-2 every 28 days x4 with weekly dexamethasone
from the same day, no reason; PR; PD 2026-08-20.
''' + THREE % ('Bendamustine-dexamethasone', 'the rituximab states its own reason (ITP), and a prostate cancer on surveillance is not treated', 'Bd'))

# ---------------------------------------------------------------- 04 Cd dispensed on the day of a topical fluorouracil fill (BCC)
b = BW('04-cd-salvage-dispensed-with-topical-fluorouracil-for-basal-cell-carcinoma', '1948-07-07', 'male', 'Brennan', 'Sean')
b.cond('bcc', BCC, 'Superficial basal cell carcinoma, left shoulder', '2024-05-28')


def cd_disp(bb):
    for k in range(4):
        d = days(S2, 28 * k)
        bb.disp('cy-' + d, 'cyclophosphamide 50 mg tablet, 500 mg weekly (Cd)', d, 28, CY)
        bb.disp('dex-' + d, 'dexamethasone 4 mg tablet, 40 mg weekly (Cd)', d, 28, DEX)


three_lines(b, cd_disp)
b.disp('fu-cream', 'fluorouracil 5% topical cream, apply twice daily for 4 weeks', S2, 28, FU)
out(b, '''
Sean Brennan, 78. Myeloma: VRd-ASCT-R, Kd, PD 2024-05-06. Superficial basal cell carcinoma of the shoulder (C44.91,
2024-05-28) treated with fluorouracil 5% cream, dispensed 2024-06-17 with the first monthly fill of oral
cyclophosphamide 500 mg weekly and dexamethasone 40 mg weekly (Cd, 4 fills); no reason on any record; PR; PD 2026-08-20.
''' + THREE % ('Weekly cyclophosphamide-dexamethasone', 'a skin cream for a basal cell carcinoma is no regimen partner of oral chemotherapy', 'Cd'))

# ---------------------------------------------------------------- 05 R-CHOP with rituximab on day 1 and CHOP on day 2
b = BW('05-rchop-rituximab-day-1-chop-day-2-no-reason-dlbcl-active', '1953-05-15', 'male', 'Okafor', 'Emeka')
asct_r(b)
b.status('pd-1', '2022-03-10')
kd(b, '2022-03-21', '2023-06-20')
b.status('vgpr-1', '2023-07-10', worse=False)
b.cond('dlbcl', DLBCL, 'Diffuse large B-cell lymphoma, stage III', '2024-01-22')
for k in range(6):
    d = days('2024-02-05', 21 * k); d2 = days(d, 1)
    b.admin('rtx-' + d, 'rituximab 375 mg/m2 IV (R-CHOP, day 1)', d, RTX)
    b.admin('cy-' + d2, 'cyclophosphamide 750 mg/m2 IV (R-CHOP, day 2)', d2, CY)
    b.admin('dox-' + d2, 'doxorubicin 50 mg/m2 IV (R-CHOP, day 2)', d2, DOXO)
    b.admin('vcr-' + d2, 'vincristine 1.4 mg/m2 IV (R-CHOP, day 2)', d2, VCR)
    b.stmt('pred-' + d2, 'prednisone 100 mg PO days 2-6 (R-CHOP)', d2, days(d2, 4), PRED)
b.status('pd-2', '2026-08-20')
tail(b)
out(b, '''
Emeka Okafor, 73. Myeloma: VRd-ASCT-R to 2022-02; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR. DLBCL (C83.38,
2024-01-22, active). Six cycles of R-CHOP-21 from 2024-02-05, the rituximab on day 1 and CHOP on day 2 (a common schedule:
the first infusion is long), no reason on any record. Myeloma PD 2026-08-20.
A haematologist: R-CHOP is the lymphoma's therapy; 2 prior myeloma lines, D-Kd/Isa-Kd on label. A range 2 to 3 is cautious
but named (MEDIUM at most); a confident third line would be invented.''')

# ---------------------------------------------------------------- 06/07 a cancer long ago, now remission/inactive, no abatement
for name, giv, cond, text, onset, clin, code in (
        ('06-cd-salvage-breast-cancer-2009-in-remission-no-abatement-date', 'Grace', 'bc', 'Breast cancer, right, stage I, lumpectomy and radiotherapy 2009', '2009-03-02', 'remission', BC),
        ('07-cd-salvage-childhood-leukaemia-1968-inactive-no-abatement-date', 'Ruth', 'all', 'Acute lymphoblastic leukaemia in childhood (treated 1968-1971)', '1968-04-01', 'inactive', None)):
    b = BW(name, '1961-01-0%d' % len(giv), 'female', 'Abbott', giv)
    if code: b.cond(cond, code, text, onset, clin=clin)
    else: b.cond(cond, [], text, onset, clin=clin)
    three_lines(b, cd)
    out(b, '''
%s Abbott, 65. %s: problem-list entry clinicalStatus "%s", onset %s, no abatement date, no therapy of it on
record (treated long ago elsewhere). Myeloma: VRd-ASCT-R, Kd, PD 2024-05-06; weekly Cd from 2024-06-17 (16 weeks), no
reason; PR; PD 2026-08-20.
''' % (giv, text, clin, onset) + THREE % ('Weekly cyclophosphamide-dexamethasone', 'a cancer treated %s years before is not what it treats' % (2024 - int(onset[:4])), 'Cd'))

# ---------------------------------------------------------------- 08 CLL-type monoclonal B-cell lymphocytosis (no cancer)
b = BW('08-bendamustine-dex-salvage-cll-type-monoclonal-b-cell-lymphocytosis-on-record', '1949-10-10', 'male', 'Lindgren', 'Per')
b.cond('mbl', [], 'Monoclonal B-cell lymphocytosis, CLL-type, low count (surveillance)', '2021-09-14')
three_lines(b, bendadex)
out(b, '''
Per Lindgren, 77. Low-count monoclonal B-cell lymphocytosis of CLL phenotype (a precursor state, not a leukaemia) on the
problem list since 2021 (text only). Myeloma: VRd-ASCT-R, Kd, PD 2024-05-06; bendamustine-dexamethasone from 2024-06-17
(4 cycles), no reason; PR; PD 2026-08-20.
''' + THREE % ('Bendamustine-dexamethasone', 'low-count MBL is not treated (iwCLL), so no other cancer is on record', 'Bd') +
'''
"CLL-type" is not CLL: no range is warranted.''')

# ---------------------------------------------------------------- 09 secondary plasma-cell leukaemia (myeloma family)
b = BW('09-cd-salvage-secondary-plasma-cell-leukaemia-text-only', '1955-12-12', 'female', 'Novak', 'Ivana')
b.cond('spcl', [], 'Secondary plasma cell leukaemia (leukaemic relapse of IgG myeloma, 25% circulating plasma cells)', '2024-05-06')
three_lines(b, cd)
out(b, '''
Ivana Novak, 70. Myeloma: VRd-ASCT-R, Kd; PD 2024-05-06 with a leukaemic relapse, entered as "Secondary plasma cell
leukaemia" (text only). Weekly Cd from 2024-06-17, no reason; PR; PD 2026-08-20.
''' + THREE % ('Weekly cyclophosphamide-dexamethasone', 'plasma-cell leukaemia is the myeloma itself, no other cancer', 'Cd'))

# ---------------------------------------------------------------- 10 two trials, the study drug named by the same words
b = BW('10-two-trials-study-drug-named-by-the-same-words-then-kd', '1957-03-03', 'female', 'Ortiz', 'Lucia')
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
Lucia Ortiz, 69. VRd-ASCT-R to 2020-04-30; PD 2020-05-10; trial A (an uncoded "Investigational product (study drug,
blinded) IV" every 14 days with weekly dexamethasone) 2020-05-25 to 2021-11-29; PD 2021-12-13; Kd 2022-01-03 to 2023-08;
PD 2023-09-25; trial B, another study whose product is charted by the same words, 2023-10-09 to 2026-07-27; PD 2026-08-24.
A haematologist: each study regimen began within 15 days after a dated progression: 4 prior lines (VRd-ASCT-R, trial A,
Kd, trial B); the engine cannot classify the study drugs, so 2 to 4 lines is the honest range. US D-Kd/Isa-Kd (1 to 3
lines) are NOT settled on label: a range whose top is 3 would offer them on facts the record does not hold.''')

# ---------------------------------------------------------------- 11 stale relapse coding, superseded remission coding, in VGPR on Kd
b = BW('11-stale-c9002-2021-beside-inactive-c9001-2020-vgpr-on-kd-since-2021', '1954-06-06', 'male', 'Dubois', 'Luc')
asct_r(b, r_end='2021-03-15')
b.cond('mm-rem', MM_ICD('C90.01', 'Multiple myeloma in remission'), 'Multiple myeloma in remission', '2019-12-02', clin='inactive')
b.cond('mm-rel', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2021-03-22')
b.status('pd-1', '2021-03-22')
kd(b, '2021-04-05', '2026-10-20')
b.status('vgpr-2', '2026-06-15', worse=False)
tail(b)
out(b, '''
Luc Dubois, 72. VRd-ASCT 2019, C90.01 "in remission" coded 2019-12-02 (now inactive); lenalidomide to 2021-03-15; PD
2021-03-22 with C90.02 "in relapse" coded that day and never updated (still active); Kd from 2021-04-05, still given
(last dose 2026-10); VGPR 2026-06-15.
A haematologist: the relapse of 2021 was treated; he is in VGPR on his second line; no progression since: not a
candidate for a new regimen. "Relapse documented" with options offered would be wrong.''')

# ---------------------------------------------------------------- 12 carfilzomib charted per cycle, PD long after
b = BW('12-kd-carfilzomib-charted-day-1-only-pd-five-months-later', '1956-08-08', 'female', 'Sato', 'Yumi')
asct_r(b)
b.status('pd-1', '2022-03-10')
for k in range(18):
    d = days('2022-03-21', 28 * k)
    b.admin('cfz-' + d, 'carfilzomib 56 mg/m2 IV (Kd, cycle %d)' % (k + 1), d, CFZ)
weekly(b, 'kd-dex', 'dexamethasone 20 mg PO (Kd)', DEX, '2022-03-21', days('2022-03-21', 28 * 18 - 1))
b.status('vgpr-1', '2023-09-04', worse=False)
b.status('pd-2', '2024-03-04')
tail(b)
out(b, '''
Yumi Sato, 70. VRd-ASCT-R to 2022-02-28; PD 2022-03-10; Kd 18 cycles from 2022-03-21, carfilzomib charted on day 1 of
each cycle only (last 2023-08-07), dexamethasone weekly to 2023-08-20; VGPR; PD 2024-03-04, nearly 7 months after the
last cycle began; no therapy since.
A haematologist: carfilzomib not refractory (even the last cycle's day 16 is ~6 months before the PD); lenalidomide-
refractory; 2 prior lines; D-Kd/Isa-Kd on label, CANDOR fit.''')

# ---------------------------------------------------------------- 10b the same two trials, the words not 'blinded'
b = BW('10b-two-trials-open-study-drug-named-by-the-same-words-then-kd', '1957-03-04', 'female', 'Ortiz', 'Marta')
asct_r(b, r_end='2020-04-30')
b.status('pd-1', '2020-05-10')
T2 = 'Investigational product (study drug) IV'
weekly(b, 'trA', T2, None, '2020-05-25', '2021-11-29', every=14)
weekly(b, 'trA-dex', 'dexamethasone 20 mg PO weekly (study regimen)', DEX, '2020-05-25', '2021-11-29')
b.status('pd-2', '2021-12-13')
kd(b, '2022-01-03', '2023-08-28')
b.status('pd-3', '2023-09-25')
weekly(b, 'trB', T2, None, '2023-10-09', '2026-07-27', every=14)
weekly(b, 'trB-dex', 'dexamethasone 20 mg PO weekly (study regimen)', DEX, '2023-10-09', '2026-07-27')
b.status('pd-4', '2026-08-24')
tail(b)
out(b, '''
Marta Ortiz, 69. As 10, the study product of both trials charted "Investigational product (study drug) IV" (open
label, not said to be blinded): trial A 2020-05-25 to 2021-11-29, Kd 2022-01 to 2023-08, trial B 2023-10-09 to 2026-07-27,
each begun within 15 days after a dated progression.
A haematologist: 4 prior lines (or 2 to 4 while the study drugs are unclassified); US D-Kd/Isa-Kd not settled on label.''')

# ---------------------------------------------------------------- 01c Cd begun two days after a trastuzumab day
b = BW('01c-cd-salvage-begun-two-days-after-a-trastuzumab-day-her2-breast-cancer', '1952-04-12', 'female', 'Haddad', 'Noor')
b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2023-11-20')
three_lines(b, lambda bb: cd(bb, start=days(S2, 2)))
d = days(S2, -21 * 6)
for k in range(17):
    b.admin('tra-' + days(d, 21 * k), 'trastuzumab 6 mg/kg IV every 3 weeks (adjuvant)', days(d, 21 * k), TRA)
out(b, '''
Noor Haddad, 74. As 01, the weekly Cd begun on 2024-06-19, two days after a trastuzumab infusion (the weekly doses never
fall on a trastuzumab day). Near miss of 01.
''' + THREE % ('Weekly cyclophosphamide-dexamethasone', 'no HER2 regimen gives weekly oral cyclophosphamide with dexamethasone beside trastuzumab', 'Cd'))

# ---------------------------------------------------------------- 13/14 blinded anti-CD38 washout, both arms
ISA = ('2283183', 'isatuximab')
b = BW('13-d-rd-then-blinded-daratumumab-or-placebo-maintenance-trial-same-band', '1958-05-05', 'male', 'Fischer', 'Karl')
asct_r(b, r_end='2021-06-30')
b.status('pd-1', '2021-07-12')
for k in range(20):
    d = days('2021-07-26', 28 * k); b.admin('dara-' + d, 'daratumumab 1800 mg SC (D-Rd)', d, DARA)
b.stmt('drd-len', 'lenalidomide 25 mg days 1-21 (D-Rd)', '2021-07-26', '2023-02-26', LEN)
b.status('vgpr-2', '2022-06-01', worse=False)
for k in range(10):
    d = days('2023-03-27', 28 * k)
    b.admin('blind-' + d, 'daratumumab or placebo 1800 mg SC (maintenance study, double-blind)', d)
b.status('pd-2', '2024-02-19')
kd(b, '2024-03-04', '2026-08-10')
b.status('pd-3', '2026-09-07')
tail(b)
out(b, '''
Karl Fischer, 68. VRd-ASCT-R; PD 2021-07-12; D-Rd (daratumumab SC every 4 weeks) 2021-07-26 to 2023-02-27, VGPR; then a
double-blind maintenance study, "daratumumab or placebo 1800 mg SC" every 4 weeks 2023-03-27 to 2023-12-11; PD 2024-02-19;
Kd 2024-03-04 to 2026-08; PD 2026-09-07.
A haematologist: 3 prior lines (VRd-ASCT-R, D-Rd and its maintenance, Kd); daratumumab-exposed, refractoriness to it
undecided (placebo arm or not); washout from the last certain dose (2023-02-27) or the last blinded dose (2023-12-11):
both over 9 months by 2026-11-01, so adequate either way, with both counts named.''')

b = BW('14-blinded-isatuximab-or-placebo-only-last-dose-over-180-days', '1959-06-06', 'female', 'Meyer', 'Anna')
asct_r(b, r_end='2022-06-30')
b.status('pd-1', '2022-07-11')
for k in range(24):
    d = days('2022-07-25', 14 * k)
    b.admin('blind-' + d, 'isatuximab or placebo 10 mg/kg IV (IKEMA-like study, double-blind)', d)
kd(b, '2022-07-25', '2023-07-10')
b.status('pd-2', '2023-07-31')
b.stmt('pd-pom', 'pomalidomide 4 mg capsule days 1-21 of 28', '2023-08-14', '2026-09-01', POM)
weekly(b, 'pd-dex', 'dexamethasone 40 mg PO weekly (Pd)', DEX, '2023-08-14', '2026-09-01')
b.status('pd-3', '2026-09-21')
tail(b)
out(b, '''
Anna Meyer, 67. VRd-ASCT-R; PD 2022-07-11; a double-blind study of Kd with "isatuximab or placebo" every 2 weeks
2022-07-25 to 2023-06; PD 2023-07-31; Pd 2023-08-14 to 2026-09-01; PD 2026-09-21.
A haematologist: 3 prior lines; anti-CD38 exposure undecided (blinded); if given, the last dose was over 3 years ago,
washout adequate; if placebo, naive. "Adequate if it was given" is right; never "short" or "refractory".''')
