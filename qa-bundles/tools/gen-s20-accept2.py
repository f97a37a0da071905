# Sweep T, part 2 (acceptance of issue 10, the treatment timeline, as a new user meets it): ordinary EHR exports of
# histories unlike the earlier sweeps': four lines with a tandem transplant and cilta-cel after bridging; teclistamab as
# MedicationRequest orders only; elranatamab step-up inside hospital admissions; daratumumab retreatment after a long
# break; subcutaneous isatuximab; a month-only last dose before a dated progression; a start-only "active" statement of
# five years; M-protein series in g/L and g/dL with no disease-status Observation; an allogeneic transplant with GVHD
# prophylaxis; a transplant with no induction on record; entered-in-error and draft records; a dispense-only history;
# deaths before the as-of date; a haploidentical allogeneic transplant with post-transplant cyclophosphamide.
# Run from the project root; writes qa-bundles/s20z-*.json with a story s20z-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BZ(B):
    PREFIX = 's20z-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-06T02:00:00Z'; return bd


def asct(b, day, pre='asct', codes=ASCT):
    b.admin(pre + '-mel', 'melphalan 200 mg/m2 IV (conditioning)', days(day, -1), MEL)
    b.proc(pre, codes, 'Autologous peripheral blood stem cell transplant', day)


def r_requests(b, start, n, pre='rm'):
    """Lenalidomide maintenance ordered every 28 days: MedicationRequest, dispenseRequest 28 days, 0 repeats."""
    for k in range(n):
        d = days(start, 28 * k)
        b.req('%s-%d' % (pre, k + 1), 'lenalidomide 10 mg capsule daily (maintenance)', d, LEN,
              dispenseRequest={'numberOfRepeatsAllowed': 0, 'quantity': {'value': 28, 'unit': 'capsule'},
                               'expectedSupplyDuration': {'value': 28, 'unit': 'days', 'system': UCUM, 'code': 'd'}})


def anti_cd38(b, pre, text, code, start, last):
    """Weekly x8, every 2 weeks x8, then every 4 weeks while on or before {last}."""
    d = start; k = 0
    while d <= last:
        b.admin('%s-%s' % (pre, d), text, d, code)
        d = days(d, 7 if k < 7 else 14 if k < 15 else 28); k += 1


def egfr_c(b, day, v, comp):
    r = b.egfr(day, v); r['valueQuantity']['comparator'] = comp; return r


def mprot_gl(b, i, day, v):
    return b.lab(i, '33358-3', 'M-protein [Mass/volume] in Serum by Electrophoresis', day, v, 'g/L', 'g/L')


def encounter(b, i, start, end, text):
    return b.add({'resourceType': 'Encounter', 'id': i, 'status': 'finished',
                  'class': {'system': 'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'code': 'IMP',
                            'display': 'inpatient encounter'},
                  'type': [{'text': text}], 'subject': b.subj(), 'period': {'start': start, 'end': end}})


TAIL = lambda b, egfr=66: (b.egfr('2026-10-20', egfr), LVEF(b, '2026-10-15'))

# ---------------------------------------------------------------- 01 four lines: tandem ASCT, D-Pd, Kd, cilta-cel
b = BZ('01-tandem-asct-dpd-kd-bridging-cilta-cel-pd', '1958-05-02', 'male', 'Okafor', 'Chidi')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA lambda', '2019-01-10')
vrd_stmt(b, '2019-02-04', '2019-05-27')
gcsf(b, '2019-06-17', 5, '2019-06-20')
asct(b, '2019-07-22', 'asct1'); asct(b, '2019-10-28', 'asct2')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2020-01-06', '2021-09-06', LEN)
b.status('pd-1', '2021-09-20')
anti_cd38(b, 'dpd-dara', 'daratumumab 16 mg/kg IV', DARA, '2021-10-04', '2023-02-20')
b.stmt('dpd-pom', 'pomalidomide 4 mg capsule days 1-21', '2021-10-04', '2023-03-05', POM)
b.stmt('dpd-dex', 'dexamethasone 40 mg PO weekly', '2021-10-04', '2023-03-05', DEX)
b.status('pd-2', '2023-03-13')
kd(b, '2023-03-27', '2024-04-30')
b.status('pd-3', '2024-05-20')
b.proc('apheresis', [{'system': SCT, 'code': '127788007', 'display': 'Leukapheresis'}],
       'Leukapheresis for CAR-T manufacture', '2024-06-03')
weekly(b, 'bridge-cy', 'cyclophosphamide 300 mg/m2 IV (bridging)', CY, '2024-06-10', '2024-07-22')
weekly(b, 'bridge-dex', 'dexamethasone 20 mg PO (bridging)', DEX, '2024-06-10', '2024-07-22')
for d in ('2024-08-05', '2024-08-06', '2024-08-07'):
    b.admin('ld-flu-' + d, 'fludarabine 30 mg/m2 IV (lymphodepletion)', d, FLU)
    b.admin('ld-cy-' + d, 'cyclophosphamide 300 mg/m2 IV (lymphodepletion)', d, CY)
b.admin('cilta', 'ciltacabtagene autoleucel (Carvykti) 0.75 x 10^6 CAR+ viable T cells/kg IV', '2024-08-10')
b.status('sCR', '2024-11-12', worse=False, text='Stringent complete response (IMWG)')
b.status('pd-4', '2026-08-24')
TAIL(b)
out(b, '''
Chidi Okafor, 68. IgA-lambda myeloma 2019. L1: VRd (statements 2019-02-04 to 2019-05-27), G-CSF + plerixafor
mobilisation, TANDEM autologous transplant (melphalan 200; ASCT 2019-07-22 and 2019-10-28), lenalidomide maintenance
(statement 2020-01-06 to 2021-09-06); PD 2021-09-20. L2: D-Pd, daratumumab IV weekly/q2w/q4w 2021-10-04 to 2023-02-13,
pomalidomide and dexamethasone statements to 2023-03-05; PD 2023-03-13. L3: Kd (carfilzomib days 1,2,8,9,15,16) from
2023-03-27, last carfilzomib 2024-04-09; PD 2024-05-20. L4: leukapheresis 2024-06-03, bridging weekly cyclophosphamide +
dexamethasone 2024-06-10 to 2024-07-22, fludarabine/cyclophosphamide 2024-08-05..07, cilta-cel 2024-08-10; sCR
2024-11-12; PD 2026-08-24. eGFR 66.
A haematologist: 4 prior lines (the tandem transplant is one line with its induction and maintenance; the bridging
and the lymphodepletion belong to the CAR-T line, LOT-B15). Refractory to lenalidomide (PD on maintenance),
daratumumab (PD 28 days after its last dose), pomalidomide, carfilzomib; bortezomib exposed, not refractory (last
2019-05). Triple-class refractory; BCMA-exposed (cilta-cel). Daratumumab washout 2023-02-13 to 2026-11-01 (more than
3.5 years). US D-Kd/Isa-Kd (1-3 lines) NOT on label (4 lines); D-Pd/Isa-Pd partner-refractory and anti-CD38
refractory; daratumumab monotherapy on label (>=3 lines incl. PI and IMiD) but anti-CD38 refractory: every anti-CD38
option is a weak choice with the anti-CD38 refractoriness named; no line may be lost or added.
Replay --as-of 2024-07-01: 3 prior lines, relapse (PD 2024-05-20) and bridging under way; nothing after the date read.
Replay --as-of 2022-06-01: on line 2 (D-Pd) since 2021-10-04: 1 prior line, lenalidomide-refractory.
''')

# ---------------------------------------------------------------- 02 teclistamab as orders only
b = BZ('02-isakd-pd-then-teclistamab-step-up-orders-only', '1955-11-23', 'female', 'Lindqvist', 'Maja')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2018-02-01')
vrd(b, '2018-03-05', 4)
asct(b, '2018-07-16')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2018-09-10', '2021-12-20', LEN)
b.status('pd-1', '2022-01-10')
anti_cd38(b, 'isa', 'isatuximab-irfc (Sarclisa) 10 mg/kg IV', None, '2022-01-24', '2023-08-28')
kd(b, '2022-01-24', '2023-08-31')
b.status('pd-2', '2023-09-18')
for k in range(12):
    d = days('2023-10-02', 28 * k)
    b.req('pom-%d' % (k + 1), 'pomalidomide 4 mg capsule, days 1-21 of 28', d, POM,
          dispenseRequest={'validityPeriod': {'start': d, 'end': days(d, 27)}, 'numberOfRepeatsAllowed': 0,
                           'expectedSupplyDuration': {'value': 21, 'unit': 'days', 'system': UCUM, 'code': 'd'}})
b.stmt('pd-dex', 'dexamethasone 40 mg PO weekly (Pd)', '2023-10-02', '2024-09-15', DEX)
b.status('pd-3', '2024-10-07')
for d, dose in (('2024-10-21', '0.06 mg/kg (step-up 1)'), ('2024-10-23', '0.3 mg/kg (step-up 2)'),
                ('2024-10-25', '1.5 mg/kg (first treatment dose)')):
    b.req('tec-' + d, 'teclistamab-cqyv (Tecvayli) ' + dose + ' SC', d)
d = '2024-11-01'
while d <= '2025-04-25':
    b.req('tec-' + d, 'teclistamab-cqyv (Tecvayli) 1.5 mg/kg SC weekly', d); d = days(d, 7)
while d <= '2026-08-07':
    b.req('tec-' + d, 'teclistamab-cqyv (Tecvayli) 1.5 mg/kg SC every 2 weeks', d); d = days(d, 14)
b.status('pd-4', '2026-08-31')
TAIL(b, 58)
out(b, '''
Maja Lindqvist, 70. IgG-kappa myeloma 2018. L1 VRd (administrations) 2018-03-05, ASCT 2018-07-16, lenalidomide
maintenance to 2021-12-20; PD 2022-01-10. L2 Isa-Kd (isatuximab IV, named only by text, to 2023-08-28; carfilzomib to
2023-08-22); PD 2023-09-18. L3 Pd (pomalidomide as 12 MedicationRequests with 21-day supply, 2023-10-02 to 2024-08-05, supply to 2024-08-25;
dexamethasone statement); PD 2024-10-07. L4 teclistamab: ONLY MedicationRequests (status completed, no administration):
step-up 0.06 / 0.3 / 1.5 mg/kg 2024-10-21/23/25, weekly orders to 2025-04-25, every-2-week orders to 2026-08-07 (the
infusion suite's charting was not exported); PD 2026-08-31. eGFR 58.
A haematologist: 4 prior lines; refractory to lenalidomide, isatuximab (anti-CD38; PD 21 days after), carfilzomib,
pomalidomide (PD 43 days after the last supply end), teclistamab (PD 24 days after the last order). Bortezomib not
refractory. Triple-class refractory; BCMA-exposed. US D-Kd/Isa-Kd not on label (4 lines); daratumumab monotherapy on
label (>=3 incl. PI and IMiD) but anti-CD38 refractory (isatuximab, washout 3 years+). The orders-only teclistamab must
not vanish: 85 completed orders over 22 months are a line (a range 3 to 4 is the most caution allowed).
Replay --as-of 2024-06-01: on line 3 (Pd) since 2023-10-02: 2 prior lines, no teclistamab, nothing after the date read.
''')

# ---------------------------------------------------------------- 03 elranatamab step-up inside admissions
b = BZ('03-drd-kd-then-elranatamab-step-up-inpatient-admissions-pd', '1950-07-19', 'male', 'Ferreira', 'Joao')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG lambda', '2019-03-04')
anti_cd38(b, 'drd-dara', 'daratumumab 16 mg/kg IV', DARA, '2019-04-01', '2022-10-31')
b.stmt('drd-len', 'lenalidomide 25 mg capsule days 1-21', '2019-04-01', '2022-11-10', LEN)
b.stmt('drd-dex', 'dexamethasone 20 mg PO weekly', '2019-04-01', '2022-11-10', DEX)
b.status('pd-1', '2022-11-14')
kd(b, '2022-11-28', '2024-02-29')
b.status('pd-2', '2024-03-11')
encounter(b, 'adm-1', '2024-03-24', '2024-04-03', 'Admission for elranatamab step-up dosing (CRS monitoring)')
for d, dose in (('2024-03-25', '12 mg'), ('2024-03-28', '32 mg'), ('2024-04-01', '76 mg')):
    b.admin('elra-' + d, 'elranatamab-bcmm (Elrexfio) %s SC' % dose, d, context=b.ref('adm-1'))
d = '2024-04-08'
while d <= '2024-09-30':
    b.admin('elra-' + d, 'elranatamab-bcmm (Elrexfio) 76 mg SC weekly', d); d = days(d, 7)
while d <= '2026-09-07':
    if not ('2025-06-05' <= d <= '2025-06-30'):
        b.admin('elra-' + d, 'elranatamab-bcmm (Elrexfio) 76 mg SC every 2 weeks', d)
    d = days(d, 14)
encounter(b, 'adm-2', '2025-06-10', '2025-06-15', 'Admission for pneumonia (elranatamab held)')
b.cond('pneu', [{'system': ICD, 'code': 'J18.9', 'display': 'Pneumonia, unspecified organism'}], 'Pneumonia',
       '2025-06-10', clin='resolved', abatementDateTime='2025-06-20')
b.status('pd-3', '2026-10-05')
TAIL(b, 52)
out(b, '''
Joao Ferreira, 76. IgG-lambda myeloma 2019, transplant-ineligible. L1 D-Rd (daratumumab IV 2019-04-01 to 2022-10-31,
lenalidomide and dexamethasone statements to 2022-11-10); PD 2022-11-14. L2 Kd 2022-11-28 to 2024-02 (last carfilzomib
2024-02-06); PD 2024-03-11. L3 elranatamab: step-up 12/32/76 mg 2024-03-25/28 and 04-01 inside an inpatient Encounter
(2024-03-24 to 04-03, the administrations reference it), weekly 76 mg to 2024-09-30, then every 2 weeks to 2026-09-07,
held in June 2025 for an admission with pneumonia (Encounter 2025-06-10..15); PD 2026-10-05. eGFR 52.
A haematologist: 3 prior lines (the admissions add nothing; the pneumonia hold is no new line). Refractory to
daratumumab (PD 14 days after its last dose), lenalidomide, carfilzomib (PD 34 days after), elranatamab (PD on it).
Bortezomib and pomalidomide never given. Triple-class refractory; BCMA-exposed. Daratumumab washout 2022-10-31 to
2026-11-01 (4 years). Options: Isa-Pd/D-Pd on label (>=2 lines incl. lenalidomide and a PI; pomalidomide naive) with
the anti-CD38 refractoriness and the long washout named; D-Vd (bortezomib naive) on label; D-Kd/Isa-Kd carfilzomib-
refractory; daratumumab monotherapy on label but anti-CD38 refractory.
''')

# ---------------------------------------------------------------- 04 daratumumab retreatment after a long break
b = BZ('04-dvmp-dara-stopped-2021-then-kd-pd-retreatment-candidate', '1948-01-30', 'female', 'Moreau', 'Helene')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-02-11')
dvmp = '2019-03-04'
for k in range(6): b.admin('dvmp-dara-c1-%d' % k, 'daratumumab 16 mg/kg IV', days(dvmp, 7 * k), DARA)
d = days(dvmp, 42)
while d <= days(dvmp, 42 * 9 - 1):
    b.admin('dvmp-dara-' + d, 'daratumumab 16 mg/kg IV', d, DARA); d = days(d, 21)
while d <= '2021-02-15':
    b.admin('dvmp-dara-' + d, 'daratumumab 16 mg/kg IV (maintenance)', d, DARA); d = days(d, 28)
b.stmt('dvmp-btz', 'bortezomib 1.3 mg/m2 SC (VMP)', dvmp, days(dvmp, 42 * 9 - 14), BTZ)
b.stmt('dvmp-mel', 'melphalan 9 mg/m2 PO days 1-4 (VMP)', dvmp, days(dvmp, 42 * 8 + 3), MEL)
b.stmt('dvmp-pred', 'prednisone 60 mg/m2 PO days 1-4 (VMP)', dvmp, days(dvmp, 42 * 8 + 3), PRED)
b.status('vgpr', '2020-05-18', worse=False)
b.stmt('dara-stop', 'daratumumab 16 mg/kg IV every 4 weeks', '2020-05-04', '2021-02-15', DARA, status='stopped',
       statusReason=[{'text': 'Patient choice: stopped after 2 years in VGPR'}])
b.status('pd-1', '2022-09-12')
kd(b, '2022-09-26', '2024-05-20')
b.status('pd-2', '2024-06-10')
b.stmt('pd-pom', 'pomalidomide 4 mg capsule days 1-21', '2024-06-24', '2026-08-16', POM)
b.stmt('pd-dex', 'dexamethasone 20 mg PO weekly', '2024-06-24', '2026-08-16', DEX)
b.status('pd-3', '2026-08-31')
TAIL(b, 48)
out(b, '''
Helene Moreau, 78. IgG-kappa myeloma 2019, transplant-ineligible. L1 D-VMP (ALCYONE shape): daratumumab IV weekly x6,
every 3 weeks to cycle 9, then every 4 weeks to 2021-02-15, stopped by the patient's choice in VGPR (a stopped statement
with statusReason); bortezomib, melphalan, prednisone statements to 2020-04; PD 2022-09-12 (19 months after the last
daratumumab). L2 Kd 2022-09-26 (last carfilzomib 2024-04-23); PD 2024-06-10. L3 Pd statements 2024-06-24 to 2026-08-16;
PD 2026-08-31. eGFR 48.
A haematologist: 3 prior lines. Daratumumab exposed, NOT refractory (PD 19 months after the last dose); washout
2021-02-15 to 2026-11-01, more than 5.5 years (retreatment is reasonable). Refractory to carfilzomib and pomalidomide;
bortezomib exposed, not refractory; lenalidomide NEVER given. Options: D-Rd on label (>=1 prior line; lenalidomide-naive,
POLLUX population except for prior anti-CD38 exposure, which POLLUX excluded: a caution, not a bar) and D-Vd (bortezomib
not refractory) are the natural choices; daratumumab monotherapy on label (>=3 lines incl. PI and IMiD); D-Kd/Isa-Kd
carfilzomib-refractory; D-Pd/Isa-Pd off label in the US (no prior lenalidomide) and pomalidomide-refractory.
''')

# ---------------------------------------------------------------- 05 isatuximab given subcutaneously
b = BZ('05-vrd-asct-r-then-isa-pd-subcutaneous-pd-then-kd-pd', '1961-09-09', 'male', 'Kowalczyk', 'Piotr')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-10-01')
vrd_stmt(b, '2019-10-21', '2020-02-10')
asct(b, '2020-03-30', codes=ASCT_CPT)
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2020-06-01', '2023-01-22', LEN)
b.status('pd-1', '2023-02-06')
anti_cd38(b, 'isa-sc', 'isatuximab-irfc 1400 mg SC via on-body injector (Sarclisa)', None, '2023-02-20', '2025-01-27')
b.stmt('ipd-pom', 'pomalidomide 4 mg capsule days 1-21', '2023-02-20', '2025-02-02', POM)
b.stmt('ipd-dex', 'dexamethasone 40 mg PO weekly', '2023-02-20', '2025-02-02', DEX)
b.status('pd-2', '2025-02-17')
kd(b, '2025-03-03', '2026-08-20')
b.status('pd-3', '2026-09-07')
egfr_c(b, '2026-10-20', 90, '>'); LVEF(b, '2026-10-15')
out(b, '''
Piotr Kowalczyk, 65. IgG-kappa myeloma 2019. L1 VRd statements, ASCT 2020-03-30 (CPT 38241 only), lenalidomide
maintenance to 2023-01-22; PD 2023-02-06. L2 Isa-Pd with SUBCUTANEOUS isatuximab ("isatuximab-irfc 1400 mg SC via
on-body injector (Sarclisa)", no code; IRAKLIA regimen) 2023-02-20 to 2025-01-13, pomalidomide to 2025-02-02; PD
2025-02-17. L3 Kd 2025-03-03 (last carfilzomib 2026-08-04); PD 2026-09-07. eGFR ">90" (comparator).
A haematologist: 3 prior lines; refractory to lenalidomide, isatuximab (PD 35 days after the last SC dose: anti-CD38
refractory, washout 2025-01-13 to 2026-11-01, 21 months), pomalidomide, carfilzomib; bortezomib not refractory.
Triple-class refractory. Renal normal (eGFR above 90). Options: daratumumab monotherapy on label (>=3 lines) but
anti-CD38 refractory; D-Vd (bortezomib not refractory) with the same caution; D-Kd/Isa-Kd carfilzomib-refractory;
D-Pd/Isa-Pd pomalidomide-refractory. The SC route must not hide the anti-CD38 exposure.
''')

# ---------------------------------------------------------------- 06 / 07 month-only last dose before a dated PD
for nm, end, verdict in (
        ('06-lenalidomide-maintenance-last-dose-month-only-2024-03-pd-2024-05-20', '2024-03',
         'lenalidomide refractoriness UNDECIDED: the last dose fell some day of March 2024, 50 to 80 days before the PD '
         '(within 60 days for 2024-03-21 to 2024-03-31 only); a gap should name the month-only end'),
        ('07-lenalidomide-maintenance-last-dose-month-only-2024-04-pd-2024-05-20', '2024-04',
         'lenalidomide-REFRACTORY: every day of April 2024 is 20 to 49 days before the PD')):
    b = BZ(nm, '1957-04-14', 'female', 'Brennan', 'Siobhan')
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgA kappa', '2019-05-06')
    vrd_stmt(b, '2019-05-27', '2019-09-16')
    asct(b, '2019-11-04')
    b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2020-01-13', end, LEN)
    b.status('pd-1', '2024-05-20')
    kd(b, '2024-06-03', '2026-08-10')
    b.status('pd-2', '2026-08-31')
    TAIL(b, 70)
    out(b, '''
Siobhan Brennan, 69. IgA-kappa myeloma 2019. L1 VRd statements, ASCT 2019-11-04, lenalidomide maintenance statement
2020-01-13 to "%s" (month-only end date, as the clinic list exported it); PD 2024-05-20 (Observation). L2 Kd from
2024-06-03 (last carfilzomib 2026-07-14); PD 2026-08-31.
A haematologist: 2 prior lines; %s. Carfilzomib-refractory, bortezomib not refractory, anti-CD38 naive. Options:
D-Pd/Isa-Pd on label (>=2 lines incl. lenalidomide and a PI; pomalidomide naive) are the natural choices; D-Kd/Isa-Kd
carfilzomib-refractory; D-Vd on label. Twin: s20z-%s.
''' % (end, verdict, '07' if end == '2024-03' else '06'))

# ---------------------------------------------------------------- 08 start-only active statement for five years
b = BZ('08-lenalidomide-statement-active-start-only-five-years-pd-observation', '1959-12-01', 'male', 'Haddad', 'Karim')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2020-04-20')
vrd_stmt(b, '2020-05-11', '2020-08-31')
asct(b, '2020-10-19')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2021-01-04', None, LEN, status='active',
       dateAsserted='2026-10-06')
b.status('pd-1', '2026-09-21')
TAIL(b, 81)
out(b, '''
Karim Haddad, 66. IgG-kappa myeloma 2020. L1 VRd statements, ASCT 2020-10-19, lenalidomide maintenance as ONE
MedicationStatement, status "active", effectivePeriod start 2021-01-04 and no end, dateAsserted 2026-10-06 (the clinic
list confirmed at the visit after the progression). PD 2026-09-21 (Observation). eGFR 81.
A haematologist: 1 prior line (maintenance is part of it); progression ON lenalidomide maintenance: lenalidomide-
REFRACTORY (the statement asserted after the PD says he was still taking it). Bortezomib exposed, not refractory;
anti-CD38 naive. Options: D-Kd and Isa-Kd on label (1-3 lines) and the first choices for a lenalidomide-refractory
first relapse; D-Vd on label; D-Pd on label in the US (>=1 prior line incl. lenalidomide and a PI); D-Rd
lenalidomide-refractory. An "unknown" refractoriness would be over-cautious; "not refractory" wrong.
''')

# ---------------------------------------------------------------- 09 / 10 M-protein series, no status Observation
b = BZ('09-mprotein-g-per-l-rise-meets-imwg-on-maintenance-no-status-observation', '1956-06-06', 'female', 'Sato', 'Yuki')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-10-15')
vrd_stmt(b, '2019-11-04', '2020-02-24')
asct(b, '2020-04-13')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2020-06-08', None, LEN, status='active',
       dateAsserted='2026-10-19')
for i, (d, v) in enumerate((('2019-10-15', 32.0), ('2020-08-10', 4.0), ('2021-06-14', 3.0), ('2022-06-13', 3.0),
                            ('2024-06-10', 3.0), ('2025-10-13', 4.0), ('2026-04-13', 6.0), ('2026-07-13', 8.5),
                            ('2026-09-14', 9.5))):
    mprot_gl(b, 'mp-%d' % i, d, v)
TAIL(b, 74)
out(b, '''
Yuki Sato, 70. IgG-kappa myeloma 2019. VRd statements, ASCT 2020-04-13, lenalidomide maintenance statement active,
start 2020-06-08, no end, dateAsserted 2026-10-19. No disease-status Observation and no relapse coding. Serum M-protein
in g/L (SI units): 32 at diagnosis, 4 (2020-08), nadir 3 (2021-06 to 2024-06), 4 (2025-10), 6 (2026-04), 8.5
(2026-07-13), 9.5 (2026-09-14).
A haematologist: IMWG progression from the nadir of 3 g/L (0.3 g/dL): 8.5 g/L on 2026-07-13 is +5.5 g/L (+0.55 g/dL,
+183%%), confirmed by 9.5 g/L on 2026-09-14: biochemical relapse on lenalidomide maintenance (6 g/L in April is only
+0.3 g/dL). 1 prior line; lenalidomide-refractory (still taking it, asserted 2026-10-19). Options as for any
lenalidomide-refractory first relapse: D-Kd/Isa-Kd on label and first; D-Vd; D-Pd (US, >=1 line incl. len and PI).
Near miss: s20z-10 (g/dL, rise of 0.48 g/dL).
'''.replace('%%', '%'))

b = BZ('10-mprotein-g-per-dl-rise-just-misses-imwg-on-maintenance', '1956-06-06', 'female', 'Sato', 'Aiko')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-10-15')
vrd_stmt(b, '2019-11-04', '2020-02-24')
asct(b, '2020-04-13')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2020-06-08', None, LEN, status='active',
       dateAsserted='2026-10-19')
for i, (d, v) in enumerate((('2019-10-15', 3.2), ('2020-08-10', 0.4), ('2021-06-14', 0.3), ('2022-06-13', 0.3),
                            ('2024-06-10', 0.3), ('2025-10-13', 0.4), ('2026-04-13', 0.6), ('2026-07-13', 0.7),
                            ('2026-09-14', 0.78))):
    b.mprot('mp-%d' % i, d, v)
TAIL(b, 74)
out(b, '''
Aiko Sato, 70 (near miss of s20z-09). The same history, M-protein in g/dL: nadir 0.3, then 0.4, 0.6, 0.7 (2026-07-13),
0.78 (2026-09-14): +0.48 g/dL, below the IMWG absolute increase of 0.5 g/dL. No status Observation, no relapse coding.
A haematologist: a slowly rising paraprotein, NOT yet IMWG progression: no relapse, no RRMM option; watch and repeat
in 4-6 weeks. Still on first-line maintenance; lenalidomide not refractory (no progression).
''')

# ---------------------------------------------------------------- 11 allogeneic transplant after Kd salvage
b = BZ('11-vrd-asct-r-pd-kd-then-ric-allo-gvhd-prophylaxis-pd-creatinine-only', '1968-02-17', 'male', 'Novak', 'Marek')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa, high-risk t(4;14)', '2018-11-05')
vrd(b, '2018-11-26', 4)
asct(b, '2019-04-15')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2019-06-10', '2020-09-28', LEN)
b.status('pd-1', '2020-10-12')
kd(b, '2020-10-26', '2021-04-30')
b.status('vgpr', '2021-05-03', worse=False)
for d in ('2021-06-21', '2021-06-22', '2021-06-23', '2021-06-24', '2021-06-25'):
    b.admin('ric-flu-' + d, 'fludarabine 30 mg/m2 IV (RIC conditioning)', d, FLU)
b.admin('ric-mel', 'melphalan 140 mg/m2 IV (RIC conditioning)', '2021-06-26', MEL)
b.proc('allo', ALLO_SCT, 'Allogeneic peripheral blood stem cell transplant (matched unrelated donor)', '2021-06-28')
b.stmt('tacro', 'tacrolimus 1 mg PO twice daily (GVHD prophylaxis)', '2021-06-25', '2021-12-31',
       ('42316', 'tacrolimus'))
for d in ('2021-06-29', '2021-07-01', '2021-07-04', '2021-07-10'):
    b.admin('mtx-' + d, 'methotrexate 10 mg/m2 IV (GVHD prophylaxis)', d, ('6851', 'methotrexate'))
b.status('pd-2', '2026-08-17')
b.lab('creat-2026-10-20', '2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', '2026-10-20', 1.6, 'mg/dL', 'mg/dL')
b.lab('wt-2026-10-20', '29463-7', 'Body weight', '2026-10-20', 82, 'kg', 'kg')
LVEF(b, '2026-10-15')
out(b, '''
Marek Novak, 58. High-risk IgG-kappa myeloma 2018. L1 VRd (administrations), ASCT 2019-04-15, lenalidomide maintenance
to 2020-09-28; PD 2020-10-12. L2 Kd 2020-10-26 to 2021-04 (VGPR 2021-05-03), then planned reduced-intensity
allogeneic transplant: fludarabine x5 + melphalan 140 (2021-06-21..26), allo-SCT 2021-06-28 (SNOMED), GVHD prophylaxis
tacrolimus (statement to 2021-12-31) and mini-methotrexate 10 mg/m2 on days +1, +3, +6, +11 (text says GVHD
prophylaxis). No therapy since; PD 2026-08-17. Renal function: creatinine 1.6 mg/dL and weight 82 kg only (no eGFR).
A haematologist: 2 prior lines (the allo-SCT is planned consolidation of the Kd salvage; the methotrexate is GVHD
prophylaxis, not myeloma therapy). Lenalidomide-refractory; carfilzomib and bortezomib not refractory (last 2021 and
2019). Anti-CD38 naive. Cockcroft-Gault about (140-58) x 82 / (72 x 1.6) = 58 mL/min. Options: D-Kd/Isa-Kd on label
(1-3 lines) and first; D-Pd/Isa-Pd on label (>=2 lines incl. len and PI); D-Vd. No line invented by the methotrexate.
''')

# ---------------------------------------------------------------- 12 transplant with no induction on record
b = BZ('12-referred-asct-no-induction-on-record-r-requests-pd-kd-pd-egfr-above-90', '1962-08-08', 'female', 'Adeyemi', 'Funmi')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa (referred for transplant)', '2021-09-20')
asct(b, '2022-03-15', codes=ASCT_CPT)
r_requests(b, '2022-05-02', 31)
b.status('pd-1', '2024-10-07')
kd(b, '2024-10-21', '2026-08-17')
b.status('pd-2', '2026-09-14')
egfr_c(b, '2026-10-20', 90, '>'); LVEF(b, '2026-10-15')
out(b, '''
Funmi Adeyemi, 64. IgG-kappa myeloma diagnosed 2021-09-20 elsewhere; referred for transplant. The export starts at the
transplant: melphalan 200 2022-03-14, ASCT 2022-03-15 (CPT 38241); no induction on record. Lenalidomide maintenance as
31 MedicationRequests every 28 days (28-day supply) 2022-05-02 to 2024-08-19 (supply to 2024-09-15); PD 2024-10-07. L2
Kd 2024-10-21 (last carfilzomib 2026-08-11); PD 2026-09-14. eGFR ">90".
A haematologist: 2 prior lines (induction before the ASCT happened elsewhere: it is part of line 1, whatever its
drugs); lenalidomide-refractory (PD 22 days after the last supply), carfilzomib-refractory; anti-CD38 exposure and PI
exposure before the transplant unknown (the referral induction is not recorded: daratumumab-containing induction is
possible, so anti-CD38 exposure cannot be called "naive" with certainty; a gap is right). Options: D-Pd/Isa-Pd on label
(>=2 lines incl. len and PI) first; D-Kd/Isa-Kd carfilzomib-refractory. Renal normal.
''')

# ---------------------------------------------------------------- 13 entered-in-error and draft records
b = BZ('13-kd-line-with-dara-admin-entered-in-error-draft-dara-order-eie-pom-order', '1960-03-03', 'female', 'Rossi', 'Giulia')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-01-14')
vrd_stmt(b, '2019-02-04', '2019-05-27')
asct(b, '2019-07-15')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2019-09-09', '2024-03-25', LEN)
b.status('pd-1', '2024-04-08')
kd(b, '2024-04-22', '2026-08-10')
b.admin('dara-eie', 'daratumumab 16 mg/kg IV', '2025-01-13', DARA, status='entered-in-error')
b.status('pd-2', '2026-08-24')
b.req('rx-dara-draft', 'daratumumab and hyaluronidase-fihj 1800 mg SC', '2026-09-10', DARA, status='draft')
b.req('rx-pom-eie', 'pomalidomide 4 mg capsule days 1-21', '2026-09-08', POM, status='entered-in-error')
b.req('rx-isa-draft', 'isatuximab-irfc 10 mg/kg IV', '2026-09-10', None, status='draft')
TAIL(b, 70)
out(b, '''
Giulia Rossi, 66. IgG-kappa myeloma 2019. L1 VRd, ASCT 2019-07-15, lenalidomide maintenance to 2024-03-25; PD
2024-04-08. L2 Kd 2024-04-22 (last carfilzomib 2026-07-28); PD 2026-08-24. In the Kd period ONE daratumumab IV
administration on 2025-01-13 with status "entered-in-error" (charted on the wrong patient). After the PD: a daratumumab
SC order and an isatuximab order in status "draft" (tumour-board preparation), a pomalidomide order "entered-in-error".
A haematologist: 2 prior lines; lenalidomide- and carfilzomib-refractory; bortezomib not refractory; anti-CD38 NAIVE
(the erroneous record and the drafts are no exposure; drafts are not therapy). Options: D-Pd/Isa-Pd on label and first
(pomalidomide naive; ICARIA/APOLLO populations); D-Vd; D-Kd/Isa-Kd carfilzomib-refractory.
''')

# ---------------------------------------------------------------- 14 dispense-only history
b = BZ('14-dispense-only-rd-then-ixazomib-pd-elderly-egfr-below-15', '1945-05-25', 'male', 'Schmidt', 'Werner')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA kappa', '2019-12-02')
IXA_T = 'ixazomib 4 mg capsule days 1,8,15'
d = '2020-01-06'; k = 0
while d <= '2023-04-10':
    b.disp('len-%d' % k, 'lenalidomide 15 mg capsule days 1-21', d, 21, LEN)
    b.disp('dex-%d' % k, 'dexamethasone 20 mg tablet weekly', d, 28, DEX); d = days(d, 28); k += 1
b.status('pd-1', '2023-05-15')
d = '2023-06-05'; k = 0
while d <= '2026-08-10':
    b.disp('ixa-%d' % k, IXA_T, d, 21, IXA)
    b.disp('pom-%d' % k, 'pomalidomide 3 mg capsule days 1-21', d, 21, POM)
    b.disp('dex2-%d' % k, 'dexamethasone 20 mg tablet weekly', d, 28, DEX); d = days(d, 28); k += 1
b.status('pd-2', '2026-09-14')
egfr_c(b, '2026-10-20', 15, '<'); LVEF(b, '2026-10-15')
out(b, '''
Werner Schmidt, 81. IgA-kappa myeloma 2019, transplant-ineligible. The record holds ONLY pharmacy MedicationDispenses
(whenHandedOver + daysSupply). L1 Rd: lenalidomide 15 mg (21-day supply) and dexamethasone every 28 days 2020-01-06 to
2023-03-27 (lenalidomide supply to 2023-04-16); PD 2023-05-15. L2 IPd (ixazomib + pomalidomide + dexamethasone, all
dispensed every 28 days) 2023-06-05 to 2026-07-27 (supply to 2026-08-16); PD 2026-09-14. eGFR "<15" (comparator).
A haematologist: 2 prior lines; refractory to lenalidomide (PD 29 days after the supply end), ixazomib and pomalidomide
(PD 29 days after); bortezomib and carfilzomib never given; anti-CD38 naive. Kidney failure (eGFR below 15). Options:
D-Kd/Isa-Kd on label (1-3 lines; the partner carfilzomib never given; ixazomib-refractory is PI-refractory, CANDOR/
IKEMA allowed prior PI) with renal cautions; D-Vd on label (bortezomib-naive); D-Pd/Isa-Pd pomalidomide-refractory.
''')

# ---------------------------------------------------------------- 15 / 16 deceased before the as-of date
for nm, extra, said in (
        ('15-deceased-evening-before-asof-with-offset', {'deceasedDateTime': '2026-10-31T23:30:00-05:00'},
         'deceasedDateTime 2026-10-31T23:30:00-05:00 (2026-11-01T04:30Z): dead before the as-of date; the engine must '
         'refuse (exit 3). Replay --as-of 2026-06-01: alive then; 2 prior lines as below'),
        ('16-deceased-boolean-true-no-date', {'deceasedBoolean': True},
         'deceasedBoolean true, no date: the patient is dead; the engine must not offer therapy (refuse, exit 3, or '
         'state it)')):
    b = BZ(nm, '1949-09-30', 'male', 'Petrov', 'Ivan', **extra)
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2020-02-03')
    vrd(b, '2020-02-24', 6)
    b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2020-07-06', '2023-10-02', LEN)
    b.status('pd-1', '2023-10-16')
    kd(b, '2023-10-30', '2026-04-20')
    b.status('pd-2', '2026-05-11')
    b.egfr('2026-05-04', 61); LVEF(b, '2026-05-04')
    out(b, '''
Ivan Petrov, 77. IgG-kappa myeloma 2020. L1 VRd x6 (administrations), lenalidomide maintenance to 2023-10-02; PD
2023-10-16. L2 Kd 2023-10-30 (last carfilzomib 2026-03-31); PD 2026-05-11. %s.
A haematologist (while alive): 2 prior lines; lenalidomide- and carfilzomib-refractory; D-Pd/Isa-Pd first.
''' % said)

# ---------------------------------------------------------------- 17 haploidentical allo with post-transplant cyclophosphamide
b = BZ('17-vrd-asct-r-pd-kd-then-haplo-allo-post-transplant-cyclophosphamide-pd', '1970-10-10', 'female', 'Ivanova', 'Elena')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA lambda, high-risk del(17p)', '2019-01-07')
vrd(b, '2019-01-28', 4)
asct(b, '2019-06-10')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2019-08-05', '2021-01-18', LEN)
b.status('pd-1', '2021-02-01')
kd(b, '2021-02-15', '2021-08-31')
b.status('vgpr', '2021-09-06', worse=False)
for d in ('2021-10-11', '2021-10-12', '2021-10-13', '2021-10-14', '2021-10-15'):
    b.admin('ric-flu-' + d, 'fludarabine 30 mg/m2 IV (RIC conditioning)', d, FLU)
b.admin('ric-mel', 'melphalan 140 mg/m2 IV (RIC conditioning)', '2021-10-16', MEL)
b.proc('allo', ALLO_SCT, 'Haploidentical allogeneic peripheral blood stem cell transplant', '2021-10-18')
for d in ('2021-10-21', '2021-10-22'):
    b.admin('ptcy-' + d, 'cyclophosphamide 50 mg/kg IV (post-transplant cyclophosphamide, GVHD prophylaxis)', d, CY)
b.stmt('tacro', 'tacrolimus 1 mg PO twice daily (GVHD prophylaxis)', '2021-10-22', '2022-04-30', ('42316', 'tacrolimus'))
b.stmt('mmf', 'mycophenolate mofetil 1 g PO three times daily (GVHD prophylaxis)', '2021-10-22', '2021-11-25',
       ('68149', 'mycophenolate mofetil'))
b.status('pd-2', '2026-08-10')
TAIL(b, 88)
out(b, '''
Elena Ivanova, 56. High-risk IgA-lambda myeloma 2019. L1 VRd (administrations), ASCT 2019-06-10, lenalidomide
maintenance to 2021-01-18; PD 2021-02-01. L2 Kd 2021-02-15 to 2021-08 (last carfilzomib 2021-08-17; VGPR 2021-09-06),
then planned haploidentical allo-SCT: fludarabine x5 + melphalan 140 (2021-10-11..16), allo-SCT 2021-10-18, GVHD
prophylaxis post-transplant cyclophosphamide 50 mg/kg on days +3 and +4 (text says GVHD prophylaxis), tacrolimus and
mycophenolate statements. No therapy since; PD 2026-08-10. eGFR 88.
A haematologist: 2 prior lines (the allo-SCT and its PTCy are the planned consolidation of the Kd salvage; PTCy is GVHD
prophylaxis, not a new line). Lenalidomide-refractory; carfilzomib and bortezomib not refractory (last 2021 and 2019).
Anti-CD38 naive. Options: D-Kd/Isa-Kd on label (1-3 lines, CANDOR/IKEMA populations), D-Pd/Isa-Pd (>=2 lines incl. len and
PI), D-Vd. Twin of s20z-11 (methotrexate prophylaxis instead of PTCy).
''')
