# Sweep N (acceptance check of issue 10 after the blinded-study-drug fix 731f35f): EHR-export shapes no earlier sweep
# built: blinded anti-CD38 products beside open-label isatuximab (refractoriness, washout), a blinded product given
# alone, an unblinding note, blinded records running into the next line; records that say a therapy did not happen
# (MedicationStatement not-taken / intended / entered-in-error, a transplant Procedure in preparation or not done); a
# 10-week isatuximab hold and a whole-regimen holiday with a progression inside it; progression only as a C90.02 onset
# or as a cancelled Observation; a year-month birth date at an age limit; records asserted or recorded after asOf; a
# stopped statement with no end.
# Run from the project root; writes qa-bundles/s18n-*.json with a story s18n-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BN(B):
    PREFIX = 's18n-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-05T20:15:00Z'; return bd


def out(b, story): save(b.bundle(), story)


POM_T = 'pomalidomide 4 mg capsule'
ISA_T = 'isatuximab-irfc 10 mg/kg IV (Sarclisa)'
BLIND_DARA = 'Daratumumab 16 mg/kg or placebo IV (study drug, double-blind)'


def base_r(b, pd_date, r_end=None):
    """Myeloma 2019, VRd x4, melphalan 200 + ASCT 2019-07, lenalidomide maintenance to r_end; a progression on pd_date."""
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
    vrd(b, '2019-02-01')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
    rmaint(b, '2019-09-01', r_end or days(pd_date, -1), 'completed')
    b.status('pd-1', pd_date)


def asct_base(b):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
    vrd(b, '2019-02-01')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')


def weekly(b, pre, text, code, start, end, every=7):
    d = start
    while d <= end:
        b.admin('%s-%s' % (pre, d), text, d, code); d = days(d, every)


def tail(b):
    b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')


def dara_sched(start, end):
    """Daratumumab IV schedule: weekly x8, every 2 weeks x8, then every 4 weeks to end."""
    dd = [days(start, 7 * k) for k in range(8)] + [days(start, 56 + 14 * k) for k in range(8)]
    d = days(start, 168)
    while d <= end: dd.append(d); d = days(d, 28)
    return [x for x in dd if x <= end]


def kd(b, start, last):
    """Kd: carfilzomib days 1, 2, 8, 9, 15, 16 of 28 for every cycle whose day 16 falls on or before last; dex weekly."""
    k = 0
    while days(start, 28 * k + 15) <= last:
        for d in (0, 1, 7, 8, 14, 15):
            day = days(start, 28 * k + d); b.admin('kd-cfz-' + day, 'carfilzomib 56 mg/m2 IV (Kd)', day, CFZ)
        k += 1
    weekly(b, 'kd-dex', 'dexamethasone 20 mg PO (Kd)', DEX, start, days(start, 28 * k - 1))


def vd(b, pre, start, n=8):
    cycles(b, pre + '-btz', 'bortezomib 1.3 mg/m2 SC (Vd)', BTZ, start, (0, 3, 7, 10), n, 21)
    cycles(b, pre + '-dex', 'dexamethasone 20 mg PO (Vd)', DEX, start, (0, 1, 3, 4, 7, 8, 10, 11), n, 21)


def isa_pd(b, start, end, pom_end=None, hold=None):
    """Isa-Pd: isatuximab weekly x4 then every 2 weeks to end (hold=(from, to) skips doses), pomalidomide statement."""
    dd = [days(start, 7 * k) for k in range(4)]
    d = days(start, 28)
    while d <= end: dd.append(d); d = days(d, 14)
    for x in dd:
        if hold and hold[0] <= x <= hold[1]: continue
        b.admin('isa-' + x, ISA_T, x)
    b.stmt('ipd-pom', POM_T + ' days 1-21 of 28 (Isa-Pd)', start, pom_end or end, POM)
    b.stmt('ipd-dex', 'dexamethasone 40 mg weekly (Isa-Pd)', start, pom_end or end, DEX)


def blinded_castor_line(b, start='2022-03-15', last='2024-01-10', note=None):
    """Line 2: open-label Vd x8 with a blinded daratumumab-or-placebo infusion to `last`."""
    vd(b, 'l2', start)
    for x in dara_sched(start, last):
        r = b.admin('study-' + x, BLIND_DARA, x)
        if note: r['note'] = [{'text': note}]


# ---------------------------------------------------------------- 01 blinded dara-or-placebo with Vd, PD 22 d after; open-label Isa-Pd stopped, PD 6 months off it
def rec01(name, birth, fam, giv, blinded=True, note=None):
    b = BN(name, birth, 'female', fam, giv)
    base_r(b, '2022-03-01')
    if blinded: blinded_castor_line(b, note=note)
    else: vd(b, 'l2', '2022-03-15')
    b.status('pd-2', '2024-02-01')
    isa_pd(b, '2024-03-01', '2025-11-24', '2025-12-01')
    b.status('pd-3', '2026-06-01')
    tail(b)
    return b


out(rec01('01-blinded-dara-or-placebo-vd-pd-then-open-isa-pd-pd-off-isa', '1956-03-03', 'Moreau', 'Claire'), '''
Woman born 1956. VRd, melphalan 200 + ASCT 2019-07, lenalidomide maintenance to 2022-02-28; PD 2022-03-01. Line 2
from 2022-03-15: open-label bortezomib + dexamethasone x8 cycles, with a blinded study infusion "Daratumumab 16 mg/kg or
placebo IV (study drug, double-blind)" weekly, two-weekly, then four-weekly to 2023-12-19 (no RxNorm code; no record says
the arm). PD 2024-02-01 (44 days after the last blinded infusion). Line 3 from 2024-03-01: open-label isatuximab + Pd,
isatuximab to 2025-11-21, pomalidomide to 2025-12-01 (stopped for fatigue, in VGPR). PD 2026-06-01 (189 days off
therapy). Nothing since.

A haematologist: 3 prior lines. Lenalidomide-refractory (PD on maintenance). Isatuximab and pomalidomide NOT
refractory (PD six months after the last dose). Whether daratumumab was given in line 2 is unknown: if the arm was
active, the PD of 2024-02-01 came 44 days after the last infusion and the disease is daratumumab-refractory. So
anti-CD38 exposure and anti-CD38 refractoriness are UNDECIDED (CDS-POLICY-BLINDED-STUDY-DRUG); the washout from the
last certain anti-CD38 (isatuximab, 2025-11-21) is 345 days, adequate whichever arm. Bortezomib is not refractory
(Vd ended after 8 cycles in 2022-08). Expected: anti-CD38 refractoriness undecided on every anti-CD38 option, never
"anti-CD38 not refractory".''')

out(rec01('01c-control-open-vd-pd-then-open-isa-pd-pd-off-isa', '1956-03-13', 'Moreau', 'Lucie', blinded=False), '''
Control for 01: the same record without the blinded infusions (line 2 open-label Vd only).

A haematologist: 3 prior lines; lenalidomide-refractory; isatuximab exposed, not refractory (PD 192 days after the
last dose); washout 345 days, adequate. Anti-CD38 re-treatment is a reasonable option with no anti-CD38-refractory
caution.''')

out(rec01('03-blinded-dara-or-placebo-with-unblinding-note-active-arm', '1956-04-04', 'Moreau', 'Anne',
          note='Unblinded by the sponsor at study close (2024-06-12): patient was randomised to the ACTIVE arm '
               '(daratumumab).'), '''
As 01, but every blinded infusion record carries a note added at study close: "Unblinded by the sponsor at study
close (2024-06-12): patient was randomised to the ACTIVE arm (daratumumab)." The records' medication text still
says "Daratumumab 16 mg/kg or placebo".

A haematologist reading the chart: daratumumab WAS given in line 2; the PD of 2024-02-01 came 44 days after the last
infusion, so the disease is daratumumab-refractory (anti-CD38 refractory), and the later isatuximab course does not
change that. An engine that does not read notes may leave it undecided (over-cautious, with the gap naming the
blinded product); one that calls anti-CD38 "not refractory" is wrong.''')

# ---------------------------------------------------------------- 01b blinded dara-or-placebo is the LATEST anti-CD38 (48 days before asOf), open-label isatuximab years earlier
b = BN('01b-open-isa-pd-then-blinded-dara-or-placebo-kd-last-dose-42d-before-asof', '1955-06-06', 'male', 'Lefevre', 'Paul')
base_r(b, '2021-06-01')
isa_pd(b, '2021-06-15', '2023-05-15', '2023-05-22')
b.status('pd-2', '2024-01-20')
kd(b, '2024-02-05', '2026-07-20')
b.status('pd-3', '2026-07-25')
for x in dara_sched('2026-08-03', '2026-09-20'):
    b.admin('study-' + x, 'Daratumumab SC 1800 mg or placebo (study drug, double-blind)', x)
b.stmt('l4-pom', POM_T + ' days 1-21 of 28 (open-label, with study drug)', '2026-08-03', None, POM, status='active')
b.stmt('l4-dex', 'dexamethasone 40 mg weekly', '2026-08-03', None, DEX, status='active')
tail(b)
out(b, '''
Man born 1955. VRd-ASCT-R, PD 2021-06-01. Isa-Pd 2021-06-15 to 2023-05 (isatuximab last 2023-05-02), stopped in CR;
PD 2024-01-20 (250 days later: isatuximab and pomalidomide not refractory). Kd 2024-02 to 2026-07, PD 2026-07-25 on it
(carfilzomib-refractory). From 2026-08-03 a study: "Daratumumab SC 1800 mg or placebo (study drug, double-blind)"
weekly, the last 2026-09-14, with open-label pomalidomide + dexamethasone (active). asOf 2026-11-01.

A haematologist: 3 prior lines and a 4th under way. Anti-CD38: isatuximab certain, not refractory; daratumumab
possibly given up to 48 days ago. The anti-CD38 washout is 48 days if the arm was active, 1,279 days from the
isatuximab if placebo: the washout band is UNDECIDED (short if active), and no anti-CD38 option should be ranked on
an "adequate washout" from the isatuximab alone.''')

# ---------------------------------------------------------------- 02 blinded ixazomib-or-placebo maintenance alone after ASCT (MM3 style), PD on it, DRd, PD on DRd
b = BN('02-blinded-ixazomib-or-placebo-maintenance-alone-pd-on-it-then-drd-pd', '1957-07-07', 'female', 'Novak', 'Eva')
asct_base(b)
cycles(b, 'study', 'Ixazomib 3 mg or placebo capsule (maintenance study drug, double-blind)', None, '2019-09-05',
       (0, 7, 14), 30, 28)
b.status('pd-1', '2021-12-10')
for x in dara_sched('2021-12-20', '2026-08-24'):
    b.admin('dara-' + x, 'daratumumab 16 mg/kg IV', x, DARA)
b.stmt('drd-len', 'lenalidomide 25 mg capsule days 1-21 of 28 (DRd)', '2021-12-20', '2026-08-31', LEN)
weekly(b, 'drd-dex', 'dexamethasone 40 mg PO (DRd)', DEX, '2021-12-20', '2026-08-31')
b.status('pd-2', '2026-09-20')
tail(b)
out(b, '''
Woman born 1957. VRd x4 2019, melphalan 200 + ASCT 2019-07-10. Maintenance in a double-blind trial: "Ixazomib 3 mg or
placebo capsule" alone, days 1, 8, 15 of 28 from 2019-09-05, the last capsule 2021-12-09. PD 2021-12-10 (the
next day). DRd from 2021-12-20 to 2026-08-31, PD 2026-09-20 on it.

A haematologist: 2 prior lines (VRd-ASCT-maintenance; DRd). Daratumumab- and lenalidomide-refractory (PD on DRd).
Bortezomib not refractory (2019 induction). Whether the maintenance was ixazomib is unknown: if it was, the disease is
ixazomib-refractory (PD the day after the last capsule) and hence PI-refractory. PI refractoriness is UNDECIDED, so
the US daratumumab monotherapy label at 2 prior lines (double-refractory to a PI and an IMiD) is undecided - although
daratumumab monotherapy is anyway of little use in a daratumumab-refractory patient. Expected: "PI exposed,
refractoriness unknown", not "PI not refractory".''')

# ---------------------------------------------------------------- 03b blinded ixazomib-or-placebo maintenance continued 3 weeks into Kd after the PD
b = BN('03b-blinded-ixazomib-maintenance-runs-3-weeks-into-kd-after-pd', '1957-08-08', 'male', 'Novak', 'Jan')
asct_base(b)
cycles(b, 'study', 'Ixazomib 3 mg or placebo capsule (maintenance study drug, double-blind)', None, '2019-09-05',
       (0, 7, 14), 30, 28)
b.status('pd-1', '2021-11-20')
cycles(b, 'kd-cfz', 'carfilzomib 56 mg/m2 IV (Kd)', CFZ, '2021-11-22', (0, 1, 7, 8, 14, 15), 20, 28)
weekly(b, 'kd-dex', 'dexamethasone 20 mg PO (Kd)', DEX, '2021-11-22', '2023-05-15')
b.status('vgpr', '2022-06-01', worse=False)
b.status('pd-2', '2026-09-15')
tail(b)
out(b, '''
Man born 1957. VRd-ASCT 2019; blinded maintenance "Ixazomib 3 mg or placebo capsule" days 1, 8, 15 from 2019-09-05;
PD 2021-11-20; Kd from 2021-11-22 (20 cycles to 2023-05, VGPR), but the study capsules are charted on 2021-11-25,
2021-12-02 and 2021-12-09 too (the last doses of the pack, taken with the first Kd cycle). PD 2026-09-15, more than three years
off therapy.

A haematologist: 2 prior lines (VRd-ASCT-maintenance; Kd). The three blinded capsules after the PD do not make a third
line and do not put "ixazomib" into Kd. Carfilzomib not refractory (PD 3 years after it). PI refractoriness
undecided only by the blinded maintenance (PD of 2021-11-20 on it if active).''')

# ---------------------------------------------------------------- 04 MedicationStatement not-taken: daratumumab declined, Kd given, PD on Kd
b = BN('04-dara-statement-not-taken-declined-kd-given-pd-on-kd', '1958-01-10', 'female', 'Okafor', 'Ada')
base_r(b, '2024-05-02')
b.stmt('dara-declined', 'daratumumab 1800 mg SC (Darzalex Faspro) with Kd', '2024-05-20', '2025-05-20', DARA,
       status='not-taken', statusReason=[{'text': 'Patient declined daratumumab (travel for infusions)'}])
kd(b, '2024-05-20', '2026-07-25')
b.status('pd-2', '2026-08-10')
tail(b)
out(b, '''
Woman born 1958. VRd-ASCT-R, PD 2024-05-02. D-Kd proposed; a MedicationStatement records daratumumab SC 2024-05-20 to
2025-05-20 with status "not-taken" and statusReason "Patient declined daratumumab". Kd given 2024-05-20 to 2026-07
(carfilzomib administrations), PD 2026-08-10 on Kd.

A haematologist: 2 prior lines; lenalidomide- and carfilzomib-refractory (double-refractory); anti-CD38 NAIVE. Isa-Pd
/ D-Pd are natural options; no anti-CD38 exposure, refractoriness or washout caution.''')

# ---------------------------------------------------------------- 05 MedicationStatement intended: Pd planned after PD, not begun by asOf
b = BN('05-pd-statement-intended-after-pd-not-begun', '1957-02-02', 'male', 'Silva', 'Rui')
base_r(b, '2024-01-10')
for x in dara_sched('2024-01-25', '2026-08-20'):
    b.admin('dara-' + x, 'daratumumab 16 mg/kg IV', x, DARA)
vd(b, 'dvd', '2024-01-25')
b.status('pd-2', '2026-09-15')
b.stmt('pom-int', POM_T + ' days 1-21 of 28 (planned: Pd)', '2026-10-20', None, POM, status='intended')
b.stmt('dex-int', 'dexamethasone 40 mg weekly (planned: Pd)', '2026-10-20', None, DEX, status='intended')
tail(b)
out(b, '''
Man born 1957. VRd-ASCT-R, PD 2024-01-10. D-Vd from 2024-01-25 (Vd x8, daratumumab to 2026-08-06), PD 2026-09-15 on
daratumumab. Pd is planned: MedicationStatements for pomalidomide and dexamethasone from 2026-10-20 with status
"intended"; no dispense, no administration. asOf 2026-11-01.

A haematologist: 2 prior lines; lenalidomide- and daratumumab-refractory; POMALIDOMIDE-NAIVE (an intended statement is
a plan, not therapy). No third line under way.''')

# ---------------------------------------------------------------- 06 ASCT Procedure in preparation during induction
b = BN('06-ndmm-vrd-asct-procedure-preparation', '1966-05-05', 'female', 'Weber', 'Lena')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2026-04-20')
vrd(b, '2026-05-04', 4)
b.proc('asct-planned', ASCT, 'Autologous stem cell transplant (scheduled)', '2026-11-20', status='preparation')
b.status('vgpr', '2026-08-20', worse=False)
tail(b)
out(b, '''
Woman born 1966, myeloma diagnosed 2026-04. VRd x4 from 2026-05-04 (the last cycle ends 2026-07-26); VGPR 2026-08-20.
An ASCT Procedure is exported with status "preparation" and performedDateTime 2026-11-20 (scheduled; after asOf).

A haematologist: newly diagnosed, first-line therapy under way (induction done, transplant scheduled, not done). No
transplant in the history; no relapse; RRMM regimens not options.''')

# ---------------------------------------------------------------- 06b ASCT Procedure not-done (mobilisation failure), lenalidomide 195 days after VRd, PD, Kd
b = BN('06b-vrd-asct-not-done-len-195d-later-pd-kd', '1959-09-09', 'male', 'Brandt', 'Otto')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-01')
vrd(b, '2023-01-09', 5)
b.proc('asct-nd', ASCT, 'Autologous stem cell transplant', '2023-06-15', status='not-done',
       statusReason={'text': 'Stem cell mobilisation failed'})
b.stmt('r-cont', 'lenalidomide 10 mg capsule daily', '2023-11-01', '2025-10-01', LEN)
b.status('pd-1', '2025-10-20')
cycles(b, 'kd-cfz', 'carfilzomib 56 mg/m2 IV (Kd)', CFZ, '2025-11-03', (0, 1, 7, 8, 14, 15), 11, 28)
weekly(b, 'kd-dex', 'dexamethasone 20 mg PO (Kd)', DEX, '2025-11-03', '2026-09-20')
b.status('vgpr', '2026-05-01', worse=False)
tail(b)
out(b, '''
Man born 1959. VRd x5 from 2023-01-09 (lenalidomide to 2023-04-17). An ASCT Procedure dated 2023-06-15 has status
"not-done" (statusReason "Stem cell mobilisation failed"). Lenalidomide 10 mg daily from 2023-11-01 to 2025-10-01
(no progression before it). PD 2025-10-20 (19 days after the last lenalidomide). Kd from 2025-11-03, VGPR, ongoing.

A haematologist: no transplant was done. Line 1 = VRd followed by lenalidomide (continuation without progression;
some would call the lenalidomide after a 6-month break a second line: a range 1-2 is fair); lenalidomide-refractory;
Kd is the line under way. The history must not name an autologous transplant.''')

# ---------------------------------------------------------------- 07 MedicationStatement entered-in-error: daratumumab up to a PD
b = BN('07-dara-statement-entered-in-error-kd-pd', '1956-12-12', 'female', 'Rossi', 'Giulia')
base_r(b, '2024-03-01')
b.stmt('dara-err', 'daratumumab 1800 mg SC (Darzalex Faspro)', '2024-03-20', '2026-08-01', DARA, status='entered-in-error')
kd(b, '2024-03-20', '2026-07-25')
b.status('pd-2', '2026-08-10')
tail(b)
out(b, '''
Woman born 1956. VRd-ASCT-R, PD 2024-03-01. Kd 2024-03-20 to 2026-07 (administrations), PD 2026-08-10 on it. A
MedicationStatement "daratumumab SC 2024-03-20 to 2026-08-01" has status "entered-in-error" (keyed on the wrong
patient).

A haematologist: 2 prior lines; double-refractory (lenalidomide, carfilzomib); anti-CD38 NAIVE.''')

# ---------------------------------------------------------------- 08 Isa-Pd: isatuximab held 10 weeks, resumed, PD on it
b = BN('08-isa-pd-isatuximab-held-10-weeks-resumed-pd-on-it', '1955-05-15', 'male', 'Kowalski', 'Piotr')
base_r(b, '2024-01-10')
isa_pd(b, '2024-02-01', '2026-08-27', '2026-09-05', hold=('2025-03-10', '2025-05-18'))
b.status('pd-2', '2026-09-25')
tail(b)
out(b, '''
Man born 1955. VRd-ASCT-R, PD 2024-01-10. Isa-Pd from 2024-02-01: isatuximab every 2 weeks, held for 10 weeks
(no dose 2025-03-10 to 2025-05-18, pneumonia; pomalidomide and dexamethasone went on), resumed 2025-05-22 to
2026-08-27; pomalidomide to 2026-09-05. PD 2026-09-25 on Isa-Pd.

A haematologist: 2 prior lines (the hold is not a new line); isatuximab-, pomalidomide-, lenalidomide-refractory;
anti-CD38 refractory; washout 66 days (short).''')

# ---------------------------------------------------------------- 08b Isa-Pd: isatuximab held, PD 66 days after its last dose while Pd went on; then Kd
b = BN('08b-isa-pd-isatuximab-held-pd-66d-after-last-isa-pd-continuing', '1955-06-16', 'female', 'Kowalska', 'Ewa')
base_r(b, '2024-01-10')
isa_pd(b, '2024-02-01', '2025-06-16', '2025-08-25')
b.status('pd-2', '2025-08-10')
cycles(b, 'kd-cfz', 'carfilzomib 56 mg/m2 IV (Kd)', CFZ, '2025-09-01', (0, 1, 7, 8, 14, 15), 13, 28)
weekly(b, 'kd-dex', 'dexamethasone 20 mg PO (Kd)', DEX, '2025-09-01', '2026-08-10')
b.status('vgpr', '2026-03-01', worse=False)
tail(b)
out(b, '''
Woman born 1955. VRd-ASCT-R, PD 2024-01-10. Isa-Pd from 2024-02-01; isatuximab held after 2025-06-05 (infusion-
related bronchospasm; the team planned to resume), pomalidomide and dexamethasone went on to 2025-08-25. PD 2025-08-10
on Pd, 66 days after the last isatuximab. Kd from 2025-09-01, VGPR, ongoing.

A haematologist: 3 prior lines counting Kd (2 completed + Kd under way). Pomalidomide-refractory. Isatuximab: the
line progressed on therapy, but isatuximab itself was last given 66 days before (just outside the 60-day window);
the issue's bullet 2 makes every drug of a line that progressed on therapy refractory, IMWG's drug-level rule says
not refractory. Either "refractory" (by the line) or UNDECIDED is defensible; a confident "isatuximab not refractory,
anti-CD38 not refractory" with no mention is not.''')

# ---------------------------------------------------------------- 09 DRd: whole-regimen holiday 100 days, PD inside it (80 d), DRd resumed, PD on it
b = BN('09-drd-holiday-100d-pd-inside-holiday-drd-resumed-pd-on-it', '1956-09-19', 'male', 'Haddad', 'Omar')
base_r(b, '2022-01-10')
for x in dara_sched('2022-02-01', '2024-06-03'):
    b.admin('dara-' + x, 'daratumumab 16 mg/kg IV', x, DARA)
b.stmt('drd-len', 'lenalidomide 25 mg capsule days 1-21 of 28 (DRd)', '2022-02-01', '2024-06-10', LEN)
weekly(b, 'drd-dex', 'dexamethasone 40 mg PO (DRd)', DEX, '2022-02-01', '2024-06-10')
b.status('pd-2', '2024-08-29', text='Progressive disease (IMWG) during treatment holiday (COVID-19 pneumonia)')
for x in [days('2024-09-18', 28 * k) for k in range(24)]:
    b.admin('dara2-' + x, 'daratumumab 16 mg/kg IV (DRd resumed)', x, DARA)
b.stmt('drd2-len', 'lenalidomide 25 mg capsule days 1-21 of 28 (DRd resumed)', '2024-09-18', '2026-07-20', LEN)
weekly(b, 'drd2-dex', 'dexamethasone 40 mg PO (DRd resumed)', DEX, '2024-09-18', '2026-07-20')
b.status('pd-3', '2026-08-10')
tail(b)
out(b, '''
Man born 1956. VRd-ASCT-R, PD 2022-01-10 (lenalidomide maintenance). DRd from 2022-02-01; all drugs stopped after
2024-06-10 (COVID-19 pneumonia, a planned holiday); PD 2024-08-29 during the holiday (100 days after the last
daratumumab, 80 after the last lenalidomide). The same DRd resumed 2024-09-18 to 2026-07-20; PD 2026-08-10 on it.

A haematologist: the first DRd course did not fail on therapy (PD 80 days off it); re-treatment with the same regimen
after a documented progression is a new line by the usual definition (2 completed lines + the resumed DRd = 3 prior
lines); some would count the resumed DRd as a continuation (count 2 to 3 is fair). Daratumumab- and lenalidomide-
refractory (PD on the resumed DRd).''')

# ---------------------------------------------------------------- 10 progression only as C90.02 Condition with onsetDateTime (no recordedDate), on maintenance; Kd 3 weeks later
b = BN('10-c90-02-onset-only-on-maintenance-then-kd', '1957-03-17', 'female', 'Jensen', 'Mette')
asct_base(b)
rmaint(b, '2019-09-01', '2026-03-01', 'completed')
b.cond('mm-rel', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2026-03-05')
cycles(b, 'kd-cfz', 'carfilzomib 56 mg/m2 IV (Kd)', CFZ, '2026-03-26', (0, 1, 7, 8, 14, 15), 7, 28)
weekly(b, 'kd-dex', 'dexamethasone 20 mg PO (Kd)', DEX, '2026-03-26', '2026-10-20')
tail(b)
out(b, '''
Woman born 1957. VRd-ASCT 2019, lenalidomide maintenance to 2026-03-01. A Condition C90.02 "Multiple myeloma in
relapse" with onsetDateTime 2026-03-05 and no recordedDate is the only progression record. Kd from 2026-03-26, ongoing.

A haematologist: relapse on lenalidomide maintenance (4 days after the last capsule): lenalidomide-refractory; 1
prior line, Kd (line 2) under way; carfilzomib exposed, not refractory.''')

# ---------------------------------------------------------------- 11 PD Observation status cancelled on maintenance, nothing else
b = BN('11-pd-observation-cancelled-on-maintenance-only-signal', '1957-04-18', 'male', 'Larsen', 'Erik')
asct_base(b)
rmaint(b, '2019-09-01', None, 'active')
b.status('pd-x', '2026-07-14', status='cancelled', text='Progressive disease (IMWG)')
b.mprot('mp-1', '2026-04-10', 0.2); b.mprot('mp-2', '2026-07-10', 0.2); b.mprot('mp-3', '2026-10-10', 0.2)
tail(b)
out(b, '''
Man born 1957. VRd-ASCT 2019, lenalidomide maintenance ongoing (active statement). A disease-status Observation
"Progressive disease" dated 2026-07-14 has status "cancelled" (the assessment was not performed). M-protein 0.2 g/dL
stable on 2026-04, 07, 10.

A haematologist: first-line maintenance under way, no relapse documented (stable M-protein); the RRMM regimens are not
options; no lenalidomide refractoriness.''')

# ---------------------------------------------------------------- 13 birthDate year-month at the age-70 limit (PERSEUS, GMMG-HD7, IsKia 18-70)
def ndmm_te(name, birth, fam, giv):
    b = BN(name, birth, 'male', fam, giv)
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2026-10-05')
    b.lab('ecog', '89247-1', 'ECOG Performance Status score', '2026-10-10', 1, '{score}', '{score}')
    b.mprot('mp-0', '2026-10-05', 2.4)
    tail(b)
    return b


out(ndmm_te('13-ndmm-birthdate-year-month-1955-11-age-70-or-71', '1955-11', 'Schmidt', 'Uwe'), '''
Man, birthDate "1955-11" (month only). Newly diagnosed myeloma 2026-10-05, fit (ECOG 1), eGFR 66, no therapy. On
asOf 2026-11-01 he is 71 if born on 1 November 1955, and 70 if born on any later day of that month.

A haematologist: age 70 or 71; the trials that admit age 18-70 (PERSEUS, GMMG-HD7, IsKia) are undecided on age (or
decided 70 for all days but 1 November): UNKNOWN naming the birth date, never a confident MET or NOT_ELIGIBLE.''')

out(ndmm_te('13c-control-ndmm-birthdate-1955-12-03-age-70', '1955-12-03', 'Schmidt', 'Kai'), '''
Control for 13: birthDate 1955-12-03, age 70 on asOf. A haematologist: within 18-70; PERSEUS/GMMG-HD7/IsKia age met.''')

# ---------------------------------------------------------------- 14 replay: a Kd statement asserted after asOf, effective before it
b = BN('14-kd-statement-asserted-after-asof-effective-before', '1958-05-25', 'female', 'Tanaka', 'Yuki')
base_r(b, '2026-06-10')
b.stmt('kd-c', 'carfilzomib 56 mg/m2 IV (Kd, outside hospital)', '2026-07-01', None, CFZ, status='active',
       dateAsserted='2026-11-20')
b.stmt('kd-d', 'dexamethasone 20 mg (Kd, outside hospital)', '2026-07-01', None, DEX, status='active',
       dateAsserted='2026-11-20')
tail(b)
out(b, '''
Woman born 1958. VRd-ASCT-R, PD 2026-06-10 on maintenance. Kd given at an outside hospital from 2026-07-01; the
MedicationStatements were entered (dateAsserted) on 2026-11-20. Evaluated "as of" 2026-11-01.

A haematologist replaying the chart as it stood on 2026-11-01: the Kd was not yet in the record. A replay as of that
day should give what the tumour board saw then: 1 prior line, relapse, no carfilzomib; the same answer as the bundle
cut at that date (bullet 10). (Reading a record entered later is a leak; the clinical answer on the day itself would
still be "Kd under way", so the question is the replay contract, not safety.)''')

b = BN('14b-c90-02-recorded-after-asof-onset-before-only-signal', '1958-06-26', 'male', 'Tanaka', 'Hiro')
asct_base(b)
rmaint(b, '2019-09-01', None, 'active')
b.cond('mm-rel', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2026-09-20',
       recordedDate='2026-11-18')
tail(b)
out(b, '''
Man born 1958. VRd-ASCT 2019, lenalidomide maintenance ongoing. A C90.02 Condition "in relapse" with onset 2026-09-20
was recorded on 2026-11-18. Evaluated as of 2026-11-01.

A haematologist replaying 2026-11-01: no relapse was on the chart yet; first-line maintenance under way, RRMM
regimens not options (bullet 10: the condition recorded after asOf is not read).''')

# ---------------------------------------------------------------- 19 lenalidomide statement stopped with no end, asserted 2026-01-10; PD 2026-08
b = BN('19-len-statement-stopped-no-end-asserted-jan-pd-august', '1956-07-27', 'female', 'Murphy', 'Siobhan')
asct_base(b)
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2019-09-01', None, LEN, status='stopped',
       dateAsserted='2026-01-10', statusReason=[{'text': 'Stopped: patient preference after 6 years'}])
b.status('pd-1', '2026-08-20')
cycles(b, 'kd-cfz', 'carfilzomib 56 mg/m2 IV (Kd)', CFZ, '2026-09-02', (0, 1, 7, 8, 14, 15), 2, 28)
weekly(b, 'kd-dex', 'dexamethasone 20 mg PO (Kd)', DEX, '2026-09-02', '2026-10-25')
tail(b)
out(b, '''
Woman born 1956. VRd-ASCT 2019; lenalidomide maintenance from 2019-09-01, a MedicationStatement with status "stopped",
no end date, dateAsserted 2026-01-10, statusReason "Stopped: patient preference after 6 years". PD 2026-08-20. Kd
from 2026-09-02.

A haematologist: lenalidomide was stopped on or before 2026-01-10, so the PD came at least 222 days after the last
dose: lenalidomide NOT refractory (or, at most cautious, undecided if the assertion date is not trusted as the stop).
"Refractory" is not supported. 1 prior line, Kd under way.''')


# ---------------------------------------------------------------- 01d as 01b but the blinded line has progressed and stopped: anti-CD38 options live
b = BN('01d-open-isa-pd-then-blinded-dara-or-placebo-pd-pd-on-it-last-dose-42d-before-asof', '1955-06-26', 'male',
       'Lefevre', 'Marc')
base_r(b, '2021-06-01')
isa_pd(b, '2021-06-15', '2023-05-15', '2023-05-22')
b.status('pd-2', '2024-01-20')
kd(b, '2024-02-05', '2026-05-20')
b.status('pd-3', '2026-06-10')
for x in dara_sched('2026-06-22', '2026-09-20'):
    b.admin('study-' + x, 'Daratumumab SC 1800 mg or placebo (study drug, double-blind)', x)
b.stmt('l4-pom', POM_T + ' days 1-21 of 28 (open-label, with study drug)', '2026-06-22', '2026-09-27', POM)
b.stmt('l4-dex', 'dexamethasone 40 mg weekly', '2026-06-22', '2026-09-27', DEX)
b.status('pd-4', '2026-10-05')
tail(b)
out(b, '''
Man born 1955. VRd-ASCT-R, PD 2021-06-01. Isa-Pd 2021-06-15 to 2023-05 (isatuximab last 2023-05-02), stopped in CR;
PD 2024-01-20 (isatuximab and pomalidomide not refractory). Kd 2024-02 to 2026-05, PD 2026-06-10 on it. From
2026-06-22 a study: "Daratumumab SC 1800 mg or placebo (study drug, double-blind)" weekly, the last 2026-09-14, with
open-label pomalidomide + dexamethasone to 2026-09-27; PD 2026-10-05 on it. asOf 2026-11-01.

A haematologist: 4 prior lines; lenalidomide-, carfilzomib- and pomalidomide-refractory. Anti-CD38: isatuximab
certain, not refractory; daratumumab possibly given up to 2026-09-14 (48 days before asOf) with a progression on it.
Anti-CD38 refractoriness is UNDECIDED and so is the washout band: 48 days (short) if the arm was active, 1,279 days
from the isatuximab if placebo. An "adequate washout" from the isatuximab alone, with no caution, is not supported.''')

# ---------------------------------------------------------------- 03bc control for 03b: the same maintenance as open-label ixazomib
b = BN('03bc-control-open-label-ixazomib-maintenance-then-kd-after-pd', '1957-08-18', 'male', 'Novak', 'Petr')
asct_base(b)
cycles(b, 'ixa', 'ixazomib 3 mg capsule (maintenance)', IXA, '2019-09-05', (0, 7, 14), 30, 28)
b.status('pd-1', '2021-11-20')
cycles(b, 'kd-cfz', 'carfilzomib 56 mg/m2 IV (Kd)', CFZ, '2021-11-22', (0, 1, 7, 8, 14, 15), 20, 28)
weekly(b, 'kd-dex', 'dexamethasone 20 mg PO (Kd)', DEX, '2021-11-22', '2023-05-15')
b.status('vgpr', '2022-06-01', worse=False)
b.status('pd-2', '2026-09-15')
tail(b)
out(b, '''
Control for 03b: the maintenance after the 2019 ASCT is open-label ixazomib (RxNorm 1723735) days 1, 8, 15 from
2019-09-05 to 2021-12-09 (the last three capsules after the progression, with the first Kd cycle); PD 2021-11-20; Kd 2021-11-22 to 2023-05 (VGPR); PD 2026-09-15 off therapy.

A haematologist: 2 prior lines; ixazomib-refractory (PD on it), so PI-refractory;
lenalidomide (2019 induction only) and carfilzomib (stopped 2023) not refractory.''')

# ---------------------------------------------------------------- 19b as 19 with no next regimen: the RRMM options are live
b = BN('19b-len-statement-stopped-no-end-asserted-jan-pd-august-no-next-line', '1956-07-17', 'female', 'Murphy', 'Aoife')
asct_base(b)
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2019-09-01', None, LEN, status='stopped',
       dateAsserted='2026-01-10', statusReason=[{'text': 'Stopped: patient preference after 6 years'}])
b.status('pd-1', '2026-08-20')
tail(b)
out(b, '''
As 19 without the Kd: lenalidomide maintenance statement "stopped", no end, dateAsserted 2026-01-10; PD 2026-08-20;
no therapy since.

A haematologist: 1 prior line; lenalidomide was stopped on or before 2026-01-10, so the PD came at least 222 days
after the last dose: NOT lenalidomide-refractory, and D-Rd (POLLUX) fits. At the most cautious, the stop date is
unknown only within 2019-09-01..2026-01-10, never up to the progression.''')

# ---------------------------------------------------------------- 01dc control for 01d: the study product open-label daratumumab
b = BN('01dc-control-open-isa-pd-then-open-dara-pd-pd-on-it-last-dose-48d-before-asof', '1955-06-28', 'male',
       'Lefevre', 'Yves')
base_r(b, '2021-06-01')
isa_pd(b, '2021-06-15', '2023-05-15', '2023-05-22')
b.status('pd-2', '2024-01-20')
kd(b, '2024-02-05', '2026-05-20')
b.status('pd-3', '2026-06-10')
for x in dara_sched('2026-06-22', '2026-09-20'):
    b.admin('dara-' + x, 'daratumumab 1800 mg / hyaluronidase SC (Darzalex Faspro)', x, DARA)
b.stmt('l4-pom', POM_T + ' days 1-21 of 28 (DPd)', '2026-06-22', '2026-09-27', POM)
b.stmt('l4-dex', 'dexamethasone 40 mg weekly', '2026-06-22', '2026-09-27', DEX)
b.status('pd-4', '2026-10-05')
tail(b)
out(b, '''
Control for 01d: the same record with the line-4 antibody open-label daratumumab SC (Darzalex Faspro), last dose
2026-09-14, PD 2026-10-05 on DPd.

A haematologist: daratumumab-refractory (anti-CD38 refractory); washout 48 days: short (§5: <90 days, low expected
activity, lower rank).''')

# ---------------------------------------------------------------- 19c control for 19b: the same statement with its end
b = BN('19c-control-len-statement-stopped-end-2026-01-10-pd-august', '1956-07-07', 'female', 'Murphy', 'Niamh')
asct_base(b)
b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2019-09-01', '2026-01-10', LEN, status='stopped',
       dateAsserted='2026-01-10', statusReason=[{'text': 'Stopped: patient preference after 6 years'}])
b.status('pd-1', '2026-08-20')
tail(b)
out(b, '''
Control for 19b: the stopped statement carries its end, 2026-01-10. PD 2026-08-20, 222 days later.

A haematologist: 1 prior line; lenalidomide not refractory; D-Rd in the POLLUX population.''')
