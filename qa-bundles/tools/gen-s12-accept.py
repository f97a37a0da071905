# Session s12 (helper "accept"): sweep D, acceptance check of issue 10 on new combinations of its bullets.
# Run from the project root; writes qa-bundles/s12a-*.json with a story s12a-*.story.txt each.
# The helper class B and the small helpers come from ehr_bundle.py, shared by the acceptance generators.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)
B.PREFIX = 's12a-'


MM_SCT = [{'system': SCT, 'code': '109989006', 'display': 'Multiple myeloma (disorder)'}]
def MM_ICD(c='C90.00', d='Multiple myeloma not having achieved remission'): return [{'system': ICD, 'code': c, 'display': d}]
BTZ = ('358258', 'bortezomib'); LEN = ('342369', 'lenalidomide'); DEX = ('3264', 'dexamethasone')
CFZ = ('1302966', 'carfilzomib'); POM = ('1369713', 'pomalidomide'); THAL = ('10432', 'thalidomide')
ASCT = [{'system': SCT, 'code': '709115004', 'display': 'Transplantation of autologous hematopoietic stem cell (procedure)'}]
HSCT = [{'system': SCT, 'code': '234336002', 'display': 'Hemopoietic stem cell transplant (procedure)'}]
DARA = ('1721947', 'daratumumab'); CPT = 'http://www.ama-assn.org/go/cpt'
ASCT_CPT = [{'system': CPT, 'code': '38241', 'display': 'Hematopoietic progenitor cell (HPC); autologous transplantation'}]
ALLO_CPT = [{'system': CPT, 'code': '38240', 'display': 'Hematopoietic progenitor cell (HPC); allogeneic transplantation'}]
ALLO_SCT = [{'system': SCT, 'code': '174241000112100', 'display': 'Allogeneic hematopoietic stem cell transplant'}]


def supply(start, end, repeats, dur=28):
    return {'validityPeriod': {'start': start, 'end': end}, 'numberOfRepeatsAllowed': repeats,
            'expectedSupplyDuration': {'value': dur, 'unit': 'days', 'system': UCUM, 'code': 'd'}}


def cycles(b, pre, text, code, start, dlist, n, clen=28):
    for k in range(n):
        for d in dlist:
            day = days(start, k * clen + d); b.admin('%s-%s' % (pre, day), text, day, code)


def reason(b, cid): return [b.ref(cid)]


# ---------------------------------------------------------------- 01 request-only history, maintenance order with
# repeats running across a progression, then Kd by orders; ASCT coded by CPT only.
b = B('01-mr-only-vrd-asct-lenmaint-repeats-pd-kd', '1958-04-02', 'male', 'Okafor', 'Emeka')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-01-10')
for k in range(4):
    a = days('2022-01-24', 21 * k)
    b.req('vrd-len-%d' % k, 'lenalidomide 25 mg capsule', a, LEN, dispenseRequest=supply(a, days(a, 20), 0, 14))
    b.req('vrd-btz-%d' % k, 'bortezomib 1.3 mg/m2 SC', a, BTZ, dosageInstruction=[{'timing': {'repeat': {'boundsPeriod': {'start': a, 'end': days(a, 10)}}}}])
    b.req('vrd-dex-%d' % k, 'dexamethasone 20 mg tablet', a, DEX, dispenseRequest=supply(a, days(a, 20), 0, 12))
b.proc('asct', ASCT_CPT, 'HPC transplant, autologous', '2022-06-15')
b.req('len-maint', 'lenalidomide 10 mg capsule (maintenance)', '2022-09-01', LEN, status='active',
      dispenseRequest=supply('2022-09-01', '2026-09-01', 47, 28))
b.status('pd-1', '2025-03-03')
for k in range(12):
    a = days('2025-03-17', 28 * k)
    b.req('kd-cfz-%d' % k, 'carfilzomib 56 mg/m2 IV', a, CFZ, dosageInstruction=[{'timing': {'repeat': {'boundsPeriod': {'start': a, 'end': days(a, 15)}}}}])
    b.req('kd-dex-%d' % k, 'dexamethasone 40 mg weekly', a, DEX, dispenseRequest=supply(a, days(a, 27), 0, 28))
b.egfr('2026-10-20', 66)
save(b, '''
Order-feed-only record (MedicationRequest only, no administrations), ASCT coded by CPT 38241 only. VRd x4 by orders
(2022-01-24..), auto-HPC transplant 2022-06-15, lenalidomide maintenance ONE active order of 2022-09-01 with 47 repeats
x 28 d (validity to 2026-09-01) and nothing else recorded about it; progression Observation 2025-03-03; Kd orders monthly
2025-03-17..2026-01. Right: 2 lines (VRd-ASCT-R, Kd); lenalidomide refractory (on maintenance at PD); the maintenance order
must not carry lenalidomide into line 2 (a haematologist stops R at progression); carfilzomib not known refractory (last
order 2026-02 + 15 d, no PD since). Relapse after Kd not documented -> RRMM regimens not confidently offered.''')

# ---------------------------------------------------------------- 02 D-Vd line: sparse daratumumab with month-only dates
b = B('02-dvd-sparse-dara-month-dates-pd', '1949-11-20', 'female', 'Lindqvist', 'Maja')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-05-01')
b.stmt('l1-rd-len', 'lenalidomide', '2020-05-15', '2024-09-30', LEN); b.stmt('l1-rd-dex', 'dexamethasone', '2020-05-15', '2024-09-30', DEX)
b.status('pd-1', '2024-09-25')
cycles(b, 'dvd-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, '2024-10-14', (0, 3, 7, 10), 8, 21)
cycles(b, 'dvd-dex', 'Dexamethasone 20 mg', DEX, '2024-10-14', (0, 1, 3, 4, 7, 8, 10, 11), 8, 21)
for i, m in enumerate(('2024-10', '2024-12', '2025-02')):
    b.admin('dvd-dara-%d' % i, 'DARZALEX 16 mg/kg IV (outside infusion centre, month only)', m, DARA)
b.status('pd-2', '2025-06-10')
b.egfr('2026-10-20', 48)
save(b, '''
Rd 2020-05..2024-09 (PD on Rd 2024-09-25). D-Vd from 2024-10-14: bortezomib + dexamethasone charted on the MAR (8 x 21-d
cycles, last bortezomib 2025-03-20), daratumumab only three times and dated by month only (2024-10, 2024-12, 2025-02:
outside-infusion-centre summaries). PD 2025-06-10 = 82 days after the last bortezomib, so NOT within 60 days of the
line's last dose: bortezomib not refractory; daratumumab: last dose "2025-02" (28 Feb at latest) is 102 days before PD ->
not refractory either, by either reading. Right: 2 lines; lenalidomide refractory; daratumumab exposed, not refractory
(washout >90 d); no ANTI_CD38_REFRACTORY. A haematologist would read this as relapse off therapy after D-Vd.''')

# ---------------------------------------------------------------- 03 ICD-only, eGFR "<15", relapse by C90.02 code only
b = B('03-icd-only-c9002-recorded-egfr-lt15', '1952-07-07', 'male', 'Moreau', 'Luc')
b.cond('mm', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2021-03-01',
       recordedDate='2026-09-20')
b.stmt('l1-vrd-len', 'lenalidomide 25 mg', '2021-03-15', '2021-09-01', LEN); b.stmt('l1-vrd-btz', 'bortezomib', '2021-03-15', '2021-09-01', BTZ)
b.stmt('l1-vrd-dex', 'dexamethasone', '2021-03-15', '2021-09-01', DEX)
b.stmt('l1-r-maint', 'lenalidomide 10 mg maintenance', '2021-09-15', '2026-08-15', LEN)
r = b.lab('egfr-lt15', '98979-8', 'eGFR CKD-EPI 2021', '2026-10-22', 15, 'mL/min/{1.73_m2}', 'mL/min/{1.73_m2}')
r['valueQuantity']['comparator'] = '<'
b.cond('ckd5', [{'system': ICD, 'code': 'N18.5', 'display': 'Chronic kidney disease, stage 5'}], 'CKD stage 5', '2026-09-01')
save(b, '''
ICD-10-CM only. C90.02 (in relapse) recorded 2026-09-20; VRd then lenalidomide maintenance to 2026-08-15 (stopped 36 days
before the relapse code is recorded); no disease-status Observation, no M-protein. eGFR reported "<15" on 2026-10-22
and CKD stage 5 coded. Right: 1 prior line; relapse documented by coding only (weak signal, §1.6 E); lenalidomide
refractoriness UNKNOWN (no dated progression, §1.2) not "not refractory"; renal: eGFR below 15 = severe / below every
anti-CD38 trial threshold (never read as normal or as exactly 15 with a false band); lenalidomide renal dose flag.''')

# ---------------------------------------------------------------- 04 diagnosis entered-in-error + provisional; PD entered-in-error
b = B('04-mm-entered-in-error-provisional-pd-eie', '1960-01-15', 'female', 'Sato', 'Yuki')
c = b.cond('mm-eie', MM_SCT, 'Multiple myeloma', '2024-02-01')
c['verificationStatus'] = {'coding': [{'system': VER, 'code': 'entered-in-error'}]}
c = b.cond('mm-prov', MM_ICD(), 'Multiple myeloma (provisional, awaiting marrow)', '2026-09-15')
c['verificationStatus'] = {'coding': [{'system': VER, 'code': 'provisional'}]}
b.cond('mgus', [{'system': ICD, 'code': 'D47.2', 'display': 'Monoclonal gammopathy'}], 'MGUS', '2022-06-01')
o = b.status('pd-eie', '2026-09-10'); o['status'] = 'entered-in-error'
b.egfr('2026-10-20', 80)
save(b, '''
A myeloma Condition of 2024 marked entered-in-error (wrong patient), a provisional myeloma Condition of 2026-09-15
(awaiting marrow), a D47.2 monoclonal gammopathy since 2022, no therapy, and a "progression" Observation that is itself
entered-in-error. Right: diagnosis unconfirmed (DIAGNOSIS_UNCONFIRMED), nothing offered confidently; the entered-in-error
records ignored (no onset 2024, no progression). Setting not RRMM.''')

# ---------------------------------------------------------------- 05 another cancer's chemo: reasonCode (ICD) vs none
for variant in ('reasoncode', 'noreason'):
    b = B('05-lymphoma-rchop-after-mm-' + variant, '1955-03-30', 'male', 'Costa', 'Paulo')
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-04-01')
    b.cond('dlbcl', [{'system': ICD, 'code': 'C83.30', 'display': 'Diffuse large B-cell lymphoma, unspecified site'}],
           'DLBCL', '2025-01-10')
    b.stmt('l1-drd-dara', 'daratumumab', '2022-04-20', '2024-12-20', DARA); b.stmt('l1-drd-len', 'lenalidomide', '2022-04-20', '2024-12-20', LEN)
    b.stmt('l1-drd-dex', 'dexamethasone', '2022-04-20', '2024-12-20', DEX)
    kw = {'reasonCode': [{'coding': [{'system': ICD, 'code': 'C83.30'}], 'text': 'DLBCL'}]} if variant == 'reasoncode' else {}
    for k in range(6):
        a = days('2025-02-03', 21 * k)
        b.admin('rchop-ritux-%d' % k, 'Rituximab 375 mg/m2 IV', a, ('121191', 'rituximab'), **kw)
        b.admin('rchop-cyc-%d' % k, 'Cyclophosphamide 750 mg/m2 IV', a, ('3002', 'cyclophosphamide'), **kw)
        b.admin('rchop-dox-%d' % k, 'Doxorubicin 50 mg/m2 IV', a, ('3639', 'doxorubicin'), **kw)
        b.admin('rchop-vcr-%d' % k, 'Vincristine 1.4 mg/m2 IV', a, ('11202', 'vincristine'), **kw)
        b.admin('rchop-pred-%d' % k, 'Prednisone 100 mg PO', a, ('8640', 'prednisone'), **kw)
    b.status('mm-vgpr', '2026-06-01', worse=False, text='Myeloma: VGPR, off therapy')
    b.egfr('2026-10-20', 70)
    save(b, '''
D-Rd for myeloma 2022-04..2024-12 (stopped for the lymphoma), DLBCL diagnosed 2025-01-10, R-CHOP x6 2025-02..2025-05 as
MedicationAdministrations %s. Myeloma VGPR 2026-06-01, no myeloma progression. Right: 1 myeloma line (D-Rd); R-CHOP is
other therapy (reason %s); cyclophosphamide/doxorubicin must not open myeloma line 2; no relapse documented -> RRMM
regimens not offered confidently; daratumumab exposed (last 2024-12-20), not refractory.''' % (
        'with reasonCode ICD-10-CM C83.30 (no reasonReference)' if variant == 'reasoncode' else 'with NO reason',
        'stated by code' if variant == 'reasoncode' else 'not stated: by dates against the other cancer (policy), or undecided with a gap'))

# ---------------------------------------------------------------- 06 deceased: year-only and boolean
b = B('06-deceased-year-only', '1944-05-05', 'male', 'Brandt', 'Karl', deceasedDateTime='2026')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2025-03-01')
b.stmt('l1-vrd-len', 'lenalidomide', '2025-03-15', None, LEN, status='active')
b.egfr('2025-12-01', 60)
save(b, '''
Patient.deceasedDateTime "2026" (year only), myeloma 2025 on VRd-lite. Evaluate at 2026-11-01 (may have died on or before:
refuse, exit 3), at 2025-12-31 (alive then: assess), at 2026-01-01 (may have died that day: refuse).''')
b = B('06-deceased-boolean-true', '1944-05-05', 'male', 'Brandt', 'Karl', deceasedBoolean=True)
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2025-03-01')
b.stmt('l1-vrd-len', 'lenalidomide', '2025-03-15', None, LEN, status='active')
save(b, '''
Patient.deceasedBoolean true, no date. Right: refused (exit 3) at any --as-of: the record says the patient died; a replay
before the (unknown) death date cannot be told apart, so at least say so.''')

# ---------------------------------------------------------------- 07 transplants of each kind: tandem auto (PCS + SNOMED), allo (CPT)
b = B('07-tandem-auto-pcs-then-allo-cpt', '1968-08-08', 'female', 'Ivanova', 'Olga')
b.cond('mm', MM_SCT, 'Multiple myeloma, high risk del17p', '2021-01-10')
cycles(b, 'vrd-btz', 'Velcade SC', BTZ, '2021-01-25', (0, 3, 7, 10), 4, 21)
b.stmt('l1-vrd-len', 'lenalidomide', '2021-01-25', '2021-04-10', LEN); b.stmt('l1-vrd-dex', 'dexamethasone', '2021-01-25', '2021-04-10', DEX)
b.proc('asct1', [{'system': 'http://www.cms.gov/Medicare/Coding/ICD10', 'code': '30243Y0', 'display': 'Transfusion of autologous hematopoietic stem cells into central vein'}],
       'Auto SCT #1 (tandem planned)', '2021-05-20')
b.proc('asct2', ASCT, 'Auto SCT #2 (planned tandem)', '2021-08-25')
b.stmt('l1-vrd-maint-btz', 'bortezomib maintenance q2w', '2021-11-01', '2023-10-15', BTZ)
b.stmt('l1-maint-len', 'lenalidomide maintenance', '2021-11-01', '2023-10-15', LEN)
b.status('pd-1', '2023-10-02')
b.stmt('l2-kpd-cfz', 'carfilzomib', '2023-10-20', '2024-03-01', CFZ); b.stmt('l2-kpd-pom', 'pomalidomide', '2023-10-20', '2024-03-01', POM)
b.stmt('l2-kpd-dex', 'dexamethasone', '2023-10-20', '2024-03-01', DEX)
b.proc('allo', ALLO_CPT, 'HPC transplant, allogeneic (MUD, RIC)', '2024-04-10')
b.status('pd-2', '2026-09-01')
b.egfr('2026-10-20', 85)
save(b, '''
High-risk myeloma. VRd x4, auto SCT #1 2021-05-20 (ICD-10-PCS 30243Y0 only), planned tandem auto SCT #2 2021-08-25
(97 days later, SNOMED 709115004), VR maintenance to 2023-10-15, PD 2023-10-02 on maintenance. KPd 2023-10-20..2024-03-01,
then allogeneic HPC transplant (CPT 38240 only) 2024-04-10 as consolidation, PD 2026-09-01 (29 months after the allo).
Right: L1 VRd + tandem ASCT + VR (LOT-B15: planned tandem is one line); L2 KPd (+ allo, which LOT-B15 (3) could also make
its own line: 2-3 lines, and the reason must say which); transplant kinds AUTOLOGOUS x2 and ALLOGENEIC named; lenalidomide
and bortezomib refractory (L1 PD on maintenance); carfilzomib and pomalidomide not refractory (PD 2.5 years after the last
dose); anti-CD38 naive.''')

# ---------------------------------------------------------------- 08 CAR-T line with bridging and lymphodepletion
b = B('08-cilta-cel-bridging-lymphodepletion', '1957-12-12', 'male', 'Nakamura', 'Kenji')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-02-01')
b.stmt('l1-vrd-btz', 'bortezomib', '2019-02-15', '2019-07-01', BTZ); b.stmt('l1-vrd-len', 'lenalidomide', '2019-02-15', '2022-03-01', LEN)
b.proc('asct', ASCT, 'ASCT', '2019-08-20'); b.status('pd-1', '2022-02-20')
b.stmt('l2-dpd-dara', 'daratumumab', '2022-03-10', '2024-05-01', DARA); b.stmt('l2-dpd-pom', 'pomalidomide', '2022-03-10', '2024-05-01', POM)
b.status('pd-2', '2024-04-20')
# bridging: Kd 2 cycles, leukapheresis, lymphodepletion cy/flu, cilta-cel
cycles(b, 'bridge-cfz', 'Carfilzomib 56 mg/m2 IV (bridging)', CFZ, '2024-05-15', (0, 1, 7, 8, 14, 15), 2)
for d in range(3):
    day = days('2024-07-08', d)
    b.admin('ld-flu-%d' % d, 'Fludarabine 30 mg/m2 IV (lymphodepletion)', day, ('24698', 'fludarabine'))
    b.admin('ld-cy-%d' % d, 'Cyclophosphamide 300 mg/m2 IV (lymphodepletion)', day, ('3002', 'cyclophosphamide'))
b.admin('cilta', 'CARVYKTI (ciltacabtagene autoleucel) IV infusion', '2024-07-13')
b.status('cr', '2025-01-15', worse=False, text='sCR after CAR-T')
b.status('pd-3', '2026-09-20')
b.egfr('2026-10-20', 62)
save(b, '''
L1 VRd-ASCT-R (PD on R 2022-02-20), L2 D-Pd 2022-03..2024-05 (PD 2024-04-20 on D-Pd), then the CAR-T line: bridging Kd x2
(2024-05-15..), fludarabine/cyclophosphamide lymphodepletion 2024-07-08..10, CARVYKTI 2024-07-13 (text only), sCR, PD
2026-09-20 (26 months after CAR-T, off therapy). Right: 3 prior lines (bridging + LD + CAR-T is one line, a planned
sequence); lenalidomide, daratumumab, pomalidomide refractory; carfilzomib not refractory (PD > 2 years after bridging);
fludarabine recognised as lymphodepletion or at least named, not a separate line; triple-class exposed; anti-CD38
refractory; washout long. CAR-T named in the timeline.''')

# ---------------------------------------------------------------- 09 bispecific lines, step-up dosing; then talquetamab
b = B('09-teclistamab-stepup-then-talquetamab', '1950-06-06', 'female', 'Hughes', 'Margaret')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2017-01-01')
b.stmt('l1', 'bortezomib', '2017-01-15', '2017-06-01', BTZ); b.stmt('l1b', 'lenalidomide', '2017-01-15', '2020-01-10', LEN)
b.status('pd-1', '2020-01-05')
b.stmt('l2a', 'daratumumab', '2020-01-20', '2022-02-01', DARA); b.stmt('l2b', 'pomalidomide', '2020-01-20', '2022-02-01', POM)
b.status('pd-2', '2022-01-20')
b.stmt('l3a', 'carfilzomib', '2022-02-10', '2023-06-01', CFZ); b.stmt('l3b', 'dexamethasone', '2022-02-10', '2023-06-01', DEX)
b.status('pd-3', '2023-05-25')
for i, d in enumerate(('2023-06-12', '2023-06-14', '2023-06-16')):
    b.admin('tec-su-%d' % i, 'TECVAYLI (teclistamab-cqyv) step-up dose SC', d)
for k in range(60):
    d = days('2023-06-23', 7 * k if k < 26 else 7 * 26 + 14 * (k - 26))
    if d > '2025-04-30': break
    b.admin('tec-%d' % k, 'TECVAYLI (teclistamab-cqyv) 1.5 mg/kg SC', d)
b.status('pd-4', '2025-04-28')
for i, d in enumerate(('2025-05-20', '2025-05-22', '2025-05-24')):
    b.admin('tal-su-%d' % i, 'TALVEY (talquetamab-tgvs) step-up dose SC', d)
for k in range(40):
    d = days('2025-05-28', 14 * k)
    if d > '2026-09-30': break
    b.admin('tal-%d' % k, 'TALVEY (talquetamab-tgvs) 0.8 mg/kg SC q2w', d)
b.status('pd-5', '2026-10-01')
b.egfr('2026-10-20', 55)
save(b, '''
Five lines: VR (PD on R 2020-01), D-Pd (PD 2022-01), Kd (PD 2023-05), teclistamab (step-up 2023-06-12/14/16, weekly then
q2w, PD 2025-04-28 on therapy), talquetamab (step-up 2025-05-20.., q2w, PD 2026-10-01 on therapy). Bispecifics by text
only. Right: 5 prior lines; teclistamab and talquetamab recognised (bispecific class), refractory; step-up doses not
separate lines; triple-class refractory (R, dara, K); not penta-refractory (bortezomib last given 2017-06, not
refractory). Isa-Kd/D-Kd US (1-3) NOT
ELIGIBLE; DARA_MONO line criterion met but anti-CD38 refractory.''')

# ---------------------------------------------------------------- 10 relapse shown only by clinicalStatus / C90.02 recorded later, SNOMED disease status undetermined
b = B('10-relapse-clinicalstatus-only-after-line', '1959-09-09', 'male', 'Schmidt', 'Jonas')
b.cond('mm', MM_SCT, 'Multiple myeloma', '2022-05-01', clin='relapse', recordedDate='2026-10-01')
b.stmt('l1-drd-dara', 'Darzalex Faspro', '2022-05-15', '2026-06-30', ('2375137', 'Darzalex Faspro'))
b.stmt('l1-drd-len', 'Revlimid', '2022-05-15', '2026-06-30', LEN)
b.status('undet', '2026-08-15', worse=False); b.entry[-1]['resource']['valueCodeableConcept'] = {'coding': [{'system': SCT, 'code': '709137006', 'display': 'Patient condition undetermined'}]}
b.egfr('2026-10-20', 75)
save(b, '''
SNOMED-only myeloma; D-Rd (Faspro, Revlimid) 2022-05..2026-06-30; disease status "undetermined" (709137006) 2026-08-15;
the Condition's clinicalStatus set to "relapse" with recordedDate 2026-10-01 (after the line). Right: relapse documented
by coding/status only (weak, undated progression): daratumumab and lenalidomide refractoriness UNKNOWN (the relapse may be
within 60 days of 2026-06-30 or later), never "not refractory"; 1 prior line; anti-CD38 regimens carry the unknown
anti-CD38 refractoriness; washout 123 days (intermediate).''')

# ---------------------------------------------------------------- 11 very long history: 7 lines, mixed encodings
b = B('11-seven-lines-mixed-encodings', '1953-02-28', 'female', 'Rossi', 'Giulia')
b.cond('mm', MM_ICD(), 'IgA lambda multiple myeloma', '2014-03-01')
b.stmt('l1a', 'VELCADE', '2014-03-15', '2014-08-01', BTZ); b.stmt('l1b', 'REVLIMID', '2014-03-15', '2017-05-01', LEN)
b.stmt('l1c', 'dexamethasone', '2014-03-15', '2014-08-01', DEX); b.proc('asct', ASCT, 'ASCT', '2014-09-10')
b.status('pd-1', '2017-04-20')
b.stmt('l2a', 'KYPROLIS', '2017-05-10', '2018-11-01', CFZ); b.stmt('l2b', 'REVLIMID', '2017-05-10', '2018-11-01', LEN)
b.status('pd-2', '2018-10-15')
b.stmt('l3a', 'DARZALEX', '2018-11-15', '2020-06-01', DARA); b.stmt('l3b', 'POMALYST', '2018-11-15', '2020-06-01', POM)
b.status('pd-3', '2020-05-20')
b.stmt('l4a', 'EMPLICITI (elotuzumab)', '2020-06-15', '2021-02-01'); b.stmt('l4b', 'thalidomide', '2020-06-15', '2021-02-01', THAL)
b.status('pd-4', '2021-01-25')
b.stmt('l5a', 'XPOVIO (selinexor) 100 mg weekly', '2021-02-20', '2021-09-01'); b.stmt('l5b', 'NINLARO (ixazomib)', '2021-02-20', '2021-09-01')
b.status('pd-5', '2021-08-20')
b.stmt('l6a', 'ABECMA (idecabtagene vicleucel)', '2021-10-05', '2021-10-05')
b.status('pd-6', '2023-02-01')
b.stmt('l7a', 'ELREXFIO (elranatamab-bcmm)', '2023-02-20', '2026-09-15')
b.status('pd-7', '2026-09-10')
b.egfr('2026-10-20', 58)
save(b, '''
Seven lines 2014-2026, MedicationStatements with brand names: (1) VRd-ASCT-R, (2) KRd, (3) DPd, (4) Elo-Thal, (5)
selinexor + ixazomib, (6) ide-cel (single day), (7) elranatamab to 2026-09-15 with PD 2026-09-10 on it. Each PD before
the next line. Right: 7 prior lines; penta-refractory (PIs carfilzomib and ixazomib, IMiDs lenalidomide and pomalidomide, and
daratumumab, all refractory); triple-class refractory; anti-CD38 refractory;
US Isa-Kd/D-Kd NOT ELIGIBLE (>3 lines); D-mono >=3 lines met but anti-CD38 refractory; all regimens at best cautions.''')

# ---------------------------------------------------------------- 12 active order with no end for years, no dispenses, then PD
b = B('12-active-len-order-2021-no-fills-pd-2026', '1951-10-10', 'male', 'Kowalski', 'Piotr')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-15')
b.req('rd-len', 'lenalidomide 25 mg', '2021-02-01', LEN, status='active')
b.req('rd-dex', 'dexamethasone 40 mg weekly', '2021-02-01', DEX, status='active')
b.disp('rd-len-f1', 'lenalidomide 25 mg', '2021-02-03', 21, LEN); b.disp('rd-len-f2', 'lenalidomide 25 mg', '2021-03-03', 21, LEN)
b.status('pd-1', '2026-09-01')
b.egfr('2026-10-20', 70)
save(b, '''
Rd: lenalidomide and dexamethasone orders authored 2021-02-01, still status active with no end and no supply, two
dispenses (2021-02-03, 2021-03-03, 21 d each), nothing since. PD 2026-09-01. Right (issue #4): the open order must not
make lenalidomide "ongoing for 5 years" and hence refractory; the last known supply ended 2021-03-24, 5 years before the
PD: lenalidomide refractoriness UNKNOWN at most (stopped or not is unknown), with a gap naming the order; 1 prior line.''')

# ---------------------------------------------------------------- 13 D-VCd for AL amyloidosis, then myeloma
b = B('13-dvcd-for-al-then-mm-ndmm', '1962-04-04', 'female', 'Dubois', 'Claire')
b.cond('al', [{'system': ICD, 'code': 'E85.81', 'display': 'Light chain (AL) amyloidosis'}], 'AL amyloidosis', '2024-01-10')
for k in range(6):
    a = days('2024-01-22', 28 * k)
    for x in (0, 7, 14, 21):
        b.admin('al-dara-%d-%d' % (k, x), 'DARZALEX FASPRO 1800 mg SC', days(a, x), ('2375137', 'Darzalex Faspro'), reasonReference=reason(b, 'al'))
        b.admin('al-btz-%d-%d' % (k, x), 'bortezomib 1.3 mg/m2 SC', days(a, x), BTZ, reasonReference=reason(b, 'al'))
        b.admin('al-cy-%d-%d' % (k, x), 'cyclophosphamide 300 mg/m2 PO', days(a, x), ('3002', 'cyclophosphamide'), reasonReference=reason(b, 'al'))
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2026-08-20')
b.lab('tx-elig', 'transplant-eligibility', 'Transplant eligibility', '2026-08-25', 0, '', '')
b.entry[-1]['resource']['code'] = {'coding': [{'system': 'https://myeloma-cds.org/fhir/CodeSystem/cds', 'code': 'transplant-eligibility'}]}
del b.entry[-1]['resource']['valueQuantity']; b.entry[-1]['resource']['valueBoolean'] = False
b.egfr('2026-10-20', 52)
save(b, '''
AL amyloidosis 2024-01 treated with D-VCd x6 (SC daratumumab, bortezomib, cyclophosphamide; reasonReference -> AL
condition) to 2024-06-25; myeloma diagnosed 2026-08-20, transplant-ineligible, no myeloma therapy yet. Right (issue #6):
0 myeloma lines, setting NDMM transplant-ineligible; daratumumab is an exposure (last 2024-06-25, washout > 180 d, no
short-washout flag) and its refractoriness for myeloma is unknown or not applicable, not MET as naive: IMROZ/MAIA/CEPHEUS
"anti-CD38 naive" criteria should not be MET; D-Rd/Isa-VRd/D-VRd with prior anti-CD38 exposure named.''')

# ---------------------------------------------------------------- 14 dispense-only pomalidomide with a refill after PD, then EloPd
b = B('14-pom-dispenses-refill-after-pd-then-elo', '1954-01-01', 'male', 'Tanaka', 'Hiro')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-06-01')
b.stmt('l1-vrd-len', 'lenalidomide', '2019-06-15', '2023-01-10', LEN); b.stmt('l1-vrd-btz', 'bortezomib', '2019-06-15', '2019-11-01', BTZ)
b.status('pd-1', '2023-01-05')
b.stmt('l2-dara', 'daratumumab', '2023-01-20', '2025-01-15', DARA)
for k in range(25):
    d = days('2023-01-20', 28 * k)
    if d > '2025-01-31': break
    b.disp('l2-pom-%d' % k, 'POMALYST 4 mg capsule', d, 21, POM)
b.status('pd-2', '2025-01-10')
b.disp('l2-pom-late', 'POMALYST 4 mg capsule (refill picked up after PD)', '2025-02-03', 21, POM)
b.stmt('l3-elo', 'elotuzumab', '2025-02-20', None, status='active'); b.stmt('l3-pom', 'pomalidomide', '2025-02-20', None, POM, status='active')
b.stmt('l3-dex', 'dexamethasone', '2025-02-20', None, DEX, status='active')
b.status('sd', '2026-09-15', worse=False, text='Stable disease on EPd'); b.entry[-1]['resource']['valueCodeableConcept'] = {'coding': [{'system': SCT, 'code': '359746009'}], 'text': 'Stable disease'}
b.egfr('2026-10-20', 61)
save(b, '''
L1 VR (PD on R 2023-01-05); L2 D-Pd with pomalidomide only as monthly pharmacy dispenses (21 d), PD 2025-01-10 on D-Pd, one
more pomalidomide dispense 2025-02-03 after the PD; L3 Elo-Pd from 2025-02-20 ongoing, stable disease 2026-09-15. Right:
3 lines (EPd after PD = a new line: unplanned addition of elotuzumab after PD; re-use of pomalidomide doesn't merge it);
lenalidomide, daratumumab, pomalidomide refractory; line 3 ongoing; relapse after line 3 not documented -> RRMM regimens
INSUFFICIENT_DATA (or not offered). Elotuzumab named (text only).''')

# ---------------------------------------------------------------- 15 D-Kd with a 4-month holiday (no PD), MAR-only
b = B('15-dkd-holiday-resumed-no-pd', '1963-03-03', 'female', 'Garcia', 'Lucia')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-05-01')
b.stmt('l1a', 'bortezomib', '2021-05-15', '2021-10-01', BTZ); b.stmt('l1b', 'lenalidomide', '2021-05-15', '2025-01-20', LEN)
b.proc('asct', ASCT, 'ASCT', '2021-11-10'); b.status('pd-1', '2025-01-15')
cycles(b, 'dkd-cfz', 'Kyprolis 56 mg/m2 IV', CFZ, '2025-02-03', (0, 1, 7, 8, 14, 15), 6)
cycles(b, 'dkd-dara', 'Darzalex 16 mg/kg IV', DARA, '2025-02-03', (0, 14), 6)
# holiday 2025-07-20 .. 2025-11-20 (COVID pneumonia), then resumed
cycles(b, 'dkd2-cfz', 'Kyprolis 56 mg/m2 IV', CFZ, '2025-11-24', (0, 1, 7, 8, 14, 15), 11)
cycles(b, 'dkd2-dara', 'Darzalex 16 mg/kg IV', DARA, '2025-11-24', (0,), 11)
b.status('vgpr', '2026-09-01', worse=False, text='VGPR on D-Kd')
b.egfr('2026-10-20', 72)
save(b, '''
L1 VR-ASCT-R (PD on R 2025-01-15); L2 D-Kd from 2025-02-03 (MAR), held 2025-07 .. 2025-11 (4 months; pneumonia) and
resumed 2025-11-24 unchanged, VGPR 2026-09-01, last dose 2026-10-12. No progression after 2025-01. Right: 2 lines (the
resumption of the same regimen without progression is the same line); ongoing D-Kd responding; no relapse after line
2 -> RRMM regimens not offered; daratumumab exposed, ongoing, short washout, not refractory.''')

# ---------------------------------------------------------------- 16 year-only statement dates around a month-only PD
b = B('16-year-only-lines-month-pd', '1947-07-17', 'male', 'Hansen', 'Erik')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2018')
b.stmt('l1a', 'bortezomib', '2018', '2019', BTZ); b.stmt('l1b', 'melphalan', '2018', '2019', ('6718', 'melphalan'))
b.stmt('l1c', 'prednisone', '2018', '2019', ('8640', 'prednisone'))
b.status('pd-1', '2021-03')
b.stmt('l2a', 'lenalidomide', '2021', '2026-08', LEN); b.stmt('l2b', 'dexamethasone', '2021', '2026-08', DEX)
b.status('pd-2', '2026-09')
b.egfr('2026-10-20', 45)
save(b, '''
Transcribed outside history: VMP "2018" to "2019" (years only), PD "2021-03", Rd "2021" to "2026-08", PD "2026-09".
Right: 2 lines; Rd started in 2021 may be before or after the March PD (start unknown within 2021 -> Rd may have begun
before 2021-03: lines still 2 by any reading since VMP ended 2019); lenalidomide: PD 2026-09 vs last dose 2026-08 -> within
60 days whatever the days (latest PD 09-30 minus earliest end 08-01 = 60 days) -> refractory (or at worst UNKNOWN); bortezomib
and melphalan not refractory (ended 2019, PD 2021-03 > 60 days later by any day); 2 lines -> D-Pd/Isa-Pd IV (>=2) met.''')

# ---------------------------------------------------------------- 17 allo only (SNOMED allo), no drugs; generic HSCT history condition
b = B('17-allo-sct-only-no-drugs-history-condition', '1966-06-16', 'male', 'Ali', 'Yusuf')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-02-01')
b.proc('allo', ALLO_SCT, 'Allogeneic HSCT', '2020-09-15')
b.cond('hx-auto', [{'system': ICD, 'code': 'Z94.84', 'display': 'Stem cells transplant status'}], 'Status post stem cell transplant', '2020-09-15')
b.status('pd', '2026-08-01')
b.egfr('2026-10-20', 90)
save(b, '''
Myeloma 2020, allogeneic HSCT 2020-09-15 (SNOMED 174241000112100), a Z94.84 "stem cells transplant status" Condition,
no drug of any line recorded, PD 2026-08-01. Right: history incomplete (induction and conditioning missing):
PRIOR_THERAPY_UNKNOWN/REFRACTORY_STATUS_UNKNOWN; transplant kind ALLOGENEIC; naive / not-refractory trial criteria UNKNOWN,
not MET; the Z94.84 status not a second transplant.''')

# ---------------------------------------------------------------- 18 SMM lenalidomide (reasonReference) then MM on it then D-Rd? and bispecific
b = B('18-provisional-relapse-code-and-confirmed-remission-status', '1958-12-01', 'female', 'Weber', 'Anna')
c = b.cond('mm', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse?', '2020-01-10', recordedDate='2026-10-05')
c['verificationStatus'] = {'coding': [{'system': VER, 'code': 'provisional'}]}
b.cond('mm0', MM_ICD(), 'Multiple myeloma', '2020-01-10', recordedDate='2020-01-12')
b.stmt('l1a', 'bortezomib', '2020-01-20', '2020-06-01', BTZ); b.stmt('l1b', 'lenalidomide', '2020-01-20', None, LEN, status='active')
b.proc('asct', ASCT_CPT, 'auto HPC', '2020-07-15')
b.mprot('mp1', '2020-01-10', 2.5); b.mprot('mp2', '2026-06-01', 0.0); b.mprot('mp3', '2026-09-28', 0.0)
b.status('cr', '2026-09-28', worse=False, text='Complete response')
b.egfr('2026-10-20', 77)
save(b, '''
VRd-ASCT-R, lenalidomide maintenance ongoing; M-protein 0.0 on 2026-06-01 and 2026-09-28, CR recorded 2026-09-28; then a
*provisional* C90.02 "relapse?" Condition recorded 2026-10-05 (query). Right: no relapse documented (the relapse code is
only provisional and contradicted by the CR and M-protein 0); RRMM regimens not offered; lenalidomide not refractory
(no progression) — or at least never "relapse documented".''')

# ---------------------------------------------------------------- 19 D-Vd with dara as MedicationRequests only (status completed, boundsDuration)
b = B('19-dvd-dara-requests-boundsduration-pd-after', '1956-05-05', 'male', 'Yilmaz', 'Mehmet')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-01')
b.stmt('l1a', 'lenalidomide', '2021-01-15', '2025-02-10', LEN); b.stmt('l1b', 'dexamethasone', '2021-01-15', '2025-02-10', DEX)
b.status('pd-1', '2025-02-01')
b.req('dvd-dara', 'daratumumab 16 mg/kg IV per protocol', '2025-02-20', DARA, status='completed',
      dosageInstruction=[{'timing': {'repeat': {'boundsDuration': {'value': 24, 'unit': 'wk', 'system': UCUM, 'code': 'wk'}, 'frequency': 1, 'period': 1, 'periodUnit': 'wk'}}}])
b.req('dvd-btz', 'bortezomib 1.3 mg/m2 SC', '2025-02-20', BTZ, status='completed',
      dosageInstruction=[{'timing': {'repeat': {'boundsDuration': {'value': 24, 'unit': 'wk', 'system': UCUM, 'code': 'wk'}}}}])
b.status('pd-2', '2025-09-15')
b.egfr('2026-10-20', 68)
save(b, '''
Rd (PD 2025-02-01 on R); D-Vd ordered 2025-02-20 as two completed MedicationRequests with boundsDuration 24 weeks (to
~2025-08-07), PD 2025-09-15 = 39 days after the bounded end. Right: 2 lines; daratumumab and bortezomib refractory (PD
within 60 days of the line's last dose) — at least UNKNOWN with a gap if the engine doubts a completed order was given,
never "not refractory"; ANTI_CD38_REFRACTORY (or unknown) on every anti-CD38 regimen; washout ~15 months.''')

# ---------------------------------------------------------------- 12 near misses: order only; order with fills to 2026
b = B('12b-active-len-order-2021-no-fills-order-only-pd-2026', '1951-10-10', 'male', 'Kowalski', 'Piotr')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-15')
b.req('rd-len', 'lenalidomide 25 mg', '2021-02-01', LEN, status='active')
b.req('rd-dex', 'dexamethasone 40 mg weekly', '2021-02-01', DEX, status='active')
b.status('pd-1', '2026-09-01'); b.egfr('2026-10-20', 70)
save(b, '''
Near miss of s12a-12: the same two active orders of 2021-02-01, no dispenses at all (order-only record). The stated
policy CDS-POLICY-OPEN-REQUEST applies; compare how the lenalidomide exposure and its refractoriness are stated.''')
b = B('12c-active-len-order-fills-to-2026-pd-2026', '1951-10-10', 'male', 'Kowalski', 'Piotr')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-15')
b.req('rd-len', 'lenalidomide 25 mg', '2021-02-01', LEN, status='active')
for k in range(0, 75):
    d = days('2021-02-03', 28 * k)
    if d > '2026-08-20': break
    b.disp('rd-len-f%d' % k, 'lenalidomide 25 mg', d, 21, LEN)
b.status('pd-1', '2026-09-01'); b.egfr('2026-10-20', 70)
save(b, '''
Near miss of s12a-12: the active lenalidomide order of 2021 with monthly fills up to 2026-08. Right: lenalidomide
refractory (PD 2026-09-01 on treatment); D-Rd carries PARTNER_DRUG_REFRACTORY.''')


def trunc(bd, cut, name, story):
    """Hand truncation (as in gen-s11-accept.py): what the chart held on `cut` (inclusive). Dated resources after it
    are dropped; a statement running past it loses its end and becomes active; an order authored before stays."""
    t = copy.deepcopy(bd); t['id'] = name; out = []
    for e in t['entry']:
        r = e['resource']; rt = r['resourceType']
        d = (r.get('effectiveDateTime') or r.get('authoredOn') or r.get('performedDateTime') or r.get('onsetDateTime')
             or r.get('whenHandedOver') or (r.get('effectivePeriod') or {}).get('start') or r.get('recordedDate'))
        if rt == 'Patient' or d is None or d[:10] <= cut:
            if rt == 'Condition' and r.get('recordedDate', '')[:10] > cut: continue
            ep = r.get('effectivePeriod')
            if rt == 'MedicationStatement' and ep and ep.get('end') and ep['end'][:10] > cut:
                del ep['end']; r['status'] = 'active'
            out.append(e)
    t['entry'] = out
    save(t, story)


for src, cuts in (('s12a-11-seven-lines-mixed-encodings', ('2017-04-25', '2021-09-15', '2023-03-01')),
                  ('s12a-01-mr-only-vrd-asct-lenmaint-repeats-pd-kd', ('2025-03-10', '2025-06-01')),
                  ('s12a-10-relapse-clinicalstatus-only-after-line', ('2026-09-01',))):
    bd = json.load(open(O + src + '.json'))
    for cut in cuts:
        trunc(bd, cut, 's12a-trunc-%s-%s' % (src[5:7], cut), '''
Hand truncation of %s at %s (resources dated after it removed; statements running past it made active with no end;
a Condition recorded after it removed). Evaluate at --as-of %s; the Assessment (without trace) must equal that of the
full bundle at the same --as-of (issue 10 #10).''' % (src, cut, cut))
