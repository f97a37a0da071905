# Session s11 (helper "accept"): acceptance check of issue 10 as a haematologist / EHR integrator would do it.
# Run from the project root; writes qa-bundles/s11a-*.json with a story s11a-*.story.txt each.
# Bundles are written from scratch the way an EHR export looks (urn:uuid fullUrls, MAR administrations, orders with
# dispense requests, problem-list codes in one system only), or trimmed from the Synthea transplant-module run.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)
B.PREFIX = 's11a-'


MM_SCT = [{'system': SCT, 'code': '109989006', 'display': 'Multiple myeloma (disorder)'}]
def MM_ICD(c='C90.00', d='Multiple myeloma not having achieved remission'): return [{'system': ICD, 'code': c, 'display': d}]
BTZ = ('358258', 'bortezomib'); LEN = ('342369', 'lenalidomide'); DEX = ('3264', 'dexamethasone')
CFZ = ('1302966', 'carfilzomib'); POM = ('1369713', 'pomalidomide'); THAL = ('10432', 'thalidomide')
ASCT = [{'system': SCT, 'code': '709115004', 'display': 'Transplantation of autologous hematopoietic stem cell (procedure)'}]
HSCT = [{'system': SCT, 'code': '234336002', 'display': 'Hemopoietic stem cell transplant (procedure)'}]

# ---------------------------------------------------------------- bullet 1 / symptom 1
# VTd -> ASCT -> progression shown by the M-protein (no disease-status Observation) ~10 weeks later -> Kd 12 weeks
# after the ASCT. MAR-only record: every drug is a MedicationAdministration; myeloma coded by SNOMED only.
def vtd_asct(b, pd):
    b.cond('mm', MM_SCT, 'Multiple myeloma', '2024-01-05')
    b.mprot('mp-dx', '2024-01-04', 3.2)
    for k in range(4):          # 4 x 28-day VTd: bortezomib d1,4,8,11; thalidomide and dexamethasone charted on MAR
        c0 = days('2024-01-15', 28 * k)
        for d in (0, 3, 7, 10): b.admin('vtd-btz-c%d-d%d' % (k + 1, d + 1), 'Bortezomib 1.3 mg/m2 SC', days(c0, d), BTZ)
        for d in (0, 7, 14, 21): b.admin('vtd-thal-c%d-d%d' % (k + 1, d + 1), 'Thalidomide 100 mg PO (weekly MAR entry)', days(c0, d), THAL)
        for d in (0, 3, 7, 10): b.admin('vtd-dex-c%d-d%d' % (k + 1, d + 1), 'Dexamethasone 40 mg PO', days(c0, d), DEX)
    b.admin('mel-200', 'Melphalan 200 mg/m2 IV (conditioning)', '2024-06-18', ('6718', 'melphalan'))
    b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2024-06-20')
    b.mprot('mp-pre-asct', '2024-05-27', 0.6); b.mprot('mp-d60', '2024-08-05', 0.4)
    if pd:
        b.mprot('mp-rise-1', '2024-09-02', 1.1); b.mprot('mp-rise-2', '2024-09-09', 1.2)
    else:
        b.mprot('mp-d90', '2024-09-02', 0.4); b.mprot('mp-d97', '2024-09-09', 0.3)
    b.egfr('2026-10-20')

b = B('b1-vtd-asct-mprotein-pd-kd-admins', '1961-02-11', 'male', 'Haddad', 'Omar')
vtd_asct(b, True)
for d in range(0, 25 * 28, 28):   # Kd d1,2,8,9,15,16 q28 from 12 weeks after the ASCT
    for x in (0, 1, 7, 8, 14, 15): b.admin('kd-cfz-%s' % days('2024-09-12', d + x), 'Carfilzomib 56 mg/m2 IV', days('2024-09-12', d + x), CFZ)
    b.admin('kd-dex-%s' % days('2024-09-12', d), 'Dexamethasone 40 mg PO', days('2024-09-12', d), DEX)
b.status('pd-2', '2026-10-05')
save(b, '''
Written from scratch as a MAR-only export (every drug a MedicationAdministration; myeloma coded by SNOMED 109989006 only).
VTd x4 (2024-01-15..2024-04-22 + d11), melphalan 200 2024-06-18, autologous PBSCT 2024-06-20. M-protein 3.2 -> 0.6 ->
nadir 0.4 g/dL (2024-08-05) -> 1.1 (2024-09-02) and 1.2 (2024-09-09): +0.7-0.8 g/dL and >=25 % over the nadir, twice,
i.e. IMWG progression (clinical-evidence §1.6 A) ~10 weeks after the ASCT, with no disease-status Observation. Kd from
2024-09-12 (12 weeks after the ASCT, inside the 180-day post-transplant window) to 2026-09; progression Observation
2026-10-05 on Kd. Right (issue 10 #1, symptom 1; LOT-B15 §1.1): Kd after a documented (biochemical) progression is
line 2 whatever the windows say -> 2 prior lines, carfilzomib-refractory; US D-Kd/Isa-Kd line criterion (1-3) MET;
D-mono (>=3) not met. If M-protein progression is not read as a line-opening event, at least a named gap.''')

b = B('b1-vtd-asct-kd-12wk-no-pd-nearmiss', '1961-02-11', 'male', 'Haddad', 'Omar')
vtd_asct(b, False)
for d in range(0, 6 * 28, 28):
    for x in (0, 1, 7, 8, 14, 15): b.admin('kd-cfz-%s' % days('2024-09-12', d + x), 'Carfilzomib 27 mg/m2 IV', days('2024-09-12', d + x), CFZ)
b.status('vgpr', '2025-03-10', worse=False, text='VGPR after consolidation')
save(b, '''
Near miss of s11a-b1-vtd-asct-mprotein-pd-kd-admins: same VTd -> ASCT, M-protein stays at its nadir (0.4, 0.3), then 6
cycles of carfilzomib (no dexamethasone) from 2024-09-12, 12 weeks after the ASCT, VGPR 2025-03-10. No progression
anywhere. Right (issue 10 #1): the post-transplant window heuristic may keep carfilzomib in line 1 (consolidation), but
the line's reason must name that heuristic (and that a start for relapse would make it line 2); 1 line; not RRMM
(no relapse documented -> RRMM regimens INSUFFICIENT_DATA per #8).''')

b = B('b1-vtd-asct-status-pd-kd-admins-nearmiss', '1961-02-11', 'male', 'Haddad', 'Omar')
vtd_asct(b, True)
b.status('pd-1', '2024-09-09')
for d in range(0, 25 * 28, 28):
    for x in (0, 1, 7, 8, 14, 15): b.admin('kd-cfz-%s' % days('2024-09-12', d + x), 'Carfilzomib 56 mg/m2 IV', days('2024-09-12', d + x), CFZ)
    b.admin('kd-dex-%s' % days('2024-09-12', d), 'Dexamethasone 40 mg PO', days('2024-09-12', d), DEX)
b.status('pd-2', '2026-10-05')
save(b, '''
Near miss of s11a-b1-vtd-asct-mprotein-pd-kd-admins: identical, plus one disease-status Observation "Progressive
disease" dated 2024-09-09 (the day of the confirming M-protein). Right (issue 10 #1): 2 lines, line 2 Kd opened by
PROGRESSION; carfilzomib not refractory (PD 2026-10-05 is 66 days after its last dose 2026-07-31). The engine gets
this one right; the M-protein-only variant must give the same lines.''')

# ---------------------------------------------------------------- bullet 2 / symptom 3a
# D-Pd line: SC daratumumab charted only 4 times (infusion-centre MAR fragments), pomalidomide only as pharmacy
# dispenses (21-day supply); the line progressed on pomalidomide. The last charted daratumumab is 114 days before PD.
b = B('b2-dpd-dara-sc-sparse-pom-dispenses', '1956-09-30', 'female', 'Novak', 'Irena')
b.cond('mm', MM_ICD('C90.00'), 'IgG kappa multiple myeloma', '2021-02-15')
b.stmt('l1-vrd-len', 'Revlimid 25 mg', '2021-03-01', '2021-08-10', LEN); b.stmt('l1-vrd-btz', 'Velcade 1.3 mg/m2', '2021-03-01', '2021-08-05', BTZ)
b.stmt('l1-vrd-dex', 'dexamethasone 20 mg', '2021-03-01', '2021-08-06', DEX)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2021-09-22')
b.stmt('l1-len-maint', 'Revlimid 10 mg (maintenance)', '2021-12-01', '2023-05-12', LEN)
b.status('pd-1', '2023-05-10')
DARA_SC = 'daratumumab and hyaluronidase-fihj 1,800 mg/30,000 units SC'
for i, d in enumerate(['2023-06-01', '2023-06-08', '2023-07-06', '2023-09-28']): b.admin('l2-dara-%d' % (i + 1), DARA_SC, d)
for k in range(8): b.disp('l2-pom-fill-%d' % (k + 1), 'Pomalyst 4 mg capsule', days('2023-06-01', 28 * k), 21, POM)
b.stmt('l2-dex', 'dexamethasone 40 mg weekly', '2023-06-01', '2024-01-10', DEX)
b.status('pd-2', '2024-01-20')
for d in range(0, 33 * 28, 28):
    for x in (0, 1, 7, 8, 14, 15): b.admin('l3-cfz-%s' % days('2024-02-05', d + x), 'Kyprolis (carfilzomib) 56 mg/m2 IV', days('2024-02-05', d + x), CFZ)
b.stmt('l3-dex', 'dexamethasone 40 mg weekly', '2024-02-05', None, DEX, status='active')
b.status('pd-3', '2026-10-10')
b.egfr('2026-10-15', 64)
save(b, '''
Written from scratch. L1 VRd (brand names) 2021-03..08, ASCT 2021-09-22, lenalidomide maintenance to 2023-05-12, PD
2023-05-10. L2 D-Pd: SC daratumumab charted as only 4 MedicationAdministrations (2023-06-01, 06-08, 07-06, 09-28; the
infusion-centre record is fragmentary), pomalidomide as 8 pharmacy MedicationDispenses (daysSupply 21) every 28 days
2023-06-01..2023-12-14 (supply to 2024-01-04), dexamethasone statement to 2024-01-10; PD 2024-01-20 (16 days after
the line's last dose). L3 Kd by administrations from 2024-02-05, PD 2026-10-10 on Kd. Right (issue 10 #2, symptom 3;
§1.2): line 2 progressed within 60 days of its last dose -> daratumumab (last charted 114 days before PD) is
refractory with line 2 and PD 2024-01-20 as provenance; the 4 doses are one course 2023-06-01..2023-09-28, not four
one-day courses. 3 prior lines; lenalidomide, pomalidomide, daratumumab refractory; carfilzomib NOT refractory (its
last administration 2026-08-04 is 67 days before PD 2026-10-10; the active dexamethasone alone does not keep Kd
"on therapy") -> triple-class exposed, not triple-class refractory (no PI refractory); anti-CD38 regimens carry
anti-CD38 refractoriness.''')

# ---------------------------------------------------------------- bullet 3 / symptom 3b
# Pd ordered as a MedicationRequest whose dosageInstruction boundsPeriod is given by month only (start 2025-10, end
# 2026-07); progression 2026-09-15: 46 days after the latest possible end, 76 days after the earliest.
b = B('b3-pd-order-bounds-month-end', '1950-04-04', 'male', 'Lindqvist', 'Per')
b.cond('mm', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2019-11-12')
b.stmt('l1-len', 'lenalidomide 25 mg', '2019-12-02', '2023-03-20', LEN); b.stmt('l1-dex', 'dexamethasone 40 mg', '2019-12-02', '2023-03-20', DEX)
b.status('pd-1', '2023-03-13')
for d in range(0, 30 * 35, 35):
    for x in (0, 3, 7, 10): b.admin('l2-btz-%s' % days('2023-04-03', d + x), 'bortezomib 1.3 mg/m2 SC', days('2023-04-03', d + x), BTZ)
b.stmt('l2-cy', 'cyclophosphamide 300 mg/m2 PO weekly', '2023-04-03', '2023-12-18', ('3002', 'cyclophosphamide'))
b.status('pd-2', '2025-09-22')
b.req('l3-pom', 'pomalidomide 4 mg capsule', '2025-09-30', POM, status='completed',
      dosageInstruction=[{'text': '4 mg PO days 1-21 of 28', 'timing': {'repeat': {'boundsPeriod': {'start': '2025-10', 'end': '2026-07'}}}}])
b.req('l3-dex', 'dexamethasone 40 mg tablet', '2025-09-30', DEX, status='completed',
      dosageInstruction=[{'text': '40 mg PO weekly', 'timing': {'repeat': {'boundsPeriod': {'start': '2025-10', 'end': '2026-07'}}}}])
b.status('pd-3', '2026-09-15')
b.egfr('2026-10-12', 58)
save(b, '''
Written from scratch. L1 Rd 2019-12..2023-03 (PD 2023-03-13 on it), L2 VCd (bortezomib MAR, cyclophosphamide to
2023-12), PD 2025-09-22. L3 Pd recorded only as two completed MedicationRequests whose dosageInstruction
timing.repeat.boundsPeriod is month-precision: start "2025-10", end "2026-07". PD 2026-09-15. Right (issue 10 #3,
symptom 3; §1.2 60-day rule): the end lies in 2026-07-01..2026-07-31, PD is 76..46 days after it -> pomalidomide
(and the last line) refractoriness UNKNOWN with a gap naming MedicationRequest l3-pom, never "not refractory" and
never "refractory" decided on 1 July or 31 July; line 3 start printed as 2025-10 (month precision). 3 prior lines.''')

# ---------------------------------------------------------------- bullet 4
# One relapse, then the orders an EHR really holds around a tumour board: cancelled daratumumab, draft carfilzomib,
# isatuximab entered in error, pomalidomide on hold with a dispense request and no dispense.
b = B('b4-order-statuses-around-relapse', '1958-12-01', 'female', 'Moreau', 'Claire')
b.cond('mm', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma', '2022-04-04')
b.stmt('l1-len', 'lenalidomide', '2022-05-02', '2026-09-10', LEN); b.stmt('l1-btz', 'bortezomib', '2022-05-02', '2022-10-17', BTZ)
b.stmt('l1-dex', 'dexamethasone', '2022-05-02', '2022-10-17', DEX)
b.status('pd-1', '2026-09-01')
b.req('rx-dara-cancelled', 'DARZALEX FASPRO 1800 mg SC', '2026-09-20', status='cancelled',
      statusReason={'text': 'payer authorisation declined'})
b.req('rx-isa-eie', 'SARCLISA (isatuximab-irfc) 10 mg/kg IV', '2026-09-22', status='entered-in-error')
b.req('rx-cfz-draft', 'KYPROLIS (carfilzomib) 20/56 mg/m2 IV', '2026-10-25', CFZ, status='draft')
b.req('rx-pom-onhold', 'POMALYST 4 mg capsule', '2026-09-25', POM, status='on-hold',
      dispenseRequest={'validityPeriod': {'start': '2026-09-25', 'end': '2027-09-25'}, 'numberOfRepeatsAllowed': 11,
                       'expectedSupplyDuration': {'value': 21, 'unit': 'days', 'system': UCUM, 'code': 'd'}},
      statusReason={'text': 'REMS counselling pending'})
b.egfr('2026-10-20', 81)
save(b, '''
Written from scratch. One line VRd -> lenalidomide to 2026-09-10, PD 2026-09-01 on lenalidomide. Around the tumour
board the EHR holds: daratumumab SC order CANCELLED (payer declined), isatuximab order ENTERED-IN-ERROR, carfilzomib
order DRAFT (2026-10-25), pomalidomide order ON-HOLD (REMS counselling pending) with a dispenseRequest (validity
2026-09-25..2027-09-25, 11 repeats, 21-day supply) and no dispense or administration. Right (issue 10 #4): cancelled,
entered-in-error and draft orders are no exposure (anti-CD38-naive, carfilzomib-naive, pomalidomide-naive stay decided
or, for on-hold, the meaning is stated); on-hold with no dispense is not ongoing pomalidomide therapy. 1 prior line,
lenalidomide-refractory.''')

b = B('b4-active-order-next-regimen-no-dispense', '1958-12-01', 'female', 'Moreau', 'Claire')
b.cond('mm', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma', '2022-04-04')
b.stmt('l1-len', 'lenalidomide', '2022-05-02', '2026-09-10', LEN); b.stmt('l1-btz', 'bortezomib', '2022-05-02', '2022-10-17', BTZ)
b.stmt('l1-dex', 'dexamethasone', '2022-05-02', '2022-10-17', DEX)
b.status('pd-1', '2026-09-01')
b.req('rx-pom-new', 'POMALYST 4 mg capsule', '2026-10-28', POM, status='active',
      dispenseRequest={'validityPeriod': {'start': '2026-10-28', 'end': '2027-10-28'}, 'numberOfRepeatsAllowed': 11,
                       'expectedSupplyDuration': {'value': 21, 'unit': 'days', 'system': UCUM, 'code': 'd'}})
b.egfr('2026-10-20', 81)
save(b, '''
Variant of s11a-b4-order-statuses-around-relapse: only one order after the progression, an ACTIVE pomalidomide order
authored 2026-10-28 (4 days before --as-of 2026-11-01) with a dispenseRequest and no dispense or administration -
the next regimen just prescribed. Right (issue 10 #4, LOT-B15 "a line = >=1 complete cycle"): not yet a prior line:
1 prior line, relapse documented by the progression of 2026-09-01, lenalidomide-refractory; at most the order is
named as planned/unconfirmed therapy.''')

# ---------------------------------------------------------------- symptom 3c / bullet 4
# Request-only history: every line is MedicationRequests (authoredOn + dispenseRequest), as a pharmacy-order feed.
b = B('s3-request-only-dispense-request-history', '1953-07-19', 'male', 'Costa', 'Rui')
b.cond('mm', MM_ICD('C90.00'), 'Multiple myeloma', '2022-02-10')
sup = lambda n, rep: {'numberOfRepeatsAllowed': rep, 'expectedSupplyDuration': {'value': n, 'unit': 'days', 'system': UCUM, 'code': 'd'}}
b.req('l1-len', 'lenalidomide 25 mg capsule', '2022-03-01', LEN, dispenseRequest=sup(28, 5))
b.req('l1-dex', 'dexamethasone 4 mg tablet', '2022-03-01', DEX, dispenseRequest=sup(28, 5))
b.status('pd-1', '2022-07-25')
b.req('l2-btz', 'bortezomib 3.5 mg injection', '2022-08-15', BTZ,
      dosageInstruction=[{'text': '1.3 mg/m2 SC d1,8,15,22 q35d', 'timing': {'repeat': {'boundsDuration': {'value': 24, 'unit': 'wk', 'system': UCUM, 'code': 'wk'}}}}])
b.req('l2-dex', 'dexamethasone 4 mg tablet', '2022-08-15', DEX, dispenseRequest=sup(28, 5))
b.status('pd-2', '2023-03-20')
b.req('l3-pom', 'pomalidomide 4 mg capsule', '2023-04-03', POM, dispenseRequest=sup(21, 11))
b.req('l3-dex', 'dexamethasone 4 mg tablet', '2023-04-03', DEX, dispenseRequest=sup(28, 11))
b.status('pd-3', '2024-01-15')
b.egfr('2024-01-20', 70)
save(b, '''
Written from scratch as a pharmacy-order feed: no statements, no administrations, every drug a completed
MedicationRequest with authoredOn and dispenseRequest (expectedSupplyDuration, numberOfRepeatsAllowed) or a
dosageInstruction boundsDuration. L1 Rd 2022-03-01 (6 x 28 days = to about 2022-08-15), PD 2022-07-25 (inside the
supplied period); L2 Vd 2022-08-15 (bortezomib boundsDuration 24 weeks = to about 2023-01-30), PD 2023-03-20; L3 Pd
2023-04-03 (12 x 21-day fills in 28-day cycles, to about 2024-01-01), PD 2024-01-15. Evaluate at --as-of 2024-02-01.
Right (issue 10 symptom 3, #4): none of these is a one-day exposure; lenalidomide refractory (PD during its supply)
or at worst UNKNOWN, pomalidomide refractory or UNKNOWN (end unknown from start to supply end), never "not
refractory"; 3 prior lines.''')

# ---------------------------------------------------------------- bullet 5 (classes) and symptom 2 (an unclassified line)
b = B('b5-penta-refractory-brand-names-4-lines', '1957-03-23', 'male', 'Adeyemi', 'Tunde')
b.cond('mm', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma', '2018-06-01')
b.stmt('l1-rev', 'REVLIMID 25 MG CAPSULE', '2018-06-18', '2018-11-05'); b.stmt('l1-vel', 'VELCADE 3.5 MG INJECTION', '2018-06-18', '2018-11-01')
b.stmt('l1-dex', 'DECADRON 4 MG TABLET', '2018-06-18', '2018-11-01')
b.proc('asct', ASCT, 'Autologous HSCT', '2018-12-12')
b.stmt('l1-rev-m', 'REVLIMID 10 MG CAPSULE (maintenance)', '2019-03-01', '2021-04-20')
b.status('pd-1', '2021-04-12')
b.stmt('l2-dara', 'DARZALEX FASPRO 1800 MG-30,000 UNIT/15 ML SC', '2021-05-03', '2022-10-03')
b.stmt('l2-pom', 'POMALYST 4 MG CAPSULE', '2021-05-03', '2022-10-10'); b.stmt('l2-dex', 'DECADRON 4 MG TABLET', '2021-05-03', '2022-10-10')
b.status('pd-2', '2022-09-26')
b.stmt('l3-kyp', 'KYPROLIS 60 MG VIAL', '2022-10-24', '2024-02-12'); b.stmt('l3-cytoxan', 'CYTOXAN 50 MG TABLET', '2022-10-24', '2024-02-12')
b.stmt('l3-dex', 'DECADRON 4 MG TABLET', '2022-10-24', '2024-02-12')
b.status('pd-3', '2024-02-05')
b.stmt('l4-xpovio', 'XPOVIO 100 MG WEEKLY', '2024-02-26', '2026-09-28'); b.stmt('l4-vel', 'VELCADE 3.5 MG INJECTION', '2024-02-26', '2026-09-28')
b.stmt('l4-dex', 'DECADRON 4 MG TABLET', '2024-02-26', '2026-09-28')
b.status('pd-4', '2026-09-21')
b.egfr('2026-10-20', 66)
save(b, '''
Written from scratch; every drug only by its US brand name in the text (no codes), as some EHR medication lists send
it. L1 Revlimid+Velcade+Decadron -> ASCT -> Revlimid maintenance, PD 2021-04-12 on it; L2 Darzalex Faspro +
Pomalyst + Decadron, PD 2022-09-26 on it; L3 Kyprolis + Cytoxan + Decadron, PD 2024-02-05 on it; L4 Xpovio + Velcade
+ Decadron (SVd), PD 2026-09-21 on it. Right (issue 10 #5; §1.2 drug-level 60-day rule): 4 prior lines; refractory
to lenalidomide, daratumumab, pomalidomide, carfilzomib, bortezomib (L4), selinexor -> triple-class refractory and
penta-refractory MET; US Isa-Kd/D-Kd (1-3 lines) NOT met; anti-CD38 refractory.''')

b = B('s2-belrapzo-line3-of-4', '1955-10-10', 'female', 'Kowalski', 'Anna')
b.cond('mm', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma', '2019-01-14')
b.stmt('l1-len', 'lenalidomide', '2019-02-04', '2021-06-14', LEN); b.stmt('l1-btz', 'bortezomib', '2019-02-04', '2019-07-15', BTZ)
b.stmt('l1-dex', 'dexamethasone', '2019-02-04', '2019-07-15', DEX)
b.status('pd-1', '2021-06-07')
b.stmt('l2-pom', 'pomalidomide', '2021-06-28', '2023-01-16', POM); b.stmt('l2-dex', 'dexamethasone', '2021-06-28', '2023-01-16', DEX)
b.status('pd-2', '2023-01-09')
for d in range(0, 6 * 28, 28):
    for x in (0, 1): b.admin('l3-belrapzo-%s' % days('2023-02-06', d + x), 'BELRAPZO 100 mg/m2 IV infusion', days('2023-02-06', d + x))
b.status('pd-3', '2023-08-21')
for d in range(0, 36 * 28, 28):
    for x in (0, 1, 7, 8, 14, 15): b.admin('l4-cfz-%s' % days('2023-09-11', d + x), 'carfilzomib 27 mg/m2 IV', days('2023-09-11', d + x), CFZ)
b.stmt('l4-dex', 'dexamethasone', '2023-09-11', '2026-08-10', DEX)
b.status('pd-4', '2026-09-14')
b.egfr('2026-10-20', 74)
save(b, '''
Written from scratch. L1 VRd -> lenalidomide, PD 2021-06-07; L2 Pd, PD 2023-01-09; L3 six cycles of "BELRAPZO
100 mg/m2 IV" (a bendamustine brand; administrations d1-2 q28, no code, no dexamethasone), PD 2023-08-21; L4 Kd from
2023-09-11, PD 2026-09-14. Right (issue 10 symptom 2, #5): 3 prior lines if the Belrapzo line vanishes, 4 if read;
since the engine cannot (or can) classify Belrapzo, either it is bendamustine (alkylator) and the count is 4, or a
data gap names it and the line count / US 1-3-line criteria (Isa-Kd, D-Kd) are UNKNOWN -- never "3 prior lines,
Isa-Kd eligible". Progression on the last therapy (L4, carfilzomib) must be tested against L4.''')

# ---------------------------------------------------------------- bullet 6 / symptom 4
b = B('s4-breast-ac-2016-reasonref-snomed-then-vrd', '1960-01-20', 'female', 'Schmidt', 'Heike')
bc = b.cond('breast-ca', [{'system': SCT, 'code': '254837009', 'display': 'Malignant neoplasm of breast (disorder)'}],
            'Breast cancer, left, ER+', '2016-03-02', clin='remission')
for i, d in enumerate(['2016-04-04', '2016-04-25', '2016-05-16', '2016-06-06']):
    b.req('bc-dox-%d' % (i + 1), 'DOXOrubicin 60 mg/m2 IV', d, None, reasonReference=[b.ref('breast-ca')])
    b.req('bc-cy-%d' % (i + 1), 'cyclophosphamide 600 mg/m2 IV', d, ('3002', 'cyclophosphamide'), reasonReference=[b.ref('breast-ca')])
b.cond('mm', MM_SCT, 'Multiple myeloma', '2024-03-11')
b.stmt('l1-len', 'lenalidomide', '2024-04-01', '2026-09-30', LEN, reasonReference=[b.ref('mm')])
b.stmt('l1-btz', 'bortezomib', '2024-04-01', '2024-09-16', BTZ, reasonReference=[b.ref('mm')])
b.stmt('l1-dex', 'dexamethasone', '2024-04-01', '2024-09-16', DEX, reasonReference=[b.ref('mm')])
b.status('pd-1', '2026-09-22')
b.egfr('2026-10-20', 77)
save(b, '''
Written from scratch. Breast cancer (SNOMED 254837009, clinical status remission) 2016-03-02; four cycles of AC as
MedicationRequests (doxorubicin + cyclophosphamide, 2016-04..06) with reasonReference -> the breast-cancer Condition;
no ICD code anywhere. Myeloma (SNOMED only) 2024-03-11; VRd -> lenalidomide to 2026-09-30 with reasonReference ->
myeloma; PD 2026-09-22 on lenalidomide. Right (issue 10 #6, symptom 4): AC is "other therapy" with its reason (breast
cancer), not a myeloma line; 1 prior line; lenalidomide-refractory; RRMM after 1 line: D-Kd/Isa-Kd line criterion MET,
Isa-Pd/D-Pd IV (>=2 lines) not met.''')

b = B('b6-len-for-smm-then-mm-drd', '1963-05-05', 'male', 'Yamada', 'Ken')
b.cond('smm', [{'system': ICD, 'code': 'D47.2', 'display': 'Monoclonal gammopathy'}], 'High-risk smouldering myeloma', '2022-01-17')
b.stmt('smm-len', 'lenalidomide 25 mg (E3A06-style, for smouldering myeloma)', '2022-02-07', '2024-05-20', LEN,
       reasonReference=[b.ref('smm')])
b.mprot('mp-1', '2022-01-14', 2.1); b.mprot('mp-2', '2023-06-12', 1.2); b.mprot('mp-3', '2024-05-06', 2.6)
b.cond('mm', MM_ICD('C90.00'), 'Multiple myeloma', '2024-05-13')
b.egfr('2026-10-20', 85)
b.lab('ecog', '89247-1', 'ECOG performance status', '2026-10-20', 1, '{score}', '{score}')
save(b, '''
Written from scratch. High-risk SMM (ICD D47.2) 2022-01-17; lenalidomide 2022-02-07..2024-05-20 with reasonReference
-> the SMM Condition; M-protein 2.1 -> 1.2 -> 2.6 g/dL; progression to myeloma (C90.00) 2024-05-13 while on
lenalidomide; no myeloma therapy yet (evaluate at --as-of 2024-06-01). Right (issue 10 #6; §1.2): lenalidomide for
SMM is an exposure, not a line -> 0 prior lines (newly diagnosed myeloma), and lenalidomide-refractory (progression on
it) must reach the NDMM lenalidomide regimens (D-Rd / D-VRd / Isa-VRd) as a caution or UNKNOWN, with the rule that
decided "exposure, not a line" named.''')

# ---------------------------------------------------------------- bullet 7 / symptom 5: Synthea transplant module
def synthea(fn, keep=('Patient', 'Condition', 'Procedure', 'MedicationRequest', 'MedicationAdministration', 'Medication',
                      'AllergyIntolerance', 'Observation', 'Encounter')):
    b = json.load(open(SYN + fn))
    b['entry'] = [e for e in b['entry'] if e['resource']['resourceType'] in keep]
    return b

b = synthea('08257a32-b9ff-cd14-5426-11fa02e8b5cb.json')
b['id'] = 's11a-s5-synthea-auto-bmt-no-drugs'
save(b, '''
Synthea transplant-module patient 08257a32 (real Synthea output, claims/documents/imaging dropped to keep it small):
multiple myeloma SNOMED 109989006 onset 2023-04-20, "Pre-operative chemotherapy" Procedure 394894008 2023-06-27,
Autologous bone marrow transplant 58776007 2023-07-17, no myeloma drug anywhere, no disease status. Right (issue 10
#7, symptom 5): transplant kind AUTOLOGOUS named; no recorded induction -> history incomplete (PRIOR_THERAPY_UNKNOWN or
REFRACTORY_STATUS_UNKNOWN with the reason); "not lenalidomide-refractory", "carfilzomib-naive", "anti-CD38-naive"
UNKNOWN, not MET; no relapse recorded -> RRMM regimens not offered (#8).''')

b = synthea('069b5064-ff05-2225-3995-f32685518bc6.json', keep=('Patient', 'Condition', 'Procedure', 'MedicationRequest',
                                                                 'MedicationAdministration', 'Medication', 'AllergyIntolerance'))
b['id'] = 's11a-s7-synthea-hsct-deceased-2012'
save(b, '''
Synthea transplant-module patient 069b5064 (real output; only Patient, Conditions, Procedures, medications and
allergies kept): myeloma 2007-09-04, "Hemopoietic stem cell transplant" 234336002 (kind not coded) 2008-01-10,
Patient.deceasedDateTime 2012-06-09. Right (issue 10 #9, symptom 7): refused with exit 3 and a clear message at
--as-of 2026-11-01; at --as-of 2010-01-01 (alive) assessed, transplant kind UNKNOWN, history incomplete.''')

b = B('b7-hsct-kind-unknown-then-allo-text', '1966-08-08', 'male', 'Brennan', 'Liam')
b.cond('mm', MM_ICD('C90.00'), 'Multiple myeloma', '2020-09-01')
b.stmt('l1-btz', 'bortezomib', '2020-09-14', '2021-01-18', BTZ); b.stmt('l1-len', 'lenalidomide', '2020-09-14', '2021-01-25', LEN)
b.stmt('l1-dex', 'dexamethasone', '2020-09-14', '2021-01-18', DEX)
b.proc('hsct-1', HSCT, 'Stem cell transplant', '2021-03-10')
b.stmt('l1-len-m', 'lenalidomide maintenance', '2021-06-01', '2023-02-20', LEN)
b.status('pd-1', '2023-02-13')
b.stmt('l2-cfz', 'carfilzomib', '2023-03-06', '2023-09-25', CFZ); b.stmt('l2-pom', 'pomalidomide', '2023-03-06', '2023-09-25', POM)
b.stmt('l2-dex', 'dexamethasone', '2023-03-06', '2023-09-25', DEX)
b.proc('hsct-2', [{'system': SCT, 'code': '234336002', 'display': 'Hemopoietic stem cell transplant (procedure)'}],
       'Allogeneic PBSCT, matched unrelated donor, RIC', '2023-11-08')
b.status('pd-2', '2026-08-31')
b.egfr('2026-10-20', 62)
save(b, '''
Written from scratch. L1 VRd -> "Stem cell transplant" (SNOMED 234336002, no kind in code or text) 2021-03-10 ->
lenalidomide maintenance, PD 2023-02-13 on it. L2 KPd 2023-03..09 then a transplant coded only 234336002 whose text
says "Allogeneic PBSCT, matched unrelated donor, RIC" 2023-11-08; PD 2026-08-31. Right (issue 10 #7): first transplant
kind UNKNOWN (named as such, not "ASCT"), second ALLOGENEIC (from its text) -- output and report name the kinds; the
allogeneic transplant after KPd is consolidation of line 2 or its own line (LOT-B15: each SCT a new line unless planned
tandem) -- either way stated; 2 or 3 prior lines with the rule named.''')

# ---------------------------------------------------------------- bullet 8 / symptom 6
b = B('s6-c9001-len-maint-dispenses-only', '1959-11-30', 'female', 'Rossi', 'Giulia')
b.cond('mm', MM_ICD('C90.01', 'Multiple myeloma in remission'), 'Multiple myeloma in remission', '2021-10-04')
b.stmt('l1-btz', 'bortezomib', '2021-10-18', '2022-03-07', BTZ); b.stmt('l1-len', 'lenalidomide', '2021-10-18', '2022-03-14', LEN)
b.stmt('l1-dex', 'dexamethasone', '2021-10-18', '2022-03-07', DEX)
b.proc('asct', ASCT, 'ASCT', '2022-05-04')
for k in range(0, 52):
    d = days('2022-08-01', 28 * k)
    if d > '2026-10-30': break
    b.disp('len-fill-%s' % d, 'lenalidomide 10 mg capsule', d, 28, LEN)
b.mprot('mp-1', '2025-10-06', 0.0); b.mprot('mp-2', '2026-04-06', 0.0); b.mprot('mp-3', '2026-10-05', 0.0)
b.egfr('2026-10-05', 79)
save(b, '''
Written from scratch. Myeloma coded ICD-10-CM C90.01 (in remission) only. VRd -> ASCT 2022-05-04 -> lenalidomide
maintenance recorded only as monthly pharmacy MedicationDispenses (28-day supply) to 2026-10; serum M-protein 0.0
(2025-10, 2026-04, 2026-10); no disease-status Observation. Right (issue 10 #8, symptom 6): previously treated, in
remission, no relapse -> RRMM regimens not offered (INSUFFICIENT_DATA or setting "relapse not documented", with the
data that would settle it); never "eligible with cautions".''')

b = B('b8-light-chain-dflc-rise-on-len', '1952-02-29', 'male', 'Dubois', 'Marc')
b.cond('mm', MM_ICD('C90.00'), 'Light-chain (kappa) multiple myeloma', '2021-05-10')
b.stmt('l1-btz', 'bortezomib', '2021-05-24', '2021-10-11', BTZ); b.stmt('l1-len', 'lenalidomide', '2021-05-24', None, LEN, status='active')
b.stmt('l1-dex', 'dexamethasone', '2021-05-24', '2021-10-11', DEX)
for d, k, l in [('2021-05-07', 182.0, 1.1), ('2022-06-13', 1.9, 1.0), ('2025-11-03', 2.1, 1.1), ('2026-05-04', 2.4, 1.0),
                ('2026-08-03', 9.8, 1.0), ('2026-09-07', 16.4, 1.1), ('2026-10-05', 17.0, 1.0)]:
    b.lab('kappa-' + d, '36916-5', 'Kappa light chains free [Mass/volume] in Serum', d, k, 'mg/dL', 'mg/dL')
    b.lab('lambda-' + d, '33944-0', 'Lambda light chains free [Mass/volume] in Serum', d, l, 'mg/dL', 'mg/dL')
    b.mprot('mp-' + d, d, 0.0)
b.egfr('2026-10-05', 59)
save(b, '''
Written from scratch. Light-chain kappa myeloma (serum M-protein 0.0 throughout = unmeasurable), VRd 2021 ->
lenalidomide (active statement, no end). Free kappa/lambda (LOINC 36916-5/33944-0, mg/dL): dFLC nadir ~0.9 mg/dL
(2022-06) ... 1.4 (2026-05), 8.8 (2026-08-03), 15.3 (2026-09-07), 16.0 (2026-10-05): a rise >10 mg/dL over the nadir
and >=25 %, confirmed on two samples. No disease-status Observation. Right (issue 10 #8; §1.6 A FLC criterion when
serum/urine M-protein unmeasurable): progression on lenalidomide 2026-09-07 -> relapse documented (RRMM after 1 line,
lenalidomide-refractory), or, if FLC is not read, relapse UNKNOWN with the FLC named -- not "in remission".''')

# ---------------------------------------------------------------- bullet 9
b = B('b9-deceased-on-asof-day-tz', '1948-01-01', 'male', 'Ivanov', 'Pavel', deceasedDateTime='2026-11-01T02:30:00+01:00')
b.cond('mm', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma', '2020-01-01')
b.stmt('l1-len', 'lenalidomide', '2020-02-01', '2026-08-01', LEN); b.status('pd-1', '2026-07-20'); b.egfr('2026-10-01', 40)
save(b, '''
Written from scratch. Patient.deceasedDateTime 2026-11-01T02:30:00+01:00 (= 2026-11-01 local, 2026-10-31T01:30Z).
Right (issue 10 #9): at --as-of 2026-11-01 refused with exit 3 and a message naming the date; at --as-of 2026-10-30
assessed.''')

b = B('b9-deceased-month-only-asof-month', '1948-01-01', 'male', 'Ivanov', 'Pavel', deceasedDateTime='2026-11')
b.cond('mm', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma', '2020-01-01')
b.stmt('l1-len', 'lenalidomide', '2020-02-01', '2026-08-01', LEN); b.status('pd-1', '2026-07-20'); b.egfr('2026-10-01', 40)
save(b, '''
Written from scratch. Patient.deceasedDateTime "2026-11" (month only). Right (issue 10 #9 + #3): at --as-of 2026-11-15
the death may lie before asOf -> refused or at least not a silent assessment (the unknown part decides); at
--as-of 2026-12-01 refused (exit 3); at --as-of 2026-10-15 assessed.''')

# ---------------------------------------------------------------- bullet 10 / symptom 8: replay and truncation
b = B('s8-ndmm-later-dvrd-orders-admins', '1954-06-06', 'female', 'Olsen', 'Ingrid')
b.cond('mm', MM_ICD('C90.00'), 'Multiple myeloma, newly diagnosed', '2026-06-08', recordedDate='2026-06-09')
b.mprot('mp-dx', '2026-06-05', 2.9); b.egfr('2026-06-05', 55)
b.lab('ecog', '89247-1', 'ECOG performance status', '2026-06-10', 1, '{score}', '{score}')
b.req('rx-dara', 'DARZALEX FASPRO 1800 mg SC', '2026-07-10', status='active')
b.req('rx-btz', 'bortezomib 3.5 mg injection', '2026-07-10', BTZ, status='active')
b.req('rx-len', 'lenalidomide 25 mg capsule', '2026-07-10', LEN, status='active',
      dispenseRequest={'numberOfRepeatsAllowed': 3, 'expectedSupplyDuration': {'value': 21, 'unit': 'days', 'system': UCUM, 'code': 'd'}})
for d in ['2026-07-15', '2026-07-22', '2026-07-29', '2026-08-05', '2026-08-12']:
    b.admin('dara-' + d, 'DARZALEX FASPRO 1800 mg SC', d)
    b.admin('btz-' + d, 'bortezomib 1.3 mg/m2 SC', d, BTZ)
b.proc('port', [{'system': SCT, 'code': '233527006', 'display': 'Central venous cannula insertion'}], 'Port insertion', '2026-07-13')
b.add({'resourceType': 'AllergyIntolerance', 'id': 'allergy-late', 'clinicalStatus': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', 'code': 'active'}]},
       'code': {'text': 'hyaluronidase'}, 'patient': b.subj(), 'recordedDate': '2026-08-20', 'onsetDateTime': '2026-08-19'})
b.cond('neuropathy', [{'system': ICD, 'code': 'G62.0', 'display': 'Drug-induced polyneuropathy'}], 'Bortezomib neuropathy', '2026-09-01')
b.status('vgpr', '2026-10-05', worse=False, text='VGPR after 4 cycles')
b.egfr('2026-10-05', 57)
save(b, '''
Written from scratch. NDMM diagnosed 2026-06-08 (transplant eligibility not recorded, age 72); orders for D-VRd
authored 2026-07-10 (active), daratumumab/bortezomib administrations 2026-07-15..08-12, port 2026-07-13, hyaluronidase
allergy 2026-08-19, drug-induced neuropathy G62.0 2026-09-01, VGPR 2026-10-05. Replay: evaluate at --as-of
2026-07-01 (before everything after the diagnosis), 2026-08-01, 2026-11-01, and compare with the hand-truncated
bundles s11a-s8-trunc-*. Right (issue 10 #10, symptom 8): at 2026-07-01 a plain NDMM assessment (no "therapy
recorded", no allergy, no neuropathy); each as-of identical to its truncated bundle.''')
repl1 = b.bundle()


def trunc(bd, cut, name, story, keep_active=()):
    """Hand truncation: what the chart held on `cut` (inclusive). Dated resources after it are dropped; a statement
    running past it loses its end and becomes active; an order authored before and active stays."""
    t = copy.deepcopy(bd); t['id'] = name; out = []
    for e in t['entry']:
        r = e['resource']; rt = r['resourceType']
        d = (r.get('effectiveDateTime') or r.get('authoredOn') or r.get('performedDateTime') or r.get('onsetDateTime')
             or r.get('whenHandedOver') or (r.get('effectivePeriod') or {}).get('start') or r.get('recordedDate'))
        if rt == 'Patient' or d is None or d[:10] <= cut:
            if rt == 'AllergyIntolerance' and r.get('recordedDate', '')[:10] > cut: continue
            if rt == 'Condition' and r.get('recordedDate', '')[:10] > cut: continue
            ep = r.get('effectivePeriod')
            if rt == 'MedicationStatement' and ep and ep.get('end') and ep['end'][:10] > cut:
                del ep['end']; r['status'] = 'active'
            out.append(e)
    t['entry'] = out
    save(t, story)
    return t

for cut in ('2026-07-01', '2026-08-01', '2026-11-01'):
    trunc(repl1, cut, 's11a-s8-trunc-' + cut, '''
Hand truncation of s11a-s8-ndmm-later-dvrd-orders-admins at %s: every resource dated after that day removed (orders by
authoredOn, administrations, procedure, allergy by recordedDate, condition by onset). Evaluate at --as-of %s; the
Assessment must equal that of the full bundle at the same --as-of (issue 10 #10).''' % (cut, cut))

bd = json.load(open(O + 's11a-b2-dpd-dara-sc-sparse-pom-dispenses.json'))
for cut in ('2023-05-20', '2024-01-25', '2025-06-30'):
    t = trunc(bd, cut, 's11a-b10-dpd-trunc-' + cut, '''
Hand truncation of s11a-b2-dpd-dara-sc-sparse-pom-dispenses at %s: resources dated after it removed; a statement running
past it made active without an end (what the chart showed that day); the active L3 dexamethasone kept. Evaluate at
--as-of %s; the Assessment must equal that of the full bundle at the same --as-of (issue 10 #10).''' % (cut, cut))
