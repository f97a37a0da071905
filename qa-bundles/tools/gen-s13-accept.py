# Session s13 (helper "accept"): sweep E, acceptance check of issue 10 on new EHR shapes.
# Run from the project root; writes qa-bundles/s13a-*.json with a story s13a-*.story.txt each.
# The helper class B and the small helpers come from ehr_bundle.py, shared by the acceptance generators.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)
B.PREFIX = 's13a-'


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

MEL = ('6718', 'melphalan'); CY = ('3002', 'cyclophosphamide'); DOXO = ('3639', 'doxorubicin')
PRED = ('8640', 'prednisone')


def vrd(b, start='2023-01-09', n=4):
    cycles(b, 'vrd-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, start, (0, 3, 7, 10), n, 21)
    cycles(b, 'vrd-dex', 'Dexamethasone 40 mg PO', DEX, start, (0, 7, 14), n, 21)
    b.stmt('vrd-len', 'lenalidomide 25 mg capsule', start, days(start, 21 * n - 7), LEN)


def bounds(a, e): return [{'text': 'as directed', 'timing': {'repeat': {'boundsPeriod': {'start': a, 'end': e}}}}]


# ---------------------------------------------------------------- 01 stem-cell mobilisation between induction and ASCT
b = B('01-vrd-cy-mobilisation-mel200-asct-r-pd', '1959-02-14', 'male', 'Haddad', 'Samir')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-20')
vrd(b)
b.admin('mob-cy', 'cyclophosphamide 2 g/m2 IV (stem cell mobilisation)', '2023-04-20', CY)
for k in range(8): b.admin('mob-gcsf-%d' % k, 'filgrastim 10 mcg/kg SC', days('2023-04-22', k))
b.admin('cond-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2023-05-30', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2023-05-31')
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2023-08-15', None, LEN, status='active')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''
VRd x4 (2023-01-09..2023-03-26 by MAR + statement), cyclophosphamide 2 g/m2 for stem-cell mobilisation 2023-04-20 with
filgrastim, melphalan 200 conditioning 2023-05-30, ASCT 2023-05-31, lenalidomide maintenance from 2023-08-15 (active),
PD on maintenance 2026-08-20. A haematologist: ONE line (induction, mobilisation, HDM-ASCT, maintenance = planned
sequence, LOT-B15); lenalidomide refractory; bortezomib not refractory. 1 prior line: US D-Kd/Isa-Kd (1-3) eligible.''')

# ---------------------------------------------------------------- 02 steroid bursts for a non-myeloma reason, in remission
b = B('02-vrd-asct-vgpr-prednisone-bursts-no-reason', '1951-06-30', 'female', 'Novak', 'Irena')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-20')
b.cond('copd', [{'system': SCT, 'code': '13645005', 'display': 'Chronic obstructive lung disease'}], 'COPD', '2015-01-01')
vrd(b)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2023-05-31')
b.status('vgpr-1', '2023-09-01', worse=False)
for i, a in enumerate(('2025-03-10', '2025-11-18')):
    b.req('pred-burst-%d' % i, 'prednisone 40 mg tablet daily for 5 days', a, PRED,
          dosageInstruction=[{'text': '40 mg daily x 5 days', 'timing': {'repeat': {
              'boundsDuration': {'value': 5, 'unit': 'd', 'system': UCUM, 'code': 'd'}, 'frequency': 1, 'period': 1, 'periodUnit': 'd'}}}],
          dispenseRequest={'quantity': {'value': 5, 'unit': 'tablet'}, 'expectedSupplyDuration': {'value': 5, 'unit': 'days', 'system': UCUM, 'code': 'd'}, 'numberOfRepeatsAllowed': 0})
b.status('vgpr-2', '2026-09-15', worse=False)
b.egfr('2026-10-20', 70)
save(b, '''
VRd x4 2023-01..03, ASCT 2023-05-31, no maintenance; VGPR 2023-09-01 and again 2026-09-15. COPD on the problem list.
Two 5-day prednisone 40 mg bursts (MedicationRequest completed, boundsDuration 5 d, no reason recorded) 2025-03-10 and
2025-11-18 - typical COPD-exacerbation courses. A haematologist: 1 line, in VGPR, not relapsed: no RRMM regimen.
Prednisone 40 mg x5 with no alkylator is not a myeloma regimen; at worst the purpose is unknown (count 1 to 2, named),
never a confident second line or a "relapse".''')

# ---------------------------------------------------------------- 02b the same with the reason coded (SNOMED only)
b = B('02b-prednisone-bursts-reason-copd-snomed', '1951-06-30', 'female', 'Novak', 'Irena')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-20')
b.cond('copd', [{'system': SCT, 'code': '13645005', 'display': 'Chronic obstructive lung disease'}], 'COPD', '2015-01-01')
vrd(b)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2023-05-31')
b.status('vgpr-1', '2023-09-01', worse=False)
for i, a in enumerate(('2025-03-10', '2025-11-18')):
    b.req('pred-burst-%d' % i, 'prednisone 40 mg tablet daily for 5 days', a, PRED,
          reasonCode=[{'coding': [{'system': SCT, 'code': '195951007', 'display': 'Acute exacerbation of chronic obstructive airways disease'}]}],
          dosageInstruction=[{'text': '40 mg daily x 5 days', 'timing': {'repeat': {
              'boundsDuration': {'value': 5, 'unit': 'd', 'system': UCUM, 'code': 'd'}}}}])
b.status('vgpr-2', '2026-09-15', worse=False)
b.egfr('2026-10-20', 70)
save(b, '''As 02 but each prednisone request has reasonCode SNOMED 195951007 (acute exacerbation of COPD) only.
Right: prednisone is other therapy given for COPD; 1 line; no RRMM regimen.''')

# ---------------------------------------------------------------- 03 breast cancer chemotherapy by SNOMED reasonCode
b = B('03-mm-then-breast-ac-t-snomed-reasoncode', '1956-09-09', 'female', 'Ortiz', 'Lucia')
b.cond('mm', MM_SCT, 'Multiple myeloma', '2021-10-01')
b.cond('brca', [{'system': SCT, 'code': '254837009', 'display': 'Malignant neoplasm of breast'}], 'Breast cancer', '2024-02-15')
vrd(b, '2021-10-18', 6)
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2022-03-15', '2024-02-20', LEN)
b.status('cr-1', '2023-10-01', worse=False, text='Complete response (IMWG)')
BR = [{'coding': [{'system': SCT, 'code': '254837009', 'display': 'Malignant neoplasm of breast'}]}]
for k in range(4):
    a = days('2024-03-11', 21 * k)
    b.admin('ac-doxo-%d' % k, 'doxorubicin 60 mg/m2 IV', a, DOXO, reasonCode=BR)
    b.admin('ac-cy-%d' % k, 'cyclophosphamide 600 mg/m2 IV', a, CY, reasonCode=BR)
for k in range(12):
    b.admin('t-pacli-%d' % k, 'paclitaxel 80 mg/m2 IV', days('2024-05-27', 7 * k), ('56946', 'paclitaxel'), reasonCode=BR)
b.stmt('letrozole', 'letrozole 2.5 mg daily', '2024-09-01', None, ('72965', 'letrozole'), status='active', reasonCode=BR)
b.stmt('r-maint-2', 'lenalidomide 10 mg maintenance (resumed after breast chemo)', '2024-10-01', None, LEN, status='active')
b.status('cr-2', '2026-09-20', worse=False, text='Complete response (IMWG)')
b.egfr('2026-10-20', 75)
save(b, '''
Myeloma coded by SNOMED only 2021-10; VRd x6, lenalidomide maintenance 2022-03..2024-02 (held for breast cancer), CR.
Breast cancer (SNOMED 254837009) 2024-02; AC x4 (doxorubicin + cyclophosphamide, MAR) then weekly paclitaxel x12, each
dose with reasonCode SNOMED 254837009 only (no reasonReference); letrozole; lenalidomide maintenance resumed 2024-10,
CR 2026-09-20. A haematologist: 1 myeloma line (maintenance resumed, no progression); AC-T is other therapy for breast
cancer; not relapsed: no RRMM regimen offered.''')

# ---------------------------------------------------------------- 04 partial dates on both ends via boundsPeriod
b = B('04-pd-request-boundsperiod-month-both-ends', '1950-03-03', 'male', 'Ivanov', 'Pavel')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-10')
b.stmt('l1-rd-len', 'lenalidomide', '2019-01-20', '2024-02-05', LEN); b.stmt('l1-rd-dex', 'dexamethasone', '2019-01-20', '2024-02-05', DEX)
b.status('pd-1', '2024-02-01')
b.req('l2-pom', 'pomalidomide 4 mg capsule', '2024-02-26', POM, status='completed', dosageInstruction=bounds('2024-03', '2024-09'),
      dispenseRequest={'expectedSupplyDuration': {'value': 21, 'unit': 'days', 'system': UCUM, 'code': 'd'}, 'numberOfRepeatsAllowed': 6})
b.req('l2-dex', 'dexamethasone 40 mg weekly', '2024-02-26', DEX, status='completed', dosageInstruction=bounds('2024-03', '2024-09'))
b.status('pd-2', '2024-11-15')
b.egfr('2024-11-20', 60)
save(b, '''
Rd 2019-01..2024-02, PD on Rd 2024-02-01. Pd ordered 2024-02-26 as completed MedicationRequests whose dosageInstruction
boundsPeriod is month-only on both ends (start "2024-03", end "2024-09"), 21-day supply x 6 repeats; PD 2024-11-15.
The last pomalidomide dose lies between 2024-09-01 and 2024-09-30: PD is 46 to 75 days after it, so pomalidomide
refractoriness is UNKNOWN (may be within 60 days). Evaluate at 2024-12-01. Right: 2 lines; lenalidomide refractory;
pomalidomide refractory UNKNOWN with a gap naming the order (bullet 3).''')

# ---------------------------------------------------------------- 05 replay: comorbidity, allergy and other cancer recorded or abated after asOf
def rrmm_base(b):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-10')
    vrd(b, '2021-01-18', 4)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2021-06-20')
    b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2021-09-01', '2026-03-01', LEN)
    b.status('pd-1', '2026-02-20')
    b.egfr('2026-04-20', 70)

b = B('05-replay-copd-allergy-recorded-later-prostate-abated-later', '1949-12-12', 'male', 'Berg', 'Anders')
rrmm_base(b)
b.cond('copd', [{'system': SCT, 'code': '13645005', 'display': 'Chronic obstructive lung disease'}], 'COPD', '2019-05-01',
       recordedDate='2026-09-15')
b.add({'resourceType': 'AllergyIntolerance', 'id': 'allergy-hyal', 'clinicalStatus': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', 'code': 'active'}]},
       'verificationStatus': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', 'code': 'confirmed'}]},
       'code': {'text': 'hyaluronidase'},
       'patient': b.subj(), 'onsetDateTime': '2020-04-01', 'recordedDate': '2026-09-15'})
b.cond('prostate', [{'system': SCT, 'code': '399068003', 'display': 'Malignant tumor of prostate'}, {'system': ICD, 'code': 'C61', 'display': 'Malignant neoplasm of prostate'}],
       'Prostate cancer', '2025-06-01', clin='resolved', abatementDateTime='2026-08-01')
save(b, '''
VRd-ASCT-R (one line), PD on maintenance 2026-02-20. COPD (onset 2019-05-01) and a hyaluronidase allergy (onset
2020-04-01) both first recorded on 2026-09-15; prostate cancer diagnosed 2025-06-01, now resolved with abatement
2026-08-01. Replayed at --as-of 2026-05-01 the chart of that day held no COPD, no allergy, and an ACTIVE prostate cancer.
Compare with s13a-05t-chart-on-2026-05-01 (the same bundle as exported on that day). Bullet 10.''')
t = B('05t-chart-on-2026-05-01', '1949-12-12', 'male', 'Berg', 'Anders')
rrmm_base(t)
t.cond('prostate', [{'system': SCT, 'code': '399068003', 'display': 'Malignant tumor of prostate'}, {'system': ICD, 'code': 'C61', 'display': 'Malignant neoplasm of prostate'}],
       'Prostate cancer', '2025-06-01')
save(t, 'The chart of s13a-05 as exported on 2026-05-01: no COPD, no allergy, prostate cancer active.')

# ---------------------------------------------------------------- 06 deceased by month
for nm, dd in (('06-deceased-month-2026-11', '2026-11'), ('06b-deceased-datetime-offset', '2026-11-01T01:30:00+10:00')):
    b = B(nm, '1945-01-01', 'male', 'Kim', 'Joon', deceasedDateTime=dd)
    rrmm_base(b)
    save(b, 'Patient.deceasedDateTime "%s". RRMM after one line. At 2026-10-31 the patient was alive (or, for the offset, died on 2026-11-01 local time); at 2026-11-01 the record says the patient may have died.' % dd)

# ---------------------------------------------------------------- 07 request-only D-Vd: active daratumumab order, sparse admins, PD
b = B('07-dvd-active-dara-order-sparse-admins-pd', '1953-05-05', 'female', 'Tanaka', 'Yumi')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-02-01')
b.stmt('l1-rd-len', 'lenalidomide', '2020-02-15', '2025-01-05', LEN); b.stmt('l1-rd-dex', 'dexamethasone', '2020-02-15', '2025-01-05', DEX)
b.status('pd-1', '2025-01-02')
b.req('dvd-dara', 'daratumumab 16 mg/kg IV per protocol', '2025-01-20', DARA, status='active',
      dosageInstruction=[{'text': 'weekly x8, q3w x8, then q4w', 'timing': {'repeat': {'boundsPeriod': {'start': '2025-01-20'}}}}])
for i, d in enumerate(('2025-01-20', '2025-03-17', '2025-08-04')):
    b.admin('dvd-dara-adm-%d' % i, 'daratumumab 16 mg/kg IV', d, DARA)
b.req('dvd-btz', 'bortezomib 1.3 mg/m2 SC', '2025-01-20', BTZ, status='completed', dosageInstruction=bounds('2025-01-20', '2025-06-15'))
b.req('dvd-dex', 'dexamethasone 20 mg', '2025-01-20', DEX, status='active', dispenseRequest=supply('2025-01-20', '2026-01-20', 11, 28))
b.status('pd-2', '2026-07-10')
b.egfr('2026-10-20', 55)
save(b, '''
Rd to 2025-01 (PD on Rd). D-Vd from 2025-01-20: an ACTIVE daratumumab order (boundsPeriod open), only three
daratumumab administrations charted (2025-01-20, 2025-03-17, 2025-08-04 - the infusion-centre MAR reached the EHR only
sometimes), bortezomib order completed (to 2025-06-15), dexamethasone order active with 11 repeats (validity to
2026-01-20). PD 2026-07-10, no new therapy since. The last daratumumab dose is anywhere from 2025-08-04 to the PD (the
order is active): daratumumab refractoriness UNKNOWN at best (a haematologist who sees an open order for a q4w antibody
and a PD assumes refractory), never "not refractory".''')

# ---------------------------------------------------------------- 01b near miss: melphalan conditioning only, no mobilisation chemotherapy
b = B('01b-vrd-mel200-asct-r-pd-no-mobilisation', '1959-02-14', 'male', 'Haddad', 'Samir')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-20')
vrd(b)
for k in range(8): b.admin('mob-gcsf-%d' % k, 'filgrastim 10 mcg/kg SC', days('2023-04-22', k))
b.admin('cond-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2023-05-30', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2023-05-31')
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2023-08-15', None, LEN, status='active')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''Near miss of s13a-01: the same history with G-CSF-only mobilisation (no cyclophosphamide). Right: one line,
1 prior line, lenalidomide refractory; US Isa-Pd (>= 2 prior lines) not eligible.''')

# ---------------------------------------------------------------- 07b near miss: the daratumumab order completed with its end
b = B('07b-dvd-completed-dara-order-sparse-admins-pd', '1953-05-05', 'female', 'Tanaka', 'Yumi')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-02-01')
b.stmt('l1-rd-len', 'lenalidomide', '2020-02-15', '2025-01-05', LEN); b.stmt('l1-rd-dex', 'dexamethasone', '2020-02-15', '2025-01-05', DEX)
b.status('pd-1', '2025-01-02')
b.req('dvd-dara', 'daratumumab 16 mg/kg IV per protocol', '2025-01-20', DARA, status='completed',
      dosageInstruction=[{'text': 'weekly x8, q3w x8, then q4w', 'timing': {'repeat': {'boundsPeriod': {'start': '2025-01-20', 'end': '2025-08-04'}}}}])
for i, d in enumerate(('2025-01-20', '2025-03-17', '2025-08-04')):
    b.admin('dvd-dara-adm-%d' % i, 'daratumumab 16 mg/kg IV', d, DARA)
b.req('dvd-btz', 'bortezomib 1.3 mg/m2 SC', '2025-01-20', BTZ, status='completed', dosageInstruction=bounds('2025-01-20', '2025-06-15'))
b.req('dvd-dex', 'dexamethasone 20 mg', '2025-01-20', DEX, status='completed', dosageInstruction=bounds('2025-01-20', '2025-08-04'))
b.status('pd-2', '2026-07-10')
b.egfr('2026-10-20', 55)
save(b, '''Near miss of s13a-07: the daratumumab order is completed with its end 2025-08-04 (the last administration).
Right: daratumumab not refractory (PD 340 days after), adequate washout.''')

# ---------------------------------------------------------------- 08 dexamethasone pulse as a bridge between lines
b = B('08-rd-vcd-dex-pulse-bridge-pd-3-lines', '1950-08-08', 'male', 'Schulz', 'Dieter')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-03-01')
b.stmt('l1-len', 'lenalidomide 25 mg', '2019-03-11', '2022-05-20', LEN); b.stmt('l1-dex', 'dexamethasone 40 mg weekly', '2019-03-11', '2022-05-20', DEX)
b.status('pd-1', '2022-05-16')
cycles(b, 'l2-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, '2022-06-06', (0, 7, 14, 21), 10, 28)
cycles(b, 'l2-cy', 'Cyclophosphamide 300 mg/m2 PO', CY, '2022-06-06', (0, 7, 14, 21), 10, 28)
cycles(b, 'l2-dex', 'Dexamethasone 40 mg PO', DEX, '2022-06-06', (0, 7, 14, 21), 10, 28)
b.status('pd-2', '2023-04-24')
for k in range(4): b.admin('bridge-dex-%d' % k, 'dexamethasone 40 mg PO (pulse while pomalidomide is approved)', days('2023-04-26', k), DEX)
b.stmt('l3-pom', 'pomalidomide 4 mg', '2023-05-22', '2026-07-20', POM); b.stmt('l3-dex', 'dexamethasone 40 mg weekly', '2023-05-22', '2026-07-20', DEX)
b.status('pd-3', '2026-07-15')
b.egfr('2026-10-20', 62)
save(b, '''
Rd 2019-03..2022-05 (PD 2022-05-16), VCd 10 cycles 2022-06-06..2023-03 (MAR; PD 2023-04-24), a 4-day dexamethasone
40 mg pulse 2023-04-26..29 while pomalidomide was being approved, Pd 2023-05-22..2026-07-20 (PD 2026-07-15).
A haematologist: 3 prior lines (Rd, VCd, Pd); a single 4-day dexamethasone pulse is not >= 1 complete cycle of a
regimen (LOT-B15) - at most the count is 3 to 4, named. US D-Kd / Isa-Kd (1 to 3 prior lines) are on label.''')

# ---------------------------------------------------------------- 09 tandem auto-allo with flu/bu conditioning
BU = ('1828', 'busulfan'); FLU = ('24698', 'fludarabine')
b = B('09-vrd-auto-then-planned-allo-flu-bu-r-pd', '1972-10-10', 'female', 'Rossi', 'Giulia')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-09-01')
vrd(b, '2022-09-12', 4)
b.admin('auto-mel', 'melphalan 200 mg/m2 IV', '2023-01-30', MEL)
b.proc('auto', ASCT_CPT, 'HPC transplant, autologous', '2023-01-31')
for k in range(4): b.admin('allo-flu-%d' % k, 'fludarabine 30 mg/m2 IV', days('2023-05-08', k))
for k in range(2): b.admin('allo-bu-%d' % k, 'busulfan 3.2 mg/kg IV', days('2023-05-10', k))
b.proc('allo', ALLO_CPT, 'HPC transplant, allogeneic (planned tandem auto-allo, sibling donor)', '2023-05-14')
b.stmt('r-maint', 'lenalidomide 5 mg maintenance', '2023-09-01', '2026-06-15', LEN)
b.status('pd-1', '2026-06-10')
b.egfr('2026-10-20', 80)
save(b, '''
High-risk myeloma, age 50: VRd x4, planned tandem auto (mel200, 2023-01-31) then reduced-intensity allo (fludarabine
x4 + busulfan x2, sibling donor, 2023-05-14, 103 days later), lenalidomide maintenance 2023-09..2026-06, PD on R
2026-06-10. LOT-B15: a planned tandem SCT with a predefined interval is one line. Right: 1 prior line (or, since the
plan is not coded, a range 1 to 2 with the heuristic named), both transplant kinds named, lenalidomide refractory;
fludarabine and busulfan (conditioning) named, not vanished.''')

# ---------------------------------------------------------------- 10 mCODE-style record: medicationReference (bundle Medication and contained), mCODE status values
MCODE = 'http://hl7.org/fhir/us/mcode/StructureDefinition/'
b = B('10-mcode-style-dara-by-medication-reference-pd-on-drd', '1955-04-04', 'male', 'Nguyen', 'Van')
mm = b.cond('mm', MM_ICD() + MM_SCT, 'Multiple myeloma', '2021-06-01', meta={'profile': [MCODE + 'mcode-primary-cancer-condition']})
b.add({'resourceType': 'Medication', 'id': 'med-dara', 'code': {'coding': [{'system': RX, 'code': DARA[0], 'display': DARA[1]}], 'text': 'daratumumab'}})
b.stmt('l1-vrd-len', 'lenalidomide', '2021-06-14', '2021-10-31', LEN); b.stmt('l1-vrd-btz', 'bortezomib', '2021-06-14', '2021-10-31', BTZ)
b.stmt('l1-vrd-dex', 'dexamethasone', '2021-06-14', '2021-10-31', DEX)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2022-01-10')
b.stmt('l1-r', 'lenalidomide maintenance', '2022-04-01', '2024-03-01', LEN)
def mstatus(i, day, code, disp):
    return b.add({'resourceType': 'Observation', 'id': i, 'status': 'final', 'meta': {'profile': [MCODE + 'mcode-cancer-disease-status']},
                  'code': {'coding': [{'system': LOINC, 'code': '97509-4', 'display': 'Cancer disease progression'}]},
                  'subject': b.subj(), 'focus': [b.ref('mm')], 'effectiveDateTime': day,
                  'valueCodeableConcept': {'coding': [{'system': SCT, 'code': code, 'display': disp}]},
                  'extension': [{'url': MCODE + 'mcode-evidence-type', 'valueCodeableConcept': {'coding': [{'system': SCT, 'code': '363679005', 'display': 'Imaging (procedure)'}]}}]})
mstatus('ds-1', '2024-02-20', '271299001', "Patient's condition worsened (finding)")
# D-Kd by MedicationAdministration with medicationReference (bundle Medication for dara, contained for carfilzomib)
for k in range(12):
    d = days('2024-03-11', 14 * k)
    b.admin('l2-dara-%d' % k, 'x', d, None)
    b.entry[-1]['resource'].pop('medicationCodeableConcept'); b.entry[-1]['resource']['medicationReference'] = b.ref('med-dara')
    r = b.admin('l2-cfz-%d' % k, 'x', d, None)
    r.pop('medicationCodeableConcept')
    r['contained'] = [{'resourceType': 'Medication', 'id': 'm', 'code': {'coding': [{'system': RX, 'code': CFZ[0], 'display': CFZ[1]}]}}]
    r['medicationReference'] = {'reference': '#m'}
    b.admin('l2-dex-%d' % k, 'dexamethasone 40 mg', d, DEX)
mstatus('ds-2', '2024-09-01', '268910001', "Patient's condition improved (finding)")
mstatus('ds-3', '2026-09-20', '709137006', 'Patient condition undetermined (situation)')
b.egfr('2026-10-20', 70)
save(b, '''
mCODE-style record (meta.profile on Condition and CancerDiseaseStatus, focus -> the cancer, evidence-type extension).
VRd-ASCT-R 2021-06..2024-03; CancerDiseaseStatus "worsened" 2024-02-20; D-Kd by MedicationAdministration whose
medication is a medicationReference: daratumumab -> a Medication resource in the bundle, carfilzomib -> a contained
Medication; 12 doses every 2 weeks 2024-03-11..2024-08-12 (then no more recorded); "improved" 2024-09-01 and
"undetermined" (SNOMED 709137006) 2026-09-20. Right: 2 lines (VRd-ASCT-R, D-Kd); lenalidomide refractory; daratumumab
and carfilzomib exposed, not refractory; relapse after D-Kd not documented (undetermined) -> no RRMM option confidently.''')

# ---------------------------------------------------------------- 11 daratumumab for high-risk smouldering myeloma (AQUILA-style), progression to MM 48 days after the last dose
b = B('11-smm-dara-mono-3y-progression-to-mm-within-60d', '1958-01-20', 'female', 'Adeyemi', 'Funke')
b.cond('smm', [{'system': ICD, 'code': 'D47.2', 'display': 'Monoclonal gammopathy'}], 'High-risk smouldering myeloma', '2022-05-02', clin='resolved', abatementDateTime='2025-07-20')
b.cond('mm', MM_ICD(), 'Multiple myeloma (progressed from smouldering myeloma)', '2025-07-20')
SMM = [{'coding': [{'system': ICD, 'code': 'D47.2'}], 'text': 'high-risk smouldering myeloma'}]
d = '2022-06-06'; k = 0
while d <= '2025-06-02':
    b.admin('smm-dara-%d' % k, 'daratumumab-hyaluronidase 1800 mg SC', d, DARA, reasonReference=[b.ref('smm')])
    k += 1; d = days(d, 7 if k < 8 else (14 if k < 16 else 28))
b.egfr('2025-07-25', 78)
save(b, '''
High-risk smouldering myeloma (D47.2 with its text) 2022-05; daratumumab SC monotherapy (AQUILA schedule: weekly x8,
q2w x8, then q4w) 2022-06-06..2025-05-26 given for the SMM (reasonReference). Progression to multiple myeloma diagnosed
2025-07-20, 55 days after the last daratumumab dose. Evaluate at 2025-08-01 (newly diagnosed, no MM therapy yet).
Bullet 6: SMM therapy is an exposure, not a line, and counts for refractoriness: progression within 60 days of the last
dose (IMWG 60-day rule, clinical-evidence.md s1.2) = daratumumab-refractory, so every daratumumab regimen (D-VRd, D-Rd,
...) carries ANTI_CD38_REFRACTORY, and the NDMM trial populations (anti-CD38-naive) are not matched.''')

# ---------------------------------------------------------------- 12 bortezomib replaced by carfilzomib for neuropathy, no progression (unplanned substitution)
b = B('12-vrd-to-krd-substitution-neuropathy-no-pd', '1960-12-01', 'male', 'Petrov', 'Ilya')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-20')
b.cond('pn', [{'system': SCT, 'code': '302226006', 'display': 'Peripheral nerve disease'}], 'Bortezomib-induced peripheral neuropathy grade 2', '2023-02-20')
cycles(b, 'vrd-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, '2023-01-09', (0, 3, 7, 10), 3, 21)
cycles(b, 'krd-cfz', 'Carfilzomib 56 mg/m2 IV', CFZ, '2023-03-13', (0, 1, 7, 8, 14, 15), 6, 28)
b.stmt('rd-len', 'lenalidomide 25 mg', '2023-01-09', '2023-08-20', LEN); b.stmt('rd-dex', 'dexamethasone 40 mg weekly', '2023-01-09', '2023-08-20', DEX)
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2023-09-01', '2026-08-25', LEN)
b.status('vgpr', '2023-09-05', worse=False)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''
VRd from 2023-01-09; bortezomib stopped after 3 cycles for neuropathy and carfilzomib substituted 2023-03-13 (KRd x6,
no progression in between), lenalidomide maintenance from 2023-09, PD on R 2026-08-20. LOT-B15 rule 2: an unplanned
substitution of a drug is a new line, so a haematologist applying IMWG counts 2 lines (VRd, KRd-R); no progression
between them, so bortezomib is not refractory. Either 2 lines or a range with the rule named - not a silent 1.''')

# ---------------------------------------------------------------- 12b KRd x8 then lenalidomide maintenance (no transplant), PD on R three years after carfilzomib
b = B('12b-krd-then-len-maintenance-pd-3y-after-carfilzomib', '1960-12-01', 'male', 'Petrov', 'Ilya')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-20')
cycles(b, 'krd-cfz', 'Carfilzomib 56 mg/m2 IV', CFZ, '2023-01-09', (0, 1, 7, 8, 14, 15), 8, 28)
b.stmt('krd-len', 'lenalidomide 25 mg', '2023-01-09', '2023-08-27', LEN); b.stmt('krd-dex', 'dexamethasone 40 mg weekly', '2023-01-09', '2023-08-27', DEX)
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2023-09-04', '2026-08-25', LEN)
b.status('cr', '2023-09-05', worse=False, text='Complete response (IMWG)')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''
KRd x8 (2023-01-09..2023-08), CR, lenalidomide maintenance 2023-09..2026-08 (planned, no transplant), PD on R
2026-08-20 = about 3 years after the last carfilzomib dose (2023-08-08). One line. IMWG 60-day rule applied per drug
(clinical-evidence.md s1.2: "Drug-level refractoriness ... applies the same 60-day rule to the last dose of that drug"):
lenalidomide refractory, carfilzomib NOT refractory (it was stopped 3 years before, in CR). Right: 1 prior line,
lenalidomide-refractory; D-Kd/Isa-Kd without a carfilzomib-refractory flag; D-mono NOT eligible (1 line, not
double-refractory).''')

# ---------------------------------------------------------------- 12c near miss: the same KRd-R with carfilzomib as a statement with its end
b = B('12c-krd-statement-with-end-then-len-maintenance-pd', '1960-12-01', 'male', 'Petrov', 'Ilya')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-20')
b.stmt('krd-cfz', 'carfilzomib 56 mg/m2 IV', '2023-01-09', '2023-08-15', CFZ)
b.stmt('krd-len', 'lenalidomide 25 mg', '2023-01-09', '2023-08-27', LEN); b.stmt('krd-dex', 'dexamethasone 40 mg weekly', '2023-01-09', '2023-08-27', DEX)
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2023-09-04', '2026-08-25', LEN)
b.status('cr', '2023-09-05', worse=False, text='Complete response (IMWG)')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''Near miss of s13a-12b: the same history, carfilzomib recorded as one MedicationStatement 2023-01-09..2023-08-15
instead of 48 administrations. Right (and what the engine should say for both): carfilzomib not refractory.''')

# ---------------------------------------------------------------- 12d VRd x8 (transplant-ineligible) then Rd continuous: bortezomib stopped 2 years before the PD
b = B('12d-vrd8-then-rd-continuous-pd-2y-after-bortezomib', '1948-03-15', 'female', 'Dubois', 'Claire')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-20')
vrd(b, '2023-01-09', 8)
b.stmt('rd-len', 'lenalidomide 25 mg d1-21 q28 (continuous Rd)', '2023-07-10', '2026-08-25', LEN)
b.stmt('rd-dex', 'dexamethasone 20 mg weekly', '2023-07-10', '2026-08-25', DEX)
b.status('vgpr', '2023-07-01', worse=False)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 58)
save(b, '''
Transplant-ineligible, age 74: VRd x8 (2023-01-09..2023-06-25), then Rd continuous 2023-07-10..2026-08 (SWOG S0777
style), VGPR, PD on Rd 2026-08-20 - more than 3 years after the last bortezomib dose. One line; lenalidomide
refractory; bortezomib NOT refractory by its own last dose (s1.2). Right: CASTOR's "not bortezomib-refractory" met,
D-Vd not demoted; D-mono not eligible (1 line, not PI-refractory).''')

# ---------------------------------------------------------------- 13 transplant and maintenance recorded, induction outside the record
b = B('13-asct-and-len-maintenance-only-induction-elsewhere-pd', '1961-07-07', 'male', 'Larsen', 'Erik')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-09-01')
b.proc('asct', ASCT_CPT, 'HPC transplant, autologous', '2021-03-15')
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2021-06-01', '2026-08-25', LEN)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 75)
save(b, '''
Referred after transplant: myeloma 2020-09, autologous HPC transplant 2021-03-15 (CPT 38241), lenalidomide maintenance
2021-06..2026-08, PD on R 2026-08-20. The induction (4-6 months before the ASCT, given elsewhere) is not in the record:
it could have been VRd, KRd, D-VRd or D-VTd. Bullet 7: the history is incomplete; anti-CD38-naive, carfilzomib-naive
and bortezomib-refractory status are UNKNOWN, not MET; one line (induction-ASCT-R) is right.''')

# ---------------------------------------------------------------- 13b the same with a current LVEF (so the CANDOR/IKEMA criteria decide)
b = B('13b-asct-and-len-maintenance-only-induction-elsewhere-lvef', '1961-07-07', 'male', 'Larsen', 'Erik')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-09-01')
b.proc('asct', ASCT_CPT, 'HPC transplant, autologous', '2021-03-15')
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2021-06-01', '2026-08-25', LEN)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 75)
b.lab('lvef', '10230-1', 'Left ventricular Ejection fraction', '2026-10-15', 60, '%', '%')
save(b, '''As s13a-13 (induction outside the record) with an echocardiogram LVEF 60% on 2026-10-15, so that the carfilzomib
trial populations are decided by the drug history alone. Right: carfilzomib-naive and anti-CD38-naive are UNKNOWN (the
induction is not recorded), PRIOR_THERAPY_UNKNOWN names the transplant without induction.''')

# ---------------------------------------------------------------- 14 ICD-only relapse history: C90.02 then a later C90.01 after the last line
b = B('14-icd-only-c9002-then-later-c9001-after-last-line', '1954-02-02', 'female', 'Silva', 'Ana')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-01-15', recordedDate='2020-01-15')
b.stmt('l1-vrd-len', 'lenalidomide', '2020-02-01', '2023-11-30', LEN); b.stmt('l1-vrd-btz', 'bortezomib', '2020-02-01', '2020-07-15', BTZ)
b.stmt('l1-vrd-dex', 'dexamethasone', '2020-02-01', '2020-07-15', DEX)
b.cond('mm-rel-1', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2023-11-20', recordedDate='2023-11-20', clin='inactive')
cycles(b, 'l2-cfz', 'Carfilzomib 56 mg/m2 IV', CFZ, '2023-12-11', (0, 1, 7, 8, 14, 15), 12, 28)
b.stmt('l2-dex', 'dexamethasone 40 mg weekly', '2023-12-11', '2024-11-10', DEX)
b.cond('mm-rem', MM_ICD('C90.01', 'Multiple myeloma in remission'), 'Multiple myeloma in remission', '2024-06-01', recordedDate='2024-06-01', clin='inactive')
b.cond('mm-rel-2', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2026-03-02', recordedDate='2026-03-02')
b.cond('mm-rem-2', MM_ICD('C90.01', 'Multiple myeloma in remission'), 'Multiple myeloma in remission', '2026-09-14', recordedDate='2026-09-14')
b.egfr('2026-10-20', 66)
save(b, '''
ICD-10-CM only, no disease-status observations (a billing-derived problem list). VRd then R to 2023-11 (C90.02
recorded 2023-11-20), Kd 2023-12..2024-11 (C90.01 2024-06-01), then C90.02 recorded 2026-03-02 and, the newest,
C90.01 "in remission" recorded 2026-09-14, no therapy after Kd. The codes contradict each other after the last line
(a relapse, then remission without therapy); the newest says remission. Right: relapse after line 2 undetermined (or
not documented), with the conflict named; RRMM regimens not confidently offered (bullet 8).''')

# ---------------------------------------------------------------- 15 D-Rd (MAIA-style); daratumumab stopped after 2 years in CR, Rd continued, PD 2.5 years later
b = B('15-drd-dara-stopped-in-cr-rd-continued-pd-2y-later', '1947-09-09', 'male', 'Horvath', 'Gabor')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-12-01')
d = '2022-01-10'; k = 0
while d <= '2024-01-08':
    b.admin('drd-dara-%d' % k, 'daratumumab-hyaluronidase 1800 mg SC', d, DARA)
    k += 1; d = days(d, 7 if k < 8 else (14 if k < 16 else 28))
b.stmt('drd-len', 'lenalidomide 25 mg d1-21', '2022-01-10', '2026-08-25', LEN)
b.stmt('drd-dex', 'dexamethasone 20 mg weekly', '2022-01-10', '2026-08-25', DEX)
b.status('cr', '2023-06-01', worse=False, text='Complete response (IMWG)')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 52)
save(b, '''
Transplant-ineligible, age 74 at diagnosis: D-Rd from 2022-01-10 (daratumumab SC by MAR, weekly x8, q2w x8, then q4w).
In CR, daratumumab was stopped after its dose of 2024-01-01 (infusion-chair burden; no reason recorded) and Rd continued;
PD on Rd 2026-08-20, about 2 years 8 months after the last daratumumab dose. One line. Clinical-evidence.md s1.2
drug-level rule: lenalidomide refractory; daratumumab NOT refractory (last dose far beyond 60 days), washout > 9 months.
Right: no ANTI_CD38_REFRACTORY on the anti-CD38 options, or at most UNKNOWN with the reason named.''')

# ---------------------------------------------------------------- 15b near miss: the daratumumab course as one statement with its end
b = B('15b-drd-dara-statement-with-end-rd-continued-pd', '1947-09-09', 'male', 'Horvath', 'Gabor')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-12-01')
b.stmt('drd-dara', 'daratumumab-hyaluronidase 1800 mg SC', '2022-01-10', '2024-01-01', DARA)
b.stmt('drd-len', 'lenalidomide 25 mg d1-21', '2022-01-10', '2026-08-25', LEN)
b.stmt('drd-dex', 'dexamethasone 20 mg weekly', '2022-01-10', '2026-08-25', DEX)
b.status('cr', '2023-06-01', worse=False, text='Complete response (IMWG)')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 52)
save(b, '''Near miss of s13a-15: the daratumumab course recorded as one MedicationStatement 2022-01-10..2024-01-01 instead of
36 administrations. Right (for both): daratumumab not refractory.''')
