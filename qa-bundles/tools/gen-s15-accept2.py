# Sweep H (late acceptance check of issue 10 on the day's new policies): stem-cell mobilisation followed by a new
# regimen, mobilisation words on a multi-day regimen, an apheresis far from the cyclophosphamide, mobilisation after a
# progression, CAR-T charted twice (Procedure and administration), CAR-T during bridging, two versions of one order,
# and D-Vd/D-Kd after daratumumab with and without dated assessments.
# Run from the project root; writes qa-bundles/s15h-*.json with a story s15h-*.story.txt each.
# The helpers (class B, save, codes, regimens) come from ehr_bundle.py, shared by the acceptance generators.
import json, copy
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BH(B):
    def bundle(s):
        bd = super().bundle(); bd['id'] = 's15h-' + s.name; bd['timestamp'] = '2026-12-05T12:45:00Z'; return bd


def out(b, story): save(b.bundle(), story)


APH = [{'system': SCT, 'code': '127788007', 'display': 'Apheresis (procedure)'}]
CART_CPT = [{'system': CPT, 'code': '0540T', 'display': 'Chimeric antigen receptor T-cell (CAR-T) therapy; CAR-T cell administration, autologous'}]


def mm(b, onset='2022-12-20'): b.cond('mm', MM_ICD(), 'Multiple myeloma', onset)


def mobilisation(b, day='2023-04-20', text='cyclophosphamide 2 g/m2 IV (stem cell mobilisation)', aph_text=None, aph_day=None):
    b.admin('mob-cy-' + day, text, day, CY)
    gcsf(b, days(day, 2), 8)
    if aph_text: b.proc('apheresis-' + day, APH, aph_text, aph_day or days(day, 11))


# ---------------------------------------------------------------- 01 failed mobilisation, then KRd 6 weeks later, no progression
b = BH('01-vrd-mobilisation-failed-krd-6w-later-no-pd', '1958-05-14', 'male', 'Haddad', 'Sami')
mm(b); vrd(b)
mobilisation(b, aph_text='Peripheral blood stem cell apheresis - failed, 0.8 x10^6 CD34+/kg, collection abandoned')
cycles(b, 'krd-cfz', 'carfilzomib 56 mg/m2 IV', CFZ, '2023-06-12', (0, 7, 14), 8, 28)
cycles(b, 'krd-dex', 'dexamethasone 40 mg PO', DEX, '2023-06-12', (0, 7, 14, 21), 8, 28)
b.stmt('krd-len', 'lenalidomide 25 mg capsule d1-21', '2023-06-12', '2024-01-14', LEN)
rmaint(b, '2024-02-01')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
VRd x4 (2023-01-09..03), cyclophosphamide 2 g/m2 "(stem cell mobilisation)" 2023-04-20 with G-CSF, apheresis
2023-05-01 failed (collection abandoned); no progression. KRd x8 from 2023-06-12 (carfilzomib is a drug the
first programme never gave: the plan changed after the failed collection), lenalidomide maintenance from 2024-02-01,
PD on it 2026-08-20. A haematologist: the mobilisation is a step of line 1 (CDS-POLICY-MOBILISATION-STEP); KRd is a
different regimen started after all drugs of line 1 stopped, so line 2 by LOT-B15 (§1.1) - a switch for a failed
collection/suboptimal response, not progression. Expected 2 prior lines (L1 VRd + mobilisation; L2 KRd-R), lenalidomide
and carfilzomib exposure, lenalidomide refractory; US D-Kd/Isa-Kd on label (1-3 lines), IV Isa-Pd/D-Pd on label (>=2).
Wrong would be: KRd swallowed into line 1 by the mobilisation step (1 line) or a third line for the cyclophosphamide.''')

# ---------------------------------------------------------------- 02 CyBorD x4 with G-CSF support written as mobilisation, ASCT, R
b = BH('02-cybord-x4-gcsf-mobilisation-words-asct-r-pd', '1961-09-02', 'female', 'Moreau', 'Claire')
mm(b)
cycles(b, 'cybord-cy', 'cyclophosphamide 300 mg/m2 PO weekly (CyBorD; last cycle with G-CSF for mobilisation)', CY, '2023-01-09', (0, 7, 14, 21), 4, 28)
cycles(b, 'cybord-btz', 'bortezomib 1.5 mg/m2 SC weekly (CyBorD)', BTZ, '2023-01-09', (0, 7, 14, 21), 4, 28)
cycles(b, 'cybord-dex', 'dexamethasone 40 mg PO weekly (CyBorD)', DEX, '2023-01-09', (0, 7, 14, 21), 4, 28)
gcsf(b, '2023-04-26', 5)
b.proc('apheresis', APH, 'Peripheral blood stem cell harvest - 6.2 x10^6 CD34+/kg collected', '2023-05-01')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2023-06-05', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2023-06-06')
rmaint(b, '2023-08-15')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
CyBorD (weekly oral cyclophosphamide + bortezomib + dexamethasone) x4 from 2023-01-09, the cyclophosphamide record
saying "last cycle with G-CSF for mobilisation", G-CSF 2023-04-26..30, harvest 2023-05-01 (6.2 x10^6 CD34+/kg),
melphalan 200 + ASCT 2023-06-06, lenalidomide maintenance from 2023-08-15, PD on it 2026-08-20. A haematologist: one
line (§1.1 LOT-B15, induction-ASCT-maintenance). The mobilisation words sit on a multi-cycle regimen given with
bortezomib: no mobilisation step splits anything. Expected 1 prior line; lenalidomide refractory; bortezomib and
cyclophosphamide not refractory; IV Isa-Pd/D-Pd NOT on label (>=2 prior), ICARIA-MM not met.''')

# ---------------------------------------------------------------- 03 G-CSF-only apheresis, a bare cyclophosphamide dose 4 months later
b = BH('03-vrd-gcsf-apheresis-then-bare-cy-4-months-later-r-pd', '1955-01-30', 'male', 'Novak', 'Petr')
mm(b); vrd(b)
gcsf(b, '2023-04-10', 5)
b.proc('apheresis', APH, 'Peripheral blood stem cell apheresis - 5.1 x10^6 CD34+/kg, cryopreserved', '2023-04-15')
b.admin('cy-aug', 'cyclophosphamide 1000 mg IV', '2023-08-20', CY)
rmaint(b, '2023-09-15')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
VRd x4 to 2023-03-27, G-CSF-only mobilisation and apheresis 2023-04-15 (cells cryopreserved), then nothing until a
single cyclophosphamide 1000 mg IV on 2023-08-20 with no words, no G-CSF, no reason (4 months after the apheresis),
lenalidomide from 2023-09-15, PD on it 2026-08-20. A haematologist: the cyclophosphamide is unexplained: the apheresis
is four months before it, so it is not that dose's mobilisation. At most a range 1 to 2 with the dose named
(CDS-POLICY-MOBILISATION-UNCHARTED: 4.7 months after the line's therapy stopped is beyond its 120 days, so a line of its
own is possible too). Wrong would be: the apheresis read as the sign that charts this dose as mobilisation (a
confident 1 line citing CDS-POLICY-MOBILISATION-STEP).''')

# ---------------------------------------------------------------- 04 mobilisation after a documented progression, salvage ASCT
b = BH('04-vrd-asct-r-pd-then-cy-mobilisation-salvage-asct2-pd', '1959-07-07', 'female', 'Rossi', 'Elena')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-10')
vrd(b, '2019-01-21')
b.admin('mel200-1', 'melphalan 200 mg/m2 IV (conditioning)', '2019-06-10', MEL)
b.proc('asct-1', ASCT, 'Autologous stem cell transplant', '2019-06-11')
rmaint(b, '2019-08-15', '2025-04-20', 'completed')
b.status('pd-1', '2025-04-15')
mobilisation(b, '2025-05-12', 'cyclophosphamide 2 g/m2 IV (stem cell mobilisation for salvage transplant)',
             'Peripheral blood stem cell apheresis - 3.4 x10^6 CD34+/kg', '2025-05-23')
b.admin('mel200-2', 'melphalan 200 mg/m2 IV (conditioning, second transplant)', '2025-06-30', MEL)
b.proc('asct-2', ASCT, 'Autologous stem cell transplant (salvage, second)', '2025-07-01')
b.status('pd-2', '2026-09-01')
b.egfr('2026-10-20', 66)
out(b, '''
VRd x4 2019, ASCT 2019-06-11, lenalidomide maintenance to 2025-04-20 with PD 2025-04-15. After the progression:
cyclophosphamide 2 g/m2 "(stem cell mobilisation for salvage transplant)" 2025-05-12 + G-CSF, apheresis, melphalan and
a salvage second ASCT 2025-07-01; PD 2026-09-01 off therapy. A haematologist: 2 prior lines (§1.1 LOT-B15: a new
therapy after progression is a new line; the salvage ASCT is line 2 with its mobilisation). Lenalidomide refractory.
1 or 3 lines would be wrong: the mobilisation may not be read as a step of line 1 (progression lies between).''')

# ---------------------------------------------------------------- 05 CAR-T charted twice: Procedure naming the product + administration the same day
def cart_history(b):
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


b = BH('05-cart-procedure-and-administration-same-day-pd', '1960-03-03', 'male', 'Berg', 'Lars')
cart_history(b)
for k in range(3):
    b.admin('ld-flu-%d' % k, 'fludarabine 30 mg/m2 IV (lymphodepletion)', days('2024-01-08', k), FLU)
    b.admin('ld-cy-%d' % k, 'cyclophosphamide 300 mg/m2 IV (lymphodepletion)', days('2024-01-08', k), CY)
b.proc('cart', CART_CPT, 'CAR-T cell infusion: ciltacabtagene autoleucel (Carvykti)', '2024-01-13')
b.admin('cilta', 'CARVYKTI (ciltacabtagene autoleucel) IV infusion', '2024-01-13')
b.status('pd-3', '2026-08-25')
b.egfr('2026-10-20', 64); LVEF(b, '2026-10-15')
out(b, '''
VRd-ASCT-R (PD 2022-03-10), D-Pd (PD 2023-09-25 on it), then flu/cy lymphodepletion and ciltacabtagene autoleucel
2024-01-13 charted TWICE: the cell-therapy centre's Procedure (CPT 0540T, text naming Carvykti) and the pharmacy's
MedicationAdministration of the same product on the same day. PD 2026-08-25, off therapy. A haematologist: 3 prior
lines (one CAR-T infusion, one line; LOT-B15). Triple-class? No: lenalidomide, pomalidomide (IMiDs), bortezomib (PI),
daratumumab (anti-CD38 refractory, PD on it). US D-Kd/Isa-Kd (1-3 lines) on label by count; ANTI_CD38_REFRACTORY on
every anti-CD38 option. Wrong: 4 lines (the same infusion counted twice), D-Kd/Isa-Kd NOT_ELIGIBLE.''')

# ---------------------------------------------------------------- 06 CAR-T Procedure during bridging, no progression between
b = BH('06-cart-procedure-after-bridging-kd-no-pd-between', '1960-03-03', 'female', 'Kowalski', 'Anna')
cart_history(b)
b.proc('leuka', APH, 'Leukapheresis for CAR-T manufacture', '2023-10-09')
cycles(b, 'bridge-cfz', 'carfilzomib 56 mg/m2 IV (bridging)', CFZ, '2023-10-16', (0, 7, 14), 2, 28)
cycles(b, 'bridge-dex', 'dexamethasone 40 mg PO (bridging)', DEX, '2023-10-16', (0, 7, 14), 2, 28)
for k in range(3):
    b.admin('ld-flu-%d' % k, 'fludarabine 30 mg/m2 IV (lymphodepletion)', days('2023-12-11', k), FLU)
    b.admin('ld-cy-%d' % k, 'cyclophosphamide 300 mg/m2 IV (lymphodepletion)', days('2023-12-11', k), CY)
b.proc('cart', CART_CPT, 'CAR-T cell infusion: ciltacabtagene autoleucel (Carvykti)', '2023-12-16')
b.status('pd-3', '2026-08-25')
b.egfr('2026-10-20', 64); LVEF(b, '2026-10-15')
out(b, '''
VRd-ASCT-R (PD 2022-03-10), D-Pd (PD 2023-09-25), leukapheresis 2023-10-09, bridging Kd x2 (2023-10-16..11-27),
flu/cy 2023-12-11..13, cilta-cel recorded only as a Procedure (CPT 0540T, product named) 2023-12-16, no progression
between the bridging and the infusion; PD 2026-08-25. A haematologist: 3 prior lines - bridging therapy and the CAR-T
are one line (the planned CAR-T programme; CDS-POLICY-CART-BRIDGING). Carfilzomib not refractory (PD 2.7 years after the
last bridging dose). Wrong: 4 lines (bridging Kd a line of its own), or carfilzomib refractory.''')

# ---------------------------------------------------------------- 07 two versions of one MedicationRequest: daratumumab order active, then entered-in-error
def r_maint_pd(b):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-10')
    vrd(b, '2021-01-25')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2021-06-14', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2021-06-15')
    rmaint(b, '2021-08-20')
    b.status('pd-1', '2026-08-20')
    b.egfr('2026-10-20', 70)


def dara_order(b, status, meta, note=None):
    r = b.req('dara-order', 'daratumumab 1800 mg SC (Darzalex Faspro) weekly', '2026-09-01', ('2372199', 'daratumumab / hyaluronidase'),
              status=status, meta=meta, dosageInstruction=bounds('2026-09-03', '2027-03-01'))
    if note: r['note'] = [{'text': note}]
    return r


for tag, metas, swap in (('07-dara-order-active-then-entered-in-error-versionid', ({'versionId': '1', 'lastUpdated': '2026-09-01T10:00:00Z'}, {'versionId': '2', 'lastUpdated': '2026-09-01T15:20:00Z'}), False),
                         ('07b-dara-order-versions-swapped-versionid', ({'versionId': '1', 'lastUpdated': '2026-09-01T10:00:00Z'}, {'versionId': '2', 'lastUpdated': '2026-09-01T15:20:00Z'}), True),
                         ('08-dara-order-versions-lastupdated-only-swapped', ({'lastUpdated': '2026-09-01T10:00:00Z'}, {'lastUpdated': '2026-09-01T15:20:00Z'}), True)):
    b = BH(tag, '1956-12-12', 'male', 'Ahmed', 'Yusuf')
    r_maint_pd(b)
    v1 = dara_order(b, 'active', metas[0])
    v2 = dara_order(b, 'entered-in-error', metas[1], 'Entered on the wrong patient')
    if swap:
        e = b.entry; i1 = e.index(next(x for x in e if x['resource'] is v1)); e[i1], e[i1 + 1] = e[i1 + 1], e[i1]
    out(b, '''
VRd-ASCT-R maintenance (active), PD on lenalidomide 2026-08-20. A daratumumab SC order arrives in two versions of one
MedicationRequest (same id): version 1 active (authored 2026-09-01, bounds 2026-09-03..2027-03-01), version 2
entered-in-error "Entered on the wrong patient" (%s%s). A haematologist: no daratumumab was ever ordered for this
patient; 1 prior line, lenalidomide refractory, no anti-CD38 exposure: D-Vd/D-Kd/Isa-Kd with no prior-anti-CD38 caution,
CASTOR/CANDOR/IKEMA populations not blocked by anti-CD38 exposure. Wrong: a daratumumab exposure, ANTI_CD38 washout or
refractoriness cautions, "current order daratumumab".''' % ('meta.versionId 1/2' if 'versionId' in metas[0] else 'meta.lastUpdated only, no versionId',
                                                       '; the entered-in-error version comes first in the bundle' if swap else ''))

# ---------------------------------------------------------------- 09 D-Rd, dated PD on it, then D-Vd question
def drd(b, start='2024-02-05', n=44):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2024-01-15')
    for k in range(n):
        d = days(start, 7 * k if k < 8 else (56 + 14 * (k - 8) if k < 16 else 168 + 28 * (k - 16)))
        b.admin('drd-dara-%d' % k, 'daratumumab 1800 mg SC (Darzalex Faspro)', d, ('2372199', 'daratumumab / hyaluronidase'))
    b.stmt('drd-len', 'lenalidomide 25 mg capsule d1-21', start, None, LEN, status='active')
    b.stmt('drd-dex', 'dexamethasone 40 mg PO weekly', start, None, DEX, status='active')


b = BH('09-drd-dated-pd-on-it', '1946-04-04', 'female', 'Dubois', 'Marie')
drd(b)
b.status('vgpr', '2024-08-01', worse=False)
b.status('pd-1', '2026-08-24')
b.egfr('2026-10-20', 55); LVEF(b, '2026-10-15')
out(b, '''
Transplant-ineligible (80 y) D-Rd (MAIA) from 2024-02-05, daratumumab SC to 2026-07 and lenalidomide/dex charted active;
VGPR 2024-08-01; PD (dated Observation) 2026-08-24 while on D-Rd. A haematologist: 1 prior line, refractory to
daratumumab and lenalidomide (§1.2). CASTOR (D-Vd) and CANDOR (D-Kd) excluded anti-CD38-refractory disease: no option may
be credited "Matches the CASTOR/CANDOR population"; ANTI_CD38_REFRACTORY on every anti-CD38 option (§5); D-Rd last.''')

# ---------------------------------------------------------------- 10 the same, no dated assessment at all (only a relapse coding)
b = BH('10-drd-no-dated-assessment-relapse-coded', '1946-04-04', 'female', 'Dubois', 'Marie')
drd(b)
b.cond('mm-relapse', C9002 if False else MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2026-08-20',
       recordedDate='2026-08-28')
b.egfr('2026-10-20', 55); LVEF(b, '2026-10-15')
out(b, '''
The 09 patient with no dated disease-status assessment at all: only a C90.02 "in relapse" coding recorded 2026-08-28
(onset 2026-08-20) while D-Rd is charted active. A haematologist: daratumumab and lenalidomide refractoriness
undecided (never "not refractory"); no trial population that excluded anti-CD38-refractory disease may be credited
(CASTOR, CANDOR, IKEMA undecided, not "Matches"); every anti-CD38 option carries ANTI_CD38_REFRACTORY_UNKNOWN.''')

# ---------------------------------------------------------------- 11 daratumumab 2 doses stopped for reaction, then Rd; PD on Rd dated, D-Vd/D-Kd question
b = BH('11-dara-stopped-after-2-doses-reaction-rd-pd-dated', '1950-10-10', 'male', 'Silva', 'Joao')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2023-03-01')
b.admin('dara-1', 'daratumumab 16 mg/kg IV', '2023-03-13', DARA)
b.admin('dara-2', 'daratumumab 16 mg/kg IV', '2023-03-20', DARA, statusReason=[{'text': 'stopped: grade 3 infusion reaction'}])
b.stmt('rd-len', 'lenalidomide 25 mg capsule d1-21', '2023-03-13', None, LEN, status='active')
b.stmt('rd-dex', 'dexamethasone 40 mg PO weekly', '2023-03-13', None, DEX, status='active')
b.status('vgpr', '2023-10-01', worse=False)
b.status('pd-1', '2026-08-24')
b.egfr('2026-10-20', 60); LVEF(b, '2026-10-15')
out(b, '''
D-Rd started 2023-03-13; daratumumab stopped after two doses (grade 3 infusion reaction, 2023-03-20), Rd continued;
VGPR; PD on lenalidomide 2026-08-24 (dated). A haematologist: 1 prior line; lenalidomide refractory; daratumumab NOT
refractory (last dose 3.4 years before the progression) but anti-CD38 EXPOSED: CASTOR and CANDOR excluded prior anti-CD38
therapy (or only few had it), so neither population "matches" without saying so; no ANTI_CD38_REFRACTORY caution.
The infusion reaction deserves a caution on IV daratumumab. D-Vd/D-Kd ranked with the exposure named.''')

# ---------------------------------------------------------------- 12 CAR-T leukapheresis 3 days before a lone bridging cyclophosphamide dose
for tag, dated in (('12-dpd-pd-leukapheresis-bridging-cy-single-dose-cart', True),
                   ('12b-dpd-relapse-coded-leukapheresis-bridging-cy-single-dose-cart', False)):
    b = BH(tag, '1958-08-08', 'male', 'Murphy', 'Sean')
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
    vrd(b, '2019-02-01')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
    rmaint(b, '2019-09-01', '2022-03-20', 'completed')
    b.status('pd-1', '2022-03-10')
    cycles(b, 'dpd-dara', 'daratumumab 1800 mg SC (Darzalex Faspro)', ('2372199', 'daratumumab / hyaluronidase'), '2022-04-01', (0, 14), 18, 28)
    cycles(b, 'dpd-pom', 'pomalidomide 4 mg capsule', POM, '2022-04-01', (0,), 18, 28)
    cycles(b, 'dpd-dex', 'dexamethasone 40 mg PO', DEX, '2022-04-01', (0, 7, 14, 21), 18, 28)
    if dated: b.status('pd-2', '2023-09-25')
    else: b.cond('mm-relapse', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', None, recordedDate='2023-09-28')
    b.proc('leuka', APH, 'Apheresis - T-cell collection for CAR-T manufacture', '2023-10-09')
    b.admin('bridge-cy', 'cyclophosphamide 1000 mg/m2 IV', '2023-10-12', CY)
    for k in range(3):
        b.admin('ld-flu-%d' % k, 'fludarabine 30 mg/m2 IV (lymphodepletion)', days('2023-12-11', k), FLU)
        b.admin('ld-cy-%d' % k, 'cyclophosphamide 300 mg/m2 IV (lymphodepletion)', days('2023-12-11', k), CY)
    b.admin('cilta', 'CARVYKTI (ciltacabtagene autoleucel) IV infusion', '2023-12-16')
    b.status('pd-3', '2026-08-25')
    b.egfr('2026-10-20', 64); LVEF(b, '2026-10-15')
    out(b, '''
VRd-ASCT-R (PD 2022-03-10), D-Pd 2022-04..2023-09 (%s), T-cell apheresis for CAR-T manufacture 2023-10-09, a single
bridging cyclophosphamide 1000 mg/m2 IV 2023-10-12 (no words), flu/cy lymphodepletion and cilta-cel 2023-12-16
(MedicationAdministration), PD 2026-08-25. A haematologist: 3 prior lines (L1 VRd-ASCT-R; L2 D-Pd; L3 bridging
cyclophosphamide + CAR-T, CDS-POLICY-CART-BRIDGING). The T-cell (leuka)pheresis is for CAR-T manufacture, not a
stem-cell collection: it must not mark the cyclophosphamide as stem-cell mobilisation, a step of the D-Pd line. Wrong:
the cyclophosphamide read as D-Pd's mobilisation step (CDS-POLICY-MOBILISATION-STEP), and with it the CAR-T joined to
line 2 (2 prior lines).''' % ('PD dated 2023-09-25 on it' if dated else 'no dated assessment; only a C90.02 relapse coding recorded 2023-09-28'))

# ---------------------------------------------------------------- 03b/03c the 03 chart without the cyclophosphamide dose (near misses)
for tag, aph in (('03b-vrd-gcsf-apheresis-stored-r-resumed-5-months-later-pd', True),
                 ('03c-vrd-break-5-months-r-resumed-pd', False)):
    b = BH(tag, '1955-01-30', 'male', 'Novak', 'Petr')
    mm(b); vrd(b)
    if aph:
        gcsf(b, '2023-04-10', 5)
        b.proc('apheresis', APH, 'Peripheral blood stem cell apheresis - 5.1 x10^6 CD34+/kg, cryopreserved', '2023-04-15')
    rmaint(b, '2023-09-15')
    b.status('pd-1', '2026-08-20')
    b.egfr('2026-10-20', 70)
    out(b, '''
VRd x4 2023-01-09..03-27 (bortezomib last 2023-03-23)%s; lenalidomide 10 mg resumed 2023-09-15 (a planned break,
transplant deferred), PD on it 2026-08-20. A haematologist: 1 prior line (§1.1 LOT-B15), refractory to lenalidomide
only; bortezomib NOT refractory: its last dose was 3.4 years before the progression (§1.2 IMWG-C11: progression on
therapy or within 60 days of the last dose). Not double-refractory, so US daratumumab monotherapy (>=3 prior lines or
double-refractory to a PI and an IMiD, §2.2) is NOT on label, and CASTOR's bortezomib-refractory exclusion does not
apply to D-Vd. Wrong: bortezomib refractory, daratumumab monotherapy eligible, D-Vd penalised.''' % (
        ', G-CSF-only mobilisation and apheresis 2023-04-15 (cells cryopreserved)' if aph else ', then a break (no mobilisation recorded)'))
