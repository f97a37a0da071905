# Sweep Q, part 2 (acceptance of issue 10, the treatment timeline, as a new user meets it): ordinary but messy
# community-haematology histories, each combining several features: a mix of MedicationStatements, MedicationRequests
# with dispenseRequest and sparse MedicationAdministrations; D-VRd first line then lenalidomide to progression; a
# clinical-trial drug; a move between hospitals (transplant only as a SNOMED Procedure); C90.01/C90.02 over time; eGFR
# with comparators; M-protein rises meeting and missing IMWG; partial dates; dexamethasone alone between lines;
# progression on an anti-CD38 regimen; remission on maintenance; an elderly NDMM patient; deceased at a partial date.
# Run from the project root; writes qa-bundles/s19v-*.json with a story s19v-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BV(B):
    PREFIX = 's19v-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-05T23:30:00Z'; return bd


def out(b, story): save(b.bundle(), story)


def weekly(b, pre, text, code, start, end, every=7, **kw):
    d = start
    while d <= end:
        b.admin('%s-%s' % (pre, d), text, d, code, **kw); d = days(d, every)


def kd_sparse(b, start, last, pre='kd'):
    """Carfilzomib charted only on day 1 of each 28-day cycle (a sparse export); dexamethasone as one statement."""
    d = start
    while d <= last:
        b.admin(pre + '-cfz-' + d, 'carfilzomib 56 mg/m2 IV (Kd)', d, CFZ); d = days(d, 28)
    b.stmt(pre + '-dex', 'dexamethasone 20 mg PO days 1,2,8,9,15,16 (Kd)', start, days(last, 16), DEX)


def pom_requests(b, start, n, pre='pom'):
    """Pomalidomide ordered each cycle: MedicationRequest with dispenseRequest (21-day supply, 28-day cycle)."""
    for k in range(n):
        d = days(start, 28 * k)
        b.req('%s-%d' % (pre, k + 1), 'pomalidomide 4 mg capsule, days 1-21 of 28', d, POM,
              dispenseRequest={'validityPeriod': {'start': d, 'end': days(d, 27)}, 'numberOfRepeatsAllowed': 0,
                               'quantity': {'value': 21, 'unit': 'capsule'},
                               'expectedSupplyDuration': {'value': 21, 'unit': 'days', 'system': UCUM, 'code': 'd'}})
    b.stmt(pre + '-dex', 'dexamethasone 40 mg PO weekly (Pd)', start, days(start, 28 * n - 1), DEX)


def asct(b, day, pre='asct'):
    b.admin(pre + '-mel', 'melphalan 200 mg/m2 IV (conditioning)', days(day, -1), MEL)
    b.proc(pre, ASCT, 'Autologous peripheral blood stem cell transplant', day)


def r_requests(b, start, n, pre='rm', status='completed'):
    """Lenalidomide maintenance ordered monthly: MedicationRequest, dispenseRequest 28 days, 0 repeats."""
    for k in range(n):
        d = days(start, 28 * k)
        b.req('%s-%d' % (pre, k + 1), 'lenalidomide 10 mg capsule daily (maintenance)', d, LEN, status=status,
              dispenseRequest={'numberOfRepeatsAllowed': 0, 'quantity': {'value': 28, 'unit': 'capsule'},
                               'expectedSupplyDuration': {'value': 28, 'unit': 'days', 'system': UCUM, 'code': 'd'}})


def egfr_c(b, day, v, comp):
    r = b.egfr(day, v); r['valueQuantity']['comparator'] = comp; return r


def std_tail(b, egfr=72): b.egfr('2026-10-20', egfr); LVEF(b, '2026-10-15')


DARA_SC = ('1721947', 'daratumumab')
SELI = None

# ---------------------------------------------------------------- 01 three lines, three encodings
b = BV('01-three-lines-statements-requests-sparse-admins', '1952-04-11', 'female', 'Nowak', 'Irena')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2018-09-14')
vrd_stmt(b, '2018-10-01', '2019-02-10')
asct(b, '2019-03-20')
r_requests(b, '2019-05-20', 36)
b.status('pd-1', '2022-03-28')
kd_sparse(b, '2022-04-11', '2024-01-15')
b.status('pd-2', '2024-02-20')
pom_requests(b, '2024-03-04', 33)
b.status('pd-3', '2026-09-14')
egfr_c(b, '2026-10-20', 60, '>'); LVEF(b, '2026-10-15')
out(b, '''
Irena Nowak, 74. IgG-kappa myeloma 2018. L1 VRd (three MedicationStatements 2018-10-01 to 2019-02-10), melphalan 200,
ASCT 2019-03-20, lenalidomide 10 mg maintenance ordered every 28 days (36 MedicationRequests with dispenseRequest, last
ordered 2022-02-07, supply to 2022-03-06); PD 2022-03-28 (Observation). L2 Kd, carfilzomib charted only on day 1 of each
cycle (2022-04-11 to 2024-01-15), dexamethasone one statement; PD 2024-02-20. L3 Pd: pomalidomide ordered each cycle
(33 requests, 21-day supply) from 2024-03-04, last ordered 2026-08-17, dexamethasone statement; PD 2026-09-14. eGFR ">60".
A haematologist: 3 prior lines; refractory to lenalidomide (PD 22 days after the last supply), carfilzomib (PD 36 days
after the last charted dose, on therapy), pomalidomide (PD on therapy); bortezomib exposed, not refractory; anti-CD38
naive; triple-class? no (anti-CD38 naive). Renal normal or mild. US: D-Kd/Isa-Kd within 1-3 lines but carfilzomib-
refractory (partner refractory); D-Pd/Isa-Pd pomalidomide-refractory; D-Vd (bortezomib not refractory) is the natural
anti-CD38 choice; D-mono (>=3 lines incl. PI and IMiD) on label.
''')

# ---------------------------------------------------------------- 02 D-VRd first line, lenalidomide to progression
def dvrd_line(b, start='2020-02-03', pre='d'):
    # D-VRd x4 induction, ASCT, D-VRd x2 consolidation (PERSEUS shape); daratumumab SC charted as administrations
    for k in range(4):
        c = days(start, 28 * k)
        for dd in ((0, 7, 14, 21) if k < 2 else (0, 14)):
            b.admin('%s-dara-%s' % (pre, days(c, dd)), 'daratumumab and hyaluronidase-fihj 1800 mg SC', days(c, dd), DARA_SC)
    b.stmt(pre + '-btz', 'bortezomib 1.3 mg/m2 SC days 1,4,8,11', start, days(start, 28 * 4 - 14), BTZ)
    b.stmt(pre + '-len', 'lenalidomide 25 mg capsule days 1-21', start, days(start, 28 * 4 - 7), LEN)
    b.stmt(pre + '-dex', 'dexamethasone 40 mg weekly', start, days(start, 28 * 4 - 7), DEX)
    a = days(start, 28 * 4 + 60); asct(b, a)
    c0 = days(a, 75)
    for k in range(2):
        for dd in (0, 14):
            b.admin('%s-dara-c-%s' % (pre, days(c0, 28 * k + dd)), 'daratumumab and hyaluronidase-fihj 1800 mg SC',
                    days(c0, 28 * k + dd), DARA_SC)
    b.stmt(pre + '-btz-c', 'bortezomib 1.3 mg/m2 SC (consolidation)', c0, days(c0, 42), BTZ)
    b.stmt(pre + '-len-c', 'lenalidomide 25 mg (consolidation)', c0, days(c0, 48), LEN)
    b.stmt(pre + '-dex-c', 'dexamethasone 40 mg (consolidation)', c0, days(c0, 48), DEX)
    return days(c0, 56)


b = BV('02-dvrd-asct-then-lenalidomide-maintenance-to-progression', '1961-07-22', 'male', 'Brennan', 'Patrick')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-01-15')
m0 = dvrd_line(b)
b.stmt('r-maint', 'lenalidomide 10 mg daily (maintenance)', m0, '2026-08-25', LEN, status='stopped')
b.status('pd-1', '2026-09-02')
std_tail(b)
out(b, '''
Patrick Brennan, 65. Myeloma 2020-01. L1 D-VRd x4 (daratumumab SC charted as administrations), ASCT 2020-07-24,
D-VRd x2 consolidation (last daratumumab 2020-11-27), then lenalidomide 10 mg maintenance alone (statement, stopped
2026-08-25); PD 2026-09-02.
A haematologist: 1 prior line; lenalidomide-refractory; bortezomib exposed, not refractory; anti-CD38 EXPOSED (last dose
~6 years ago), not anti-CD38 refractory (progression long after the last daratumumab), washout >= 180 days. US D-Kd,
Isa-Kd on label (1-3 lines); D-Pd Faspro >=1 line incl. len and PI; prior-anti-CD38 caveats (POLLUX/IKEMA-type
exclusions) rather than refractoriness. D-Rd partner-refractory.
''')

b = BV('02b-dvrd-asct-then-dr-maintenance-progression-on-daratumumab', '1961-08-02', 'male', 'Brennan', 'Sean')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-01-15')
m0 = dvrd_line(b)
b.stmt('r-maint', 'lenalidomide 10 mg daily (maintenance)', m0, None, LEN, status='active')
weekly(b, 'dara-m', 'daratumumab and hyaluronidase-fihj 1800 mg SC every 8 weeks (maintenance)', DARA_SC, m0, '2026-08-20', 56)
b.status('pd-1', '2026-09-02')
std_tail(b)
out(b, '''
Sean Brennan, 65. As 02 but PERSEUS-style D-R maintenance: daratumumab SC every 8 weeks (administrations, last
2026-08-xx) and lenalidomide (active statement, no end) to PD 2026-09-02.
A haematologist: 1 prior line; lenalidomide- AND daratumumab-refractory (PD on therapy), washout short (< 90 days);
anti-CD38 regimens are not a good choice (no evidence after anti-CD38-refractory disease; IKEMA/ICARIA excluded it);
any anti-CD38 option must be flagged refractory + short washout, not ranked as a clean option.
''')

# ---------------------------------------------------------------- 03 clinical trial
b = BV('03-trial-investigational-drug-in-line2', '1958-01-30', 'female', 'Lindqvist', 'Maja')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-05-02')
vrd_stmt(b, '2019-05-20', '2019-10-01')
asct(b, '2019-11-20')
b.stmt('r-maint', 'lenalidomide 10 mg daily (maintenance)', '2020-01-15', '2023-04-30', LEN, status='completed')
b.status('pd-1', '2023-05-10')
weekly(b, 'trial', 'Investigational product XYZ-4471 (study NCT0xxxxxx) 10 mg IV', None, '2023-05-24', '2026-07-29', 14)
b.stmt('trial-dex', 'dexamethasone 20 mg weekly (study regimen)', '2023-05-24', '2026-07-29', DEX)
b.status('pd-2', '2026-08-26')
std_tail(b)
out(b, '''
Maja Lindqvist, 68. VRd-ASCT-R, PD 2023-05-10 at the end of lenalidomide. L2 on a clinical trial: "Investigational
product XYZ-4471" IV every 2 weeks (uncoded) with dexamethasone 2023-05-24 to 2026-07-29; PD 2026-08-26.
A haematologist: 2 prior lines; lenalidomide-refractory; the study drug is unknown (could be an anti-CD38 antibody,
a bispecific, a CELMoD): anti-CD38 exposure and refractoriness cannot be settled; the engine must name the drug as a
gap and keep anti-CD38-dependent decisions UNKNOWN, not "anti-CD38 naive".
''')

# ---------------------------------------------------------------- 04 moved hospitals, gap in records, C90.02 at new site
b = BV('04-moved-hospitals-gap-asct-snomed-only-then-kd', '1955-11-05', 'male', 'Castillo', 'Ramon')
b.cond('mm-a', MM_SCT, 'Multiple myeloma', '2018-03-12')
vrd_stmt(b, '2018-04-02', '2018-08-20', 'a-vrd')
b.proc('asct-a', [{'system': SCT, 'code': '709115004', 'display': 'Transplantation of autologous hematopoietic stem cell'}],
       'Autologous stem cell transplant (outside hospital)', '2018-10-15')
b.cond('mm-b', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2024-02-20',
       recordedDate='2024-02-20')
kd_sparse(b, '2024-03-04', '2025-10-06', 'b-kd')
b.status('pd-b', '2025-11-18')
std_tail(b, 55)
out(b, '''
Ramon Castillo, 71. Hospital A: myeloma 2018 (SNOMED), VRd 2018-04 to 2018-08 (statements), ASCT 2018-10-15 recorded
only as a Procedure (no melphalan record). Then nothing 2018-10 to 2024-02 (cared for elsewhere). Hospital B: Condition
C90.02 "in relapse" 2024-02-20; Kd 2024-03-04 on: carfilzomib charted only on day 1 of each 28-day cycle (last
charted 2025-09-15), dexamethasone "days 1,2,8,9,15,16 (Kd)" as one statement to 2025-10-22; PD 2025-11-18 (64 days
after the last charted carfilzomib, 27 days after the line's last dose); no therapy since (as of 2026-11-01).
A haematologist: at least 2 prior lines (VRd-ASCT, Kd); whatever happened 2018-2024 (maintenance? another line?) is
unknown: lenalidomide and bortezomib refractoriness unknown. Carfilzomib: the 2025-09-15 cycle gave it to day 15/16 at
least (49-50 days before the PD) and the dexamethasone shows a cycle in October: carfilzomib-refractory, at least
undecided, never "not refractory"; D-Kd partner-refractory; D-Pd/Isa-Pd the natural choices.
''')

b = BV('04b-kd-day1-charting-progression-56-days-after-last-charted-dose', '1955-11-15', 'male', 'Castillo', 'Diego')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2018-03-12')
vrd_stmt(b, '2018-04-02', '2018-08-20', 'a-vrd')
asct(b, '2018-10-15')
b.stmt('r-maint', 'lenalidomide 10 mg daily (maintenance)', '2018-12-10', '2024-02-05', LEN, status='stopped')
b.status('pd-a', '2024-02-20')
kd_sparse(b, '2024-03-04', '2025-10-06', 'b-kd')
b.status('pd-b', '2025-11-10')
std_tail(b, 55)
out(b, """
Diego Castillo, 71. Near miss of 04 with no gap: VRd-ASCT-R to 2024-02-05, PD 2024-02-20; the same Kd charting
(carfilzomib day 1 of each 28-day cycle, last charted 2025-09-15, dexamethasone statement to 2025-10-22); PD 2025-11-10,
56 days after the last charted carfilzomib.
A haematologist: 2 prior lines, lenalidomide- and carfilzomib-refractory (PD within 60 days of the last charted dose
and of the line's last dose).
""")

# ---------------------------------------------------------------- 05 C90.01 then C90.02, no status observation
b = BV('05-c9001-remission-then-c9002-relapse-on-maintenance', '1957-06-18', 'female', 'Okonkwo', 'Ada')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-08-01', recordedDate='2019-08-01', clin='inactive')
vrd_stmt(b, '2019-08-19', '2020-01-06')
asct(b, '2020-03-02')
b.cond('mm-rem', MM_ICD('C90.01', 'Multiple myeloma in remission'), 'Multiple myeloma in remission', '2020-06-10',
       recordedDate='2020-06-10', clin='inactive')
b.req('r-maint', 'lenalidomide 10 mg capsule daily', '2020-05-04', LEN, status='active',
      dispenseRequest={'validityPeriod': {'start': '2020-05-04', 'end': '2027-05-03'}, 'numberOfRepeatsAllowed': 11,
                       'expectedSupplyDuration': {'value': 28, 'unit': 'days', 'system': UCUM, 'code': 'd'}})
b.cond('mm-rel', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2026-08-17',
       recordedDate='2026-08-17')
std_tail(b)
out(b, '''
Ada Okonkwo, 69. Myeloma 2019 (C90.00, later inactive); VRd, ASCT 2020-03-02; C90.01 "in remission" 2020-06-10;
lenalidomide maintenance as ONE active MedicationRequest authored 2020-05-04 (11 repeats of 28 days, validity to 2027);
C90.02 "in relapse" recorded 2026-08-17; no disease-status Observation, no administration record.
A haematologist: relapse documented by the C90.02 coding (2026-08); 1 prior line; whether lenalidomide was still taken
at relapse is not known from a 2020 order with 11 repeats (supply would end ~2021-04): lenalidomide refractoriness
UNKNOWN with a gap, not "refractory" and not "not refractory". Options: D-Kd/Isa-Kd on label.
''')

# ---------------------------------------------------------------- 06 eGFR "<15", haemodialysis absent
b = BV('06-rrmm-one-line-egfr-below-15-comparator', '1950-02-14', 'male', 'Fischer', 'Jonas')
b.cond('mm', MM_ICD(), 'Multiple myeloma, light chain kappa', '2021-01-10')
cycles(b, 'vcd-btz', 'bortezomib 1.3 mg/m2 SC', BTZ, '2021-01-18', (0, 7, 14, 21), 6, 28)
cycles(b, 'vcd-cy', 'cyclophosphamide 300 mg/m2 PO weekly', CY, '2021-01-18', (0, 7, 14, 21), 6, 28)
cycles(b, 'vcd-dex', 'dexamethasone 40 mg PO weekly', DEX, '2021-01-18', (0, 7, 14, 21), 6, 28)
b.status('vgpr', '2021-07-20', worse=False)
b.status('pd-1', '2026-08-03')
egfr_c(b, '2026-10-20', 15, '<'); LVEF(b, '2026-10-15')
out(b, '''
Jonas Fischer, 76, light-chain myeloma with cast nephropathy. L1 VCd x6 (administrations) 2021-01-18 to 2021-06-21,
VGPR, off therapy; PD 2026-08-03 (more than 5 years after). eGFR "<15" (valueQuantity comparator) 2026-10-20.
A haematologist: 1 prior line, not refractory to anything (PD 5 years after last dose), anti-CD38 naive; eGFR below 15:
severe impairment / kidney failure; trials (CANDOR CrCl>=20, IKEMA eGFR>=15, APOLLO CrCl>=30) exclude him; Kd
carfilzomib and pomalidomide caveats; D-Vd (CASTOR CrCl>=20) also outside; a severe-renal caution on every regimen.
''')

# ---------------------------------------------------------------- 07 M-protein rises (labs only), IMWG met / not met
def mp_story(name, given, vals):
    b = BV(name, '1959-03-09', 'male', 'Dubois', given)
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgG lambda', '2019-02-11')
    vrd_stmt(b, '2019-03-01', '2019-07-15')
    asct(b, '2019-09-10')
    b.stmt('r-maint', 'lenalidomide 10 mg daily (maintenance)', '2019-11-04', None, LEN, status='active')
    b.status('vgpr', '2020-01-15', worse=False)
    for d, v in vals: b.mprot('mp-' + d, d, v)
    std_tail(b); return b


out(mp_story('07-mprotein-rise-meets-imwg-on-lenalidomide-maintenance', 'Luc',
             [('2024-06-10', 0.3), ('2025-06-09', 0.3), ('2026-06-08', 0.8), ('2026-08-10', 0.9)]), '''
Luc Dubois, 67. VRd-ASCT 2019, lenalidomide maintenance ongoing (active statement). VGPR 2020. Serum M-protein 0.3 g/dL
(nadir, 2024 and 2025), then 0.8 (2026-06-08) and 0.9 (2026-08-10): rises of 0.5 and 0.6 g/dL (>=25 %) from the nadir
on two consecutive samples. No disease-status observation.
A haematologist: IMWG PD (confirmed biochemical progression) by 2026-08-10 on lenalidomide maintenance; 1 prior line;
lenalidomide-refractory; anti-CD38 naive; D-Kd/Isa-Kd on label.
''')
out(mp_story('07b-mprotein-small-rise-not-imwg-remission-on-maintenance', 'Marc',
             [('2024-06-10', 0.3), ('2025-06-09', 0.3), ('2026-06-08', 0.5), ('2026-08-10', 0.6)]), '''
Marc Dubois, 67. As 07, M-protein 0.3 (nadir) then 0.5, 0.6 g/dL: a rise of 0.3 g/dL, below the IMWG 0.5 g/dL.
A haematologist: no progression documented; patient on lenalidomide maintenance, line 1 under way; RRMM regimens are
not options now (relapse not documented); no line-2 ranking.
''')

# ---------------------------------------------------------------- 08 partial dates on the key start/end
b = BV('08-partial-dates-kd-end-month-progression-two-months-later', '1956-05-05', 'female', 'Moreau', 'Claire')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01')
b.stmt('vrd-btz', 'bortezomib (VRd)', '2019-02', '2019-06', BTZ)
b.stmt('vrd-len', 'lenalidomide (VRd)', '2019-02', '2019-06', LEN)
b.stmt('vrd-dex', 'dexamethasone (VRd)', '2019-02', '2019-06', DEX)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-08')
b.stmt('r-maint', 'lenalidomide 10 mg (maintenance)', '2019-10', '2023-11', LEN)
b.status('pd-1', '2023-12')
b.stmt('kd-cfz', 'carfilzomib (Kd)', '2024-01', '2026-06', CFZ)
b.stmt('kd-dex', 'dexamethasone (Kd)', '2024-01', '2026-06', DEX)
b.status('pd-2', '2026-08-20')
std_tail(b)
out(b, '''
Claire Moreau, 70. A record transcribed from an outside summary with month-only dates: VRd 2019-02 to 2019-06, ASCT
2019-08, lenalidomide 2019-10 to 2023-11, PD 2023-12; Kd 2024-01 to 2026-06 (month), PD 2026-08-20 (full date).
A haematologist: 2 prior lines; lenalidomide-refractory (PD in the month after its last month: within 60 days whatever
the days); carfilzomib: last dose 2026-06-01..30, PD 2026-08-20 = 51 to 80 days: refractoriness UNKNOWN with a gap
naming the month-only end, never "not refractory". Anti-CD38 naive; D-Kd/Isa-Kd on label (2 lines), partner
refractoriness undecided.
''')

# ---------------------------------------------------------------- 09 dexamethasone alone between lines
b = BV('09-dexamethasone-alone-bridging-between-lines', '1954-12-01', 'male', 'Rossi', 'Marco')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-04-10')
vrd_stmt(b, '2019-04-29', '2019-09-16')
asct(b, '2019-11-05')
r_requests(b, '2020-01-06', 40)
b.status('pd-1', '2023-01-16')
weekly(b, 'dex-br', 'dexamethasone 40 mg PO weekly', DEX, '2023-01-20', '2023-03-03')
kd_sparse(b, '2023-03-13', '2026-07-27')
b.status('pd-2', '2026-08-24')
std_tail(b)
out(b, '''
Marco Rossi, 71. VRd-ASCT-R (lenalidomide by monthly requests to ~2023-01-01), PD 2023-01-16; dexamethasone 40 mg
weekly alone 2023-01-20 to 2023-03-03 (7 doses, awaiting carfilzomib approval); Kd 2023-03-13 to 2026-07 (day-1 doses),
PD 2026-08-24.
A haematologist: 2 prior lines (VRd-ASCT-R; Kd), dexamethasone bridging is not a line (a steroid alone; by the
strict IMWG wording a single agent could be, so a range 2-3 is acceptable, a confident 3 is not). Lenalidomide-
refractory, carfilzomib-refractory; anti-CD38 naive; D-Pd/Isa-Pd (>=2 lines incl. len and PI) on label; D-Kd/Isa-Kd
partner refractory.
''')

# ---------------------------------------------------------------- 10 progression on daratumumab-pomalidomide
b = BV('10-progression-on-dpd-anti-cd38-refractory-short-washout', '1953-09-27', 'female', 'Svensson', 'Ingrid')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2018-06-01')
vrd_stmt(b, '2018-06-18', '2018-11-05')
asct(b, '2019-01-08')
b.stmt('r-maint', 'lenalidomide 10 mg daily (maintenance)', '2019-03-04', '2024-10-20', LEN, status='stopped')
b.status('pd-1', '2024-11-04')
d0 = '2024-11-18'
for dd in [0, 7, 14, 21, 28, 35, 42, 49] + [56 + 14 * k for k in range(8)] + [168 + 28 * k for k in range(22)]:
    d = days(d0, dd)
    if d <= '2026-09-20': b.admin('dpd-dara-' + d, 'daratumumab 16 mg/kg IV', d, DARA)
pom_requests(b, d0, 22, 'dpd-pom')
b.status('pd-2', '2026-09-28')
std_tail(b)
out(b, '''
Ingrid Svensson, 73. VRd-ASCT-R, PD 2024-11-04 on lenalidomide. L2 D-Pd: daratumumab IV administrations (weekly, then
q2w, then q4w; last 2026-08-24) and pomalidomide by 22 requests (21-day supply; the last ordered 2026-06-29, validity to 2026-07-26, the
dexamethasone statement ending the same day; nothing says pomalidomide was stopped); PD 2026-09-28, 35 days after the last daratumumab.
A haematologist: 2 prior lines; refractory to lenalidomide and daratumumab; pomalidomide: the line progressed within
60 days of its last dose, the drug's own last supply ended ~2026-07-19 (71 days): refractory by the line reading of
issue 10 bullet 2, not by the drug's own last dose; at least undecided; bortezomib exposed; anti-CD38
washout < 90 days (short band). Isatuximab regimens and D-Kd have no good evidence here (anti-CD38 refractory,
trials excluded it); the tool must flag it and not present them as clean on-label choices; Isa-Pd also pomalidomide-
refractory.
''')

# ---------------------------------------------------------------- 11 remission on maintenance
b = BV('11-remission-on-lenalidomide-maintenance-requests-no-progression', '1962-10-10', 'female', 'Kowalski', 'Anna')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-03-01')
vrd_stmt(b, '2021-03-15', '2021-08-02')
asct(b, '2021-10-05')
r_requests(b, '2021-12-06', 63)
b.status('cr', '2022-06-01', worse=False, text='Complete response (IMWG)')
b.status('vgpr-2', '2026-07-15', worse=False, text='Stringent complete response, MRD negative')
b.mprot('mp-2026', '2026-07-10', 0.0)
std_tail(b)
out(b, '''
Anna Kowalski, 64. VRd-ASCT 2021, lenalidomide maintenance ordered every 28 days (63 requests to 2026-10), CR 2022,
sCR MRD-negative 2026-07-15. No progression.
A haematologist: in remission on maintenance (line 1 under way); no RRMM regimen is indicated now; the tool should
say relapse is not documented, not rank D-Kd/Isa-Kd.
''')

# ---------------------------------------------------------------- 12 elderly NDMM, diagnosis and labs only
b = BV('12-elderly-ndmm-diagnosis-and-labs-only', '1942-03-03', 'male', 'Tanaka', 'Hiro')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA kappa', '2026-10-05')
b.mprot('mp-dx', '2026-10-01', 2.8)
b.lab('hb', '718-7', 'Hemoglobin [Mass/volume] in Blood', '2026-10-01', 9.4, 'g/dL', 'g/dL')
b.lab('ca', '17861-6', 'Calcium [Mass/volume] in Serum or Plasma', '2026-10-01', 10.1, 'mg/dL', 'mg/dL')
b.egfr('2026-10-20', 41); LVEF(b, '2026-10-15')
out(b, '''
Hiro Tanaka, 84. IgA-kappa myeloma diagnosed 2026-10-05; M-protein 2.8 g/dL, Hb 9.4, calcium 10.1, eGFR 41. No therapy.
A haematologist: NDMM, transplant-ineligible by age (84); D-Rd (MAIA), Isa-VRd (IMROZ, age cap 80 in the trial), D-VRd
Faspro (CEPHEUS, TI), D-VMP; at 84, D-Rd is the usual choice; IMROZ excluded >80. No lines, no refractoriness.
''')

# ---------------------------------------------------------------- 13 deceased at partial dates
for nm, dec, giv in (('13-deceased-month-only-before-asof', '2026-09', 'Olga'),
                     ('13b-deceased-month-only-same-month-as-asof', '2026-11', 'Vera')):
    b = BV(nm, '1949-01-01', 'female', 'Petrova', giv, deceasedDateTime=dec)
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-01-10')
    vrd_stmt(b, '2020-01-20', '2020-06-01')
    b.stmt('r', 'lenalidomide 10 mg', '2020-06-15', '2026-05-31', LEN)
    b.status('pd-1', '2026-06-10')
    std_tail(b)
    out(b, '''
%s Petrova, 77. VRd then lenalidomide to 2026-05; PD 2026-06-10; Patient.deceasedDateTime "%s" (month only).
A haematologist: %s
''' % (giv, dec, 'she died in September 2026, before the evaluation date: refused, never assessed.' if dec < '2026-11'
       else 'she died some day in November 2026: on 1 Nov she may be alive or dead; the tool must not assess her as if '
            'alive without a word (refusal or an explicit warning).'))

# ---------------------------------------------------------------- 14 four lines incl. selinexor; US D-Kd off label
b = BV('14-four-lines-drd-kpd-svd-progression-on-selinexor', '1951-05-19', 'male', 'Horvath', 'Laszlo')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2017-02-01')
b.stmt('l1-btz', 'bortezomib (VCd)', '2017-02-13', '2017-07-10', BTZ)
b.stmt('l1-cy', 'cyclophosphamide (VCd)', '2017-02-13', '2017-07-10', CY)
b.stmt('l1-dex', 'dexamethasone (VCd)', '2017-02-13', '2017-07-10', DEX)
asct(b, '2017-09-12')
b.status('pd-1', '2019-05-06')
b.stmt('l2-len', 'lenalidomide 25 mg days 1-21', '2019-05-20', '2021-12-06', LEN)
b.stmt('l2-dex', 'dexamethasone 40 mg weekly', '2019-05-20', '2021-12-06', DEX)
b.status('pd-2', '2021-12-20')
kd_sparse(b, '2022-01-10', '2023-11-13', 'l3')
pom_requests(b, '2022-01-10', 24, 'l3-pom')
b.status('pd-3', '2023-12-11')
weekly(b, 'l4-sel', 'selinexor 100 mg PO weekly', None, '2024-01-08', '2026-08-31')
weekly(b, 'l4-btz', 'bortezomib 1.3 mg/m2 SC weekly', BTZ, '2024-01-08', '2026-08-31')
b.stmt('l4-dex', 'dexamethasone 20 mg twice weekly', '2024-01-08', '2026-08-31', DEX)
b.status('pd-4', '2026-09-21')
std_tail(b)
out(b, '''
Laszlo Horvath, 75. L1 VCd-ASCT (2017); PD 2019-05. L2 Rd 2019-05 to 2021-12, PD 2021-12-20. L3 KPd 2022-01 to 2023-11
(carfilzomib sparse administrations, pomalidomide by requests), PD 2023-12-11. L4 SVd (selinexor text only, weekly
bortezomib) 2024-01-08 to 2026-08-31, PD 2026-09-21. Anti-CD38 naive.
A haematologist: 4 prior lines; refractory to lenalidomide, carfilzomib, pomalidomide, selinexor and bortezomib (PD 21
days after last dose); anti-CD38 naive; US D-Kd/Isa-Kd (1-3 lines) OFF label; D-Pd/Isa-Pd on label but pomalidomide-
refractory; D-mono on label (>=3 lines incl. PI and IMiD); D-Vd on label (>=1) but bortezomib-refractory.
''')

# ---------------------------------------------------------------- 15 sparse daratumumab admins inside D-Vd that progressed
b = BV('15-dvd-sparse-dara-admins-progression-on-line', '1956-08-08', 'female', 'Nguyen', 'Lan')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-09-01')
vrd_stmt(b, '2019-09-16', '2020-02-03')
asct(b, '2020-04-07')
b.stmt('r-maint', 'lenalidomide 10 mg daily (maintenance)', '2020-06-01', '2025-04-14', LEN, status='stopped')
b.status('pd-1', '2025-04-28')
for d in ('2025-05-12', '2025-06-30', '2025-09-08', '2025-12-01', '2026-03-02', '2026-06-01'):
    b.admin('dvd-dara-' + d, 'daratumumab 16 mg/kg IV', d, DARA)
b.stmt('dvd-btz', 'bortezomib 1.3 mg/m2 SC (D-Vd, 8 cycles)', '2025-05-12', '2025-10-20', BTZ)
b.stmt('dvd-dex', 'dexamethasone 20 mg (D-Vd)', '2025-05-12', '2025-10-20', DEX)
b.status('pd-2', '2026-07-06')
std_tail(b)
out(b, '''
Lan Nguyen, 70. VRd-ASCT-R, PD 2025-04-28 on lenalidomide. L2 D-Vd: bortezomib and dexamethasone as statements for 8
cycles (2025-05-12 to 2025-10-20), daratumumab charted only six times (2025-05-12 to 2026-06-01, the export lost the
other infusions); PD 2026-07-06.
A haematologist: 2 prior lines; lenalidomide-refractory; daratumumab-refractory (PD 35 days after the last charted
infusion, on therapy), washout < 90 days; bortezomib exposed (last dose 2025-10-20, PD 259 days later: not refractory).
Anti-CD38 regimens flagged refractory/short washout.
''')

# ---------------------------------------------------------------- 16 replay bundle: PD after the replay date
b = BV('16-replay-later-progression-and-kd-after-2024-06', '1960-01-25', 'male', 'Olsen', 'Erik')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-05-03')
vrd_stmt(b, '2021-05-17', '2021-10-04')
asct(b, '2021-12-07')
b.stmt('r-maint', 'lenalidomide 10 mg daily (maintenance)', '2022-02-01', '2025-03-10', LEN, status='stopped')
b.status('vgpr', '2023-01-10', worse=False)
b.status('pd-1', '2025-03-24')
kd_sparse(b, '2025-04-07', '2026-08-31')
b.status('pd-2', '2026-09-28')
b.egfr('2024-05-20', 80); b.egfr('2026-10-20', 64); LVEF(b, '2026-10-15')
out(b, '''
Erik Olsen, 66. VRd-ASCT-R (lenalidomide 2022-02 to 2025-03-10), PD 2025-03-24; Kd 2025-04-07 to 2026-08, PD 2026-09-28.
A haematologist at 2026-11-01: 2 prior lines, lenalidomide- and carfilzomib-refractory; D-Pd/Isa-Pd on label.
Replayed at 2024-06-01: patient on lenalidomide maintenance, no progression yet: line 1 under way, no RRMM option,
nothing after 2024-06-01 (Kd, both PDs, the 2026 eGFR) read.
''')

# ---------------------------------------------------------------- 17 an active order with only authoredOn, years old
b = BV('17-lenalidomide-active-order-authoredon-only-from-2021-pd-2026', '1958-04-04', 'female', 'Haddad', 'Rana')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-06-01')
vrd_stmt(b, '2020-06-15', '2020-11-02')
asct(b, '2021-01-12')
b.req('r-order', 'lenalidomide 10 mg capsule daily', '2021-03-08', LEN, status='active')
b.status('vgpr', '2021-09-01', worse=False)
b.status('pd-1', '2026-09-01')
std_tail(b)
out(b, '''
Rana Haddad, 68. VRd, ASCT 2021-01-12; lenalidomide maintenance as ONE MedicationRequest, status active, authoredOn
2021-03-08, no dispenseRequest, no dosage bounds, no administration or dispense; VGPR 2021; PD 2026-09-01.
A haematologist: 1 prior line; whether lenalidomide was still taken in 2026 is not in the record (an order 5 years old):
lenalidomide refractoriness UNKNOWN with a gap, never "refractory" on an assumed ongoing order nor "not refractory" on a
one-day exposure. D-Kd/Isa-Kd on label (1 line); D-Rd's partner status undecided.
''')

# ---------------------------------------------------------------- 18 C90.02 while an ongoing lenalidomide statement runs
b = BV('18-c9002-relapse-coded-while-lenalidomide-statement-active', '1957-09-09', 'male', 'Berg', 'Nils')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-10-01', recordedDate='2019-10-01')
vrd_stmt(b, '2019-10-14', '2020-03-02')
asct(b, '2020-05-05')
b.stmt('r-maint', 'lenalidomide 10 mg daily (maintenance)', '2020-07-06', None, LEN, status='active',
       dateAsserted='2026-10-12')
b.cond('mm-rel', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2026-09-21',
       recordedDate='2026-09-21')
std_tail(b)
out(b, '''
Nils Berg, 69. VRd, ASCT 2020-05-05, lenalidomide maintenance as an active statement with no end, last asserted
2026-10-12; C90.02 "in relapse" recorded 2026-09-21; no disease-status Observation.
A haematologist: relapse documented by the coding (2026-09), on lenalidomide maintenance still asserted in October:
lenalidomide-refractory (any relapse date before 2026-09-21 lies within continuous therapy); 1 prior line; D-Kd/Isa-Kd
on label, D-Rd partner-refractory.
''')
