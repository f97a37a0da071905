# Sweep U, part 2 (acceptance of the s20 changes as a new user meets them): a first line past its transplant when the
# transplant is allogeneic, of unstated kind, autologous at 72, or followed by a progression and nothing since; a first
# line with induction and no transplant; APOLLO after 1 and 2 lines with lenalidomide's last dose month-only, with an
# unnamed oral trial agent (pomalidomide exposure unknown) and with lenalidomide exposure itself unknown; a blinded
# "daratumumab or placebo" course beside a certain course (hit), with a progression 40 days after the last blinded
# record (near miss) and with no certain course; a maintenance patient ordered month by month, replayed at three dates.
# Run from the project root; writes qa-bundles/s20c-*.json with a story s20c-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BC(B):
    PREFIX = 's20c-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-06T03:00:00Z'; return bd


def anti_cd38(b, pre, text, code, start, last):
    """Weekly x8, every 2 weeks x8, then every 4 weeks while on or before {last}."""
    d = start; k = 0
    while d <= last:
        b.admin('%s-%s' % (pre, d), text, d, code)
        d = days(d, 7 if k < 7 else 14 if k < 15 else 28); k += 1


def r_requests(b, start, n, pre='rm'):
    """Lenalidomide maintenance ordered every 28 days: MedicationRequest, 28-day supply, no repeats."""
    for k in range(n):
        d = days(start, 28 * k)
        b.req('%s-%d' % (pre, k + 1), 'lenalidomide 10 mg capsule daily (maintenance)', d, LEN,
              dispenseRequest={'numberOfRepeatsAllowed': 0, 'quantity': {'value': 28, 'unit': 'capsule'},
                               'expectedSupplyDuration': {'value': 28, 'unit': 'days', 'system': UCUM, 'code': 'd'}})


TAIL = lambda b, egfr=66: (b.egfr('2026-10-20', egfr), LVEF(b, '2026-10-15'))
MTX = ('6851', 'methotrexate'); TAC = ('42316', 'tacrolimus')

# ---------------------------------------------------------------- 01 72-year-old after ASCT on maintenance
b = BC('01-age-72-vrd-asct-lenalidomide-maintenance-no-progression', '1954-03-14', 'male', 'Haugen', 'Arne')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2025-01-06')
vrd_stmt(b, '2025-01-20', '2025-05-26')
gcsf(b, '2025-06-09', 5)
b.admin('asct-mel', 'melphalan 140 mg/m2 IV (conditioning, age-adjusted)', '2025-07-06', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2025-07-07')
b.status('vgpr', '2025-10-06', worse=False)
rmaint(b, '2025-10-13')
b.status('vgpr-2', '2026-09-28', worse=False)
TAIL(b)
out(b, '''
Arne Haugen, 72. IgG-kappa myeloma January 2025. VRd statements 2025-01-20 to 2025-05-26, G-CSF mobilisation, melphalan
140 mg/m2 (age-adjusted) and autologous transplant 2025-07-07 (SNOMED 709115004), VGPR; lenalidomide maintenance
(active statement) from 2025-10-13; VGPR again 2026-09-28. No progression. eGFR 66.
A haematologist: newly diagnosed myeloma still in its first line (induction, ASCT, maintenance): 0 prior lines, no
relapse, no refractoriness. He was transplant-eligible (he had the transplant, age 72 notwithstanding). Nothing new is
due: the NDMM induction regimens (D-VRd, Isa-VRd, D-Rd, D-VMP, D-VTd) are not applicable because induction is given;
no relapsed-setting option applies. The age must not make him "transplant-ineligible".
''')

# ---------------------------------------------------------------- 02 upfront allogeneic transplant, GVHD prophylaxis by code alone
b = BC('02-vrd-upfront-allo-sct-mtx-by-code-tacrolimus-no-progression', '1979-08-02', 'female', 'Costa', 'Beatriz')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA lambda, t(4;14), del(17p)', '2024-09-02')
vrd_stmt(b, '2024-09-16', '2025-01-20')
for d in ('2025-02-24', '2025-02-25', '2025-02-26', '2025-02-27'):
    b.admin('flu-' + d, 'fludarabine 30 mg/m2 IV (conditioning)', d, FLU)
b.admin('allo-mel', 'melphalan 140 mg/m2 IV (conditioning)', '2025-02-28', MEL)
b.proc('allo', ALLO_SCT, 'Allogeneic peripheral blood stem cell transplant (matched sibling donor)', '2025-03-02')
for d in (1, 3, 6, 11):
    b.admin('mtx-%d' % d, 'methotrexate 10 mg/m2 IV', days('2025-03-02', d), MTX)
b.stmt('tac', 'tacrolimus 1 mg capsule twice daily', '2025-03-01', '2025-09-01', TAC)
b.status('cr', '2025-06-02', worse=False, text='Complete response (IMWG)')
b.status('cr-2', '2026-09-14', worse=False, text='Complete response (IMWG)')
TAIL(b, 88)
out(b, '''
Beatriz Costa, 47. High-risk IgA-lambda myeloma (t(4;14), del(17p)) September 2024. VRd statements 2024-09-16 to
2025-01-20; fludarabine x4 + melphalan 140 conditioning and an upfront ALLOGENEIC transplant from a matched sibling
2025-03-02; GVHD prophylaxis as the ward charts it: methotrexate 10 mg/m2 days +1, +3, +6, +11 (RxNorm 6851, no words)
and tacrolimus to 2025-09-01; CR 2025-06-02 and 2026-09-14. No maintenance, no progression. eGFR 88.
A haematologist: first line (induction and allogeneic transplant as consolidation) with no progression: 0 prior lines,
no relapse, not refractory to anything; anti-CD38 naive. The methotrexate is GVHD prophylaxis, no myeloma line. She was
fit for transplant; NDMM induction is not to be offered again (first-line therapy given); no relapsed option applies.
''')

# ---------------------------------------------------------------- 03 transplant of unstated kind after induction
b = BC('03-vrd-stem-cell-transplant-kind-unstated-maintenance-no-progression', '1962-11-20', 'male', 'Nair', 'Vikram')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG lambda', '2024-11-04')
vrd_stmt(b, '2024-11-18', '2025-03-24')
gcsf(b, '2025-04-07', 5)
b.admin('sct-mel', 'melphalan 200 mg/m2 IV', '2025-05-04', MEL)
b.proc('sct', HSCT, 'Stem cell transplant', '2025-05-05')
rmaint(b, '2025-08-04')
b.status('vgpr', '2026-08-10', worse=False)
TAIL(b)
out(b, '''
Vikram Nair, 63. IgG-lambda myeloma November 2024. VRd statements to 2025-03-24, G-CSF mobilisation 2025-04-07..11,
melphalan 200 mg/m2 2025-05-04 and a "Stem cell transplant" (SNOMED 234336002, kind not stated) 2025-05-05;
lenalidomide maintenance from 2025-08-04; VGPR 2026-08-10. No progression. eGFR 66.
A haematologist: G-CSF mobilisation and melphalan 200 the day before make it an autologous transplant in practice; at
worst its kind is not stated. Either way he is in his first line on maintenance: 0 prior lines, no relapse. Induction
has been given, so the NDMM induction regimens are not to be offered as if he were newly diagnosed and untreated. If
the engine keeps eligibility undecided because the kind is unstated, that is over-cautious but safe; offering
induction regimens as fully applicable would be wrong.
''')

# ---------------------------------------------------------------- 04 transplant, maintenance, progression, nothing since
b = BC('04-vrd-asct-r-maintenance-pd-2026-09-nothing-since', '1960-04-25', 'female', 'Wojcik', 'Anna')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2022-03-07')
vrd_stmt(b, '2022-03-21', '2022-07-25')
b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2022-09-11', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2022-09-12')
rmaint(b, '2022-12-05', '2026-09-07', status='completed')
b.status('pd-1', '2026-09-21')
TAIL(b)
out(b, '''
Anna Wojcik, 66. IgG-kappa myeloma 2022. VRd statements to 2022-07-25, melphalan 200 and ASCT 2022-09-12, lenalidomide
maintenance statement 2022-12-05 to 2026-09-07 (completed); PD 2026-09-21; no therapy since. eGFR 66.
A haematologist: relapsed myeloma after 1 prior line, lenalidomide-REFRACTORY (PD 14 days after the last maintenance
dose), bortezomib exposed not refractory, anti-CD38 naive. Not newly diagnosed: the transplant does not make her
NDMM. Options: D-Kd and Isa-Kd (CANDOR/IKEMA), D-Vd (CASTOR), D-Pd (APOLLO: 1 line, lenalidomide-refractory, PI
exposed: met); D-Rd not (lenalidomide-refractory).
''')

# ---------------------------------------------------------------- 05 induction only, no transplant, stopped in response
b = BC('05-age-72-vrd-induction-only-no-transplant-stopped-vgpr-no-progression', '1954-06-30', 'female', 'Lambert', 'Sylvie')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2025-04-07')
vrd_stmt(b, '2025-04-21', '2025-12-15')
b.status('vgpr', '2026-01-12', worse=False)
b.status('vgpr-2', '2026-09-21', worse=False)
TAIL(b)
out(b, '''
Sylvie Lambert, 72. IgG-kappa myeloma April 2025. VRd (8 cycles, statements 2025-04-21 to 2025-12-15), no mobilisation,
no transplant, no maintenance; VGPR 2026-01-12 and 2026-09-21. No progression. eGFR 66.
A haematologist: first line given (VRd, transplant deferred or declined); in VGPR off therapy, no relapse, not
refractory to anything. Whether she is transplant-eligible is not on the record. NDMM induction regimens are not to be
offered as if untreated; at most the engine may say the first line is given and nothing relapsed-setting applies.
''')

# ---------------------------------------------------------------- 06 / 07 APOLLO: month-only last lenalidomide dose, 1 vs 2 lines
b = BC('06-one-line-lenalidomide-last-dose-month-only-pd-apollo-undecided', '1958-02-11', 'male', 'Varga', 'Laszlo')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2020-01-13')
vrd_stmt(b, '2020-01-27', '2020-06-01')
b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2020-07-12', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2020-07-13')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2020-10-05', '2026-07', LEN, status='completed')
b.status('pd-1', '2026-09-21')
TAIL(b)
out(b, '''
Laszlo Varga, 68. IgG-kappa myeloma 2020. VRd, ASCT 2020-07-13, lenalidomide maintenance statement 2020-10-05 to
"2026-07" (month only); PD 2026-09-21; nothing since. eGFR 66.
A haematologist: 1 prior line. The last lenalidomide dose fell some day of July 2026, 52 to 82 days before the PD:
refractory only if it was 2026-07-23 or later, so lenalidomide refractoriness is UNDECIDED. APOLLO after 1 line asks
lenalidomide-refractory disease: D-Pd undecided (the month-only end named). D-Kd, Isa-Kd, D-Vd met (1 line, PI
exposed, bortezomib not refractory); D-Rd undecided (depends on the same refractoriness).
''')

b = BC('07-two-lines-lenalidomide-last-dose-month-only-kd-pd-apollo-met', '1958-02-11', 'male', 'Varga', 'Lajos')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-01-14')
vrd_stmt(b, '2019-01-28', '2019-06-03')
b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-14', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2019-07-15')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2019-10-07', '2023-02', LEN, status='completed')
b.status('pd-1', '2023-04-17')
kd(b, '2023-05-01', '2026-08-31')
b.status('pd-2', '2026-09-28')
TAIL(b)
out(b, '''
Lajos Varga, 68. IgG-kappa myeloma 2019. VRd, ASCT 2019-07-15, lenalidomide maintenance to "2023-02" (month only); PD
2023-04-17; Kd 2023-05-01, last carfilzomib in August 2026; PD 2026-09-28. eGFR 66.
A haematologist: 2 prior lines; lenalidomide exposed, refractoriness undecided (last dose 47 to 75 days before the
PD); carfilzomib-refractory; bortezomib not refractory; anti-CD38 naive, pomalidomide naive. APOLLO after 2 lines needs
lenalidomide and a PI given: met whatever lenalidomide's refractoriness (D-Pd on label, the Z3 fix). D-Kd/Isa-Kd
carfilzomib-refractory; D-Vd (CASTOR) met.
''')

# ---------------------------------------------------------------- 08 two lines, an unnamed oral trial agent: pomalidomide exposure unknown
b = BC('08-two-lines-unnamed-oral-trial-agent-with-kd-pomalidomide-exposure-unknown', '1957-05-19', 'female', 'Berg', 'Ingrid')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG lambda', '2019-02-04')
vrd_stmt(b, '2019-02-18', '2019-06-24')
b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2019-08-04', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2019-08-05')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2019-11-04', '2023-03-06', LEN, status='completed')
b.status('pd-1', '2023-03-20')
kd(b, '2023-04-03', '2026-08-31')
b.stmt('trial-oral', 'Study drug MM-0417 capsule 4 mg days 1-21 (oral, open-label)', '2023-04-03', '2026-09-13')
b.status('pd-2', '2026-09-28')
TAIL(b)
out(b, '''
Ingrid Berg, 69. IgG-lambda myeloma 2019. VRd, ASCT 2019-08-05, lenalidomide maintenance to 2023-03-06; PD 2023-03-20.
L2 in a trial: Kd from 2023-04-03 (last carfilzomib in August 2026) with an oral study drug "Study drug MM-0417 capsule
4 mg days 1-21" (no code, not named) to 2026-09-13; PD 2026-09-28. eGFR 66.
A haematologist: 2 prior lines; lenalidomide-refractory; carfilzomib-refractory; anti-CD38 naive as far as the
record goes but the study drug is not named: 4 mg days 1-21 is the pomalidomide schedule (or an iberdomide/mezigdomide
class agent), so pomalidomide/IMiD exposure and refractoriness are unknown. D-Pd/Isa-Pd must not be on label without
naming that: APOLLO and ICARIA required pomalidomide-naive patients. D-Vd (CASTOR) met on the known facts, with the
unnamed drug as a gap for anti-CD38 exposure too.
''')

# ---------------------------------------------------------------- 09 two lines, lenalidomide exposure itself unknown
b = BC('09-two-lines-maintenance-capsule-unnamed-lenalidomide-exposure-unknown', '1959-09-03', 'male', 'Pretorius', 'Johan')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-03-04')
b.stmt('vcd-btz', 'bortezomib 1.5 mg/m2 SC weekly (VCd)', '2019-03-18', '2019-07-22', BTZ)
b.stmt('vcd-cy', 'cyclophosphamide 300 mg/m2 PO weekly (VCd)', '2019-03-18', '2019-07-22', CY)
b.stmt('vcd-dex', 'dexamethasone 40 mg PO weekly (VCd)', '2019-03-18', '2019-07-22', DEX)
b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2019-09-08', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2019-09-09')
b.stmt('maint', 'maintenance capsule 10 mg daily (dispensed by outside pharmacy)', '2019-12-02', '2023-05-01', status='completed')
b.status('pd-1', '2023-05-15')
kd(b, '2023-05-29', '2026-08-31')
b.status('pd-2', '2026-09-28')
TAIL(b)
out(b, '''
Johan Pretorius, 67. IgG-kappa myeloma 2019. VCd (bortezomib, cyclophosphamide, dexamethasone) to 2019-07-22, ASCT
2019-09-09; "maintenance capsule 10 mg daily (dispensed by outside pharmacy)" (no drug name, no code) 2019-12-02 to
2023-05-01; PD 2023-05-15; Kd from 2023-05-29 (last carfilzomib in August 2026); PD 2026-09-28. eGFR 66.
A haematologist: 2 prior lines (the maintenance capsule is the first line's maintenance, very likely lenalidomide but
not named). Lenalidomide exposure is NOT on the record. APOLLO (and the US D-Pd label) need prior lenalidomide: D-Pd
must be undecided, naming the unnamed capsule. Carfilzomib-refractory; bortezomib not refractory; D-Vd met. D-Rd
(POLLUX) undecided likewise.
''')

# ---------------------------------------------------------------- 10 W6 hit: blinded daratumumab-or-placebo in L1, certain daratumumab in L2, no PD within 60 days of either
b = BC('10-blinded-dara-or-placebo-l1-then-certain-dara-kd-stopped-pd-far-from-both', '1961-01-21', 'female', 'Ito', 'Keiko')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2020-01-06')
vrd_stmt(b, '2020-01-20', '2020-10-05')
weekly(b, 'blind', 'daratumumab or placebo 1800 mg SC (double-blind study)', None, '2020-01-20', '2022-01-10', every=28)
b.status('vgpr', '2020-11-02', worse=False)
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2020-10-19', '2023-01-09', LEN, status='stopped',
       statusReason=[{'text': 'Fatigue; stopped in VGPR'}])
b.status('pd-1', '2023-08-14')
anti_cd38(b, 'dkd-dara', 'daratumumab 16 mg/kg IV', DARA, '2023-08-28', '2024-03-18')
kd(b, '2023-08-28', '2026-08-31')
b.status('pd-2', '2026-09-21')
TAIL(b)
out(b, '''
Keiko Ito, 65. IgG-kappa myeloma 2020. L1 in a double-blind study: VRd to 2020-10-05 with "daratumumab or placebo
1800 mg SC" every 28 days 2020-01-20 to 2021-12-20 (no code), lenalidomide maintenance to 2023-01-09 (stopped for
fatigue); PD 2023-08-14 (more than 1.5 years after the last blinded record). L2 D-Kd: daratumumab IV 2023-08-28 to
2024-03-04 (stopped, infusion burden), carfilzomib to 2026-08-11; PD 2026-09-21 (more than 2 years after the last
daratumumab). eGFR 66.
A haematologist: 2 prior lines; anti-CD38 EXPOSED (the certain course), NOT refractory whichever study arm (no PD
within 60 days of either last dose); daratumumab washout from 2024-03-04, about 2.6 years. Carfilzomib-refractory;
lenalidomide exposed, not refractory (stopped 7 months before the PD); bortezomib not refractory. Options: D-Pd
(APOLLO: 2 lines, lenalidomide and PI given) and D-Vd on label with prior anti-CD38 exposure named as a caution;
D-Rd (lenalidomide not refractory); D-Kd/Isa-Kd carfilzomib-refractory.
''')

# ---------------------------------------------------------------- 11 W6 near miss: PD 40 days after the last blinded record
b = BC('11-certain-dara-l1-then-blinded-dara-or-placebo-pd-40-days-after-last-blinded', '1956-10-08', 'male', 'Dubois', 'Marc')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2018-05-07')
anti_cd38(b, 'drd-dara', 'daratumumab 16 mg/kg IV', DARA, '2018-05-21', '2020-04-27')
b.stmt('drd-len', 'lenalidomide 25 mg capsule days 1-21', '2018-05-21', '2021-06-14', LEN)
b.stmt('drd-dex', 'dexamethasone 20 mg PO weekly', '2018-05-21', '2021-06-14', DEX)
b.status('pd-1', '2021-06-28')
b.stmt('pvd-pom', 'pomalidomide 4 mg capsule days 1-14', '2021-07-12', '2024-05-12', POM)
b.stmt('pvd-btz', 'bortezomib 1.3 mg/m2 SC (PVd)', '2021-07-12', '2024-05-12', BTZ)
b.stmt('pvd-dex', 'dexamethasone 20 mg PO (PVd)', '2021-07-12', '2024-05-12', DEX)
weekly(b, 'blind', 'daratumumab or placebo 1800 mg SC (double-blind study)', None, '2021-07-12', '2024-05-06', every=28)
b.status('pd-2', '2024-05-25')
kd(b, '2024-06-08', '2026-08-31')
b.status('pd-3', '2026-09-21')
TAIL(b, 55)
out(b, '''
Marc Dubois, 70. IgG-kappa myeloma 2018, transplant-ineligible. L1 D-Rd: daratumumab IV 2018-05-21 to 2020-04-13
(stopped in response), lenalidomide/dexamethasone to 2021-06-14; PD 2021-06-28 (14 months after the last daratumumab).
L2 a double-blind study: PVd with "daratumumab or placebo 1800 mg SC" every 28 days 2021-07-12 to 2024-04-15 (last
blinded record), PVd statements to 2024-05-12; PD 2024-05-25 (40 days after the last blinded record). L3 Kd from
2024-06-08 (last carfilzomib in August 2026); PD 2026-09-21. eGFR 55.
A haematologist: 3 prior lines; anti-CD38 exposed (D-Rd), refractoriness UNDECIDED: if the blinded arm was
daratumumab he progressed 40 days after it (refractory); if placebo, not refractory (the certain course ended 14
months before PD 1). Lenalidomide, pomalidomide, bortezomib, carfilzomib refractory. Any anti-CD38 option must carry
the undecided refractoriness; daratumumab monotherapy on label (>=3 lines incl. PI and IMiD).
''')

# ---------------------------------------------------------------- 12 blinded course with no certain course
b = BC('12-blinded-dara-or-placebo-only-pd-far-after-then-pd-on-kd', '1963-12-12', 'female', 'Novak', 'Petra')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA kappa', '2020-03-02')
vrd_stmt(b, '2020-03-16', '2020-12-07')
weekly(b, 'blind', 'daratumumab or placebo 1800 mg SC (double-blind study)', None, '2020-03-16', '2022-03-07', every=28)
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2020-12-21', '2024-02-05', LEN, status='completed')
b.status('pd-1', '2024-02-19')
kd(b, '2024-03-04', '2026-08-31')
b.status('pd-2', '2026-09-21')
TAIL(b)
out(b, '''
Petra Novak, 62. IgA-kappa myeloma 2020. L1 in a double-blind study: VRd to 2020-12-07 with "daratumumab or placebo
1800 mg SC" every 28 days 2020-03-16 to 2022-02-14, then lenalidomide maintenance to 2024-02-05; PD 2024-02-19 (2 years
after the last blinded record, 14 days after lenalidomide). L2 Kd from 2024-03-04 (last carfilzomib in August 2026); PD
2026-09-21. eGFR 66.
A haematologist: 2 prior lines; anti-CD38 exposure UNKNOWN (blinded arm), but not refractory whichever arm (PD 2 years
after the last blinded record); if exposed, washout since 2022-02-14. Lenalidomide and carfilzomib refractory;
bortezomib not refractory. D-Pd (APOLLO 2 lines) and D-Vd on label with the unknown exposure named as a caution (not a
bar); the engine must not call her anti-CD38 exposed or refractory.
''')

# ---------------------------------------------------------------- 13 maintenance ordered month by month, for replays
b = BC('13-vrd-asct-lenalidomide-maintenance-monthly-orders-replay-three-dates', '1966-07-07', 'male', 'Lund', 'Erik')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2023-01-09')
vrd_stmt(b, '2023-01-23', '2023-05-29')
gcsf(b, '2023-06-12', 5)
b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2023-07-09', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2023-07-10')
r_requests(b, '2023-10-02', 38)
b.status('vgpr', '2023-12-04', worse=False)
b.status('cr', '2025-03-03', worse=False, text='Complete response (IMWG)')
b.stmt('r-list', 'lenalidomide 10 mg capsule daily (maintenance)', '2023-10-02', None, LEN, status='active',
       dateAsserted='2026-10-19')
TAIL(b)
out(b, '''
Erik Lund, 60. IgG-kappa myeloma January 2023. VRd statements to 2023-05-29, G-CSF, melphalan 200 and ASCT 2023-07-10;
lenalidomide maintenance as 38 MedicationRequests every 28 days from 2023-10-02 (last 2026-09-28) and an "active"
medication-list statement from 2023-10-02 asserted 2026-10-19; VGPR 2023-12-04, CR 2025-03-03. No progression.
A haematologist: first line under way (maintenance), 0 prior lines, no relapse, at every date.
Replay --as-of 2023-08-15: after the transplant, before maintenance: first line under way, 0 prior lines.
Replay --as-of 2024-06-01 and 2025-06-01: on maintenance, 0 prior lines; each new monthly order continues the line
(no range); the 2026 statement and the 2025 CR are after 2024-06-01 and must not be read as known then.
''')

# ---------------------------------------------------------------- 14 double-refractory, 2 to 3 lines (a code-only medication between the lines)
b = BC('14-len-and-carfilzomib-refractory-code-only-medication-between-lines-2-to-3', '1957-04-04', 'male', 'Aziz', 'Omar')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-02-04')
vrd_stmt(b, '2019-02-18', '2019-06-24')
b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2019-08-04', MEL)
b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2019-08-05')
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2019-11-04', '2023-03-06', LEN, status='completed')
b.status('pd-1', '2023-03-20')
d = '2023-03-27'
while d <= '2023-05-22':
    b.add({'resourceType': 'MedicationAdministration', 'id': 'unk-' + d, 'status': 'completed',
           'medicationCodeableConcept': {'coding': [{'system': RX, 'code': '2479915'}]}, 'subject': b.subj(),
           'effectiveDateTime': d + 'T10:00:00-05:00'})
    d = days(d, 7)
kd(b, '2023-06-05', '2026-08-31')
b.status('pd-2', '2026-09-28')
TAIL(b)
out(b, '''
Omar Aziz, 69. IgG-kappa myeloma 2019. VRd, ASCT 2019-08-05, lenalidomide maintenance to 2023-03-06; PD 2023-03-20.
Nine weekly administrations 2023-03-27 to 2023-05-22 coded only by an RxNorm code (2479915, no name, no text) that the
engine's catalogue does not hold; Kd from 2023-06-05 (last carfilzomib in August 2026); PD 2026-09-28. eGFR 66.
A haematologist: 2 or 3 prior lines (the coded course may have been a line of its own, or the start of the second
line); lenalidomide-refractory and carfilzomib-refractory (double-refractory to an IMiD and a PI). Daratumumab
monotherapy: the US label (>=3 lines incl. PI and IMiD, OR double-refractory) and the SIRIUS population (>=3 lines, or
double-refractory) are met whatever the count; anti-CD38 exposure is unknown (the unnamed course), which is the real
caution. D-Kd/Isa-Kd: 1 to 3 lines either way, carfilzomib-refractory.
''')
