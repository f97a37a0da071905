# Sweep V, part 2 (acceptance of issue 10 as a new user meets it): EHR-shaped histories not seen in earlier sweeps.
# D-VRd, ASCT, early progression and Kd salvage; five lines with belantamab and a bispecific; isatuximab in a previous
# line recorded by three sparse doses; month- and year-only dates; Epic-style MedicationRequest-only histories with
# on-hold and entered-in-error orders; VMP at 78 then an order left active for years with an M-protein relapse; venetoclax,
# CAR-T and an unnamed trial agent; adjuvant breast-cancer chemotherapy before the myeloma; smouldering myeloma treated on a
# trial then MM; a transplant with no drugs recorded; an allogeneic transplant by CPT only; C90.01 remission coding; a
# deceased patient (partial date); a replay at dates between events.
# Run from the project root; writes qa-bundles/s21b-*.json with a story s21b-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BV(B):
    PREFIX = 's21b-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-06T05:30:00Z'; return bd


def noise(b, start, end):
    """Supportive care every myeloma record carries: none of it is anti-myeloma therapy."""
    b.stmt('acv', 'acyclovir 400 mg tablet twice daily', start, end, ('281', 'acyclovir'))
    b.req('ond', 'ondansetron 8 mg tablet as needed for nausea', start, ('26225', 'ondansetron'), status='active')
    b.req('asa', 'aspirin 81 mg tablet daily (VTE prophylaxis)', start, ('1191', 'aspirin'), status='active')
    b.admin('zol-' + start, 'zoledronic acid 4 mg IV', days(start, 14), ('77655', 'zoledronic acid'))
    b.req('allo-' + start, 'allopurinol 300 mg tablet daily', start, ('519', 'allopurinol'), status='completed')
    b.req('smx', 'sulfamethoxazole-trimethoprim 800-160 mg tablet three times weekly', start, ('10831', 'sulfamethoxazole / trimethoprim'), status='active')


def dara_sc(b, pre, start, last, text='daratumumab and hyaluronidase-fihj 1800 mg SC'):
    """Weekly x8, every 2 weeks x8, then every 4 weeks while on or before {last}."""
    d = start; k = 0
    while d <= last:
        b.admin('%s-%s' % (pre, d), text, d, DARA)
        d = days(d, 7 if k < 7 else 14 if k < 15 else 28); k += 1


def monthly_req(b, pre, text, code, start, n, every=28, status='completed', **kw):
    """An Epic-style order per cycle: authoredOn and a dispenseRequest, nothing else."""
    for k in range(n):
        d = days(start, every * k)
        b.req('%s-%d' % (pre, k + 1), text, d, code, status=status,
              dispenseRequest={'numberOfRepeatsAllowed': 0, 'quantity': {'value': 21, 'unit': 'capsule'},
                               'expectedSupplyDuration': {'value': 21, 'unit': 'days', 'system': UCUM, 'code': 'd'}}, **kw)


ISA = None  # no RxNorm code for isatuximab is verified in the terminology: recognised by name

# ---------------------------------------------------------------- 01 D-VRd, ASCT, PD 12 weeks after, Kd salvage
b = BV('01-dvrd-asct-pd-12-weeks-after-kd-salvage-pd-on-kd', '1961-02-17', 'male', 'Lindqvist', 'Erik')
b.cond('mm', MM_SCT, 'Multiple myeloma IgG kappa, ISS II', '2023-01-09')
noise(b, '2023-01-23', '2026-10-20')
dara_sc(b, 'dara', '2023-01-23', '2023-05-15')
vrd_stmt(b, '2023-01-23', '2023-05-29', 'dvrd')
gcsf(b, '2023-06-19', 5)
b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2023-07-30', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2023-07-31')
b.mprot('mp-1', '2023-05-22', 0.3); b.mprot('mp-2', '2023-10-02', 0.9); b.mprot('mp-3', '2023-10-23', 1.6)
b.status('pd-1', '2023-10-23')
kd(b, '2023-11-06', '2026-08-31')
b.status('pd-2', '2026-09-28')
tail(b)
out(b, '''
Erik Lindqvist, 65. IgG-kappa myeloma January 2023. D-VRd induction: daratumumab SC administrations 2023-01-23 to
2023-05-15, VRd statements to 2023-05-29; G-CSF, melphalan 200 and ASCT 2023-07-31. M-protein 0.3 -> 0.9 -> 1.6 g/dL and
progression recorded 2023-10-23 (12 weeks after the ASCT), no maintenance. Kd salvage from 2023-11-06 (carfilzomib
administrations to 2026-08), PD 2026-09-28 on Kd. Noise: acyclovir, ondansetron, aspirin, zoledronic acid, allopurinol,
co-trimoxazole.
A haematologist: 2 prior lines (D-VRd + ASCT; Kd after a documented early relapse), not 1. Carfilzomib refractory,
bortezomib and lenalidomide exposed, not refractory (last doses months before the progressions), daratumumab exposed:
last dose 2023-05-15, PD 161 days later -> not refractory by IMWG (the 60-day rule), but early relapse after quadruplet
induction. Relapse documented. Options: D-Pd / Isa-Pd (2 lines incl. lenalidomide and a PI, on label), Isa-Kd/D-Kd not
(carfilzomib refractory); anti-CD38 retreatment after a 3-year washout is reasonable.
''')

# ---------------------------------------------------------------- 02 five lines incl. belantamab and teclistamab
b = BV('02-five-lines-vrd-asct-dkd-pvd-belantamab-teclistamab', '1956-06-03', 'female', 'Okafor', 'Grace')
b.cond('mm', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma IgA lambda', '2017-04-10')
noise(b, '2017-04-24', '2026-10-20')
vrd_stmt(b, '2017-04-24', '2017-09-11', 'l1')
b.proc('asct', ASCT_CPT, 'Autologous HPC transplant', '2017-11-20')
rmaint(b, '2018-02-19', '2020-03-02', status='stopped')
b.status('pd-1', '2020-03-09')
dara_sc(b, 'l2-dara', '2020-03-23', '2022-01-10')
kd(b, '2020-03-23', '2022-01-20', 'l2kd')
b.status('pd-2', '2022-02-07')
b.stmt('l3-pom', 'pomalidomide 4 mg capsule days 1-14 of 21', '2022-02-21', '2023-01-30', POM)
weekly(b, 'l3-btz', 'bortezomib 1.3 mg/m2 SC', BTZ, '2022-02-21', '2023-01-30')
b.status('pd-3', '2023-02-13')
for d in ('2023-02-27', '2023-03-20', '2023-04-10', '2023-05-01', '2023-05-22', '2023-06-12', '2023-07-03', '2023-07-24', '2023-08-14'):
    b.admin('l4-bela-' + d, 'belantamab mafodotin-blmf 2.5 mg/kg IV', d)
b.status('pd-4', '2023-09-05')
weekly(b, 'l5-tec', 'teclistamab-cqyv 1.5 mg/kg SC', None, '2023-09-18', '2026-09-21')
b.admin('ivig-1', 'immune globulin (human) IVIG 0.4 g/kg IV', '2024-03-04')
b.admin('ivig-2', 'immune globulin (human) IVIG 0.4 g/kg IV', '2025-03-03')
b.status('pd-5', '2026-10-05')
tail(b)
out(b, '''
Grace Okafor, 70. IgA-lambda myeloma 2017, coded C90.02 (in relapse). L1 VRd, ASCT (CPT 38241 only) 2017-11-20,
lenalidomide maintenance to 2020-03-02 (stopped), PD 2020-03-09. L2 D-Kd 2020-03-23 to 2022-01, PD 2022-02-07. L3 PVd to
2023-01-30, PD 2023-02-13. L4 belantamab mafodotin (text only, every 3 weeks) to 2023-08-14, PD 2023-09-05. L5
teclistamab (text only, weekly) to 2026-09-21 with IVIG, PD 2026-10-05.
A haematologist: 5 prior lines; refractory to lenalidomide, pomalidomide, bortezomib, carfilzomib, daratumumab
(penta-refractory), belantamab and teclistamab (BCMA-directed therapy twice: ADC and bispecific). Triple-class
refractory. No anti-CD38 option is right (daratumumab refractory); daratumumab monotherapy is on label by count but the
patient is refractory to it.
''')

# ---------------------------------------------------------------- 03 isatuximab in a previous line, three sparse doses; selinexor by orders
b = BV('03-vrd-isa-pd-sparse-isatuximab-doses-then-svd-orders', '1958-09-30', 'male', 'Moreau', 'Julien')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG lambda', '2019-10-07')
noise(b, '2019-10-21', '2026-10-20')
vrd_stmt(b, '2019-10-21', '2020-04-06', 'l1')
rmaint(b, '2020-04-20', '2023-12-04', status='completed')
b.status('pd-1', '2023-12-18')
for d in ('2024-01-08', '2024-04-01', '2024-07-22'):
    b.admin('l2-isa-' + d, 'Sarclisa (isatuximab-irfc) 10 mg/kg IV', d, ISA)
b.stmt('l2-pom', 'pomalidomide 4 mg capsule days 1-21 of 28', '2024-01-08', '2024-10-28', POM)
b.stmt('l2-dex', 'dexamethasone 40 mg weekly', '2024-01-08', '2024-10-28', DEX)
b.status('pd-2', '2024-11-11')
for k in range(20):
    d = days('2024-11-25', 35 * k)
    if d > '2026-10-15': break
    b.req('l3-sel-%d' % k, 'XPOVIO (selinexor) 20 mg tablet, 100 mg once weekly', d, None,
          dispenseRequest={'numberOfRepeatsAllowed': 0, 'expectedSupplyDuration': {'value': 35, 'unit': 'days', 'system': UCUM, 'code': 'd'}})
weekly(b, 'l3-btz', 'bortezomib 1.3 mg/m2 SC (SVd)', BTZ, '2024-11-25', '2026-10-12')
b.status('pd-3', '2026-10-19')
tail(b)
out(b, '''
Julien Moreau, 68. IgG-lambda myeloma 2019. L1 VRd then lenalidomide maintenance to 2023-12-04, PD 2023-12-18. L2 Isa-Pd
from 2024-01-08: only three isatuximab infusions are in the export (2024-01-08, 2024-04-01, 2024-07-22), pomalidomide and
dexamethasone statements to 2024-10-28, PD 2024-11-11. L3 SVd: selinexor as MedicationRequests only (authoredOn every 35
days, 35-day supply, no code), weekly bortezomib to 2026-10-12, PD 2026-10-19.
A haematologist: 3 prior lines; lenalidomide refractory, pomalidomide refractory, isatuximab refractory (the Isa-Pd line
progressed 14 days after its last dose; the isatuximab infusions are one course), bortezomib and selinexor refractory.
Anti-CD38 refractory: D-Pd/Isa-Pd/D-Kd/Isa-Kd are not appropriate, daratumumab monotherapy neither (anti-CD38
refractory). Triple-class refractory.
''')

# ---------------------------------------------------------------- 04 partial dates: year-only induction, month-only end of maintenance
b = BV('04-year-only-induction-month-only-maintenance-end-pd-unknown-refractory', '1957-12-12', 'female', 'Brennan', 'Siobhan')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021')
noise(b, '2021-03-01', '2026-10-20')
b.stmt('l1-vrd', 'Revlimid/Velcade/Dex (outside hospital)', '2021', '2021')
b.stmt('l1-len', 'lenalidomide', '2021', '2021', LEN)
b.stmt('l1-btz', 'bortezomib', '2021', '2021', BTZ)
b.stmt('maint', 'lenalidomide 10 mg maintenance', '2022-01', '2026-07', LEN, status='completed')
b.status('pd-1', '2026-09-15')
tail(b)
out(b, '''
Siobhan Brennan, 68. Myeloma diagnosed "2021" (onset year only). Outside-hospital VRd recorded as statements dated "2021"
to "2021"; lenalidomide maintenance statement "2022-01" to "2026-07" (completed); PD 2026-09-15; nothing since.
A haematologist: 1 prior line (VRd then maintenance). Whether she is lenalidomide-refractory turns on the unknown day of
July 2026: last dose 1 July = 76 days before the PD (not refractory), 31 July = 46 days (refractory). So lenalidomide
refractoriness is UNKNOWN, a data gap naming the statement; D-Rd must not be ranked as "not lenalidomide-refractory".
D-Kd/Isa-Kd/D-Vd are reasonable; D-Pd only when lenalidomide refractoriness is settled (APOLLO) or on label after 2 lines.
''')

# ---------------------------------------------------------------- 05 Epic orders only: D-Rd at 76, on-hold and entered-in-error orders
b = BV('05-dara-rd-orders-only-entered-in-error-pom-on-hold-pd-on-therapy', '1950-05-05', 'male', 'Tanaka', 'Hiroshi')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2024-05-06')
noise(b, '2024-05-20', '2026-10-20')
for k in range(30):
    d = days('2024-05-20', 28 * k)
    if d > '2026-08-20': break
    b.req('dara-%d' % k, 'daratumumab and hyaluronidase-fihj 1800 mg SC, every 4 weeks (cycle %d)' % (k + 1), d, DARA,
          dispenseRequest={'numberOfRepeatsAllowed': 0, 'validityPeriod': {'start': d, 'end': days(d, 27)}})
monthly_req(b, 'len', 'lenalidomide 25 mg capsule days 1-21 of 28', LEN, '2024-05-20', 30 if False else 29)
b.req('dex', 'dexamethasone 20 mg tablet weekly', '2024-05-20', DEX, status='active')
b.req('pom-eie', 'pomalidomide 4 mg capsule days 1-21', '2025-02-03', POM, status='entered-in-error')
b.req('cfz-hold', 'carfilzomib 56 mg/m2 IV', '2026-10-12', CFZ, status='on-hold')
b.status('pd-1', '2026-09-14')
tail(b)
out(b, '''
Hiroshi Tanaka, 76, transplant-ineligible. IgG-kappa myeloma May 2024. D-Rd recorded only as orders: daratumumab SC
orders every 28 days 2024-05-20 to 2026-08 (validityPeriod of the cycle), lenalidomide orders every 28 days (21-day
supply, last 2026-07-13), dexamethasone order active. A pomalidomide order of 2025-02-03 is entered-in-error; a
carfilzomib order of 2026-10-12 is on-hold (not given). PD 2026-09-14 on D-Rd.
A haematologist: 1 prior line (D-Rd), progressing on it: daratumumab and lenalidomide refractory. Pomalidomide never
given (entered in error); carfilzomib not given (on hold). Options: anti-CD38 refractory, so no anti-CD38 regimen
should rank as a clean option; Kd/PVd-type regimens are what is left.
''')

# ---------------------------------------------------------------- 06 VMP at 78, Rd order left active, M-protein relapse (and two variants)
def vmp_then_rd(name, rd_status, dispense, story):
    b = BV(name, '1943-01-20', 'female', 'Schneider', 'Helga')
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2021-01-11')
    noise(b, '2021-01-25', '2026-10-20')
    cycles(b, 'vmp-btz', 'bortezomib 1.3 mg/m2 SC (VMP)', BTZ, '2021-01-25', (0, 7, 21, 28), 9, 35)
    for k in range(9):
        d = days('2021-01-25', 35 * k)
        b.stmt('vmp-mel-%d' % k, 'melphalan 9 mg/m2 PO days 1-4 (VMP)', d, days(d, 3), MEL)
        b.stmt('vmp-pred-%d' % k, 'prednisone 60 mg/m2 PO days 1-4 (VMP)', d, days(d, 3), PRED)
    b.status('pr', '2021-11-15', worse=False, text='Partial response (IMWG)')
    b.status('pd-1', '2023-04-10')
    kw = {'dispenseRequest': {'numberOfRepeatsAllowed': 2, 'expectedSupplyDuration': {'value': 28, 'unit': 'days', 'system': UCUM, 'code': 'd'}}} if dispense else {}
    b.req('rd-len', 'lenalidomide 25 mg capsule days 1-21 of 28', '2023-04-24', LEN, status=rd_status, **kw)
    b.req('rd-dex', 'dexamethasone 20 mg tablet weekly', '2023-04-24', DEX, status=rd_status)
    for i, (d, v) in enumerate([('2023-08-07', 0.6), ('2024-06-03', 0.4), ('2025-09-01', 0.5), ('2026-06-01', 0.9), ('2026-09-07', 1.4)]):
        b.mprot('mp-%d' % i, d, v)
    tail(b)
    out(b, story)


vmp_then_rd('06-vmp-at-78-rd-order-left-active-m-protein-rise-no-status', 'active', True, '''
Helga Schneider, 83 (78 at diagnosis), transplant-ineligible. IgG-kappa myeloma January 2021. VMP x9 (bortezomib
administrations, melphalan and prednisone statements) to 2021-12, PR; PD 2023-04-10. Rd as one order (status ACTIVE,
28-day supply, 2 repeats) authored 2023-04-24; nothing else about lenalidomide since. M-protein 0.6 (2023-08) -> nadir
0.4 (2024-06) -> 0.5 -> 0.9 (2026-06) -> 1.4 g/dL (2026-09): an IMWG progression (>= 25 % and >= 0.5 g/dL above the
nadir, confirmed). No disease-status observation after 2023.
A haematologist: 2 lines (VMP; Rd). Rd in a transplant-ineligible patient is given until progression, and the order is
still active: whether she was still taking lenalidomide when the M-protein rose is not recorded (the order authorised
about 3 months of supply; no fill, administration or later order either way). Lenalidomide refractoriness is UNKNOWN;
the engine must not treat the order as 3.5 years of therapy, nor call her lenalidomide "not refractory" and rank D-Rd
on POLLUX. Relapse by M-protein 2026 is documented.
''')
vmp_then_rd('06b-vmp-at-78-rd-order-completed-m-protein-rise-no-status', 'completed', True, '''
Near miss of s21b-06: the same record with the Rd order COMPLETED (28-day supply, 2 repeats, authored 2023-04-24).
A haematologist: the order is closed; Rd given about 3 months in 2023 (to mid-July 2023), the M-protein progression of
2026 is years later: lenalidomide exposed, not refractory. D-Rd (POLLUX) and D-Pd are reasonable.
''')
vmp_then_rd('06c-vmp-at-78-rd-order-active-no-dispense-request-m-protein-rise', 'active', False, '''
Variant of s21b-06: the same record with the Rd order ACTIVE and no dispenseRequest at all (authoredOn only).
A haematologist: as in s21b-06, whether lenalidomide continued to the 2026 M-protein progression is not recorded:
lenalidomide refractoriness unknown, a data gap naming the order.
''')

# ---------------------------------------------------------------- 07 venetoclax t(11;14), CAR-T, unnamed trial agent
b = BV('07-vrd-dpd-venetoclax-cilta-cel-unnamed-trial-agent', '1963-03-08', 'male', 'Haddad', 'Karim')
b.cond('mm', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma IgG kappa, t(11;14)', '2018-06-04')
noise(b, '2018-06-18', '2026-10-20')
vrd_stmt(b, '2018-06-18', '2018-11-19', 'l1')
rmaint(b, '2018-12-03', '2021-05-10', status='completed')
b.status('pd-1', '2021-05-24')
dara_sc(b, 'l2-dara', '2021-06-07', '2023-03-20')
b.stmt('l2-pom', 'pomalidomide 4 mg capsule', '2021-06-07', '2023-03-27', POM)
b.status('pd-2', '2023-04-10')
b.stmt('l3-ven', 'Venclexta (venetoclax) 800 mg tablet daily', '2023-04-24', '2024-08-26')
b.stmt('l3-dex', 'dexamethasone 40 mg weekly', '2023-04-24', '2024-08-26', DEX)
b.status('pd-3', '2024-09-09')
b.admin('l4-flu', 'fludarabine 30 mg/m2 IV (lymphodepletion)', '2024-10-21', FLU)
b.admin('l4-cy', 'cyclophosphamide 300 mg/m2 IV (lymphodepletion)', '2024-10-21', CY)
b.admin('l4-carvykti', 'CARVYKTI (ciltacabtagene autoleucel) IV infusion', '2024-10-24')
b.status('pd-4', '2026-04-06')
weekly(b, 'l5-trial', 'Study drug MM-2291 IV (protocol C-118)', None, '2026-04-20', '2026-10-12', every=14)
tail(b)
out(b, '''
Karim Haddad, 63. IgG-kappa myeloma t(11;14) 2018, coded C90.02. L1 VRd + lenalidomide maintenance, PD 2021-05-24. L2
D-Pd to 2023-03, PD 2023-04-10. L3 venetoclax-dex (text only) to 2024-08-26, PD 2024-09-09. L4 cilta-cel (text only,
after Flu/Cy lymphodepletion) 2024-10-24, PD 2026-04-06. L5 an unnamed study drug IV every 2 weeks from 2026-04-20
(ongoing).
A haematologist: 4 prior lines and a 5th under way on a trial; refractory to lenalidomide, pomalidomide, daratumumab,
venetoclax; bortezomib exposed not refractory; BCMA CAR-T exposed (relapsed 18 months later). Triple-class: PI exposed
only (not refractory), IMiD and anti-CD38 refractory. The unnamed study drug is anti-myeloma therapy of unknown class:
gap. No anti-CD38 option is clean (daratumumab refractory).
''')

# ---------------------------------------------------------------- 08 adjuvant breast-cancer chemotherapy 2016, myeloma 2024
b = BV('08-breast-cancer-ac-t-2016-reason-then-mm-2024-vrd-maintenance', '1962-07-22', 'female', 'Ferreira', 'Lucia')
b.cond('bc', [{'system': ICD, 'code': 'C50.412', 'display': 'Malignant neoplasm of upper-outer quadrant of left female breast'}],
       'Breast cancer left, ER+ HER2-', '2016-02-01', clin='resolved')
for k in range(4):
    d = days('2016-03-07', 14 * k)
    b.admin('ac-doxo-%d' % k, 'doxorubicin 60 mg/m2 IV', d, DOXO, reasonReference=[b.ref('bc')])
    b.admin('ac-cy-%d' % k, 'cyclophosphamide 600 mg/m2 IV', d, CY, reasonReference=[b.ref('bc')])
for k in range(12):
    b.admin('t-pac-%d' % k, 'paclitaxel 80 mg/m2 IV weekly', days('2016-05-02', 7 * k), ('56946', 'paclitaxel'), reasonReference=[b.ref('bc')])
b.stmt('ai', 'anastrozole 1 mg tablet daily', '2016-09-01', '2021-09-01', ('84857', 'anastrozole'))
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2024-02-12')
noise(b, '2024-02-26', '2026-10-20')
vrd_stmt(b, '2024-02-26', '2024-07-15', 'l1')
b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2024-09-08', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2024-09-09')
rmaint(b, '2024-12-02')
b.status('cr', '2026-09-14', worse=False, text='Complete response (IMWG)')
tail(b)
out(b, '''
Lucia Ferreira, 64. Left breast cancer 2016 treated with dose-dense AC-T (doxorubicin and cyclophosphamide x4, weekly
paclitaxel x12; each record's reasonReference is the breast cancer) and anastrozole 5 years. Myeloma February 2024: VRd,
ASCT 2024-09-09, lenalidomide maintenance since 2024-12 (active), CR 2026-09-14.
A haematologist: newly diagnosed myeloma in its first line (0 prior lines), no relapse. The AC-T is therapy for breast
cancer, not a myeloma line (prior anthracycline exposure matters for cardiac review only). No relapsed option applies.
''')

# ---------------------------------------------------------------- 09 smouldering myeloma treated on a trial, then MM
b = BV('09-smm-dara-trial-then-mm-vrd-asct-r-maint-pd', '1966-11-02', 'male', 'Kowalczyk', 'Tomasz')
b.cond('smm', SMM_ICD, 'High-risk smouldering multiple myeloma', '2019-09-02')
dara_sc(b, 'smm-dara', '2019-10-07', '2022-09-19', 'daratumumab SC 1800 mg (AQUILA-style study, smouldering myeloma)')
b.cond('mm', MM_ICD(), 'Multiple myeloma (progressed from smouldering myeloma)', '2023-11-06')
noise(b, '2023-11-20', '2026-10-20')
vrd_stmt(b, '2023-11-20', '2024-04-08', 'l1')
gcsf(b, '2024-04-29', 5)
b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2024-06-09', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2024-06-10')
rmaint(b, '2024-09-02', '2026-08-24', status='stopped')
b.status('pd-1', '2026-09-07')
tail(b)
out(b, '''
Tomasz Kowalczyk, 60. High-risk smouldering myeloma (D47.2, text says smouldering) 2019, daratumumab SC on a study
2019-10-07 to 2022-09-19 (AQUILA-style). Progressed to myeloma November 2023 (14 months after the last daratumumab):
VRd, ASCT 2024-06-10, lenalidomide maintenance to 2026-08-24 (stopped), PD 2026-09-07.
A haematologist: 1 prior line of myeloma therapy (the SMM daratumumab is an exposure, not a line). Lenalidomide
refractory; bortezomib exposed not refractory; daratumumab exposed, not refractory (progression to MM 14 months after),
washout 4 years. Options: D-Kd/Isa-Kd, D-Vd, D-Pd (APOLLO 1 line lenalidomide-refractory); prior anti-CD38 exposure named.
''')

# ---------------------------------------------------------------- 10 transplant only, no drugs, C90.02 in relapse
b = BV('10-outside-asct-2020-no-drugs-recorded-c90-02-relapse', '1959-04-14', 'female', 'Ahmed', 'Nadia')
b.cond('mm', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma, in relapse', '2019-08-05')
b.proc('asct', ASCT, 'Autologous stem cell transplant (outside hospital)', '2020-01-15')
b.req('acv', 'acyclovir 400 mg tablet twice daily', '2026-09-01', ('281', 'acyclovir'), status='active')
b.mprot('mp-1', '2026-09-21', 2.1)
tail(b)
out(b, '''
Nadia Ahmed, 67. Myeloma 2019, coded C90.02 (in relapse). An autologous transplant at an outside hospital 2020-01-15 is
the only therapy on record (no induction, no maintenance recorded). M-protein 2.1 g/dL in 2026.
A haematologist: relapsed myeloma, at least 1 prior line (induction and ASCT), drug history unknown: lenalidomide,
bortezomib, anti-CD38 exposure and refractoriness are UNKNOWN. Trial criteria (anti-CD38-naive, not
lenalidomide-refractory, carfilzomib-naive) cannot be MET. Ask the outside records.
''')

# ---------------------------------------------------------------- 11 auto then allo (CPT only), PD, Kd
b = BV('11-vrd-auto-then-allo-cpt-only-pd-kd-ongoing', '1975-01-30', 'male', 'Novak', 'Petr')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa, del(17p)', '2022-01-10')
noise(b, '2022-01-24', '2026-10-20')
vrd_stmt(b, '2022-01-24', '2022-05-30', 'l1')
b.admin('asct-mel', 'melphalan 200 mg/m2 IV', '2022-07-24', MEL)
b.proc('asct', ASCT_CPT, 'HPC transplant', '2022-07-25')
b.proc('allo', ALLO_CPT, 'HPC transplant', '2022-11-14')
b.status('pd-1', '2025-02-03')
kd(b, '2025-02-17', '2026-10-20')
b.status('sd', '2026-09-28', worse=False, text='Stable disease')
tail(b)
out(b, '''
Petr Novak, 51. High-risk myeloma (del 17p) 2022. VRd, melphalan 200 and auto-HPC transplant (CPT 38241) 2022-07-25,
then an allogeneic HPC transplant (CPT 38240) 2022-11-14 (tandem auto-allo). PD 2025-02-03. Kd from 2025-02-17,
ongoing, stable disease 2026-09-28.
A haematologist: 1 prior line (VRd + auto + allo tandem), Kd is the 2nd line under way; relapsed; the second transplant
is allogeneic and must be named so (not "ASCT"). Lenalidomide and bortezomib exposed, not refractory. Options if Kd
fails: D-Kd/Isa-Kd are a change now only with a reason (Kd running, stable).
''')

# ---------------------------------------------------------------- 12 remission coded C90.01, maintenance stopped for intolerance
b = BV('12-vrd-asct-maintenance-stopped-c90-01-in-remission', '1964-08-19', 'female', 'Rossi', 'Chiara')
b.cond('mm', MM_ICD('C90.01', 'Multiple myeloma in remission'), 'Multiple myeloma in remission', '2021-05-03')
noise(b, '2021-05-17', '2026-10-20')
vrd_stmt(b, '2021-05-17', '2021-10-04', 'l1')
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2021-12-06')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2022-03-07', '2023-06-05', LEN, status='stopped',
       statusReason=[{'text': 'diarrhoea and fatigue'}])
b.admin('gcsf-neut', 'filgrastim 300 mcg SC (neutropenia)', '2023-05-22')
b.mprot('mp-1', '2026-03-02', 0.0); b.mprot('mp-2', '2026-09-07', 0.0)
tail(b)
out(b, '''
Chiara Rossi, 62. Myeloma 2021, coded C90.01 (in remission). VRd, ASCT 2021-12-06, lenalidomide maintenance stopped
2023-06-05 for diarrhoea and fatigue (statusReason); M-protein 0 in 2026. No progression, no new therapy.
A haematologist: 1 line completed, in remission, no relapse: previously treated is not relapsed. No relapsed-setting
regimen is due; lenalidomide exposed, not refractory (stopped for toxicity in remission).
''')

# ---------------------------------------------------------------- 13 deceased (month-only date)
b = BV('13-deceased-2025-02-partial-date-was-on-kd', '1952-10-10', 'male', 'Dubois', 'Marcel', deceasedDateTime='2025-02')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-03-01')
vrd_stmt(b, '2021-03-15', '2021-08-02', 'l1')
b.status('pd-1', '2023-06-05')
kd(b, '2023-06-19', '2024-12-20')
tail(b)
out(b, '''
Marcel Dubois, died February 2025 (Patient.deceasedDateTime "2025-02"). Myeloma 2021, VRd, PD 2023, Kd to 2024-12.
A haematologist: the patient is dead; no assessment at 2026-11-01 (refuse). Replayed at 2024-06-01 (before death) the
record is assessable: 1 prior line, Kd under way. At 2025-02-10 the day of death within February is unknown: refuse or
say it cannot tell, never assess as alive without saying so.
''')

# ---------------------------------------------------------------- 14 replay: events across 2022-2026
b = BV('14-replay-dvmp-then-pd-then-isa-kd-allergy-later', '1948-03-03', 'female', 'Larsen', 'Ingrid')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA kappa', '2022-03-07')
noise(b, '2022-03-21', '2026-10-20')
dara_sc(b, 'l1-dara', '2022-03-21', '2024-11-04')
cycles(b, 'l1-btz', 'bortezomib 1.3 mg/m2 SC (D-VMP)', BTZ, '2022-03-21', (0, 7, 21, 28), 9, 42)
for k in range(9):
    d = days('2022-03-21', 42 * k)
    b.stmt('l1-mel-%d' % k, 'melphalan 9 mg/m2 PO days 1-4', d, days(d, 3), MEL)
    b.stmt('l1-pred-%d' % k, 'prednisone 60 mg/m2 PO days 1-4', d, days(d, 3), PRED)
b.status('vgpr', '2023-06-05', worse=False)
b.status('pd-1', '2024-11-18')
b.cond('c9002', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2024-11-18')
for d in ('2024-12-02', '2025-01-06', '2025-02-03', '2025-03-03', '2025-04-07', '2025-05-05', '2025-06-02'):
    b.admin('l2-isa-' + d, 'isatuximab-irfc 10 mg/kg IV', d, ISA)
kd(b, '2024-12-02', '2026-10-20', 'l2kd')
b.add({'resourceType': 'AllergyIntolerance', 'id': 'cfz-allergy', 'clinicalStatus': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', 'code': 'active'}]},
       'code': {'coding': [{'system': RX, 'code': CFZ[0], 'display': 'carfilzomib'}], 'text': 'carfilzomib'},
       'patient': b.subj(), 'recordedDate': '2025-09-01', 'onsetDateTime': '2025-08-25',
       'reaction': [{'description': 'infusion reaction grade 2', 'severity': 'moderate'}]})
b.status('pr', '2026-06-01', worse=False, text='Partial response (IMWG)')
tail(b)
out(b, '''
Ingrid Larsen, 78. IgA-kappa myeloma March 2022, transplant-ineligible. D-VMP (daratumumab SC to 2024-11-04, VMP x9), PD
2024-11-18 on daratumumab (coded C90.02 from that day). Isa-Kd from 2024-12-02 (isatuximab to 2025-06, carfilzomib
ongoing); a carfilzomib infusion reaction recorded 2025-09-01; PR 2026-06-01.
Replays: at 2024-06-01 she is in her first line (D-VMP under way, 0 prior lines, nothing relapsed); at 2024-11-25 (after the
PD, before Isa-Kd) 1 prior line, daratumumab refractory, no Isa-Kd, no carfilzomib allergy yet; at 2026-11-01 1 prior
line with Isa-Kd the 2nd line under way, anti-CD38 refractory (daratumumab), carfilzomib reaction on record.
''')

# ---------------------------------------------------------------- 14b an infusion reaction charted as an allergy, carfilzomib continued and stopped in response (14c: no allergy)
def isa_kd_stopped_in_pr(name, allergy, story):
    b = BV(name, '1948-03-03', 'female', 'Larsen', 'Ingrid')
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgA kappa', '2022-03-07')
    noise(b, '2022-03-21', '2026-10-20')
    dara_sc(b, 'l1-dara', '2022-03-21', '2024-11-04')
    cycles(b, 'l1-btz', 'bortezomib 1.3 mg/m2 SC (D-VMP)', BTZ, '2022-03-21', (0, 7, 21, 28), 9, 42)
    for k in range(9):
        d = days('2022-03-21', 42 * k)
        b.stmt('l1-mel-%d' % k, 'melphalan 9 mg/m2 PO days 1-4', d, days(d, 3), MEL)
        b.stmt('l1-pred-%d' % k, 'prednisone 60 mg/m2 PO days 1-4', d, days(d, 3), PRED)
    b.status('vgpr', '2023-06-05', worse=False)
    b.status('pd-1', '2024-11-18')
    for d in ('2024-12-02', '2025-01-06', '2025-02-03', '2025-03-03', '2025-04-07', '2025-05-05', '2025-06-02'):
        b.admin('l2-isa-' + d, 'isatuximab-irfc 10 mg/kg IV', d, ISA)
    kd(b, '2024-12-02', '2025-12-20', 'l2kd')
    if allergy: b.add({'resourceType': 'AllergyIntolerance', 'id': 'cfz-allergy', 'clinicalStatus': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', 'code': 'active'}]},
           'code': {'coding': [{'system': RX, 'code': CFZ[0], 'display': 'carfilzomib'}], 'text': 'carfilzomib'},
           'patient': b.subj(), 'recordedDate': '2025-09-01', 'onsetDateTime': '2025-08-25',
           'reaction': [{'description': 'infusion reaction grade 2', 'severity': 'moderate'}]})
    b.status('pr', '2025-12-15', worse=False, text='Partial response (IMWG)')
    b.status('pd-2', '2026-09-14')
    tail(b)
    out(b, story)


isa_kd_stopped_in_pr('14b-dvmp-pd-isa-kd-cfz-reaction-continued-stopped-in-pr-then-pd', True, '''
Variant of s21b-14 (Ingrid Larsen, 78): D-VMP, PD 2024-11-18 on daratumumab; Isa-Kd from 2024-12-02 (isatuximab to
2025-06). A grade-2 infusion reaction to carfilzomib is charted as an AllergyIntolerance (recorded 2025-09-01); carfilzomib
went on for 4 more months (administrations to 2025-12) and stopped in PR (PR 2025-12-15, no reason recorded); PD 2026-09-14,
nine months after the last carfilzomib; nothing since.
A haematologist: 2 prior lines; daratumumab refractory (line 1), isatuximab and carfilzomib not refractory (PD 9 months
after both), bortezomib not refractory. Carfilzomib was NOT stopped for toxicity: it was continued after the reaction.
Nothing in the record says why it stopped. D-Kd/Isa-Kd (carfilzomib re-treatment after a 9-month carfilzomib-free
interval) are on label (2 lines) with the anti-CD38-refractory caution.
''')
isa_kd_stopped_in_pr('14c-dvmp-pd-isa-kd-stopped-in-pr-then-pd-no-reaction', False, '''
Near miss of s21b-14b: the same record without the carfilzomib infusion-reaction AllergyIntolerance.
A haematologist: as for s21b-14b: 2 prior lines, daratumumab refractory, carfilzomib not refractory, 9 months
carfilzomib-free; D-Kd inside the CANDOR population as the record stands, with the anti-CD38-refractory caution.
''')
