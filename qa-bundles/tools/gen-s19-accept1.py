# Sweep Q (acceptance check of 6020e32, the regimen reading of CDS-POLICY-NO-MYELOMA-USE-REGIMEN needing both courses to
# begin on the same day): myeloma salvage regimens (DCEP, VDT-PACE, cyclophosphamide-dexamethasone, bendamustine-
# dexamethasone) begun on the same day as a new endocrine therapy, a GnRH depot or a rituximab given for a non-cancer
# condition; month-only statements of a transferred-in list; stated reasons and entered-in-error companions; R-CHOP
# with the lymphoma recorded in remission, resolved with an abatement, recorded after the first cycle, as orders only,
# and with a myeloma progression days before; bendamustine-rituximab for a CLL coded in SNOMED CT only or ICD-10 only;
# FOLFOX-bevacizumab for a colon cancer.
# Run from the project root; writes qa-bundles/s19u-*.json with a story s19u-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BU(B):
    PREFIX = 's19u-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-05T23:30:00Z'; return bd



RTX = ('121191', 'rituximab'); VCR = ('11202', 'vincristine'); ANA = ('84857', 'anastrozole')
LEU = ('42375', 'leuprolide'); BENDA = ('134547', 'bendamustine'); BEV = ('253337', 'bevacizumab')
OXA = ('32592', 'oxaliplatin'); FU = ('4492', 'fluorouracil'); LV = ('6313', 'leucovorin')
DLBCL = [{'system': ICD, 'code': 'C83.38', 'display': 'Diffuse large B-cell lymphoma, lymph nodes of multiple sites'}]
BC = [{'system': ICD, 'code': 'C50.912', 'display': 'Malignant neoplasm of unspecified site of left female breast'}]
PCA = [{'system': ICD, 'code': 'C61', 'display': 'Malignant neoplasm of prostate'}]
ITP = [{'system': ICD, 'code': 'D69.3', 'display': 'Immune thrombocytopenic purpura'}]
RA = [{'system': ICD, 'code': 'M05.79', 'display': 'Rheumatoid arthritis with rheumatoid factor of multiple sites'}]
CLL_SCT = [{'system': SCT, 'code': '92814006', 'display': 'Chronic lymphoid leukemia, disease'}]
CLL_ICD = [{'system': ICD, 'code': 'C91.10', 'display': 'Chronic lymphocytic leukemia of B-cell type not having achieved remission'}]
COLON = [{'system': ICD, 'code': 'C18.7', 'display': 'Malignant neoplasm of sigmoid colon'}]
MM_RELAPSE = {'coding': [{'system': ICD, 'code': 'C90.02', 'display': 'Multiple myeloma in relapse'}]}



def asct_r(b, dx='2019-01-20', start='2019-02-01', r_end=None, r_status='completed'):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', dx)
    vrd(b, start)
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', days(start, 158), MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', days(start, 159))
    if r_end is not False: rmaint(b, days(start, 212), r_end, r_status)



S = '2025-01-13'  # the salvage's first day in the four-line skeleton


def dcep(b, start=S, n=2, **kw):
    for k in range(n):
        s = days(start, 28 * k)
        for j in range(4):
            d = days(s, j)
            b.admin('dcep-dex-' + d, 'dexamethasone 40 mg PO (DCEP)', d, DEX, **kw)
            b.admin('dcep-cy-' + d, 'cyclophosphamide 400 mg/m2/day IV continuous infusion (DCEP)', d, CY, **kw)
            b.admin('dcep-eto-' + d, 'etoposide 40 mg/m2/day IV continuous infusion (DCEP)', d, ETO, **kw)
            b.admin('dcep-cis-' + d, 'cisplatin 10 mg/m2/day IV continuous infusion (DCEP)', d, CIS, **kw)


def vdtpace(b, start=S, n=2):
    for k in range(n):
        s = days(start, 28 * k)
        for j in (0, 3, 7, 10):
            d = days(s, j); b.admin('vdt-btz-' + d, 'bortezomib 1 mg/m2 SC (VDT-PACE)', d, BTZ)
        b.stmt('vdt-thal-' + s, 'thalidomide 100 mg capsule nightly (VDT-PACE)', s, days(s, 27), THAL)
        for j in range(4):
            d = days(s, j)
            b.admin('vdt-dex-' + d, 'dexamethasone 40 mg PO (VDT-PACE)', d, DEX)
            b.admin('vdt-cis-' + d, 'cisplatin 10 mg/m2/day IV continuous infusion (VDT-PACE)', d, CIS)
            b.admin('vdt-dox-' + d, 'doxorubicin 10 mg/m2/day IV continuous infusion (VDT-PACE)', d, DOXO)
            b.admin('vdt-cy-' + d, 'cyclophosphamide 400 mg/m2/day IV continuous infusion (VDT-PACE)', d, CY)
            b.admin('vdt-eto-' + d, 'etoposide 40 mg/m2/day IV continuous infusion (VDT-PACE)', d, ETO)


def cd(b, start=S, weeks=12):
    weekly(b, 'cd-cy', 'cyclophosphamide 500 mg PO weekly (Cd)', CY, start, days(start, 7 * weeks - 1))
    weekly(b, 'cd-dex', 'dexamethasone 40 mg PO weekly (Cd)', DEX, start, days(start, 7 * weeks - 1))


def bendadex(b, start=S, n=3):
    for k in range(n):
        s = days(start, 28 * k)
        for j in (0, 1):
            d = days(s, j); b.admin('benda-' + d, 'bendamustine 100 mg/m2 IV (Bd)', d, BENDA)
    weekly(b, 'bd-dex', 'dexamethasone 40 mg PO weekly (Bd)', DEX, start, days(start, 28 * n - 1))


def four_lines(b, salvage, pd1='2025-01-02'):
    """VRd-ASCT-R to 2024-12-20, PD pd1, SALVAGE from 2025-01-13, PR, PD; Kd; PD; Pd; PD 2026-09-15 (s18q-05's record)."""
    asct_r(b, r_end='2024-12-20')
    b.status('pd-1', pd1)
    salvage(b)
    b.status('pr', '2025-03-20', worse=False)
    b.status('pd-2', '2025-06-02')
    kd(b, '2025-06-16', '2026-02-20')
    b.status('pd-3', '2026-03-05')
    b.stmt('pd-pom', 'pomalidomide 4 mg capsule days 1-21 of 28', '2026-03-16', '2026-08-31', POM)
    weekly(b, 'pd-dex', 'dexamethasone 40 mg PO weekly (Pd)', DEX, '2026-03-16', '2026-08-31')
    b.status('pd-4', '2026-09-15')
    tail(b)


def depots(b, first, every, last='2026-10-20', pre='leu', **kw):
    d = first
    while d <= last:
        b.admin('%s-%s' % (pre, d), 'leuprolide acetate %s mg depot IM (ADT)' % ('22.5' if every > 60 else '7.5'),
                d, LEU, **kw)
        d = days(d, every)


FOUR = '''A haematologist: %s is myeloma salvage begun %d days after a dated myeloma progression, with a response recorded;
it is no %s regimen. 4 prior lines (VRd-ASCT-R, %s, Kd, Pd); lenalidomide-, carfilzomib- and pomalidomide-refractory;
anti-CD38 naive. US D-Kd/Isa-Kd (1 to 3 prior lines) are off label. A range 3 to 4 (CDS-POLICY-CHEMO-OTHER-CANCER) is
cautious but named; a confident 3 with D-Kd "met, 1 to 3 prior lines" takes a line away.'''

# ---------------------------------------------------------------- 01 DCEP the same day as the first GnRH depot
def rec01(name, giv, depot_first, every=91, depot_kw=None, dcep_kw=None, pca_onset='2024-12-10', since=None, n=2):
    b = BU(name, '1951-06-0%d' % (len(giv) % 9 + 1), 'male', 'Moreau', giv)
    b.cond('pca', PCA, 'Prostate adenocarcinoma, Gleason 4+4, PSA 38', pca_onset)
    four_lines(b, lambda bb: dcep(bb, n=n, **(dcep_kw or {})))
    depots(b, depot_first, every, **(depot_kw or {}))
    return b


out(rec01('01-dcep-same-day-as-first-leuprolide-depot-new-prostate-cancer', 'Henri', S), '''
Henri Moreau, 75. Myeloma 2019: VRd x4, melphalan 200, ASCT, lenalidomide to 2024-12-20; PD 2025-01-02 (Observation).
A new high-risk prostate adenocarcinoma (C61, 2024-12-10); androgen deprivation with leuprolide 22.5 mg depot every 3
months, the first injection given in the day unit on 2025-01-13, the first day of DCEP (dexamethasone, cyclophosphamide,
etoposide, cisplatin days 1-4, 2025-01-13 and 2025-02-10), no reason on any record; PR 2025-03-20; PD 2025-06-02; Kd
2025-06-16 to 2026-02-20, PD 2026-03-05; Pd 2026-03-16 to 2026-08-31, PD 2026-09-15.
''' + FOUR % ('DCEP', 11, 'prostate-cancer', 'DCEP'))

out(rec01('01c-one-dcep-cycle-same-day-as-first-leuprolide-depot-new-prostate-cancer', 'Remi', S, n=1), '''
Remi Moreau, 75. As 01 with ONE cycle of DCEP (2025-01-13 to 2025-01-16, a bridge), the first leuprolide depot given
on its first day for a new prostate cancer (C61, 2024-12-10); PR 2025-03-20; PD 2025-06-02; Kd; PD; Pd; PD 2026-09-15.
''' + FOUR % ('DCEP', 11, 'prostate-cancer', 'DCEP'))

out(rec01('02-dcep-on-a-quarterly-leuprolide-depot-day-prostate-cancer-since-2021', 'Marcel', days(S, -91 * 15),
          pca_onset='2021-02-15'), '''
Marcel Moreau, 75. Prostate cancer (C61, 2021-02-15) on androgen deprivation since 2021: leuprolide 22.5 mg depot
every 91 days (no reason on the records), one injection falling on 2025-01-13. Myeloma as in 01: VRd-ASCT-R to
2024-12-20; PD 2025-01-02; DCEP from 2025-01-13 (the depot day), no reason; PR; PD 2025-06-02; Kd; PD; Pd; PD 2026-09-15.
''' + FOUR % ('DCEP', 11, 'prostate-cancer', 'DCEP') + '''
A depot taken for four years is no partner of a new regimen (Sweep O, O1: an endocrine tablet taken for years).''')

out(rec01('02b-dcep-on-a-monthly-leuprolide-depot-day-prostate-cancer-since-2021', 'Gilles', days(S, -28 * 48),
          every=28, pca_onset='2021-02-15'), '''
Gilles Moreau, 75. As 02, the leuprolide 7.5 mg depot given every 28 days since 2021 (no reason), one injection on
2025-01-13, the first DCEP day. Near miss of 02: the depot course runs back to 2021, so the courses do not begin together.
''' + FOUR % ('DCEP', 11, 'prostate-cancer', 'DCEP'))


# ---------------------------------------------------------------- 03 Cd the same day as the first anastrozole fill
def rec03(name, giv):
    b = BU(name, '1955-08-08', 'female', 'Lindqvist', giv)
    b.cond('bc', BC, 'Breast cancer, left, ER-positive, stage I, after lumpectomy', '2024-11-20')
    four_lines(b, cd)
    d = S
    while d <= '2026-10-15':
        b.disp('ana-' + d, 'anastrozole 1 mg tablet daily', d, 30, ANA); d = days(d, 30)
    return b


out(rec03('03-cd-salvage-same-day-as-first-anastrozole-fill-new-breast-cancer', 'Maja'), '''
Maja Lindqvist, 71. Myeloma 2019: VRd-ASCT-R to 2024-12-20; PD 2025-01-02. A new ER-positive stage I breast cancer
(C50.912, 2024-11-20, lumpectomy); anastrozole dispensed every 30 days from 2025-01-13. Oral cyclophosphamide 500 mg
and dexamethasone 40 mg weekly for 12 weeks from 2025-01-13 (the same day as the first fill), no reason; PR 2025-03-20;
PD 2025-06-02; Kd; PD 2026-03-05; Pd; PD 2026-09-15.
''' + FOUR % ('Weekly cyclophosphamide-dexamethasone', 11, 'breast-cancer', 'Cd') + '''
Cyclophosphamide is given for early breast cancer only as intravenous AC/TC with an anthracycline or taxane, never as
weekly oral cyclophosphamide with dexamethasone beside an aromatase inhibitor.''')


# ---------------------------------------------------------------- 04 bendamustine-dex the same day as rituximab for ITP
def rec04(name, giv, rtx_reason, pca=True, rtx_every=None, rtx_cond=None, n=3):
    b = BU(name, '1950-09-09', 'male', 'Petrov', giv)
    if pca: b.cond('pca', PCA, 'Prostate cancer, Gleason 3+3, active surveillance', '2020-05-04')
    cond_id, cond_codes, cond_text = rtx_cond or ('itp', ITP, 'Immune thrombocytopenia (secondary)')
    b.cond(cond_id, cond_codes, cond_text, '2024-12-28' if cond_id == 'itp' else '2016-03-01')
    four_lines(b, lambda bb: bendadex(bb, n=n))
    kw = {'reasonReference': reason(b, cond_id)} if rtx_reason else {}
    if rtx_every is None:
        weekly(b, 'rtx', 'rituximab 375 mg/m2 IV weekly x4', RTX, S, days(S, 21), **kw)
    else:
        d = days(S, -rtx_every * 8)
        while d <= '2026-10-01':
            b.admin('rtx-%s' % d, 'rituximab 1000 mg IV', d, RTX, **kw)
            b.admin('rtx-%s-b' % d, 'rituximab 1000 mg IV', days(d, 14), RTX, **kw)
            d = days(d, rtx_every)
    return b


out(rec04('04-bendamustine-dex-same-day-as-rituximab-for-itp-reasonref-prostate-cancer-surveillance', 'Ivan', True), '''
Ivan Petrov, 76. Low-risk prostate cancer on active surveillance since 2020 (C61, active, never treated). Myeloma 2019:
VRd-ASCT-R to 2024-12-20; PD 2025-01-02 with a secondary immune thrombocytopenia (D69.3, 2024-12-28). Bendamustine
100 mg/m2 days 1-2 every 28 days x3 and weekly dexamethasone from 2025-01-13 (no reason), and rituximab 375 mg/m2
weekly x4 from the same day with reasonReference the ITP. PR 2025-03-20; PD 2025-06-02; Kd; PD 2026-03-05; Pd; PD
2026-09-15.
''' + FOUR % ('Bendamustine-dexamethasone', 11, 'prostate-cancer', 'Bd') + '''
The rituximab's own record says it treated the ITP; the prostate cancer was never treated.''')

out(rec04('04d-one-bendamustine-dex-cycle-same-day-as-rituximab-for-itp-reasonref-prostate-cancer', 'Yuri', True, n=1),
    '''
Yuri Petrov, 76. As 04 with ONE 28-day cycle of bendamustine-dexamethasone (2025-01-13 to 2025-02-09, a bridge), the
rituximab for the ITP (reasonReference) weekly x4 from the same day; prostate cancer on active surveillance since 2020.
''' + FOUR % ('Bendamustine-dexamethasone', 11, 'prostate-cancer', 'Bd'))

out(rec04('04b-bendamustine-dex-same-day-as-rituximab-for-itp-no-reason-no-other-cancer', 'Oleg', False, pca=False), '''
Oleg Petrov, 76. As 04 with no prostate cancer on record and no reason on the rituximab records (ITP on the problem
list). Near miss: with no other cancer on record the regimen reading cannot apply.
''' + FOUR % ('Bendamustine-dexamethasone', 11, 'other-cancer', 'Bd'))

out(rec04('04c-bendamustine-dex-on-a-rituximab-day-for-rheumatoid-arthritis-reasoncode-prostate-cancer', 'Boris', True,
          rtx_every=182, rtx_cond=('ra', RA, 'Seropositive rheumatoid arthritis')), '''
Boris Petrov, 76. Prostate cancer on active surveillance (C61, 2020). Seropositive rheumatoid arthritis (M05.79) on
rituximab 1000 mg x2 (days 1 and 15) every 6 months since 2021, reasonReference the RA; one course began on
2025-01-13. Myeloma: VRd-ASCT-R; PD 2025-01-02; bendamustine-dexamethasone from 2025-01-13 (no reason); PR; PD; Kd; PD; Pd; PD.
''' + FOUR % ('Bendamustine-dexamethasone', 11, 'prostate-cancer', 'Bd'))


# ---------------------------------------------------------------- 05 a transferred-in list with month-only dates
def rec05(name, giv):
    b = BU(name, '1954-10-10', 'female', 'Ferreira', giv)
    b.cond('bc', BC, 'Breast cancer, left, ER-positive, stage I', '2024-12')
    asct_r(b, r_end='2024-12-20')
    b.status('pd-1', '2025-01-02')
    for drug, code in (('dexamethasone', DEX), ('cyclophosphamide', CY), ('etoposide', ETO), ('cisplatin', CIS)):
        b.stmt('dcep-' + drug, drug + ' (DCEP, outside hospital)', '2025-01', '2025-02', code,
               dateAsserted='2025-06-10')
    b.stmt('ana', 'anastrozole 1 mg tablet daily', '2025-01', None, ANA, status='active', dateAsserted='2025-06-10')
    b.status('pr', '2025-03-20', worse=False)
    b.status('pd-2', '2025-06-02')
    kd(b, '2025-06-16', '2026-02-20')
    b.status('pd-3', '2026-03-05')
    b.stmt('pd-pom', 'pomalidomide 4 mg capsule days 1-21 of 28', '2026-03-16', '2026-08-31', POM)
    weekly(b, 'pd-dex', 'dexamethasone 40 mg PO weekly (Pd)', DEX, '2026-03-16', '2026-08-31')
    b.status('pd-4', '2026-09-15')
    tail(b); return b


out(rec05('05-dcep-month-only-statements-beside-anastrozole-month-only-statement', 'Rosa'), '''
Rosa Ferreira, 72. Myeloma 2019: VRd-ASCT-R to 2024-12-20; PD 2025-01-02. Treated at another hospital early in 2025:
its medication list (MedicationStatements asserted 2025-06-10) gives DCEP (dexamethasone, cyclophosphamide, etoposide,
cisplatin, one statement each) "2025-01 to 2025-02" and anastrozole "from 2025-01" (active) for a breast cancer
diagnosed 2024-12 (C50.912, month only). No reason on any statement. PR 2025-03-20; PD 2025-06-02; Kd; PD 2026-03-05;
Pd; PD 2026-09-15.
''' + FOUR % ('DCEP', 11, 'breast-cancer', 'DCEP') + '''
"2025-01" is any day of January: equal month-only starts do not say the two began on the same day.''')

out(rec01('06-dcep-reasoncode-myeloma-relapse-same-day-as-first-leuprolide', 'Luc', S,
          dcep_kw={'reasonCode': [MM_RELAPSE]}), '''
Luc Moreau, 75. As 01 (first leuprolide depot on DCEP day 1, new prostate cancer), every DCEP record carrying
reasonCode C90.02 (myeloma in relapse). Near miss: the stated reason decides; DCEP is line 2.
''' + FOUR % ('DCEP', 11, 'prostate-cancer', 'DCEP'))

out(rec01('07-dcep-same-day-as-leuprolide-entered-in-error', 'Andre', S,
          depot_kw={'status': 'entered-in-error'}), '''
Andre Moreau, 75. As 01 but every leuprolide administration is status entered-in-error (charted on the wrong patient;
this patient never had androgen deprivation), the prostate cancer still on the problem list. Near miss: nothing was
given beside DCEP.
''' + FOUR % ('DCEP', 11, 'prostate-cancer', 'DCEP'))


def rec08(name, giv):
    b = BU(name, '1951-06-08', 'male', 'Moreau', giv)
    b.cond('pca', PCA, 'Prostate adenocarcinoma, Gleason 4+4, PSA 38', '2024-12-10')
    four_lines(b, vdtpace)
    depots(b, S, 91)
    return b


out(rec08('08-vdt-pace-same-day-as-first-leuprolide-depot', 'Paul'), '''
Paul Moreau, 75. As 01 with VDT-PACE (bortezomib, thalidomide, dexamethasone, cisplatin, doxorubicin,
cyclophosphamide, etoposide) in place of DCEP, from 2025-01-13, the day of the first leuprolide depot. Near miss:
bortezomib and thalidomide keep the cytotoxics myeloma therapy (O2's guard).
''' + FOUR % ('VDT-PACE', 11, 'prostate-cancer', 'VDT-PACE'))


# ---------------------------------------------------------------- R-CHOP: the lymphoma's status and dates
def two_lines_then(b):
    asct_r(b, r_end='2022-02-28')
    b.status('pd-1', '2022-03-10')
    kd(b, '2022-03-21', '2023-06-20')
    b.status('vgpr-1', '2023-07-10', worse=False)


def chop(b, start, n=6, req=False):
    for k in range(n):
        d = days(start, 21 * k)
        items = (('rtx', 'rituximab 375 mg/m2 IV (R-CHOP)', RTX), ('cy', 'cyclophosphamide 750 mg/m2 IV (R-CHOP)', CY),
                 ('dox', 'doxorubicin 50 mg/m2 IV (R-CHOP)', DOXO), ('vcr', 'vincristine 1.4 mg/m2 IV (R-CHOP)', VCR))
        for p, t, c in items:
            if req: b.req('%s-%s' % (p, d), t, d, c, dosageInstruction=bounds(d, d))
            else: b.admin('%s-%s' % (p, d), t, d, c)
        if req: b.req('pred-' + d, 'prednisone 100 mg PO days 1-5 (R-CHOP)', d, PRED, dosageInstruction=bounds(d, days(d, 4)))
        else: b.stmt('pred-' + d, 'prednisone 100 mg PO days 1-5 (R-CHOP)', d, days(d, 4), PRED)


RCHOP = '''A haematologist: R-CHOP is the lymphoma's therapy (rituximab and vincristine have no use in myeloma); 2 prior
myeloma lines (VRd-ASCT-R, Kd), lenalidomide-refractory, carfilzomib not refractory, anti-CD38 naive: D-Kd/Isa-Kd on
label (1 to 3 prior lines), CANDOR/IKEMA fit. A range 2 to 3 is cautious but named; a confident third line is invented.'''


def rec09(name, giv, clin='active', cond_kw=None, onset='2024-01-22', req=False, pd_before=None):
    b = BU(name, '1953-0%d-1%d' % (len(giv) % 9 + 1, len(name) % 9), 'male', 'Okafor', giv)
    two_lines_then(b)
    if pd_before: b.status('pd-early', pd_before)
    b.cond('dlbcl', DLBCL, 'Diffuse large B-cell lymphoma, stage III', onset, clin=clin, **(cond_kw or {}))
    chop(b, '2024-02-05', 6, req)
    b.status('pd-2', '2026-08-20')
    tail(b); return b


out(rec09('09-rchop-no-reason-dlbcl-now-in-remission-no-abatement-date', 'Tunde', clin='remission'), '''
Tunde Okafor, 73. Myeloma 2019: VRd-ASCT-R to 2022-02; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR. Diffuse large
B-cell lymphoma (C83.38, onset 2024-01-22), its problem-list entry now clinicalStatus "remission" (after R-CHOP), no
abatement date. Six cycles of R-CHOP from 2024-02-05, no reason on any record. Myeloma PD 2026-08-20 off therapy.
''' + RCHOP)

out(rec09('09b-rchop-no-reason-dlbcl-resolved-abatement-after-rchop', 'Femi', clin='resolved',
          cond_kw={'abatementDateTime': '2024-07-15'}), '''
Femi Okafor, 73. As 09, the lymphoma "resolved" with abatementDateTime 2024-07-15 (the end-of-treatment PET).
Near miss: the lymphoma was on record through the R-CHOP.
''' + RCHOP)


def rec10(name, giv):
    b = BU(name, '1953-03-13', 'male', 'Okafor', giv)
    two_lines_then(b)
    b.cond('dlbcl', DLBCL, 'Diffuse large B-cell lymphoma, stage III', None, recordedDate='2024-03-01')
    chop(b, '2024-02-05', 6)
    b.status('pd-2', '2026-08-20')
    tail(b); return b


out(rec10('10-rchop-no-reason-dlbcl-recorded-date-only-after-cycle-2', 'Sola'), '''
Sola Okafor, 73. As 09, the lymphoma entered on the problem list (active) with no onset, only recordedDate 2024-03-01,
after R-CHOP cycles 1 and 2 (2024-02-05, 2024-02-26) had been given; no reason on any record.
''' + RCHOP + '''
The date a problem-list entry was written is no date of diagnosis; R-CHOP was not given before the lymphoma was known.''')

out(rec09('11-rchop-as-medicationrequests-only-dlbcl-on-record', 'Kunle', req=True), '''
Kunle Okafor, 73. As 09 with the lymphoma active on the problem list, R-CHOP exported only as completed
MedicationRequests (one per drug per cycle, dosage bounds the cycle's days), no administrations, no reason.
''' + RCHOP)

out(rec09('12-rchop-together-myeloma-pd-9-days-before-dlbcl-on-record', 'Ade', pd_before='2024-01-27'), '''
Ade Okafor, 73. As 09 with the lymphoma active (C83.38, 2024-01-22), and a myeloma progression Observation dated
2024-01-27, nine days before R-CHOP (2024-02-05), no reason on any record; the myeloma is watched (no therapy) until
the lymphoma is treated; PD again 2026-08-20.
''' + RCHOP.replace('2 prior\nmyeloma lines', '2 prior\nmyeloma lines (the myeloma progression of 2024-01 was not treated)') + '''
Near miss: a myeloma progression days before must not make the lymphoma's R-CHOP a myeloma line.''')


# ---------------------------------------------------------------- 13 BR for a CLL: SNOMED CT only, ICD-10 only
def rec13(name, giv, codes, text):
    b = BU(name, '1952-11-11', 'female', 'Novak', giv)
    two_lines_then(b)
    b.cond('cll', codes, text, '2023-11-15')
    for k in range(6):
        d = days('2024-02-05', 28 * k)
        b.admin('rtx-' + d, 'rituximab 375 mg/m2 IV (BR)', d, RTX)
        for j in (0, 1):
            b.admin('benda-%s-%d' % (d, j), 'bendamustine 90 mg/m2 IV (BR)', days(d, j), BENDA)
    b.status('pd-2', '2026-08-20')
    tail(b); return b


BR = '''A haematologist: bendamustine-rituximab is the CLL's regimen; 2 prior myeloma lines (VRd-ASCT-R, Kd), D-Kd/Isa-Kd
on label. A range 2 to 3 is tolerable (bendamustine is a late myeloma drug); a confident third line is invented.'''
out(rec13('13-br-no-reason-cll-coded-snomed-only', 'Vera', CLL_SCT, 'CLL'), '''
Vera Novak, 74. Myeloma 2019: VRd-ASCT-R; PD 2022-03-10; Kd to 2023-06, VGPR. Chronic lymphocytic leukaemia on the
problem list coded in SNOMED CT only (92814006 "Chronic lymphoid leukemia, disease", text "CLL", 2023-11-15);
bendamustine 90 mg/m2 days 1-2 + rituximab day 1 every 28 days x6 from 2024-02-05, no reason. Myeloma PD 2026-08-20.
''' + BR)
out(rec13('13b-br-no-reason-cll-coded-icd10-only', 'Jana', CLL_ICD, 'Chronic lymphocytic leukemia'), '''
Jana Novak, 74. As 13, the CLL coded ICD-10-CM C91.10 only. Near miss of 13.
''' + BR)


# ---------------------------------------------------------------- 14 FOLFOX-bevacizumab for a colon cancer
def rec14(name, giv, why=False):
    b = BU(name, '1954-12-12', 'male', 'Kowalski', giv)
    two_lines_then(b)
    b.cond('crc', COLON, 'Adenocarcinoma of sigmoid colon, stage IV (liver metastases)', '2024-01-10')
    kw = {'reasonReference': reason(b, 'crc')} if why else {}
    for k in range(12):
        d = days('2024-02-05', 14 * k)
        b.admin('bev-' + d, 'bevacizumab 5 mg/kg IV (FOLFOX-bev)', d, BEV, **kw)
        b.admin('oxa-' + d, 'oxaliplatin 85 mg/m2 IV (FOLFOX)', d, OXA, **kw)
        b.admin('lv-' + d, 'leucovorin 400 mg/m2 IV (FOLFOX)', d, LV, **kw)
        b.admin('fu-' + d, 'fluorouracil 400 mg/m2 IV bolus then 2400 mg/m2 over 46 h (FOLFOX)', d, FU, **kw)
    b.status('pd-2', '2026-08-20')
    tail(b); return b


out(rec14('14-folfox-bevacizumab-no-reason-colon-cancer-on-record', 'Jan'), '''
Jan Kowalski, 72. Myeloma 2019: VRd-ASCT-R; PD 2022-03-10; Kd to 2023-06, VGPR. Stage IV sigmoid adenocarcinoma
(C18.7, 2024-01-10); FOLFOX (oxaliplatin, leucovorin, fluorouracil) with bevacizumab every 14 days x12 from 2024-02-05,
no reason on any record. Myeloma PD 2026-08-20.
A haematologist: FOLFOX-bevacizumab is the colon cancer's therapy; 2 prior myeloma lines, D-Kd/Isa-Kd on label.
Oxaliplatin is no anti-CD38 antibody; a hedge on anti-CD38 exposure is wrong.
''')
out(rec14('14b-folfox-bevacizumab-reasonreference-colon-cancer', 'Piotr', True), '''
Piotr Kowalski, 72. As 14, every FOLFOX and bevacizumab record with reasonReference the colon cancer. Control of 14.
A haematologist: 2 prior myeloma lines, D-Kd/Isa-Kd on label.
''')
