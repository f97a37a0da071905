# Sweep G (acceptance check of issue 10 on new EHR shapes): hospital-transfer request-only histories with discharge
# diagnoses, daratumumab SC coded as the hyaluronidase combination or by HCPCS, dispense-only oral regimens, progression
# only as a relapse code or an M-protein / FLC series in g/L and mg/L, partial dates, year-only death dates, allogeneic
# after autologous transplant, CAR-T recorded only as a procedure, selinexor and venetoclax lines, a second cancer
# treated during maintenance, entered-in-error and amended records, and replay against truncated bundles.
# Run from the project root; writes qa-bundles/s15a-*.json with a story s15a-*.story.txt each.
# The helpers (class B, save, codes, cycles, vrd, ...) come from ehr_bundle.py, shared by the acceptance generators.
import json, copy
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class B15(B):
    def bundle(s):
        bd = super().bundle(); bd['id'] = 's15a-' + s.name; bd['timestamp'] = '2026-12-05T11:00:00Z'; return bd


HCPCS_OID = 'urn:oid:2.16.840.1.113883.6.285'
KAPPA = ('36916-5', 'Kappa light chains.free [Mass/volume] in Serum')
LAMBDA = ('33944-0', 'Lambda light chains.free [Mass/volume] in Serum')
C9002 = MM_ICD('C90.02', 'Multiple myeloma in relapse')
C9001 = MM_ICD('C90.01', 'Multiple myeloma in remission')
ENC_DX = [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/condition-category', 'code': 'encounter-diagnosis',
                       'display': 'Encounter Diagnosis'}], 'text': 'Discharge diagnosis'}]
SEL = None; VEN = None; TEC = None


def dxcond(b, i, codings, text, recorded, onset=None, clin='active'):
    """A discharge-summary diagnosis: encounter-diagnosis category, recordedDate, often no onset."""
    r = b.cond(i, codings, text, onset, clin=clin, recordedDate=recorded)
    r['category'] = ENC_DX; return r


def oreq(b, i, text, authored, code=None, status='completed', validity=None, repeats=None, dur=None, bp=None, **kw):
    """A transferred MedicationRequest: authoredOn, optional dispenseRequest and boundsPeriod."""
    extra = {}
    if validity or repeats is not None or dur:
        dr = {}
        if validity: dr['validityPeriod'] = {'start': validity[0], 'end': validity[1]}
        if repeats is not None: dr['numberOfRepeatsAllowed'] = repeats
        if dur: dr['expectedSupplyDuration'] = {'value': dur, 'unit': 'days', 'system': UCUM, 'code': 'd'}
        extra['dispenseRequest'] = dr
    if bp: extra['dosageInstruction'] = bounds(*bp)
    extra.update(kw)
    return b.req(i, text, authored, code, status=status, **extra)


def flc(b, day, kappa, lam):
    b.lab('kappa-' + day, KAPPA[0], KAPPA[1], day, kappa, 'mg/L', 'mg/L')
    b.lab('lambda-' + day, LAMBDA[0], LAMBDA[1], day, lam, 'mg/L', 'mg/L')


def mprot_gl(b, day, v): return b.lab('mp-' + day, '33358-3', 'M-protein [Mass/volume] in Serum by Electrophoresis', day, v, 'g/L', 'g/L')


def vrd_asct_r(b, start='2021-02-01', asct='2021-07-20', rstart='2021-10-01', rend=None, rstatus='active'):
    vrd(b, start, 4)
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', days(asct, -1), MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', asct)
    rmaint(b, rstart, rend, rstatus)




def out(b, story):
    save(b.bundle(), story)


# ---------------------------------------------------------------- 01 transfer: requests only + discharge C90.02
b = B15('01-transfer-requests-only-discharge-c9002-krd', '1958-05-14', 'male', 'Haddad', 'Samir')
dxcond(b, 'dx-mm', MM_ICD(), 'Multiple myeloma', '2022-02-20', onset='2022-02-10')
oreq(b, 'rq-len-ind', 'lenalidomide 25 mg capsule d1-14 q21d', '2022-03-01', LEN, validity=('2022-03-01', '2022-06-30'), repeats=5, dur=21)
oreq(b, 'rq-btz-ind', 'bortezomib 1.3 mg/m2 SC d1,4,8,11 q21d', '2022-03-01', BTZ, bp=('2022-03-01', '2022-06-20'))
oreq(b, 'rq-dex-ind', 'dexamethasone 20 mg PO', '2022-03-01', DEX, bp=('2022-03-01', '2022-06-20'))
b.proc('asct', ASCT, 'Autologous stem cell transplant (outside hospital)', '2022-08-10')
oreq(b, 'rq-len-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2022-10-15', LEN,
     validity=('2022-10-15', '2025-03-31'), repeats=29, dur=28)
dxcond(b, 'dx-relapse-1', C9002, 'Multiple myeloma in relapse', '2025-04-08', onset='2025-03')
oreq(b, 'rq-cfz', 'carfilzomib 56 mg/m2 IV d1,8,15 q28d', '2025-04-20', CFZ, bp=('2025-04-20', '2026-06-30'))
oreq(b, 'rq-len-2', 'lenalidomide 25 mg capsule d1-21 q28d', '2025-04-20', LEN, validity=('2025-04-20', '2026-06-30'), repeats=14, dur=21)
oreq(b, 'rq-dex-2', 'dexamethasone 40 mg PO weekly', '2025-04-20', DEX, bp=('2025-04-20', '2026-06-30'))
dxcond(b, 'dx-relapse-2', C9002, 'Multiple myeloma in relapse', '2026-08-15')
b.egfr('2026-10-20', 68)
out(b, '''
Hospital-transfer record: the previous hospital's history arrives as MedicationRequests only (authoredOn, dispenseRequest
validityPeriod/repeats, boundsPeriod), an ASCT Procedure, and discharge-summary diagnoses (encounter-diagnosis
Conditions with recordedDate): C90.02 "in relapse" recorded 2025-04-08 (onset "2025-03", during lenalidomide maintenance
whose authorisation ran to 2025-03-31), KRd ordered 2025-04-20 to 2026-06-30, a second C90.02 recorded 2026-08-15 with no
onset. No administrations, no disease-status Observation.
Haematologist: 2 prior lines (VRd-ASCT-R; KRd) (clinical-evidence §1.1 LOT-B15). Relapsed, documented by coding
(§1.6 E). Lenalidomide refractory (relapse during maintenance, §1.2) - or at least UNKNOWN with the month-only onset;
carfilzomib refractoriness UNKNOWN: the second relapse is dated only by the day it was recorded, 46 days after the
order's last authorised day, and an order is not a record of doses (§1.2; issue 10 bullets 3, 4). Expected: 2 prior
lines; lenalidomide refractory or unknown; carfilzomib UNKNOWN with a data gap; D-Kd/Isa-Kd (1-3 lines) on label but with
carfilzomib-refractoriness caution; never "carfilzomib not refractory" as MET.''')

# ---------------------------------------------------------------- 02 dara SC coded by HCPCS OID only, D-Rd, PD
b = B15('02-drd-dara-sc-hcpcs-oid-only-len-dispenses-pd', '1949-09-02', 'female', 'Moreau', 'Annick')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2024-01-10')
start = '2024-02-05'
for k, d in enumerate([0, 7, 14, 21, 28, 35, 42, 49, 56, 70, 84, 98, 112, 126, 140, 154, 168, 196, 224, 252, 280, 308,
                       336, 364, 392, 420, 448, 476, 504, 532, 560, 588, 616, 644, 672, 700, 728, 756, 784, 812, 840, 868, 896, 924]):
    day = days(start, d)
    b.add({'resourceType': 'MedicationAdministration', 'id': 'dara-sc-%d' % k, 'status': 'completed',
           'medicationCodeableConcept': {'coding': [{'system': HCPCS_OID, 'code': 'J9144',
                                                      'display': 'INJ DARATUMUMAB 10 MG AND HYALURONIDASE-FIHJ'}]},
           'subject': b.subj(), 'effectiveDateTime': day + 'T10:00:00+01:00'})
for k in range(32):
    b.disp('len-%d' % k, 'lenalidomide 15 mg capsule', days(start, 28 * k), 21, LEN)
    b.disp('dex-%d' % k, 'dexamethasone 4 mg tablet', days(start, 28 * k), 28, DEX)
b.status('pd', '2026-08-24')
b.egfr('2026-10-20', 55)
out(b, '''
Transplant-ineligible patient on D-Rd (MAIA) from 2024-02-05: daratumumab SC administrations coded ONLY by HCPCS J9144
under the HCPCS OID system urn:oid:2.16.840.1.113883.6.285 (as many US EHR exports send it), display "INJ
DARATUMUMAB 10 MG AND HYALURONIDASE-FIHJ", no text, no RxNorm; lenalidomide and dexamethasone as MedicationDispenses
only; PD 2026-08-24 on therapy (last dara 2026-08-17).
Haematologist: 1 prior line (D-Rd), daratumumab-refractory and lenalidomide-refractory (§1.2), anti-CD38 refractory
(§5). Expected: daratumumab recognised (clinical-evidence §9.4: HCPCS J9144; the engine knows J9144 under the CMS URL),
ANTI_CD38_REFRACTORY on every anti-CD38 regimen; if the code system is not recognised, at least MEDICATION_UNIDENTIFIED
and prior-anti-CD38 UNKNOWN, never "anti-CD38 naive" / CANDOR or IKEMA matched.''')

# ---------------------------------------------------------------- 03 Medication resource (contained) for dara SC, D-Vd line 2
b = B15('03-dvd-dara-sc-contained-medication-hyaluronidase-pd', '1955-12-12', 'male', 'Novak', 'Petr')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-11-20')
vrd_asct_r(b, '2020-12-01', '2021-05-10', '2021-07-01', '2024-09-30', 'completed')
b.status('pd-1', '2024-09-20')
med = {'resourceType': 'Medication', 'id': 'med-darafaspro',
       'code': {'coding': [{'system': RX, 'code': '2375136', 'display': 'daratumumab 120 MG/ML / hyaluronidase-fihj 2000 UNT/ML Injectable Solution'}],
                'text': 'DARATUMUMAB-HYALURONIDASE-FIHJ 1,800 MG-30,000 UNIT/15 ML SC SOLN'},
       'ingredient': [{'itemCodeableConcept': {'coding': [{'system': RX, 'code': '1721947', 'display': 'daratumumab'}]}},
                      {'itemCodeableConcept': {'coding': [{'system': RX, 'code': '5467', 'display': 'hyaluronidase'}]}}]}
b.add(med)
for k, d in enumerate(list(range(0, 56, 7)) + list(range(63, 168, 21)) + list(range(189, 700, 28))):
    day = days('2024-10-07', d)
    if day > '2026-09-01': break
    b.add({'resourceType': 'MedicationAdministration', 'id': 'dara-%d' % k, 'status': 'completed',
           'medicationReference': b.ref('med-darafaspro'), 'subject': b.subj(), 'effectiveDateTime': day + 'T09:00:00Z'})
cycles(b, 'vd-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, '2024-10-07', (0, 3, 7, 10), 8, 21)
cycles(b, 'vd-dex', 'Dexamethasone 20 mg PO', DEX, '2024-10-07', (0, 1, 3, 4, 7, 8, 10, 11), 8, 21)
b.status('pd-2', '2026-09-10')
b.egfr('2026-10-20', 74)
out(b, '''
VRd-ASCT-R, PD 2024-09-20 on lenalidomide; D-Vd from 2024-10-07 where every daratumumab SC administration points to a
Medication resource (medicationReference) coded RxNorm 2375136 (the hyaluronidase combination SCD) with ingredients
daratumumab and hyaluronidase; bortezomib x8 cycles (ended 2025-03); daratumumab continued q4w to 2026-08; PD 2026-09-10.
Haematologist: 2 prior lines; lenalidomide refractory (line 1), daratumumab refractory (PD on it), bortezomib NOT
refractory (stopped 2025-03, §1.2 60 days). Expected: ANTI_CD38_REFRACTORY on every anti-CD38 regimen; 2 lines (US IV
Isa-Pd/D-Pd >=2 on label; D-Kd/Isa-Kd 1-3 on label) but all anti-CD38 options carry the refractoriness caution (§5).''')

# ---------------------------------------------------------------- 04 dispense-only Pd with refill gaps, PD 49 d after last supply
b = B15('04-r-maint-pd-then-pd-dispenses-refill-gaps-pd-49d', '1951-04-04', 'female', 'Ivanova', 'Olga')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-01-15')
vrd_asct_r(b, '2020-02-01', '2020-07-01', '2020-09-01', '2025-02-20', 'completed')
b.status('pd-1', '2025-02-10')
pd_days = ['2025-03-01', '2025-03-29', '2025-04-26', '2025-07-10', '2025-08-07', '2025-09-04', '2025-12-01',
           '2025-12-29', '2026-01-26', '2026-04-10', '2026-05-08', '2026-06-01']
for k, d in enumerate(pd_days):
    b.disp('pom-%d' % k, 'pomalidomide 4 mg capsule, 21 capsules (d1-21 q28d)', d, 21, POM)
    b.disp('dexd-%d' % k, 'dexamethasone 4 mg tablet', d, 28, DEX)
b.status('pd-2', '2026-08-10')
b.egfr('2026-10-20', 61)
out(b, '''
VRd-ASCT-R, PD 2025-02-10 on lenalidomide; Pd given only as MedicationDispenses (no requests, no administrations),
21-day supplies with refill gaps of 45-75 days (dose holds), last fill 2026-06-01 (supply to 2026-06-21); PD 2026-08-10,
50 days after the last supply ran out.
Haematologist: 2 prior lines (the gaps are holds, the same drugs resumed, no progression between; §1.1); pomalidomide
refractory (PD within 60 days of the last dose the dispenses allow; §1.2); lenalidomide refractory. Expected: 2 lines;
pomalidomide refractory (or UNKNOWN if the engine treats a dispense's supply as an uncertain last dose, with a gap);
Isa-Pd/D-Pd carry the pomalidomide-refractory partner caution; never "not pomalidomide-refractory" with no gap.''')

# ---------------------------------------------------------------- 05 progression only as a C90.02 Condition during maintenance
b = B15('05-vrd-asct-r-relapse-only-c9002-condition', '1960-07-07', 'male', 'Jensen', 'Lars')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20')
vrd_asct_r(b)
b.cond('mm-relapse', C9002, 'Multiple myeloma in relapse', '2026-07-15', recordedDate='2026-07-20')
b.egfr('2026-10-20', 80)
out(b, '''
VRd-ASCT-R maintenance (active); the only sign of progression is a problem-list Condition C90.02 "in relapse" with onset
2026-07-15 (recorded 2026-07-20), while lenalidomide is still taken. No disease-status Observation, no M-protein.
Haematologist: 1 prior line, relapsed on lenalidomide maintenance (§1.6 E: ICD-10-CM C90.02; issue 10 bullet 8):
lenalidomide refractory (§1.2, or UNKNOWN if a code's onset is not read as a progression date); bortezomib not
refractory. Expected: RRMM setting (relapse documented by coding), D-Kd/Isa-Kd on label (1-3 lines), D-Rd/Isa-Rd with a
lenalidomide-refractory (or unknown) caution; not "relapse not documented".''')

# ---------------------------------------------------------------- 06 M-protein series in g/L shows progression
b = B15('06-r-maint-mprotein-g-per-l-rise-pd', '1957-02-19', 'female', 'Rossi', 'Giulia')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20')
vrd_asct_r(b)
for d, v in [('2021-01-18', 31.0), ('2021-09-01', 3.0), ('2023-03-01', 1.6), ('2024-03-01', 1.5), ('2025-06-02', 1.8),
             ('2026-07-01', 7.4), ('2026-08-05', 8.6)]:
    mprot_gl(b, d, v)
b.egfr('2026-10-20', 77)
out(b, '''
VRd-ASCT-R maintenance (active). A European lab reports the serum M-protein in g/L: 31 at diagnosis, nadir 1.5 g/L
(2024-03-01), then 7.4 (2026-07-01) and 8.6 g/L (2026-08-05). No disease-status Observation.
Haematologist: progression by IMWG (§1.6 A: rise >=25% from nadir AND absolute >=0.5 g/dL = 5 g/L: 1.5 -> 7.4 g/L is
+5.9 g/L, confirmed by 8.6), on lenalidomide: lenalidomide refractory, relapsed after 1 line. Expected: relapse
documented by the M-protein, 1 prior line, lenalidomide refractory; D-Kd/Isa-Kd on label; D-Rd with the partner caution.''')

# ---------------------------------------------------------------- 07 mixed units: g/dL nadir, g/L later, rise below 0.5 g/dL
b = B15('07-r-maint-mprotein-mixed-units-rise-below-threshold', '1957-02-20', 'female', 'Bianchi', 'Sara')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20')
vrd_asct_r(b)
for d, v in [('2021-01-18', 3.1), ('2021-09-01', 0.3), ('2023-03-01', 0.2), ('2024-03-01', 0.2)]:
    b.mprot('mp-' + d, d, v)
for d, v in [('2026-07-01', 6.0), ('2026-08-05', 6.1)]:
    mprot_gl(b, d, v)
b.egfr('2026-10-20', 77)
out(b, '''
Near miss to 06: the M-protein nadir 0.2 g/dL was reported in g/dL; after a lab change the later values are 6.0 and
6.1 g/L (= 0.60 and 0.61 g/dL). The absolute rise is 0.41 g/dL, below the IMWG 0.5 g/dL (§1.6 A), so NOT a progression
(it is a rise to watch). Lenalidomide maintenance continues.
Haematologist: 1 line under way (maintenance), no relapse documented; the RRMM regimens are not options yet (issue 10
bullet 8). Expected: relapse not documented (or undetermined), no RRMM regimen offered; above all, 6.0 g/L must not be
read as 6.0 g/dL (a "progression").''')

# ---------------------------------------------------------------- 08 light-chain myeloma, FLC series in mg/L
b = B15('08-light-chain-r-maint-flc-mg-per-l-rise', '1962-10-30', 'male', 'Schmidt', 'Jonas')
b.cond('mm', [{'system': ICD, 'code': 'C90.00', 'display': 'Multiple myeloma not having achieved remission'}],
       'Kappa light chain multiple myeloma', '2021-01-20')
vrd_asct_r(b)
for d in ['2021-01-18', '2021-09-01', '2024-03-01', '2026-07-01', '2026-08-05']:
    b.mprot('mp-' + d, d, 0.0)
flc(b, '2021-01-18', 1450.0, 8.0)
flc(b, '2021-09-01', 25.0, 10.0)
flc(b, '2024-03-01', 17.0, 11.0)
flc(b, '2026-07-01', 168.0, 10.5)
flc(b, '2026-08-05', 190.0, 11.0)
b.egfr('2026-10-20', 70)
out(b, '''
Kappa light-chain myeloma (serum M-protein 0.0 throughout), VRd-ASCT-R maintenance (active). Free light chains in
mg/L: kappa 1450 at diagnosis, nadir 17 / lambda 11 (dFLC 6 mg/L = 0.6 mg/dL, 2024-03-01), then 168/10.5 (dFLC 157.5 mg/L)
and 190/11 (dFLC 179 mg/L = 17.9 mg/dL) on 2026-08-05. No urine M-protein.
Haematologist: dFLC rise 17.3 mg/dL > 10 mg/dL (§1.6 A, FLC criterion when serum and urine M are unmeasurable; urine not
recorded, so a probable progression that a urine M-protein would settle). Expected: a possible/probable progression
named (relapse UNDETERMINED with RELAPSE_NOT_DOCUMENTED asking for urine, per A4's fix) and lenalidomide refractoriness
UNKNOWN; not "no progression".''')

# ---------------------------------------------------------------- 09 progression observation dated by month only
b = B15('09-r-stopped-pd-observation-month-only', '1953-03-03', 'male', 'Dubois', 'Marc')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20')
vrd_asct_r(b, rend='2026-05-20', rstatus='completed')
b.status('pd', '2026-07')
b.egfr('2026-10-20', 66)
out(b, '''
VRd-ASCT-R, lenalidomide maintenance stopped 2026-05-20 (completed, no reason). A disease-status Observation "Progressive
disease" with effectiveDateTime "2026-07" (month only): the progression lies 42 to 72 days after the last lenalidomide.
Haematologist: relapsed after 1 line; lenalidomide refractoriness UNKNOWN (the 60-day limit falls inside the month,
§1.2; issue 10 bullet 3). Expected: lenalidomide refractoriness UNKNOWN with a gap naming the Observation, partner
caution UNKNOWN form on D-Rd; never "not lenalidomide-refractory".''')

# ---------------------------------------------------------------- 10 deceased, year only, before asOf
b = B15('10-deceased-year-only-2025', '1940-01-01', 'male', 'Keller', 'Hans', deceasedDateTime='2025')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20')
vrd_asct_r(b, rend='2024-10-01', rstatus='completed')
b.status('pd', '2024-09-20')
out(b, '''
Patient.deceasedDateTime "2025" (year only), record otherwise a relapsed patient after 1 line. asOf 2026-11-01 lies after
the whole year. Haematologist: the patient died; nothing to assess (issue 10 bullet 9). Expected: refused, exit 3, a
message saying the patient died in 2025 (not "may have died"); 422 on the server.''')

b = B15('10b-deceased-year-only-2026-asof-inside', '1940-01-02', 'male', 'Keller', 'Heinz', deceasedDateTime='2026')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20')
vrd_asct_r(b, rend='2024-10-01', rstatus='completed')
b.status('pd', '2024-09-20')
out(b, '''
Patient.deceasedDateTime "2026" (year only); asOf 2026-11-01 lies inside that year, so the death may be before or after
asOf. With --as-of 2025-06-01 the patient was alive. Haematologist: at 2026-11-01 the record says the patient died this
year - do not present options (or at least say loudly the patient may have died). Expected at 2026-11-01: refused or a
"may have died" refusal (exit 3); at 2025-06-01: assessed.''')

# ---------------------------------------------------------------- 11 auto then allo after KRd salvage
b = B15('11-vrd-asct-r-pd-krd-allo-flubu-pd', '1968-08-08', 'female', 'Sato', 'Yuki')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20')
vrd_asct_r(b, rend='2023-05-20', rstatus='completed')
b.status('pd-1', '2023-05-10')
cycles(b, 'krd-cfz', 'Carfilzomib 56 mg/m2 IV', CFZ, '2023-06-01', (0, 7, 14), 4, 28)
b.stmt('krd-len', 'lenalidomide 25 mg capsule d1-21', '2023-06-01', '2023-09-14', LEN)
cycles(b, 'krd-dex', 'Dexamethasone 40 mg PO', DEX, '2023-06-01', (0, 7, 14, 21), 4, 28)
for k in range(4): b.admin('flu-%d' % k, 'fludarabine 30 mg/m2 IV (conditioning)', days('2023-10-20', k), FLU)
for k in range(2): b.admin('bu-%d' % k, 'busulfan 3.2 mg/kg IV (conditioning)', days('2023-10-22', k))
b.proc('allo', ALLO_SCT, 'Allogeneic stem cell transplant, matched unrelated donor', '2023-10-26')
b.stmt('tac', 'tacrolimus 1 mg capsule (GvHD prophylaxis)', '2023-10-25', '2024-04-30')
b.status('pd-2', '2026-06-15')
b.egfr('2026-10-20', 82)
out(b, '''
VRd-ASCT-R, PD 2023-05-10 on lenalidomide; KRd x4 (2023-06 to 2023-09) as reinduction, then fludarabine-busulfan
conditioning and an ALLOGENEIC transplant (SNOMED 174241000112100) 2023-10-26, tacrolimus GvHD prophylaxis; PD 2026-06-15,
nothing since. Haematologist: 2 prior lines if the allo is the planned consolidation of the KRd line, 3 if each SCT counts
(LOT-B15 rule 3 counts every SCT except a planned tandem; the line-2 plan is not recorded) - a range 2 to 3 is honest.
Transplant kinds AUTOLOGOUS then ALLOGENEIC named; lenalidomide refractory; carfilzomib not refractory (PD 2.6 years after).
Tacrolimus is supportive, not a line. Expected: 2 or 2-3 lines, the allo named as allogeneic; no anti-CD38 exposure.''')

# ---------------------------------------------------------------- 12 CAR-T recorded only as a Procedure, then teclistamab
def bundle12(name):
    b = B15(name, '1959-11-21', 'male', 'Walker', 'Tom')
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
    vrd_asct_r(b, '2019-02-01', '2019-07-10', '2019-09-01', '2022-03-20', 'completed')
    b.status('pd-1', '2022-03-10')
    cycles(b, 'dpd-dara', 'daratumumab 1800 mg SC (Darzalex Faspro)', ('2372199', 'daratumumab / hyaluronidase'), '2022-04-01', (0, 14), 18, 28)
    cycles(b, 'dpd-pom', 'pomalidomide 4 mg capsule', POM, '2022-04-01', (0,), 18, 28)
    cycles(b, 'dpd-dex', 'dexamethasone 40 mg PO', DEX, '2022-04-01', (0, 7, 14, 21), 18, 28)
    b.status('pd-2', '2023-09-25')
    for k in range(3):
        b.admin('ld-flu-%d' % k, 'fludarabine 30 mg/m2 IV (lymphodepletion)', days('2024-01-08', k), FLU)
        b.admin('ld-cy-%d' % k, 'cyclophosphamide 300 mg/m2 IV (lymphodepletion)', days('2024-01-08', k), CY)
    b.proc('cart', [{'system': CPT, 'code': '0540T', 'display': 'Chimeric antigen receptor T-cell (CAR-T) therapy; CAR-T cell administration, autologous'}],
           'CAR-T cell infusion: ciltacabtagene autoleucel (Carvykti)', '2024-01-13')
    b.status('pd-3', '2025-06-20')
    for k, d in enumerate(['2025-07-07', '2025-07-09', '2025-07-11']):
        b.admin('tec-su-%d' % k, 'teclistamab step-up dose SC', d)
    for k in range(60):
        d = days('2025-07-18', 7 * k if k < 26 else 182 + 14 * (k - 26))
        if d > '2026-10-25': break
        b.admin('tec-%d' % k, 'teclistamab 1.5 mg/kg SC', d)
    b.status('pd-4', '2026-09-28')
    b.egfr('2026-10-20', 64)
    return b


story12 = '''
Four prior lines: VRd-ASCT-R (PD 2022-03-10 on lenalidomide), D-Pd (dara SC coded 2372199; PD 2023-09-25 on it),
ciltacabtagene autoleucel recorded ONLY as a Procedure (CPT 0540T "CAR-T cell administration", text naming
ciltacabtagene autoleucel) 2024-01-13 after flu/cy lymphodepletion (PD 2025-06-20), then teclistamab (step-up from
2025-07-07, weekly, then q2w) with PD on it 2026-09-28.
Haematologist: 4 prior lines (LOT-B15), triple-class and anti-CD38 refractory (dara PD on therapy), BCMA-exposed twice
(CAR-T, bispecific). US Isa-Kd/D-Kd (1-3 lines) NOT on label; D-mono on label (>=3 lines incl. PI and IMiD, §2.2) but
anti-CD38 refractory; every anti-CD38 option carries ANTI_CD38_REFRACTORY (§5). The CAR-T must be a line (or the
lymphodepletion named as a CAR-T line), never a bare "cyclophosphamide, fludarabine" line with the CAR-T lost.'''
out(bundle12('12-vrd-asct-r-dpd-cart-procedure-only-teclistamab-pd'), story12)

# ---------------------------------------------------------------- 12b the same, CAR-T given elsewhere: only the Procedure came over
b = bundle12('12b-cart-procedure-only-no-lymphodepletion-teclistamab-pd')
b.entry = [e for e in b.entry if not e['resource']['id'].startswith('ld-')]
out(b, '''
s15a-12 as a referral record sends it: the CAR-T was given at the cell-therapy centre, so the only trace is the
Procedure (CPT 0540T "CAR-T cell administration", text "CAR-T cell infusion: ciltacabtagene autoleucel (Carvykti)",
2024-01-13); no lymphodepletion record. PD 2025-06-20 after it, then teclistamab with PD on it 2026-09-28.
Haematologist: 4 prior lines exactly as s15a-12 (the CAR-T is line 3, LOT-B15); BCMA-exposed. US Isa-Kd/D-Kd (1-3 prior
lines, §2) NOT on label. Expected: 4 lines, or at least a data gap naming the unread CAR-T Procedure and a 3-to-4 range
that keeps the 1-3-line labels undecided; never "3 prior lines" with D-Kd/Isa-Kd on label.''')

# ---------------------------------------------------------------- 13 selinexor then venetoclax t(11;14)
b = B15('13-vrd-asct-r-dkd-xvd-venetoclax-t1114-pd', '1956-06-16', 'female', 'Garcia', 'Elena')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
vrd_asct_r(b, '2019-02-01', '2019-07-10', '2019-09-01', '2023-01-20', 'completed')
b.status('pd-1', '2023-01-10')
cycles(b, 'dkd-dara', 'daratumumab 16 mg/kg IV', DARA, '2023-02-01', (0, 14), 18, 28)
cycles(b, 'dkd-cfz', 'carfilzomib 56 mg/m2 IV', CFZ, '2023-02-01', (0, 7, 14), 18, 28)
b.status('pd-2', '2024-07-15')
b.stmt('xvd-sel', 'Xpovio (selinexor) 100 mg tablet once weekly', '2024-08-01', '2025-06-30')
cycles(b, 'xvd-btz', 'bortezomib 1.3 mg/m2 SC weekly', BTZ, '2024-08-01', (0, 7, 14, 21), 12, 35)
b.stmt('xvd-dex', 'dexamethasone 20 mg twice weekly', '2024-08-01', '2025-06-30', DEX)
b.status('pd-3', '2025-06-20')
b.add({'resourceType': 'Observation', 'id': 'fish-t1114', 'status': 'final',
       'category': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/observation-category', 'code': 'laboratory'}]}],
       'code': {'text': 'FISH myeloma panel'}, 'subject': b.subj(), 'effectiveDateTime': '2019-01-22',
       'valueString': 't(11;14)(q13;q32) detected, CCND1-IGH fusion'})
b.stmt('ven', 'Venclexta (venetoclax) 400 mg tablet daily', '2025-07-10', None, status='active')
b.stmt('ven-dex', 'dexamethasone 40 mg weekly', '2025-07-10', None, DEX, status='active')
b.status('pd-4', '2026-09-05')
b.egfr('2026-10-20', 58)
out(b, '''
VRd-ASCT-R (PD 2023-01-10), D-Kd (dara IV; PD 2024-07-15 on it), selinexor-bortezomib-dex (Xpovio named by text only,
statements; PD 2025-06-20), venetoclax-dex for t(11;14) (Venclexta named by text only, active; PD 2026-09-05).
Haematologist: 4 prior lines; anti-CD38 refractory; carfilzomib refractory; bortezomib refractory (XVd); venetoclax and
selinexor exposure (off-label venetoclax, §1 drug classes of issue 10 bullet 5). US D-Kd/Isa-Kd (1-3 lines) NOT on
label; ANTI_CD38_REFRACTORY on every option; no option ranked as if anti-CD38-naive.''')

# ---------------------------------------------------------------- 14 breast cancer treated during maintenance
b = B15('14-r-maint-breast-cancer-paclitaxel-hold-resume-pd', '1961-01-25', 'female', 'Okonkwo', 'Ada')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20')
vrd(b, '2021-02-01', 4)
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2021-07-19', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2021-07-20')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2021-10-01', '2025-03-31', LEN, status='stopped',
       statusReason=[{'text': 'held for breast cancer treatment'}])
bc = b.cond('breast', [{'system': ICD, 'code': 'C50.412', 'display': 'Malignant neoplasm of upper-outer quadrant of left female breast'}],
            'Invasive ductal carcinoma left breast, HER2-positive', '2025-03-10')
for k in range(12):
    b.admin('pac-%d' % k, 'paclitaxel 80 mg/m2 IV weekly', days('2025-04-14', 7 * k), ('56946', 'paclitaxel'),
            reasonReference=[b.ref('breast')])
for k in range(6):
    b.admin('tras-%d' % k, 'trastuzumab 6 mg/kg IV q3w', days('2025-04-14', 21 * k), ('224905', 'trastuzumab'),
            reasonReference=[b.ref('breast')])
b.proc('lumpectomy', [{'system': SCT, 'code': '392021009', 'display': 'Lumpectomy of breast'}], 'Lumpectomy left breast', '2025-08-20')
b.stmt('r-maint-2', 'lenalidomide 10 mg capsule daily (maintenance, resumed)', '2025-10-15', None, LEN, status='active')
b.status('pd', '2026-08-20')
b.egfr('2026-10-20', 75)
out(b, '''
VRd-ASCT-R maintenance, held 2025-03-31 for a HER2-positive breast cancer (C50.412, 2025-03-10): weekly paclitaxel x12 and
trastuzumab q3w (each with reasonReference to the breast cancer), lumpectomy; lenalidomide maintenance resumed
2025-10-15; PD 2026-08-20 on it.
Haematologist: 1 prior line (the same drug resumed, no myeloma progression between: §1.1 LOT-B15, stopping and resuming
is not a new line); paclitaxel/trastuzumab are other therapy (issue 10 bullet 6); lenalidomide refractory; bortezomib not.
Active second cancer is a trial-exclusion matter, not a line. Expected: 1 prior line, "other therapy" paclitaxel and
trastuzumab for the breast cancer; D-Kd/Isa-Kd on label; D-Rd with the lenalidomide-refractory caution.''')

# ---------------------------------------------------------------- 15 a whole KRd line entered in error
b = B15('15-vrd-asct-r-pd-krd-entered-in-error', '1958-09-09', 'male', 'Petrov', 'Ivan')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20')
vrd_asct_r(b)
cycles(b, 'krd-cfz', 'Carfilzomib 56 mg/m2 IV', CFZ, '2024-03-04', (0, 7, 14), 6, 28)
for r in b.entry:
    if r['resource']['id'].startswith('krd-'): r['resource']['status'] = 'entered-in-error'
b.req('krd-req', 'carfilzomib 56 mg/m2 IV d1,8,15 q28d', '2024-03-01', CFZ, status='entered-in-error')
b.stmt('krd-stmt', 'carfilzomib (Kyprolis)', '2024-03-04', '2024-08-20', CFZ, status='entered-in-error')
b.status('pd-err', '2024-02-20', status='entered-in-error')
b.status('pd', '2026-08-01')
b.egfr('2026-10-20', 81)
out(b, '''
VRd-ASCT-R maintenance (active), PD 2026-08-01 on lenalidomide. A KRd "line" in 2024 (carfilzomib administrations, the
order and a statement) and a progression of 2024-02-20 are all status entered-in-error (charted to the wrong patient).
Haematologist: 1 prior line, carfilzomib-naive, lenalidomide refractory. Expected: the entered-in-error records read as
absent: 1 line, carfilzomib-naive, D-Kd/Isa-Kd on label with IKEMA/CANDOR populations possible.''')

# ---------------------------------------------------------------- 16 amended disease status: two versions of one Observation
b = B15('16-r-maint-pd-amended-to-stable-two-versions', '1958-10-10', 'female', 'Nilsson', 'Karin')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20')
vrd_asct_r(b)
v1 = b.status('ds-2026', '2026-08-01', meta={'versionId': '1', 'lastUpdated': '2026-08-02T10:00:00Z'})
v2 = copy.deepcopy(v1)
v2['status'] = 'amended'; v2['meta'] = {'versionId': '2', 'lastUpdated': '2026-08-09T15:00:00Z'}
v2['valueCodeableConcept'] = {'coding': [{'system': SCT, 'code': '359746009', 'display': "Patient's condition stable"}],
                              'text': 'Stable disease (IMWG) - amended: PD entered on the wrong assessment'}
b.entry.append({'fullUrl': b.url('ds-2026') + '/_history/2', 'resource': v2})
b.egfr('2026-10-20', 79)
out(b, '''
VRd-ASCT-R maintenance (active). The disease-status Observation ds-2026 arrives twice (a history export): version 1
(final, 2026-08-02) "Progressive disease", version 2 (amended, 2026-08-09) "Stable disease - PD entered on the wrong
assessment". Haematologist: the amended version replaces the first; no progression; 1 line under way; the RRMM
regimens are not options (issue 10 bullet 8). Expected: no relapse documented, or at least the two versions named as
conflicting (DISEASE_STATUS_UNREADABLE-type gap); never a confident "relapsed, lenalidomide refractory" from version 1.''')

# ---------------------------------------------------------------- 17 C90.02 onset month only, lenalidomide stopped
b = B15('17-r-stopped-relapse-code-onset-month-only', '1954-04-24', 'male', 'Fischer', 'Paul')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20')
vrd_asct_r(b, rend='2026-04-20', rstatus='completed')
b.cond('mm-relapse', C9002, 'Multiple myeloma in relapse', '2026-06', recordedDate='2026-07-02')
b.egfr('2026-10-20', 70)
out(b, '''
VRd-ASCT-R, lenalidomide stopped 2026-04-20 (completed); relapse recorded only as a Condition C90.02 with onset "2026-06"
(month only, recorded 2026-07-02): 42 to 71 days after the last dose. Haematologist: relapsed after 1 line; lenalidomide
refractoriness UNKNOWN (§1.2 60 days falls inside the month; issue 10 bullet 3). Expected: RRMM setting; lenalidomide
refractoriness UNKNOWN with a gap; never "not lenalidomide-refractory".''')

# ---------------------------------------------------------------- 18 transfer in remission: C90.01 discharge dx, stale active order
b = B15('18-transfer-requests-asct-c9001-remission-stale-active-r', '1963-12-01', 'male', 'Kowalski', 'Jan')
dxcond(b, 'dx-mm', MM_ICD(), 'Multiple myeloma', '2022-05-02', onset='2022-04-20')
oreq(b, 'rq-btz', 'bortezomib 1.3 mg/m2 SC', '2022-05-10', BTZ, bp=('2022-05-10', '2022-08-20'))
oreq(b, 'rq-len', 'lenalidomide 25 mg capsule', '2022-05-10', LEN, validity=('2022-05-10', '2022-08-31'), repeats=4, dur=21)
oreq(b, 'rq-dex', 'dexamethasone 40 mg weekly', '2022-05-10', DEX, bp=('2022-05-10', '2022-08-20'))
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2022-10-12')
oreq(b, 'rq-rm', 'lenalidomide 10 mg capsule daily (maintenance)', '2023-01-10', LEN, status='active',
     validity=('2023-01-10', '2024-01-10'), repeats=12, dur=28)
dxcond(b, 'dx-remission', C9001, 'Multiple myeloma in remission', '2024-02-14')
b.egfr('2024-02-14', 85)
out(b, '''
Transfer record: VRd orders 2022, ASCT 2022-10-12, lenalidomide maintenance order ACTIVE authored 2023-01-10 whose
authorisation ended 2024-01-10, a discharge diagnosis C90.01 "in remission" recorded 2024-02-14; nothing since.
Haematologist: 1 line (possibly still on maintenance elsewhere: unknown), in remission; nothing shows relapse. The RRMM
regimens are not options (issue 10 bullet 8: "the record says remission"); maintenance must not be "ongoing for years"
from a stale order (bullet 4). Expected: relapse not documented, RRMM regimens INSUFFICIENT_DATA; the stale order named.''')

# ---------------------------------------------------------------- 19 dara IV then switched to SC within D-Rd (RxNorm SBD), lenalidomide dispense gaps
b = B15('19-drd-iv-then-faspro-sbd-switch-pd', '1947-03-15', 'female', 'Laurent', 'Claire')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2023-05-10')
for k, d in enumerate([0, 7, 14, 21, 28, 35, 42, 49]):
    b.admin('dara-iv-%d' % k, 'DARZALEX 16 mg/kg IV', days('2023-06-01', d), ('1721952', 'Darzalex'))
for k in range(60):
    d = days('2023-08-03', 14 * k if k < 8 else 112 + 28 * (k - 8))
    if d > '2026-08-20': break
    b.admin('dara-sc-%d' % k, 'DARZALEX FASPRO 1800 mg/30000 units SC', d, ('2375141', 'Darzalex Faspro (branded drug)'))
for k in range(60):
    if days('2023-06-01', 28 * k) > '2026-08-20': break
    b.disp('len-%d' % k, 'lenalidomide 10 mg capsule', days('2023-06-01', 28 * k), 21, LEN)
b.status('pd', '2026-09-01')
b.egfr('2026-10-20', 44)
out(b, '''
Transplant-ineligible, 79 years: D-Rd from 2023-06-01, daratumumab IV (Darzalex BN 1721952) x8, then switched to
Darzalex Faspro SC (SBD 2375141) from 2023-08-03 q2w then q4w to 2026-08; lenalidomide by dispenses; PD 2026-09-01 on
therapy. Haematologist: ONE line (a route switch is not a new regimen, §1.1; both products one anti-CD38 drug, §9.4),
daratumumab and lenalidomide refractory; anti-CD38 refractory. Expected: 1 prior line; ANTI_CD38_REFRACTORY everywhere;
eGFR 44 renal flags.''')


# ---------------------------------------------------------------- 21 relapse only as the myeloma Condition's clinicalStatus "relapse"
b = B15('21-r-maint-condition-clinicalstatus-relapse-only', '1959-05-05', 'female', 'Costa', 'Ana')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20', clin='relapse',
       meta={'versionId': '3', 'lastUpdated': '2026-08-12T08:00:00Z'})
vrd_asct_r(b)
b.egfr('2026-10-20', 76)
out(b, """
VRd-ASCT-R maintenance (active). The only relapse signal: the myeloma Condition's clinicalStatus is "relapse"
(http://terminology.hl7.org/CodeSystem/condition-clinical|relapse; last updated 2026-08-12), ICD-10-CM C90.00, no
disease-status Observation, no M-protein. Haematologist: the record states relapse (issue 10 bullet 8: "every signal a
record carries"), undated; lenalidomide refractoriness UNKNOWN (the relapse date is not recorded). Expected: relapse
documented by the Condition's status (dated at best by lastUpdated) or at least named as an undated relapse signal with
a gap; RRMM regimens either offered with lenalidomide refractoriness UNKNOWN, or INSUFFICIENT_DATA with a gap naming the
Condition; never "no progression, relapse or remission is recorded".""")

# ---------------------------------------------------------------- 22 M-protein reported in mg/dL
b = B15('22-r-maint-mprotein-mg-per-dl-rise-pd', '1957-02-21', 'male', 'Brown', 'Henry')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20')
vrd_asct_r(b)
for d, v in [('2021-01-18', 3100.0), ('2021-09-01', 300.0), ('2023-03-01', 160.0), ('2024-03-01', 150.0),
             ('2026-07-01', 720.0), ('2026-08-05', 810.0)]:
    b.lab('mp-' + d, '33358-3', 'M-protein [Mass/volume] in Serum by Electrophoresis', d, v, 'mg/dL', 'mg/dL')
b.egfr('2026-10-20', 77)
out(b, """
As s15a-06 but the lab reports the serum M-protein in mg/dL: nadir 150 mg/dL (2024-03-01), then 720 and 810 mg/dL
(2026-07-01, 2026-08-05). Haematologist: IMWG progression (§1.6 A: +0.57 g/dL >= 0.5 g/dL and >= 25%), confirmed, on
lenalidomide: relapsed after 1 line, lenalidomide refractory. Expected: the same answer as s15a-06, or the values refused
with a named gap (never read as g/dL: 720 "g/dL" is impossible).""")

# ---------------------------------------------------------------- 23 FLC in mg/dL; a C90.02 entered in error
b = B15('23-light-chain-flc-mg-per-dl-rise-c9002-entered-in-error', '1962-10-31', 'female', 'Young', 'Ruth')
b.cond('mm', [{'system': ICD, 'code': 'C90.00', 'display': 'Multiple myeloma not having achieved remission'}],
       'Lambda light chain multiple myeloma', '2021-01-20')
r = b.cond('mm-relapse-err', C9002, 'Multiple myeloma in relapse', '2025-02-10')
r['verificationStatus'] = {'coding': [{'system': VER, 'code': 'entered-in-error'}]}
vrd_asct_r(b)
for d in ['2021-01-18', '2021-09-01', '2024-03-01', '2026-07-01', '2026-08-05']:
    b.mprot('mp-' + d, d, 0.0)
for d, kap, lam in [('2021-01-18', 0.9, 210.0), ('2021-09-01', 1.0, 2.4), ('2024-03-01', 1.1, 1.9),
                    ('2026-07-01', 1.0, 14.8), ('2026-08-05', 1.1, 16.2)]:
    b.lab('kappa-' + d, KAPPA[0], KAPPA[1], d, kap, 'mg/dL', 'mg/dL')
    b.lab('lambda-' + d, LAMBDA[0], LAMBDA[1], d, lam, 'mg/dL', 'mg/dL')
b.egfr('2026-10-20', 70)
out(b, """
Lambda light-chain myeloma, VRd-ASCT-R maintenance (active); FLC reported in mg/dL (US labs): lambda nadir 1.9, kappa 1.1
(dFLC 0.8 mg/dL, 2024-03-01), then lambda 14.8 and 16.2 mg/dL (dFLC 13.8, 15.1 mg/dL). A C90.02 Condition of 2025-02-10
with verificationStatus entered-in-error. Haematologist: the error record is absent; the dFLC rise 14.3 mg/dL > 10 mg/dL
(§1.6 A) is a probable progression (urine not recorded). Expected: the same reading as s15a-08 (possible progression,
relapse UNDETERMINED, lenalidomide refractoriness UNKNOWN), the entered-in-error code not read.""")

# ---------------------------------------------------------------- 24 transfer: active dara-SC and Rd orders only, discharge C90.02
b = B15('24-transfer-active-drd-orders-only-no-doses-discharge-c9002', '1948-06-30', 'male', 'Tanaka', 'Hiro')
dxcond(b, 'dx-mm', MM_ICD(), 'Multiple myeloma', '2024-01-05', onset='2023-12-20')
oreq(b, 'rq-dara', 'daratumumab-hyaluronidase-fihj 1800 mg-30,000 units SC', '2024-01-15', ('2372199', 'daratumumab / hyaluronidase'),
     status='active', bp=('2024-01-15', None) if False else None,
     courseOfTherapyType={'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy', 'code': 'continuous'}]})
oreq(b, 'rq-len', 'lenalidomide 25 mg capsule d1-21 q28d', '2024-01-15', LEN, status='active', validity=('2024-01-15', '2024-07-15'), repeats=6, dur=21)
oreq(b, 'rq-dex', 'dexamethasone 20 mg weekly', '2024-01-15', DEX, status='active')
dxcond(b, 'dx-relapse', C9002, 'Multiple myeloma in relapse', '2026-09-20')
b.egfr('2026-09-20', 52)
out(b, """
Hospital-transfer record of a transplant-ineligible 78-year-old: D-Rd orders authored 2024-01-15 and still ACTIVE
(daratumumab-hyaluronidase coded 2372199, continuous, no end; lenalidomide with a 6-month validity; dexamethasone), no
administration or dispense anywhere, then a discharge diagnosis C90.02 recorded 2026-09-20. Haematologist: probably on
D-Rd for years and relapsed on it (daratumumab- and lenalidomide-refractory), but the record holds only the orders:
refractoriness and the anti-CD38 washout are UNKNOWN (issue 10 bullets 3, 4: an active request with no end must not
make therapy ongoing for years, nor a one-day exposure). Expected: 1 line with an unknown end, THERAPY_END_UNKNOWN /
REFRACTORY_STATUS_UNKNOWN naming the orders, ANTI_CD38 refractory/washout UNKNOWN cautions on every anti-CD38 regimen;
never "anti-CD38 not refractory" or an adequate washout.""")

# ---------------------------------------------------------------- 24b D-Rd given (administrations), relapse only as a C90.02 during it
b = B15('24b-drd-administered-relapse-only-c9002-on-therapy', '1948-07-01', 'male', 'Tanaka', 'Kenji')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2024-01-05')
for k, d in enumerate([0, 7, 14, 21, 28, 35, 42, 49, 56, 70, 84, 98, 112, 126, 140, 154, 168] + list(range(196, 940, 28))):
    b.admin('dara-%d' % k, 'daratumumab-hyaluronidase-fihj 1800 mg SC', days('2024-02-05', d), ('2372199', 'daratumumab / hyaluronidase'))
for k in range(34):
    b.disp('len-%d' % k, 'lenalidomide 15 mg capsule', days('2024-02-05', 28 * k), 21, LEN)
b.cond('mm-relapse', C9002, 'Multiple myeloma in relapse', '2026-09-10', recordedDate='2026-09-14')
b.egfr('2026-10-20', 52)
out(b, """
Near miss to s15a-24 with the doses recorded: D-Rd from 2024-02-05, daratumumab SC administrations (2372199) weekly, q2w,
then q4w to 2026-08-31; lenalidomide dispenses to 2026-08-18 (+21 days); the only relapse signal is a problem-list C90.02
with onset 2026-09-10 (recorded 2026-09-14), 10 days after the last daratumumab dose. Haematologist: relapsed on D-Rd:
daratumumab- and lenalidomide-refractory (§1.2); at the least refractoriness UNKNOWN if a code is not taken as an IMWG
progression. Either way every anti-CD38 regimen must carry the anti-CD38 refractoriness caution (§5.2: ICARIA-MM
excluded anti-CD38-refractory disease; ranking prefers a non-anti-CD38 class), and D-Vd must not be ranked first as
"matches the CASTOR population" with no word on the daratumumab just given.""")

# ---------------------------------------------------------------- 25 deceasedBoolean true
b = B15('25-deceased-boolean-true', '1941-02-02', 'female', 'Keller', 'Greta', deceasedBoolean=True)
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-20')
vrd_asct_r(b, rend='2024-10-01', rstatus='completed')
b.status('pd', '2024-09-20')
out(b, """
Patient.deceasedBoolean true, no date. Haematologist: the patient died; at any asOf the record says so (the date is
unknown, so a replay before the death cannot be told apart). Expected: refused, exit 3, a message that the record says
the patient is deceased (date unknown).""")

# ---------------------------------------------------------------- 20 replay: bundle 12 truncated at two dates
def record_day(r):
    for k in ('effectiveDateTime', 'performedDateTime', 'whenHandedOver', 'authoredOn', 'onsetDateTime', 'recordedDate'):
        if k in r: return r[k][:10]
    if 'effectivePeriod' in r: return r['effectivePeriod'].get('start', '')[:10]
    return ''


for cut in ('2023-06-01', '2025-03-01'):
    full = bundle12('20-replay-12-truncated-at-' + cut).bundle()
    full['entry'] = [e for e in full['entry'] if not record_day(e['resource']) or record_day(e['resource']) <= cut]
    save(full, """
Bundle s15a-12 with every record dated after %s removed (replay check, issue 10 bullet 10). Evaluated with --as-of %s it
must give the same Assessment as s15a-12 evaluated with --as-of %s. At 2023-06-01 the patient is on D-Pd (line 2 under
way, PD 2022-03-10 on lenalidomide): 1 prior line. At 2025-03-01 the patient is 14 months after the CAR-T
(line 3) with no progression since: 3 lines given, relapse after the last not documented, so the RRMM regimens are not
offered (bullet 8).""" % (cut, cut, cut))

