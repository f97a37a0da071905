# Sweep J (acceptance check of the timeline fixes of 2026-12-05, late): near misses beside each fix, shapes a real EHR
# export can hold where the new reading could reach too far: a T-cell collection that no CAR-T followed, or one with a
# progression before the cells; a stem-cell mobilisation with a CAR-T after an early relapse; two progressions with only
# an order between; an early progression with the regimen changed a cycle later and only dexamethasone going on; a single
# unconfirmed M-protein rise between lines; a line under way at the label's line limit; an anti-CD38 antibody stopped for
# a partner drug's toxicity or an infusion reaction it was continued through; other therapy under several names; a salvage
# transplant mobilised with G-CSF alone.
# Run from the project root; writes qa-bundles/s16j-*.json with a story s16j-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BJ(B):
    PREFIX = 's16j-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-05T15:20:00Z'; return bd


def out(b, story): save(b.bundle(), story)


APH = [{'system': SCT, 'code': '127788007', 'display': 'Apheresis (procedure)'}]
CART_CPT = [{'system': CPT, 'code': '0540T', 'display': 'Chimeric antigen receptor T-cell (CAR-T) therapy; CAR-T cell administration, autologous'}]
TEC = None  # teclistamab and selinexor by name only, as many EHRs send them
SELX = None


def cart_history(b):
    """VRd-ASCT-R (PD 2022-03-10), D-Pd (PD 2023-09-25): two lines, triple-class exposed."""
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
    vrd(b, '2019-02-01')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
    rmaint(b, '2019-09-01', '2022-03-20', 'completed')
    b.status('pd-1', '2022-03-10')
    cycles(b, 'dpd-dara', 'daratumumab 1800 mg SC (Darzalex Faspro)', ('2372199', 'daratumumab / hyaluronidase'), '2022-04-01', (0, 14), 18, 28)
    cycles(b, 'dpd-pom', 'pomalidomide 4 mg capsule', POM, '2022-04-01', (0,), 18, 28)
    cycles(b, 'dpd-dex', 'dexamethasone 40 mg PO', DEX, '2022-04-01', (0, 7, 14, 21), 18, 28)
    b.status('pd-2', '2023-09-25')


def lymphodep(b, start):
    for k in range(3):
        b.admin('ld-flu-%d' % k, 'fludarabine 30 mg/m2 IV (lymphodepletion)', days(start, k), FLU)
        b.admin('ld-cy-%d' % k, 'cyclophosphamide 300 mg/m2 IV (lymphodepletion)', days(start, k), CY)


def kd(b, start, n, pre='kd', text='carfilzomib 56 mg/m2 IV'):
    cycles(b, pre + '-cfz', text, CFZ, start, (0, 7, 14), n, 28)
    cycles(b, pre + '-dex', 'dexamethasone 40 mg PO', DEX, start, (0, 7, 14, 21), n, 28)


# ---------------------------------------------------------------- 01 collection, no CAR-T ever (manufacturing failed), Kd went on
b = BJ('01-cart-collection-then-kd-no-cart-ever-pd-on-kd-then-tec', '1960-03-03', 'female', 'Kowalski', 'Anna')
cart_history(b)
b.proc('leuka', APH, 'Leukapheresis for CAR-T manufacture', '2023-10-09')
kd(b, '2023-10-16', 8)
b.status('pd-3', '2024-06-10')
cycles(b, 'tec', 'teclistamab 1.5 mg/kg SC weekly', TEC, '2024-07-01', (0, 7, 14, 21), 20, 28)
b.status('pd-4', '2026-08-25')
b.egfr('2026-10-20', 64); LVEF(b, '2026-10-15')
out(b, '''
Woman born 1960. VRd-ASCT-R (PD 2022-03-10), D-Pd (PD 2023-09-25); "Leukapheresis for CAR-T manufacture" 2023-10-09;
Kd from 2023-10-16 for 8 cycles (the cells were never infused: manufacturing failed; no CAR-T is recorded anywhere);
PD on Kd 2024-06-10; teclistamab from 2024-07-01; PD 2026-08-25. A haematologist (clinical-evidence.md §1.1 LOT-B15,
§1.2): 4 prior lines (VRd-ASCT-R, D-Pd, Kd, teclistamab); Kd is a line of its own since no CAR-T followed it;
carfilzomib refractory (PD on it). The collection must not make anything "bridging" (CDS-POLICY-CART-COLLECTION reads it
only for the line a CAR-T joins). US D-Kd/Isa-Kd NOT_ELIGIBLE (>3 lines).''')

# ---------------------------------------------------------------- 02 collection, bridging Kd, PD on Kd, CAR-T after the progression
b = BJ('02-cart-collection-bridging-kd-pd-on-kd-then-cart', '1961-05-14', 'male', 'Moreau', 'Paul')
cart_history(b)
b.proc('leuka', APH, 'Leukapheresis for CAR-T manufacture', '2023-10-09')
kd(b, '2023-10-16', 3, text='carfilzomib 56 mg/m2 IV (bridging)')
b.status('pd-3', '2024-01-05')
lymphodep(b, '2024-02-05')
b.admin('cilta', 'CARVYKTI (ciltacabtagene autoleucel) IV infusion', '2024-02-10')
b.status('pd-4', '2026-08-25')
b.egfr('2026-10-20', 64); LVEF(b, '2026-10-15')
out(b, '''
Man born 1961. VRd-ASCT-R (PD 2022-03-10), D-Pd (PD 2023-09-25); leukapheresis for CAR-T 2023-10-09; bridging Kd x3 from
2023-10-16 (last carfilzomib 2023-12-25); the myeloma progressed on the bridging (PD 2024-01-05, dated); flu/cy
2024-02-05..07 and cilta-cel 2024-02-10; PD 2026-08-25. A haematologist (§1.1 LOT-B15, §1.2): the CAR-T plan was
stated, so Kd was bridging, and bridging that fails before the cells arrive is usually still counted with them as one
planned line; a progression on bridging does not by itself make a new line when the planned CAR-T follows. Either 3
lines (planned sequence) or 4 (progression between) is defensible; what must not happen is a confident count that hides
the progression on bridging. Carfilzomib refractory (PD 11 days after the last dose).''')

# ---------------------------------------------------------------- 03 collection Procedure not-done, bridging Kd, CAR-T
b = BJ('03-cart-collection-not-done-bridging-kd-cart', '1959-09-09', 'female', 'Haddad', 'Rana')
cart_history(b)
b.proc('leuka', APH, 'Leukapheresis for CAR-T manufacture', '2023-10-09', status='not-done',
       statusReason={'text': 'Patient unwell - rescheduled'})
kd(b, '2023-10-16', 2, text='carfilzomib 56 mg/m2 IV')
lymphodep(b, '2023-12-11')
b.admin('cilta', 'CARVYKTI (ciltacabtagene autoleucel) IV infusion', '2023-12-16')
b.status('pd-3', '2026-08-25')
b.egfr('2026-10-20', 64); LVEF(b, '2026-10-15')
out(b, '''
Woman born 1959. VRd-ASCT-R (PD 2022-03-10), D-Pd (PD 2023-09-25); a Procedure "Leukapheresis for CAR-T manufacture"
2023-10-09 with status not-done ("Patient unwell - rescheduled"), the real collection not exported; Kd x2 from
2023-10-16; flu/cy and cilta-cel 2023-12-16; PD 2026-08-25. A haematologist: the record shows no collection before Kd,
so whether Kd was bridging is not stated: CDS-POLICY-CART-BRIDGING's range 3 to 4 (as s16c-01), not a confident 3.''')

# ---------------------------------------------------------------- 04 stem-cell mobilisation with cyclophosphamide, ASCT, early relapse, CAR-T within 120 days of the cyclophosphamide
b = BJ('04-cy-mobilisation-asct-early-relapse-cart-within-120-days', '1963-02-02', 'male', 'Schmidt', 'Jonas')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2024-01-10')
vrd(b, '2024-01-22', 4)
b.admin('mob-cy', 'cyclophosphamide 2 g/m2 IV (stem cell mobilisation)', '2024-04-29', CY)
gcsf(b, '2024-05-01', 8)
b.proc('pbsc', APH, 'Peripheral blood stem cell apheresis (CD34 harvest)', '2024-05-10')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2024-05-27', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2024-05-28')
b.status('pd-1', '2024-07-15')
b.proc('leuka', APH, 'Leukapheresis for CAR-T manufacture', '2024-07-22')
lymphodep(b, '2024-08-19')
b.admin('cilta', 'CARVYKTI (ciltacabtagene autoleucel) IV infusion', '2024-08-24')
b.status('pd-2', '2026-09-01')
b.egfr('2026-10-20', 70); LVEF(b, '2026-10-15')
out(b, '''
Man born 1963, high-risk myeloma. VRd x4 from 2024-01-22; cyclophosphamide 2 g/m2 "(stem cell mobilisation)" 2024-04-29
with G-CSF and a CD34 harvest; melphalan 200 + ASCT 2024-05-28; early relapse PD 2024-07-15 (7 weeks after the
transplant); leukapheresis for CAR-T 2024-07-22; flu/cy and cilta-cel 2024-08-24 (117 days after the mobilisation
cyclophosphamide); PD 2026-09-01. A haematologist (§1.1 LOT-B15): 2 prior lines: VRd + mobilisation + ASCT (one planned
sequence), then the CAR-T after the progression. The mobilisation cyclophosphamide is not bridging for the CAR-T (it was
given before the transplant, before the relapse and before the CAR-T was planned).''')

# ---------------------------------------------------------------- 05 two progressions 200 days apart, only a pomalidomide order between
b = BJ('05-two-pd-200-days-apart-only-order-between', '1955-07-07', 'female', 'Ito', 'Keiko')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-10')
vrd(b, '2019-01-21')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-06-10', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-06-11')
rmaint(b, '2019-08-19', '2024-01-12', 'completed')
b.status('pd-1', '2024-01-10')
kd(b, '2024-02-05', 12)
b.status('pd-2', '2025-02-10')
b.req('pom-order', 'pomalidomide 4 mg capsule d1-21 q28d', '2025-02-20', POM, status='completed',
      dosageInstruction=[{'text': '4 mg daily days 1-21 of 28-day cycle'}],
      dispenseRequest=supply('2025-02-20', '2025-08-20', 5))
b.req('dex-order', 'dexamethasone 40 mg weekly', '2025-02-20', DEX, status='completed')
b.status('pd-3', '2025-08-29')
cycles(b, 'tec', 'teclistamab 1.5 mg/kg SC weekly', TEC, '2025-09-22', (0, 7, 14, 21), 10, 28)
b.status('pd-4', '2026-09-15')
b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')
out(b, '''
Woman born 1955. VRd-ASCT-R (PD 2024-01-10), Kd x12 (PD 2025-02-10); then only two completed MedicationRequests,
pomalidomide 4 mg d1-21 (five repeats, validity to 2025-08-20) and dexamethasone, authored 2025-02-20, no dispense or
administration (the oral drug came from a specialty pharmacy outside the export); PD 2025-08-29 (200 days after the
second); teclistamab from 2025-09-22; PD 2026-09-15. A haematologist (§1.1, §1.2): almost certainly Pd was given
(3 or 4 prior lines; the record does not show it was started). The engine should say so: either the order as a possible
line (CDS-POLICY-ORDERS-NOT-STARTED range) or GAP-THERAPY-87 (two progressions with therapy unknown between), not a
confident "3 prior lines" with no gap. US D-Kd/Isa-Kd (1-3 lines) hang on it.''')

# ---------------------------------------------------------------- 06 early PD in Pd cycle 1, pomalidomide stopped, dex alone, then SVd a cycle later
def pd_line_history(b):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-10')
    vrd(b, '2019-01-21')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-06-10', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-06-11')
    rmaint(b, '2019-08-19', '2023-01-20', 'completed')
    b.status('pd-1', '2023-01-15')
    kd(b, '2023-02-06', 31)
    b.status('pd-2', '2025-08-20')


b = BJ('06-early-pd-in-pd-cycle1-pom-stopped-dex-on-then-svd', '1956-06-30', 'female', 'Tanaka', 'Yuki')
pd_line_history(b)
b.admin('pom-c1', 'pomalidomide 4 mg PO d1', '2025-09-15', POM)
for d in ('2025-09-15', '2025-09-22', '2025-09-29', '2025-10-06', '2025-10-13'):
    b.admin('dex-' + d, 'dexamethasone 40 mg PO weekly', d, DEX)
b.status('pd-3', '2025-10-05')
cycles(b, 'svd-sel', 'selinexor 100 mg PO weekly', SELX, '2025-10-13', (0, 7, 14, 21, 28), 8, 35)
cycles(b, 'svd-btz', 'bortezomib 1.3 mg/m2 SC weekly', BTZ, '2025-10-13', (0, 7, 14, 21), 8, 35)
cycles(b, 'svd-dex', 'dexamethasone 20 mg PO twice weekly', DEX, '2025-10-14', (0, 7, 14, 21, 28), 8, 35)
b.status('pd-4', '2026-09-20')
b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')
out(b, '''
Woman born 1956. VRd-ASCT-R (PD 2023-01-15), Kd x31 (PD 2025-08-20); Pd from 2025-09-15 (pomalidomide charted on day
1); progression 2025-10-05 three weeks into Pd; pomalidomide stopped, dexamethasone given on weekly; selinexor-
bortezomib-dexamethasone (SVd) from 2025-10-13, a cycle after Pd began; PD 2026-09-20. A haematologist (§1.1 LOT-B15,
CDS-POLICY-CONTINUE-EARLY-PD: "a new drug ... remain a new line"): 4 prior lines (L3 Pd one cycle, L4 SVd);
pomalidomide refractory (PD on it). Wrong: SVd folded into line 3 because dexamethasone went on.''')

# ---------------------------------------------------------------- 06b same, but the switch is to cyclophosphamide-pomalidomide-dex (one new drug, pomalidomide again)
b = BJ('06b-early-pd-in-pd-cycle1-then-pcd-with-cyclophosphamide-added', '1956-06-30', 'female', 'Tanaka', 'Yumi')
pd_line_history(b)
for k in range(10):
    day = days('2025-09-15', 28 * k)
    b.admin('pom-' + day, 'pomalidomide 4 mg PO d1', day, POM)
    for d in (0, 7, 14, 21):
        b.admin('dex-' + days(day, d), 'dexamethasone 40 mg PO weekly', days(day, d), DEX)
    if k >= 1:
        for d in (0, 7, 14):
            b.admin('cy-' + days(day, d), 'cyclophosphamide 400 mg PO weekly', days(day, d), CY)
b.status('pd-3', '2025-10-05')
b.status('pd-4', '2026-09-20')
b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')
out(b, '''
The 06 patient's twin: Pd from 2025-09-15, progression 2025-10-05 in cycle 1, and from cycle 2 (2025-10-13) weekly oral
cyclophosphamide added to pomalidomide and dexamethasone (PCd, a common rescue of an early progression on Pd), to
2026-06; PD 2026-09-20. A haematologist (§1.1 LOT-B15: adding a drug after progression is a new line): 4 prior lines
(L3 Pd one cycle, L4 PCd), pomalidomide refractory. 3 lines would hide the progression on Pd.''')

# ---------------------------------------------------------------- 06c early PD on Pd, pomalidomide held, dex weekly, radiotherapy, pomalidomide resumed 49 days after its only dose
b = BJ('06c-early-pd-on-pd-pom-held-dex-on-then-pom-restarted-49-days', '1956-06-30', 'female', 'Tanaka', 'Aiko')
pd_line_history(b)
b.admin('pom-c1', 'pomalidomide 4 mg PO d1', '2025-09-15', POM)
for k in range(8):
    d = days('2025-09-15', 7 * k); b.admin('dex-' + d, 'dexamethasone 40 mg PO weekly', d, DEX)
b.status('pd-3', '2025-10-05')
b.add({'resourceType': 'Procedure', 'id': 'rt', 'status': 'completed', 'subject': b.subj(), 'performedDateTime': '2025-10-20',
       'code': {'coding': [{'system': SCT, 'code': '108290001', 'display': 'Radiation oncology AND/OR radiotherapy'}],
                'text': 'Palliative radiotherapy T8 plasmacytoma 20 Gy/5'}})
cycles(b, 'pd2-pom', 'pomalidomide 4 mg PO d1', POM, '2025-11-03', (0,), 8, 28)
cycles(b, 'pd2-dex', 'dexamethasone 40 mg PO weekly', DEX, '2025-11-10', (0, 7, 14, 21), 8, 28)
b.status('pd-4', '2026-09-20')
b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')
out(b, '''
The 06 patient's twin: Pd from 2025-09-15; progression 2025-10-05 (a new T8 plasmacytoma); pomalidomide held,
dexamethasone given on weekly, palliative radiotherapy 2025-10-20; pomalidomide resumed 2025-11-03, 49 days after its
only earlier dose, and given on to 2026-06; PD 2026-09-20. A haematologist (§1.1 LOT-B15; CDS-POLICY-CONTINUE-EARLY-PD
reading 2, steroid on through, therapy within 60 days): Pd continued after radiotherapy to a plasmacytoma, one line (3
prior lines) is the policy's reading and defensible; pomalidomide refractory. Either way pomalidomide refractory.''')

# ---------------------------------------------------------------- 07 M-protein: single unconfirmed rise between lines, 180-day rule
def off_therapy_mprot(b, vals):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2018-01-10')
    vrd(b, '2018-01-22')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2018-06-11', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2018-06-12')
    rmaint(b, '2018-08-20', '2021-08-20', 'completed')
    for d, v in vals: b.mprot('mp-' + d + ('-b' if any(x[0] == d for x in vals[:vals.index((d, v))]) else ''), d, v)
    kd(b, '2025-09-01', 10)
    b.status('pd-2', '2026-09-10')
    b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')


b = BJ('07-single-unconfirmed-mprotein-rise-off-therapy-then-kd', '1952-04-04', 'male', 'Walsh', 'Declan')
off_therapy_mprot(b, [('2021-06-01', 0.2), ('2023-01-10', 0.2), ('2024-03-05', 0.9), ('2024-06-10', 0.3),
                      ('2025-08-01', 0.4)])
out(b, '''
Man born 1952. VRd-ASCT, lenalidomide maintenance stopped 2021-08-20 in remission (M-protein 0.2 g/dL); one M-protein of
0.9 g/dL on 2024-03-05 (a single value, a sample mix-up or a transient rise) that fell to 0.3 three months later and 0.4
in 2025-08; Kd from 2025-09-01 (for a reason not recorded); PD 2026-09-10. A haematologist (§1.2 IMWG: progression needs
two consecutive assessments): no progression between the lines; the 2024-03-05 value is unconfirmed, the next one
contradicts it. Line 2 opened by the 180-day rule; no "progression" named on 2024-03-05; relapse before Kd not
documented; lenalidomide not refractory.''')

b = BJ('07b-mprotein-rise-duplicated-same-day-two-labs-off-therapy-then-kd', '1952-04-04', 'male', 'Walsh', 'Eamon')
off_therapy_mprot(b, [('2021-06-01', 0.2), ('2023-01-10', 0.2), ('2024-03-05', 0.9), ('2024-03-05', 0.95),
                      ('2024-06-10', 0.3), ('2025-08-01', 0.4)])
out(b, '''
The 07 patient's twin: the 2024-03-05 sample was run by two laboratories (0.9 and 0.95 g/dL, same day), then 0.3 in
2024-06 and 0.4 in 2025-08. A haematologist (§1.2 IMWG-C11: two consecutive assessments): two results of one day are
one assessment, not a confirmation; the next assessment shows no progression. No progression named between the lines.''')

# ---------------------------------------------------------------- 08 line under way at the label limit: 3 done, line 4 under way, relapse not documented
b = BJ('08-line4-under-way-at-asof-relapse-not-documented-dkd-limit', '1958-08-08', 'male', 'Novak', 'Petr')
cart_history(b)
cycles(b, 'tec', 'teclistamab 1.5 mg/kg SC weekly', TEC, '2023-10-16', (0, 7, 14, 21), 12, 28)
b.status('pd-3', '2024-09-02')
cycles(b, 'sel', 'selinexor 100 mg PO weekly', SELX, '2024-09-23', (0, 7, 14, 21), 28, 28)
cycles(b, 'sel-dex', 'dexamethasone 20 mg PO weekly', DEX, '2024-09-23', (0, 7, 14, 21), 28, 28)
b.status('pr-4', '2025-03-01', worse=False, text='Partial response (IMWG)')
b.egfr('2026-10-20', 60); LVEF(b, '2026-10-15')
out(b, '''
Man born 1958. VRd-ASCT-R (PD 2022-03), D-Pd (PD 2023-09-25), teclistamab (PD 2024-09-02), selinexor-dexamethasone
from 2024-09-23 given weekly, last before --as-of 2026-11-01 on 2026-10-26 (the export holds doses to 2026-11-09), partial response 2025-03; no
progression on it. A haematologist (§1.1; CDS-POLICY-LINE-UNDER-WAY): 3 prior lines, line 4 under way, relapse not
documented: no relapsed-myeloma regimen is indicated now; if one were chosen next it would follow 4 lines, and US
D-Kd/Isa-Kd (1-3 prior lines) would not be on label. The text and the label criteria must not disagree on the count
in a way that tells the board "3 prior lines" next to "NOT_ELIGIBLE: 4 prior lines".''')

# ---------------------------------------------------------------- 08b line 3 under way with a progression 10 days before asOf (treatment beyond PD)
b = BJ('08b-line3-given-on-after-pd-10-days-before-asof', '1958-08-08', 'male', 'Novak', 'Karel')
cart_history(b)
cycles(b, 'tec', 'teclistamab 1.5 mg/kg SC weekly', TEC, '2023-10-16', (0, 7, 14, 21), 40, 28)
b.status('pd-3', '2026-10-22')
b.egfr('2026-10-20', 60); LVEF(b, '2026-10-15')
out(b, '''
Man born 1958. VRd-ASCT-R, D-Pd (PD 2023-09-25), teclistamab weekly from 2023-10-16, last dose 2026-10-26 (4 days after
a progression dated 2026-10-22, at its weekly interval). A haematologist (§1.1, §1.2): 3 prior lines, relapse
documented, teclistamab refractory; the next regimen follows line 3: US D-Kd/Isa-Kd (1-3 prior lines) on label with the
anti-CD38-refractory caution. Not "2 prior lines, and line 3 under way" with options undecided.''')

# ---------------------------------------------------------------- 09 daratumumab stopped for bortezomib neuropathy (D-Vd), whole regimen held
def dvd_then(b, dara_reason, btz_reason=None):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-01-10')
    b.stmt('rd-len', 'lenalidomide 25 mg capsule d1-21', '2020-01-20', '2023-02-10', LEN)
    b.stmt('rd-dex', 'dexamethasone 40 mg weekly', '2020-01-20', '2023-02-10', DEX)
    b.status('pd-1', '2023-02-05')
    cycles(b, 'dvd-dara', 'daratumumab 16 mg/kg IV', DARA, '2023-02-27', (0, 7, 14), 5, 21)
    cycles(b, 'dvd-btz', 'bortezomib 1.3 mg/m2 SC', BTZ, '2023-02-27', (0, 3, 7, 10), 5, 21)
    cycles(b, 'dvd-dex', 'dexamethasone 20 mg PO', DEX, '2023-02-27', (0, 1, 3, 4, 7, 8, 10, 11), 5, 21)
    last = days('2023-02-27', 4 * 21 + 14)
    b.admin('dara-stop', 'daratumumab 16 mg/kg IV', days(last, 7), DARA, status='stopped', statusReason=[{'text': dara_reason}])
    b.admin('btz-stop', 'bortezomib 1.3 mg/m2 SC', days(last, 4), BTZ,
            **({'status': 'stopped', 'statusReason': [{'text': btz_reason}]} if btz_reason else {}))
    b.status('pd-2', '2026-08-24')


b = BJ('09-dara-stopped-for-bortezomib-neuropathy-dvd-pd-off-therapy', '1951-01-11', 'female', 'Rossi', 'Maria')
dvd_then(b, 'Regimen held: grade 3 peripheral neuropathy (bortezomib)', 'grade 3 peripheral neuropathy')
b.egfr('2026-10-20', 60); LVEF(b, '2026-10-15')
out(b, '''
Woman born 1951. Rd (PD 2023-02-05); D-Vd from 2023-02-27, five cycles; the whole regimen stopped in 2023-06 for grade 3
peripheral neuropathy from bortezomib: the bortezomib record "stopped: grade 3 peripheral neuropathy", and the
daratumumab record of the same week "stopped: Regimen held: grade 3 peripheral neuropathy (bortezomib)"; PD off therapy
2026-08-24. A haematologist (§8.2; CDS-POLICY-ANTICD38-CLASS-INTOLERANCE): the intolerance was of bortezomib, named by
the record; daratumumab was tolerated. No "other anti-CD38 antibody not tolerated" caution on isatuximab regimens and
no DRUG_INTOLERANCE on daratumumab regimens; bortezomib intolerance on bortezomib regimens (D-Vd) yes. 2 prior lines.''')

# ---------------------------------------------------------------- 09b infusion reaction at the first daratumumab dose, infusion interrupted, then 2 years of daratumumab
b = BJ('09b-dara-first-infusion-reaction-interrupted-then-2-years-dara', '1951-01-11', 'female', 'Rossi', 'Giulia')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-01-10')
b.stmt('rd-len', 'lenalidomide 25 mg capsule d1-21', '2020-01-20', '2023-02-10', LEN)
b.stmt('rd-dex', 'dexamethasone 40 mg weekly', '2020-01-20', '2023-02-10', DEX)
b.status('pd-1', '2023-02-05')
b.admin('dara-first', 'daratumumab 16 mg/kg IV', '2023-02-27', DARA, status='stopped',
        statusReason=[{'text': 'grade 2 infusion-related reaction; infusion interrupted, completed next day at half rate'}])
cycles(b, 'dpd-dara', 'daratumumab 1800 mg SC (Darzalex Faspro)', ('2372199', 'daratumumab / hyaluronidase'), '2023-02-28', (0, 7, 14, 21), 2, 28)
cycles(b, 'dpd-dara4', 'daratumumab 1800 mg SC (Darzalex Faspro)', ('2372199', 'daratumumab / hyaluronidase'), '2023-04-25', (0,), 20, 28)
cycles(b, 'dpd-pom', 'pomalidomide 4 mg capsule', POM, '2023-02-27', (0,), 22, 28)
b.status('pd-2', '2026-08-24')
b.egfr('2026-10-20', 60); LVEF(b, '2026-10-15')
out(b, '''
Woman born 1951. Rd (PD 2023-02-05); D-Pd from 2023-02-27: the first IV daratumumab infusion "stopped" with a grade 2
infusion-related reaction, completed next day at half rate; daratumumab SC then weekly and four-weekly to 2024-11
(tolerated for 20 months), pomalidomide to 2024-12; PD 2026-08-24 off therapy. A haematologist (§8.2: first-infusion
reactions are the rule, 45-48% with IV daratumumab, and do not stop treatment): daratumumab was tolerated; an
isatuximab class caution "anti-CD38 antibody not tolerated" would be untrue. 2 prior lines; daratumumab not refractory.''')

# ---------------------------------------------------------------- 10 other therapy: breast cancer drugs under brand, generic and dose names
b = BJ('10-other-therapy-paclitaxel-trastuzumab-under-several-names', '1962-02-20', 'female', 'Jensen', 'Karin')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-01-10')
b.cond('bc', [{'system': ICD, 'code': 'C50.911', 'display': 'Malignant neoplasm of unspecified site of right female breast'}],
       'Breast cancer, HER2 positive', '2024-02-01')
vrd(b, '2022-01-24', 4)
rmaint(b, '2022-05-01')
for k in range(12):
    d = days('2024-03-04', 7 * k)
    t = ('paclitaxel 80 mg/m2 IV weekly', 'PACLitaxel 144 mg in NaCl 250 mL IV', 'Taxol 80 mg/m2')[k % 3]
    b.admin('ptx-%d' % k, t, d)
for k in range(6):
    d = days('2024-03-04', 21 * k)
    t = ('Herceptin 6 mg/kg IV', 'trastuzumab 420 mg IV', 'TRASTUZUMAB-ANNS (Kanjinti) 6 mg/kg')[k % 3]
    b.admin('tz-%d' % k, t, d)
b.status('pd-1', '2026-09-01')
b.egfr('2026-10-20', 70); LVEF(b, '2026-10-15', 55)
out(b, '''
Woman born 1962. VRd then lenalidomide maintenance (active) for myeloma; HER2-positive breast cancer 2024-02: weekly
paclitaxel x12 and three-weekly trastuzumab x6 charted under brand, generic, dose and biosimilar names (no codes); PD
2026-09-01 on lenalidomide. A haematologist (§1.1): 1 prior line; lenalidomide refractory; the breast cancer drugs are
other therapy, not a line: two courses (paclitaxel, trastuzumab), whatever name each dose was charted under.''')

# ---------------------------------------------------------------- 11 salvage ASCT mobilised with G-CSF and plerixafor only, after a PD
b = BJ('11-vrd-asct-r-pd-gcsf-plerixafor-salvage-asct2-pd', '1960-10-10', 'male', 'Andersen', 'Nils')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-10')
vrd(b, '2019-01-21')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-06-10', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-06-11')
rmaint(b, '2019-08-19', '2025-04-20', 'completed')
b.status('pd-1', '2025-04-15')
gcsf(b, '2025-05-12', 5, plerixafor_day='2025-05-15')
b.proc('pbsc', APH, 'Peripheral blood stem cell apheresis', '2025-05-16')
b.admin('mel200-2', 'melphalan 200 mg/m2 IV (conditioning)', '2025-06-30', MEL)
b.proc('asct-2', ASCT, 'Autologous stem cell transplant (salvage)', '2025-07-01')
b.status('pd-2', '2026-09-01')
b.egfr('2026-10-20', 70); LVEF(b, '2026-10-15')
out(b, '''
Man born 1960. VRd-ASCT-R (PD 2025-04-15 on lenalidomide); stem cells mobilised with G-CSF and plerixafor alone
(2025-05-12..16), apheresis; melphalan 200 and a salvage second ASCT 2025-07-01 with no reinduction recorded; PD
2026-09-01. A haematologist (§1.1 LOT-B15): 2 prior lines; the doubt about a reinduction given elsewhere is fair
(CDS-POLICY as in H4), but the gap text must describe the record: a transplant on 2025-07-01 with melphalan
conditioning on 2025-06-30, G-CSF/plerixafor mobilisation (supportive care, not a myeloma drug), no cyclophosphamide.''')

# ---------------------------------------------------------------- 10b the same with each breast-cancer dose pointing to the breast cancer (reasonReference)
b = BJ('10b-other-therapy-several-names-reason-breast-cancer', '1962-02-20', 'female', 'Jensen', 'Birgit')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-01-10')
b.cond('bc', [{'system': ICD, 'code': 'C50.911', 'display': 'Malignant neoplasm of unspecified site of right female breast'}],
       'Breast cancer, HER2 positive', '2024-02-01')
vrd(b, '2022-01-24', 4)
rmaint(b, '2022-05-01')
for k in range(12):
    t = ('paclitaxel 80 mg/m2 IV weekly', 'PACLitaxel 144 mg in NaCl 250 mL IV', 'Taxol 80 mg/m2')[k % 3]
    b.admin('ptx-%d' % k, t, days('2024-03-04', 7 * k), reasonReference=reason(b, 'bc'))
for k in range(6):
    t = ('Herceptin 6 mg/kg IV', 'trastuzumab 420 mg IV', 'TRASTUZUMAB-ANNS (Kanjinti) 6 mg/kg')[k % 3]
    b.admin('tz-%d' % k, t, days('2024-03-04', 21 * k), reasonReference=reason(b, 'bc'))
b.status('pd-1', '2026-09-01')
b.egfr('2026-10-20', 70); LVEF(b, '2026-10-15', 55)
out(b, '''
The 10 patient with every paclitaxel and trastuzumab dose pointing to the breast cancer Condition (reasonReference).
A haematologist (§1.1): 1 prior line, lenalidomide refractory; other therapy for the breast cancer: paclitaxel (weekly
x12) and trastuzumab (x6), each one course, named as the record names it (FINDINGS G5: one entry per name the record
gives). Six entries for two drugs (brand, generic, biosimilar, dose-in-name) would be noise, not harm.''')

# ---------------------------------------------------------------- 06d the 06 record with the progression dated only "2025-10" (I2's shape beside a real change of regimen)
b = BJ('06d-early-pd-month-only-pom-stopped-dex-on-then-svd', '1956-06-30', 'female', 'Tanaka', 'Emi')
pd_line_history(b)
b.admin('pom-c1', 'pomalidomide 4 mg PO d1', '2025-09-15', POM)
for d in ('2025-09-15', '2025-09-22', '2025-09-29', '2025-10-06', '2025-10-13'):
    b.admin('dex-' + d, 'dexamethasone 40 mg PO weekly', d, DEX)
b.status('pd-3', '2025-10')
cycles(b, 'svd-sel', 'selinexor 100 mg PO weekly', SELX, '2025-10-13', (0, 7, 14, 21, 28), 8, 35)
cycles(b, 'svd-btz', 'bortezomib 1.3 mg/m2 SC weekly', BTZ, '2025-10-13', (0, 7, 14, 21), 8, 35)
cycles(b, 'svd-dex', 'dexamethasone 20 mg PO twice weekly', DEX, '2025-10-14', (0, 7, 14, 21, 28), 8, 35)
b.status('pd-4', '2026-09-20')
b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')
out(b, '''
The 06 patient with the progression on Pd dated only "2025-10" (I2's shape), SVd from 2025-10-13. A haematologist
(§1.1 LOT-B15): 4 prior lines whatever day of October it was: SVd is a new regimen (new drugs) whether the progression
came before it (on Pd) or after its start. Pomalidomide refractoriness: refractory if the progression was on Pd or within
60 days of its only dose (2025-09-15; every October day is within 60 days), so refractory either way.''')

# ---------------------------------------------------------------- 06e the 06 record with the progression dated 2025-10-20, a week into SVd: the day 06d's range reads as 3 lines
b = BJ('06e-pom-stopped-dex-on-svd-then-pd-a-week-into-svd', '1956-06-30', 'female', 'Tanaka', 'Nana')
pd_line_history(b)
b.admin('pom-c1', 'pomalidomide 4 mg PO d1', '2025-09-15', POM)
for d in ('2025-09-15', '2025-09-22', '2025-09-29', '2025-10-06', '2025-10-13'):
    b.admin('dex-' + d, 'dexamethasone 40 mg PO weekly', d, DEX)
b.status('pd-3', '2025-10-20')
cycles(b, 'svd-sel', 'selinexor 100 mg PO weekly', SELX, '2025-10-13', (0, 7, 14, 21, 28), 8, 35)
cycles(b, 'svd-btz', 'bortezomib 1.3 mg/m2 SC weekly', BTZ, '2025-10-13', (0, 7, 14, 21), 8, 35)
cycles(b, 'svd-dex', 'dexamethasone 20 mg PO twice weekly', DEX, '2025-10-14', (0, 7, 14, 21, 28), 8, 35)
b.status('pd-4', '2026-09-20')
b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')
out(b, '''
The 06 patient with pomalidomide stopped after one cycle with no progression recorded, dexamethasone given on weekly,
SVd from 2025-10-13 and a progression dated 2025-10-20, a week into SVd (labs drawn at its start). A haematologist
(§1.1 LOT-B15: a new line is a different regimen, or an unplanned addition or substitution of drugs): selinexor and
bortezomib replacing pomalidomide is a new line whether or not dexamethasone went on: 4 prior lines (L3 Pd, L4 SVd).
The progression a week into SVd is its first-cycle progression, not a reason to merge SVd into Pd.''')

# ---------------------------------------------------------------- 06f near miss of 06e: the same switch from Pd to SVd with dexamethasone going on, no progression in October
b = BJ('06f-pom-stopped-dex-on-then-svd-no-pd-between', '1956-06-30', 'female', 'Tanaka', 'Rin')
pd_line_history(b)
b.admin('pom-c1', 'pomalidomide 4 mg PO d1', '2025-09-15', POM)
for d in ('2025-09-15', '2025-09-22', '2025-09-29', '2025-10-06', '2025-10-13'):
    b.admin('dex-' + d, 'dexamethasone 40 mg PO weekly', d, DEX)
cycles(b, 'svd-sel', 'selinexor 100 mg PO weekly', SELX, '2025-10-13', (0, 7, 14, 21, 28), 8, 35)
cycles(b, 'svd-btz', 'bortezomib 1.3 mg/m2 SC weekly', BTZ, '2025-10-13', (0, 7, 14, 21), 8, 35)
cycles(b, 'svd-dex', 'dexamethasone 20 mg PO twice weekly', DEX, '2025-10-14', (0, 7, 14, 21, 28), 8, 35)
b.status('pd-4', '2026-09-20')
b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')
out(b, '''
Near miss of 06e: pomalidomide stopped after one cycle (no progression recorded), dexamethasone given on weekly,
selinexor-bortezomib-dexamethasone from 2025-10-13, no progression until 2026-09-20. A haematologist (§1.1 LOT-B15 (2):
an unplanned substitution of drugs is a new line; the record does not say whether the switch was planned, e.g. for
pomalidomide toxicity): 4 prior lines is the usual reading; 3 to 4 at the least. A confident 3 (SVd folded into Pd
because dexamethasone went on) hides a line.''')
