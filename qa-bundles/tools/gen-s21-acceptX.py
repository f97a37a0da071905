# Sweep X (acceptance of the last s21 fixes as a new user meets them): open orders past their dispense authorisation
# followed by later records (an anti-CD38 order with administrations to a progression, a lenalidomide order closed or not
# by a later STOPPED order, pomalidomide orders closed by a completed statement), a record naming no drug with an oral
# form and an IV or oral route code, CANDOR after daratumumab exposure without refractoriness, a carfilzomib intolerance
# 10 and 40 days after the last dose, another cancer's 5-year follow-up at a course's first dose, and ordinary patients.
# Run from the project root; writes qa-bundles/s21x-*.json with a story s21x-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BX(B):
    PREFIX = 's21x-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-06T07:30:00Z'; return bd


ISA = ('2289368', 'isatuximab')
BC = [{'system': ICD, 'code': 'C50.912', 'display': 'Malignant neoplasm of unspecified site of left female breast'}]
ROUTE_IV = {'coding': [{'system': SCT, 'code': '47625008', 'display': 'Intravenous route'}], 'text': 'IV'}
ROUTE_PO = {'coding': [{'system': SCT, 'code': '26643006', 'display': 'Oral route'}], 'text': 'Oral'}


def l1_vrd_asct_maint(b, maint_end='2023-05-01', pd='2023-05-15'):
    """L1: VRd statements, G-CSF, melphalan 200, ASCT, lenalidomide maintenance stopped 14 days before the first PD."""
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-03-04')
    vrd_stmt(b, '2019-03-18', '2019-07-22', 'l1')
    gcsf(b, '2019-08-05', 5)
    b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2019-09-08', MEL)
    b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2019-09-09')
    rmaint(b, '2019-12-02', maint_end, status='stopped')
    if pd: b.status('pd-1', pd)


def order(b, i, text, code, authored, start, end, status='completed', dur=28, repeats=0, **kw):
    """An order with a dispense authorisation (validityPeriod and supply), as Epic exports it."""
    return b.req(i, text, authored, code, status=status, dispenseRequest=supply(start, end, repeats, dur), **kw)


def allergy(b, i, code, recorded, text):
    b.add({'resourceType': 'AllergyIntolerance', 'id': i,
           'clinicalStatus': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', 'code': 'active'}]},
           'code': {'coding': [{'system': RX, 'code': code[0], 'display': code[1]}], 'text': code[1]},
           'patient': b.subj(), 'recordedDate': recorded, 'onsetDateTime': recorded,
           'reaction': [{'description': text, 'severity': 'moderate'}]})


# ---------------------------------------------------------------- 01 active daratumumab order, administrations to the PD
b = BX('01-vrd-asct-r-pd-active-dara-order-admins-to-pd-dpd', '1958-01-22', 'male', 'Okafor', 'Emeka')
l1_vrd_asct_maint(b, '2022-02-21', '2022-03-07')
order(b, 'dara-ord', 'daratumumab 1800 mg SC every 4 weeks', DARA, '2022-03-21', '2022-03-21', '2022-09-20', 'active', 28, 5)
weekly(b, 'dpd-dara', 'daratumumab 1800 mg SC (DPd)', DARA, '2022-03-21', '2026-08-31', every=28)
b.stmt('dpd-pom', 'pomalidomide 4 mg capsule days 1-21 of 28', '2022-03-21', '2026-09-14', POM)
b.status('pd-2', '2026-09-28'); tail(b)
out(b, '''
Emeka Okafor, 68. L1 VRd, ASCT 2019, lenalidomide maintenance to 2022-02-21, PD 2022-03-07. L2 DPd: a daratumumab SC
order 2022-03-21 left ACTIVE (dispense authorisation to 2022-09-20), daratumumab administered every 4 weeks to 2026-08-31,
pomalidomide statement to 2026-09-14; PD 2026-09-28 on DPd. No record after the PD.
A haematologist: 2 prior lines; daratumumab-refractory (PD 28 days after the last administered dose, on therapy), pomalidomide
and lenalidomide refractory, bortezomib exposed. Whatever the open order means, refractoriness to daratumumab is settled:
the last recorded dose is within 60 days of the PD, and a later end only keeps him on it. D-Kd/Isa-Kd carry the
anti-CD38-refractory caution and CANDOR/IKEMA undecided; APOLLO/ICARIA out (pomalidomide refractory).
''')

# ---------------------------------------------------------------- 02 active Rd order, dispenses, then a STOPPED order with a reason
def rd_then_kd(name, stopped_order, story, stop_day='2024-07-22'):
    b = BX(name, '1950-05-02', 'female', 'Lindqvist', 'Maja')
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgA kappa', '2021-01-11')
    b.stmt('vmp-btz', 'bortezomib 1.3 mg/m2 SC', '2021-01-25', '2021-11-29', BTZ)
    b.stmt('vmp-mel', 'melphalan 9 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', MEL)
    b.stmt('vmp-pred', 'prednisone 60 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', PRED)
    b.status('pd-1', '2023-04-10')
    order(b, 'rd-len', 'lenalidomide 25 mg capsule days 1-21 of 28', LEN, '2023-04-24', '2023-04-24', '2023-07-23', 'active', 28, 2)
    for k, d in enumerate(('2024-03-04', '2024-04-01', '2024-04-29', '2024-05-27', '2024-06-24', '2024-07-22')):
        b.disp('rd-len-d%d' % (k + 1), 'lenalidomide 15 mg capsule', d, 28, LEN)
    b.status('pd-2', '2024-08-26')
    if stopped_order:
        order(b, 'rd-len-stop', 'lenalidomide 15 mg capsule days 1-21 of 28', LEN, stop_day, stop_day, days(stop_day, 90),
              'stopped', 28, 2, statusReason=[{'text': 'Disease progression'}])
    kd(b, '2024-09-16', '2026-08-31')
    b.status('pd-3', '2026-09-28'); tail(b)
    out(b, story)


rd_then_kd('02-vmp-active-rd-order-dispenses-stopped-order-pd-then-kd', True, '''
Maja Lindqvist, 76. IgA-kappa myeloma 2021, VMP to 2021-11 (statements), PD 2023-04-10. Rd: lenalidomide order 2023-04-24
left ACTIVE (authorisation to 2023-07-23), monthly lenalidomide 15 mg dispenses 2024-03-04 to 2024-07-22 (28 days each),
PD 2024-08-26, and the last order (authored 2024-07-22) STOPPED with statusReason "Disease progression", nothing of
lenalidomide after it. Kd from 2024-09-16 to 2026-08; PD 2026-09-28.
A haematologist: 3 prior lines (VMP, Rd, Kd). The stopped order with "Disease progression" closes Rd: lenalidomide was
given to the PD of 2024-08-26 (the last fill covers to 2024-08-18) and stopped for it: lenalidomide-REFRACTORY,
carfilzomib-refractory, bortezomib not refractory, anti-CD38 naive. D-Pd/Isa-Pd (APOLLO/ICARIA) are the options; D-Rd
not (lenalidomide refractory); D-Kd/Isa-Kd not (carfilzomib refractory).
''')
rd_then_kd('02b-vmp-active-rd-order-dispenses-no-closing-order-pd-then-kd', False, '''
Near miss of s21x-02: the same record without the stopped order: the lenalidomide order of 2023-04-24 stays active, the
dispenses run to 2024-08-18, PD 2024-08-26, Kd from 2024-09-16.
A haematologist: lenalidomide's end is not written; the last fill covers to 2024-08-18, 8 days before the PD, and Kd
started after the PD: lenalidomide refractory on the record (last recorded supply within 60 days of the PD; a later
end only makes it more so). 3 prior lines; options as s21x-02. An end "unknown" after 2024-08-18 must not make
lenalidomide refractoriness undecided, because every possible end is within or after 60 days of the PD while on drug.
''')

rd_then_kd('02c-vmp-active-rd-order-dispenses-stopped-order-at-pd-then-kd', True, '''
Variant of s21x-02: the stopped lenalidomide order (statusReason "Disease progression") is authored on the day of the
PD, 2024-08-26, after the last dispense (2024-07-22, supply to 2024-08-18); nothing of lenalidomide after it.
A haematologist: the stopped order closes the open order of 2023-04-24: lenalidomide ran to the last fill's supply
(2024-08-18) and stopped for the PD; lenalidomide refractory; 3 prior lines; no end-unknown gap is needed.
''', stop_day='2024-08-26')


# ---------------------------------------------------------------- 03 active pomalidomide orders, later completed statement
def pom_orders(name, closing_stmt, story):
    b = BX(name, '1955-09-14', 'male', 'Moreau', 'Didier')
    l1_vrd_asct_maint(b, '2021-03-01', '2021-03-15')
    kd(b, '2021-03-29', '2022-03-31')
    b.status('pd-2', '2022-04-11')
    for k, d in enumerate(('2022-04-25', '2022-07-18', '2022-10-10')):
        order(b, 'pd-pom-%d' % (k + 1), 'pomalidomide 4 mg capsule days 1-21 of 28', POM, d, d, days(d, 83), 'active', 28, 2)
    weekly(b, 'pd-dex', 'dexamethasone 40 mg PO (Pd)', DEX, '2022-04-25', '2023-10-30')
    if closing_stmt:
        b.stmt('pd-pom-stmt', 'pomalidomide 4 mg capsule days 1-21 of 28', '2022-04-25', '2023-10-30', POM,
               status='completed')
    b.status('vgpr', '2023-09-04', worse=False)
    b.status('pd-3', '2024-03-11')
    b.mprot('mp-1', '2024-03-11', 1.2); tail(b)
    out(b, story)


pom_orders('03-vrd-asct-r-kd-pd-active-pom-orders-completed-statement-pd-5-months-later', True, '''
Didier Moreau, 71. L1 VRd, ASCT 2019, lenalidomide maintenance to 2021-03-01, PD 2021-03-15. L2 Kd 2021-03-29 to 2022-03,
PD 2022-04-11. L3 Pd: three pomalidomide orders 2022-04-25, 2022-07-18, 2022-10-10 all left ACTIVE (authorisations of
83 days), weekly dexamethasone to 2023-10-30, and the clinic list's pomalidomide statement 2022-04-25 to 2023-10-30,
COMPLETED; VGPR 2023-09-04; PD 2024-03-11 (4.3 months after the last dose); nothing since.
A haematologist: 3 prior lines; lenalidomide and carfilzomib refractory; pomalidomide NOT refractory (stopped in VGPR
2023-10-30, progression 133 days later); anti-CD38 naive. The completed statement closes the stale orders. Options:
D-Pd / Isa-Pd are not excluded by pomalidomide refractoriness (though pomalidomide-naive trial populations are not met);
D-Vd (CASTOR, bortezomib not refractory) on label.
''')
pom_orders('03b-vrd-asct-r-kd-pd-active-pom-orders-no-statement-pd-5-months-later', False, '''
Near miss of s21x-03: the same record without the completed pomalidomide statement (only the three active orders, the
last authorised to 2023-01-01, and dexamethasone to 2023-10-30).
A haematologist: how long pomalidomide went on is not written (the last order is still active and dexamethasone ran to
2023-10-30); pomalidomide refractoriness at the 2024-03-11 PD is unknown. 3 prior lines. A hedge is right here.
''')

# ---------------------------------------------------------------- 04 no-drug capsule with an IV / oral route code
def nodrug_cap(name, route, story, text='cap 400 mg bid'):
    b = BX(name, '1957-04-11', 'male', 'Brennan', 'Conor')
    l1_vrd_asct_maint(b)
    b.stmt('unk', text, '2019-03-18', None, None, status='active',
           dosage=[{'text': '400 mg twice daily', 'route': route}])
    kd(b, '2023-05-29', '2026-08-31'); b.status('pd-2', '2026-09-28'); tail(b)
    out(b, story)


nodrug_cap('04-two-lines-cap-400mg-bid-no-code-route-iv', ROUTE_IV, '''
Conor Brennan, 69. L1 VRd, ASCT 2019, lenalidomide maintenance stopped 2023-05-01, PD 2023-05-15; L2 Kd 2023-05-29 to
2026-08, PD 2026-09-28. A MedicationStatement "cap 400 mg bid", no drug code, whose dosage route is coded Intravenous
(SNOMED 47625008), active since 2019-03-18.
A haematologist: a capsule charted IV is a charting error; it names no drug and says IV, so the engine cannot rule out an
infused drug. A hedge on anti-CD38 exposure is acceptable (the policy says an IV route keeps it possible). 2 prior
lines, lenalidomide and carfilzomib refractory.
''')
nodrug_cap('04b-two-lines-cap-400mg-bid-no-code-route-oral', ROUTE_PO, '''
Near miss of s21x-04: the same "cap 400 mg bid" with its route coded Oral (SNOMED 26643006).
A haematologist: an oral capsule cannot be an anti-CD38 antibody: anti-CD38 not exposed; the unnamed capsule may be an
IMiD (gap). 2 prior lines, lenalidomide and carfilzomib refractory; D-Kd/Isa-Kd out (carfilzomib refractory).
''')

nodrug_cap('04c-two-lines-400mg-bid-no-code-no-form-word-route-oral', ROUTE_PO, '''
Variant of s21x-04b: the record reads only "400 mg bid" (no dose-form word) with its route coded Oral (SNOMED 26643006).
A haematologist: the route code says it is taken by mouth; it cannot be an anti-CD38 antibody. Either "not exposed"
(route read) or "exposure unknown" (only the words read) is defensible; the latter is over-cautious.
''', text='400 mg bid')


# ---------------------------------------------------------------- 05 daratumumab exposed, not refractory: CANDOR must match
b = BX('05-dara-vrd-asct-r-maint-pd-1-line-dara-exposed-not-refractory-candor', '1962-07-07', 'female', 'Novak', 'Petra')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG lambda', '2020-02-03')
cycles(b, 'dvrd-dara', 'daratumumab 1800 mg SC (D-VRd)', DARA, '2020-02-17', (0, 7, 14), 4, 21)
vrd_stmt(b, '2020-02-17', '2020-05-03', 'dvrd')
gcsf(b, '2020-05-25', 5)
b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2020-06-21', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2020-06-22')
rmaint(b, '2020-09-21', '2026-08-17', status='stopped')
b.status('pd-1', '2026-08-31'); tail(b)
out(b, '''
Petra Novak, 64. IgG-lambda myeloma 2020. D-VRd induction x4 (daratumumab SC to 2020-04-27), ASCT 2020-06-22,
lenalidomide maintenance alone 2020-09-21 to 2026-08-17 (stopped), PD 2026-08-31; nothing since.
A haematologist: 1 prior line; lenalidomide-refractory; daratumumab EXPOSED, NOT refractory (last dose 6 years before the
PD); bortezomib not refractory. CANDOR allowed prior anti-CD38: D-Kd matches the CANDOR population (1-3 lines, not
carfilzomib-exposed); Isa-Kd IKEMA excluded prior anti-CD38 refractoriness only. D-Rd out (lenalidomide refractory).
''')

# ---------------------------------------------------------------- 06 carfilzomib intolerance 10 / 40 days after the last dose
def kd_allergy(name, gap_days, story):
    b = BX(name, '1956-11-30', 'male', 'Ferreira', 'Tiago')
    l1_vrd_asct_maint(b, '2023-05-01', '2023-05-15')
    kd(b, '2023-05-29', '2025-03-31')
    last = max(e['resource']['effectiveDateTime'][:10] for e in b.entry
               if e['resource']['resourceType'] == 'MedicationAdministration' and 'cfz' in e['resource']['id'])
    allergy(b, 'cfz-allergy', CFZ, days(last, gap_days), 'dyspnoea and hypertension after carfilzomib')
    b.status('vgpr', '2025-04-14', worse=False)
    b.status('pd-2', '2026-09-28'); tail(b)
    out(b, story.replace('LAST', last).replace('REC', days(last, gap_days)))


kd_allergy('06-vrd-asct-r-kd-cfz-intolerance-10-days-after-last-dose-pd-later', 10, '''
Tiago Ferreira, 69. L1 VRd, ASCT 2019, lenalidomide maintenance to 2023-05-01, PD 2023-05-15. L2 Kd from 2023-05-29, last
carfilzomib LAST; carfilzomib intolerance (dyspnoea, hypertension) recorded REC, 10 days after the last dose; VGPR
2025-04-14; PD 2026-09-28 (18 months later); nothing since.
A haematologist: 2 prior lines; lenalidomide refractory, carfilzomib NOT refractory, stopped for toxicity (intolerance
recorded 10 days after the last dose, no dose after it). CANDOR excluded patients who stopped carfilzomib for toxicity:
D-Kd/Isa-Kd are not supported by CANDOR/IKEMA (✘ right). D-Pd/Isa-Pd (APOLLO/ICARIA) the options.
''')
kd_allergy('06b-vrd-asct-r-kd-cfz-intolerance-40-days-after-last-dose-pd-later', 40, '''
Near miss of s21x-06: the same carfilzomib intolerance recorded REC, 40 days after the last dose (LAST).
A haematologist: an intolerance charted 40 days after the course ended does not say the course stopped for it (outside
the 28-day window of the policy); at most it is a caution. Whether carfilzomib stopped for toxicity is not settled; a
confident ✘ "stopped for toxicity" would be wrong, a ✔ with the allergy named or undecided is acceptable.
''')

# ---------------------------------------------------------------- 07 other cancer's 5-year follow-up at a course's first dose
def ac_after_bc(name, bc_dx, story):
    b = BX(name, '1961-03-30', 'female', 'Rossi', 'Chiara')
    b.cond('bc', BC, 'Breast cancer, left, stage IIA', bc_dx, clin='remission')
    l1_vrd_asct_maint(b)
    for k in range(4):
        c = days('2023-06-05', 21 * k)
        b.admin('ac-dox-' + c, 'doxorubicin 60 mg/m2 IV', c, DOXO)
        b.admin('ac-cy-' + c, 'cyclophosphamide 600 mg/m2 IV', c, CY)
    b.status('pd-2', '2026-09-28'); tail(b)
    out(b, story)


ac_after_bc('07-breast-cancer-dx-4.9-years-before-ac-first-dose-count-1-to-2', '2018-07-16', '''
Chiara Rossi, 65. Left breast cancer diagnosed 2018-07-16 (remission), then myeloma 2019: VRd, ASCT 2019-09-09,
lenalidomide maintenance stopped 2023-05-01, PD 2023-05-15. Doxorubicin + cyclophosphamide x4 every 21 days from
2023-06-05 (4.89 years after the breast cancer diagnosis; the last cycle 2023-07-17, 5.0 years after) with no reason.
PD 2026-09-28.
A haematologist: the AC starts within 5 years of the breast cancer's diagnosis and is its regimen; it may be the breast
cancer's (recurrence) therapy or a myeloma line: 1 to 2 prior lines. Lenalidomide refractory.
''')
ac_after_bc('07b-breast-cancer-dx-5-years-to-the-day-before-ac-first-dose', '2018-06-05', '''
Near miss of s21x-07: the breast cancer diagnosed 2018-06-05, exactly 5 years before the AC's first dose 2023-06-05.
A haematologist: on the 5-year day; whether this is "within 5 years" is a policy edge. Either a count of 1 to 2 or 2
(AC a myeloma line) is defensible if the engine says why; a silent count of 1 would be wrong.
''')

# ---------------------------------------------------------------- 08 ordinary: VRd-ASCT-R, DPd, PVd
b = BX('08-vrd-asct-r-then-dpd-then-pvd-3-lines', '1954-02-19', 'male', 'Schmidt', 'Klaus')
l1_vrd_asct_maint(b, '2021-06-07', '2021-06-21')
weekly(b, 'dpd-dara', 'daratumumab 1800 mg SC (DPd)', DARA, '2021-07-05', '2024-05-27', every=28)
b.stmt('dpd-pom', 'pomalidomide 4 mg capsule days 1-21 of 28', '2021-07-05', '2024-06-10', POM)
b.status('pd-2', '2024-06-24')
cycles(b, 'pvd-btz', 'bortezomib 1.3 mg/m2 SC (PVd)', BTZ, '2024-07-08', (0, 3, 7, 10), 24, 21)
b.stmt('pvd-pom', 'pomalidomide 4 mg capsule days 1-14 of 21', '2024-07-08', '2026-02-23', POM, status='completed')
b.status('pd-3', '2026-09-14'); tail(b)
out(b, '''
Klaus Schmidt, 72. L1 VRd, ASCT 2019, lenalidomide maintenance to 2021-06-07, PD 2021-06-21. L2 DPd 2021-07-05 to 2024-06
(daratumumab to 2024-05-27), PD 2024-06-24. L3 PVd from 2024-07-08 (bortezomib to 2026-02, pomalidomide to 2026-02-23),
PD 2026-09-14; nothing since.
A haematologist: 3 prior lines; triple-class exposed; lenalidomide, pomalidomide and daratumumab refractory; bortezomib
not refractory (PD 6 months after the last dose). No anti-CD38 combination is supported by its trial; BCMA/GPRC5D
therapy is the standard. D-Kd/Isa-Kd at most with the anti-CD38-refractory caution.
''')

# ---------------------------------------------------------------- 09 ordinary: KRd then Isa-Kd
b = BX('09-krd-then-isa-kd-pd-2-lines', '1963-10-01', 'female', 'Dubois', 'Claire')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2021-09-06')
kd(b, '2021-09-20', '2023-08-31', 'krd')
b.stmt('krd-len', 'lenalidomide 25 mg capsule days 1-21 of 28', '2021-09-20', '2023-09-10', LEN, status='completed')
b.status('pd-1', '2024-05-13')
weekly(b, 'isakd-isa', 'isatuximab 10 mg/kg IV (Isa-Kd)', ISA, '2024-05-27', '2026-09-07', every=14)
kd(b, '2024-05-27', '2026-09-14', 'isakd')
b.status('pd-2', '2026-10-05'); tail(b)
out(b, '''
Claire Dubois, 63. IgG-kappa myeloma 2021, transplant declined. L1 KRd 2021-09-20 to 2023-09 (lenalidomide to
2023-09-10), PD 2024-05-13 (8 months off therapy). L2 Isa-Kd from 2024-05-27 (isatuximab every 2 weeks to 2026-09-07),
PD 2026-10-05 on therapy.
A haematologist: 2 prior lines; isatuximab (anti-CD38) and carfilzomib refractory; lenalidomide NOT refractory (PD 8
months after); bortezomib naive. Anti-CD38 re-treatment is not supported (anti-CD38 refractory); Pd-based or BCMA therapy.
D-Rd by count on label but anti-CD38 refractory.
''')

# ---------------------------------------------------------------- 10 ordinary: D-Rd first line, PD on it
b = BX('10-drd-first-line-pd-on-therapy-1-line', '1948-12-12', 'male', 'Tanaka', 'Hiroshi')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA lambda', '2022-01-10')
weekly(b, 'drd-dara', 'daratumumab 1800 mg SC (D-Rd)', DARA, '2022-01-24', '2026-08-24', every=28)
b.stmt('drd-len', 'lenalidomide 15 mg capsule days 1-21 of 28', '2022-01-24', None, LEN, status='active')
b.status('pd-1', '2026-09-07'); tail(b)
out(b, '''
Hiroshi Tanaka, 77. IgA-lambda myeloma 2022, transplant-ineligible. D-Rd from 2022-01-24 (daratumumab every 4 weeks to
2026-08-24, lenalidomide statement active), PD 2026-09-07 on therapy.
A haematologist: 1 prior line; daratumumab and lenalidomide refractory; PI naive. Anti-CD38 re-treatment not supported
(D-Kd/Isa-Kd at most with the caution, CANDOR/IKEMA undecided); Kd, PVd or a BCMA-directed therapy.
''')
