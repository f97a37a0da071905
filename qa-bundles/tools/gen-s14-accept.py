# Session s14 (helper "accept"): sweep F, acceptance check of issue 10 on new EHR shapes (mobilisation, stops inside a
# line, open orders, referral records, precursor therapy, consolidation, tandem, CAR-T, bispecifics, retreatment, vague dates).
# Run from the project root; writes qa-bundles/s14a-*.json with a story s14a-*.story.txt each.
# The helper class B and the small helpers come from ehr_bundle.py, shared by the acceptance generators.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


# ---------------------------------------------------------------- 01 mobilisation failed, no transplant, lenalidomide continued
b = B('01-vrd-cy-mobilisation-failed-no-asct-r-pd', '1957-03-03', 'male', 'Okafor', 'Chidi')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-20')
vrd(b)
b.admin('mob-cy', 'cyclophosphamide 2 g/m2 IV (stem cell mobilisation)', '2023-04-20', CY)
gcsf(b, '2023-04-22', 8, '2023-04-30')
b.proc('apheresis', [{'system': SCT, 'code': '127788007', 'display': 'Apheresis (procedure)'}],
       'Peripheral blood stem cell apheresis - failed, 0.9 x10^6 CD34+/kg, collection abandoned', '2023-05-01')
rmaint(b, '2023-06-15')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''
VRd x4 2023-01-09..03, cyclophosphamide 2 g/m2 "(stem cell mobilisation)" 2023-04-20 with G-CSF and plerixafor,
apheresis 2023-05-01 failed (0.9 x10^6 CD34+/kg, collection abandoned), so no transplant; lenalidomide continued from
2023-06-15 (active), PD on it 2026-08-20. A haematologist: ONE line - the planned first-line programme (induction,
attempted mobilisation, then lenalidomide continuation) with no progression anywhere before 2026-08-20 (clinical-evidence
§1.1 LOT-B15: a line is a planned treatment programme; a new line needs a new regimen after all drugs stopped, an
unplanned addition, or an SCT). At worst the count is 1 to 2 with the cyclophosphamide named. Lenalidomide-refractory;
bortezomib not refractory. 1 prior line: US D-Kd/Isa-Kd on label; IV Isa-Pd/D-Pd (>=2 prior) NOT on label.''')

# ---------------------------------------------------------------- 02 mobilisation, cells stored, transplant deferred to first relapse
b = B('02-vrd-cy-mobilisation-stored-r-pd-kd-deferred-asct-pd', '1962-11-11', 'female', 'Lindqvist', 'Maria')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-20')
vrd(b)
b.admin('mob-cy', 'cyclophosphamide 2 g/m2 IV (stem cell mobilisation; cells cryopreserved, transplant deferred)', '2023-04-20', CY)
gcsf(b, '2023-04-22', 8)
rmaint(b, '2023-06-15', '2025-08-25', status='completed')
b.status('pd-1', '2025-08-20')
cycles(b, 'kd-cfz', 'Carfilzomib 56 mg/m2 IV', CFZ, '2025-09-01', (0, 1, 7, 8, 14, 15), 3)
cycles(b, 'kd-dex', 'Dexamethasone 20 mg PO', DEX, '2025-09-01', (0, 1, 7, 8, 14, 15), 3)
b.admin('cond-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2025-12-01', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant (deferred, cryopreserved cells from 2023)', '2025-12-02')
b.status('pr-1', '2026-03-02', worse=False)
b.status('pd-2', '2026-09-15')
b.egfr('2026-10-20', 70)
save(b, '''
VRd x4 2023, cyclophosphamide mobilisation 2023-04-20 (cells stored, transplant deferred), lenalidomide maintenance
2023-06-15..2025-08-25, PD on it 2025-08-20. Salvage Kd x3 from 2025-09-01 then the deferred HDM-ASCT 2025-12-02 with the
stored cells, no maintenance; PR 2026-03, PD 2026-09-15. A haematologist: TWO prior lines (L1 VRd-mobilisation-R; L2
Kd-ASCT, a new line after a documented progression, LOT-B15). Lenalidomide-refractory (L1); carfilzomib last given
2025-11 > 60 days before PD-2: not carfilzomib-refractory (§1.2). 2 lines incl. lenalidomide and a PI: IV Isa-Pd/D-Pd
on label; D-Kd/Isa-Kd on label (1-3) but CANDOR/IKEMA carfilzomib-naive failed.''')

# ---------------------------------------------------------------- 03 mobilisation 75 days before the transplant (delayed after collection)
b = B('03-vrd-cy-mobilisation-asct-delayed-75d-r-pd', '1958-08-18', 'male', 'Moreau', 'Luc')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-20')
vrd(b)
b.admin('mob-cy', 'cyclophosphamide 2 g/m2 IV (stem cell mobilisation)', '2023-04-20', CY)
gcsf(b, '2023-04-22', 8)
b.admin('cond-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2023-07-03', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant (delayed after COVID-19 infection)', '2023-07-04')
rmaint(b, '2023-09-01')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''
As s13a-01 but the transplant was delayed after a COVID-19 infection: cyclophosphamide mobilisation 2023-04-20, HDM
2023-07-03, ASCT 2023-07-04 (75 days after the cyclophosphamide), lenalidomide maintenance from 2023-09-01, PD on it
2026-08-20. A haematologist: ONE line (induction - mobilisation - ASCT - maintenance, a planned sequence, LOT-B15); a
delay between collection and transplant is common. If the engine cannot tell, 1 to 2 with the cyclophosphamide named,
never a confident 2. IV Isa-Pd/D-Pd not on label; ICARIA-MM (>=2 lines) does not apply.''')

# ---------------------------------------------------------------- 04 mobilisation straight after induction, lenalidomide within 7 days
b = B('04-vrd-then-cy-mobilisation-4d-after-len-asct-r-pd', '1960-01-25', 'female', 'Costa', 'Ines')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-20')
vrd(b)   # lenalidomide statement to 2023-03-26
b.admin('mob-cy', 'cyclophosphamide 2 g/m2 IV (stem cell mobilisation)', '2023-03-30', CY)
gcsf(b, '2023-04-01', 8)
b.admin('cond-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2023-05-09', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2023-05-10')
rmaint(b, '2023-07-15')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''
VRd x4 (lenalidomide to 2023-03-26), cyclophosphamide mobilisation 2023-03-30 - four days after the last lenalidomide
capsule, as many centres mobilise straight after cycle 4 - G-CSF, HDM-ASCT 2023-05-10, lenalidomide maintenance from
2023-07-15, PD on it 2026-08-20. A haematologist: ONE line (planned sequence, LOT-B15). The cyclophosphamide is not an
"unplanned addition" to VRd. 1 prior line: IV Isa-Pd/D-Pd off label, ICARIA-MM does not apply.''')

# ---------------------------------------------------------------- 05 VRd-lite: dexamethasone dropped, bortezomib to every other week, PD on V+R
b = B('05-vrd-lite-dex-dropped-btz-q2w-pd-on-therapy', '1944-05-05', 'female', 'Fischer', 'Helga')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2023-12-20')
cycles(b, 'btz-w', 'Bortezomib 1.3 mg/m2 SC weekly', BTZ, '2024-01-08', (0, 7, 14, 21), 6)
cycles(b, 'dex', 'Dexamethasone 20 mg PO weekly', DEX, '2024-01-08', (0, 7, 14, 21), 6)
for k in range(60):
    d = days('2024-06-24', 14 * k)
    if d > '2026-10-20': break
    b.admin('btz-q2w-%d' % k, 'Bortezomib 1.3 mg/m2 SC every other week', d, BTZ)
b.stmt('len', 'lenalidomide 15 mg capsule d1-21 q28d', '2024-01-08', None, LEN, status='active')
b.status('vgpr', '2024-09-01', worse=False)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 55)
save(b, '''
Frail 80-year-old, VRd-lite from 2024-01-08: bortezomib weekly x6 cycles, then every other week from 2024-06-24 to
2026-10 (charted); dexamethasone dropped after cycle 6 (last 2024-06-17); lenalidomide continuous (active). VGPR, then PD
on V+R 2026-08-20. A haematologist: ONE line, progressing ON bortezomib and lenalidomide: bortezomib- and
lenalidomide-refractory (double-refractory, §1.2); the dexamethasone stop is a dose adjustment, not a line. Relapsed
after 1 line: D-Kd/Isa-Kd/D-Pd(SC)/Isa-Pd(SC) considered; D-Vd with a bortezomib-refractory caution (CASTOR excluded
bortezomib-refractory).''')

# ---------------------------------------------------------------- 06 D-Rd: lenalidomide held 7 months for toxicity, restarted; PD on D-Rd
b = B('06-drd-len-held-7m-toxicity-restarted-pd-on-drd', '1949-02-02', 'male', 'Russo', 'Marco')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-01-03')
for k in range(80):
    d = days('2022-01-10', 7 * k if k < 8 else (56 + 14 * (k - 8) if k < 16 else 168 + 28 * (k - 16)))
    if d > '2026-10-20': break
    b.admin('dara-%d' % k, 'daratumumab 1800 mg SC', d, DARA)
m = '2022-01-10'; k = 0
while m < '2026-10-15':
    if not ('2024-03-01' <= m < '2024-10-15'):
        b.disp('len-fill-%d' % k, 'lenalidomide 25 mg capsule (21 of 28 days)' if m < '2024-03-01' else 'lenalidomide 10 mg capsule (21 of 28 days)', m, 28, LEN)
    m = days(m, 28); k += 1
b.stmt('len-hold-note', 'lenalidomide', '2024-03-01', '2024-10-14', LEN, status='on-hold',
       statusReason=[{'text': 'held for grade 3 rash and neutropenia'}])
b.status('vgpr', '2023-01-10', worse=False)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 60)
save(b, '''
MAIA-style D-Rd from 2022-01-10: daratumumab SC by MAR (weekly, q2w, q4w) to 2026-10; lenalidomide by monthly fills,
held 2024-03-01..2024-10-14 for rash and neutropenia (an on-hold statement says so) and restarted at 10 mg; PD on D-Rd
2026-08-20. A haematologist: ONE line; daratumumab- and lenalidomide-refractory (progression on both, §1.2); the hold is
not a stop and not a new line. Anti-CD38-refractory: Isa regimens have no trial support (ICARIA/IKEMA excluded
anti-CD38-refractory, §5).''')

# ---------------------------------------------------------------- 07 Isa-Kd order put on hold after PD, administrations reference it
b = B('07-isakd-order-on-hold-after-pd-admins-reference-order', '1956-06-16', 'female', 'Yilmaz', 'Elif')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-10')
vrd(b, '2021-01-18', 4)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2021-06-20')
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2021-09-01', '2025-03-01', LEN)
b.status('pd-1', '2025-02-20')
b.req('isa-order', 'isatuximab 10 mg/kg IV', '2025-03-03', None, status='on-hold',
      statusReason={'text': 'held: progressive disease, awaiting tumour board'},
      dosageInstruction=[{'text': 'weekly x4 then every 2 weeks', 'timing': {'repeat': {'boundsPeriod': {'start': '2025-03-03'}}}}])
b.req('cfz-order', 'carfilzomib 56 mg/m2 IV', '2025-03-03', CFZ, status='on-hold',
      statusReason={'text': 'held: progressive disease, awaiting tumour board'})
for k in range(40):
    d = days('2025-03-03', 7 * k if k < 4 else 28 + 14 * (k - 4))
    if d > '2026-09-29': break
    b.admin('isa-%d' % k, 'isatuximab 10 mg/kg IV', d, None, request=b.ref('isa-order'))
    b.admin('cfz-%d' % k, 'carfilzomib 56 mg/m2 IV', d, CFZ, request=b.ref('cfz-order'))
b.status('pd-2', '2026-09-20')
b.egfr('2026-10-20', 70); LVEF(b, '2026-10-15')
save(b, '''
VRd-ASCT-R (PD on R 2025-02-20), Isa-Kd from 2025-03-03: both orders now "on-hold" with the reason "progressive disease,
awaiting tumour board"; administrations reference the orders and run to 2026-09-29; PD 2026-09-20. A haematologist: 2
prior lines; isatuximab- and carfilzomib-refractory (PD on both), lenalidomide-refractory: triple-class exposed,
anti-CD38-refractory. Isa-Kd/D-Kd are what just failed; D-Pd/Isa-Pd carry anti-CD38-refractory warnings (§5).''')

# ---------------------------------------------------------------- 08 referral record starting at the conditioning melphalan
b = B('08-referral-mel200-asct-r-maint-no-induction-lvef', '1961-07-07', 'male', 'Berger', 'Jonas')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-09-01')
b.admin('cond-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2021-03-14', MEL)
b.proc('asct', ASCT_CPT, 'HPC autologous transplantation', '2021-03-15')
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2021-06-01', '2026-08-25', LEN)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70); LVEF(b, '2026-10-15')
save(b, '''
Referral record (transplant centre): myeloma 2020-09; the export starts with the melphalan 200 mg/m2 conditioning
2021-03-14 and the autologous transplant 2021-03-15 (CPT 38241); lenalidomide maintenance 2021-06..2026-08; PD on R
2026-08-20; LVEF 60%. Induction was given elsewhere and is not in the record. Same as s13a-13b with the conditioning
melphalan recorded (as every transplant admission charts it). A haematologist: 1 prior line, history before the
transplant unknown (bullet 7: PRIOR_THERAPY_UNKNOWN; carfilzomib-naive / anti-CD38-naive UNKNOWN, not MET).''')

# ---------------------------------------------------------------- 09 hospital-only inpatient record: transplant admission, DCEP admission
b = B('09-inpatient-only-mel-asct-then-dcep-admission', '1955-10-10', 'female', 'Walsh', 'Siobhan')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-05-01')
b.admin('cond-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2019-10-14', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-10-15')
b.status('pd-1', '2024-05-02')
for d in range(4):
    day = days('2024-05-06', d)
    b.admin('dcep-dex-%d' % d, 'dexamethasone 40 mg IV (DCEP)', day, DEX)
    b.admin('dcep-cy-%d' % d, 'cyclophosphamide 400 mg/m2/day IV continuous infusion (DCEP)', day, CY)
    b.admin('dcep-eto-%d' % d, 'etoposide 40 mg/m2/day IV continuous infusion (DCEP)', day, ETO)
    b.admin('dcep-cis-%d' % d, 'cisplatin 10 mg/m2/day IV continuous infusion (DCEP)', day, CIS)
b.status('pd-2', '2026-09-10')
b.egfr('2026-10-20', 50); LVEF(b, '2026-10-15')
save(b, '''
Hospital (inpatient) record only: transplant admission (melphalan 200 2019-10-14, ASCT 2019-10-15), an admission for
progressive disease with hypercalcaemia 2024-05 treated with one cycle of DCEP (2024-05-06..09), PD again 2026-09-10.
The outpatient clinic's therapy (induction, maintenance, what followed DCEP) is not in this record. A haematologist:
the history is incomplete (an ASCT with no induction; a 2-year gap after DCEP with progression at its end): at least
2 prior lines, count and drug exposures unknown; carfilzomib-naive / anti-CD38-naive / lenalidomide status UNKNOWN.''')

# ---------------------------------------------------------------- 10 first line under way after a dexamethasone pre-phase
b = B('10-dex-prephase-then-dvrd-induction-under-way', '1966-04-04', 'male', 'Andersen', 'Lars')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2026-07-20')
for d in range(4): b.admin('dex-pre-%d' % d, 'dexamethasone 40 mg IV (pre-phase, hypercalcaemia)', days('2026-07-16', d), DEX)
for k, d in enumerate(('2026-08-10', '2026-08-17', '2026-08-24', '2026-08-31', '2026-09-07', '2026-09-14', '2026-09-21',
                       '2026-09-28', '2026-10-05', '2026-10-19')):
    b.admin('dvrd-dara-%d' % k, 'daratumumab 1800 mg SC', d, DARA)
cycles(b, 'dvrd-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, '2026-08-10', (0, 3, 7, 10), 4, 21)
b.stmt('dvrd-len', 'lenalidomide 25 mg capsule d1-14 q21d', '2026-08-10', None, LEN, status='active')
b.status('pr', '2026-10-12', worse=False, text='Partial response')
b.egfr('2026-10-20', 65)
save(b, '''
Myeloma diagnosed 2026-07-20 after an emergency admission with hypercalcaemia; dexamethasone 40 mg x4 pre-phase
2026-07-16..19, then D-VRd induction (PERSEUS) from 2026-08-10, cycle 4 under way, PR 2026-10-12. A haematologist:
newly diagnosed on first-line induction; the steroid pre-phase belongs to it; no prior line completed, not relapsed:
no RRMM option; no refractoriness.''')

# ---------------------------------------------------------------- 11 Rd for high-risk SMM, MM two years later, VRd-ASCT-R, PD on R
b = B('11-smm-rd-then-mm-vrd-asct-r-pd', '1959-09-09', 'female', 'Haas', 'Petra')
b.cond('smm', SMM_ICD, 'High-risk smouldering myeloma', '2018-11-01', clin='resolved', abatementDateTime='2021-01-05')
b.cond('mm', MM_ICD(), 'Multiple myeloma (progressed from smouldering myeloma)', '2021-01-05')
SMMR = [{'reference': b.url('smm')}]
b.stmt('smm-len', 'lenalidomide 25 mg capsule d1-21 q28d (smouldering myeloma)', '2019-01-07', '2019-12-20', LEN, reasonReference=SMMR)
b.stmt('smm-dex', 'dexamethasone 20 mg weekly (smouldering myeloma)', '2019-01-07', '2019-12-20', DEX, reasonReference=SMMR)
vrd(b, '2021-01-18', 4)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2021-06-20')
rmaint(b, '2021-09-01')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''
High-risk SMM 2018-11, lenalidomide-dexamethasone for SMM (QuiRedex-style) 2019-01..2019-12 (reasonReference to the SMM
condition); progression to myeloma 2021-01-05 (a year after stopping); VRd x4, ASCT 2021-06, lenalidomide maintenance
from 2021-09, PD on it 2026-08-20. A haematologist: 1 prior line of myeloma therapy (the SMM therapy is an exposure, not
a line, bullet 6); lenalidomide-refractory (maintenance). D-Kd/Isa-Kd on label; IV Isa-Pd/D-Pd not.''')

# ---------------------------------------------------------------- 11b the same SMM therapy with no reason recorded
b = B('11b-smm-rd-no-reason-then-mm-vrd-asct-r-pd', '1959-09-09', 'female', 'Haas', 'Petra')
b.cond('smm', SMM_ICD, 'High-risk smouldering myeloma', '2018-11-01', clin='resolved', abatementDateTime='2021-01-05')
b.cond('mm', MM_ICD(), 'Multiple myeloma (progressed from smouldering myeloma)', '2021-01-05')
b.stmt('smm-len', 'lenalidomide 25 mg capsule d1-21 q28d', '2019-01-07', '2019-12-20', LEN)
b.stmt('smm-dex', 'dexamethasone 20 mg weekly', '2019-01-07', '2019-12-20', DEX)
vrd(b, '2021-01-18', 4)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2021-06-20')
rmaint(b, '2021-09-01')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''
As 11 without the reasonReference: the Rd of 2019 is dated while only smouldering myeloma is on record (the myeloma is
diagnosed 2021-01-05). A haematologist: the same reading (therapy given before the myeloma diagnosis, while SMM was the
diagnosis, is precursor therapy: an exposure, not a line, bullet 6); at worst the count is 1 to 2 with the Rd named.''')

# ---------------------------------------------------------------- 12 VRd x4, ASCT, VRd x2 consolidation, R maintenance, PD on R
b = B('12-vrd-asct-vrd2-consolidation-r-pd', '1963-03-13', 'male', 'Kowalski', 'Piotr')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-12-20')
vrd(b, '2022-01-10', 4)
b.admin('cond-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2022-05-30', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2022-05-31')
cycles(b, 'cons-btz', 'Bortezomib 1.3 mg/m2 SC (consolidation)', BTZ, '2022-08-15', (0, 3, 7, 10), 2, 21)
cycles(b, 'cons-dex', 'Dexamethasone 40 mg PO (consolidation)', DEX, '2022-08-15', (0, 7, 14), 2, 21)
b.stmt('cons-len', 'lenalidomide 25 mg capsule (consolidation)', '2022-08-15', '2022-09-18', LEN)
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2022-10-01', None, LEN, status='active')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''
VRd x4 2022-01..04, HDM-ASCT 2022-05-31, VRd x2 consolidation 2022-08-15..09-18 (bortezomib by MAR), lenalidomide
maintenance from 2022-10-01, PD on R 2026-08-20. A haematologist: ONE line (induction-ASCT-consolidation-maintenance,
the LOT-B15 example); lenalidomide-refractory; bortezomib last given 2022-09 - not refractory (§1.2). D-Kd/Isa-Kd, D-Vd
(CASTOR: not bortezomib-refractory) all reasonable; IV Isa-Pd/D-Pd not on label.''')

# ---------------------------------------------------------------- 13 planned tandem auto-auto
b = B('13-vrd-tandem-auto-auto-r-pd', '1965-05-15', 'female', 'Papadopoulos', 'Eleni')
b.cond('mm', MM_ICD(), 'Multiple myeloma (high-risk, del17p)', '2021-12-20')
vrd(b, '2022-01-10', 4)
b.admin('cond-mel-1', 'melphalan 200 mg/m2 IV (conditioning, first of planned tandem)', '2022-05-30', MEL)
b.proc('asct-1', ASCT, 'Autologous stem cell transplant #1 (planned tandem)', '2022-05-31')
b.admin('cond-mel-2', 'melphalan 200 mg/m2 IV (conditioning, second of planned tandem)', '2022-09-05', MEL)
b.proc('asct-2', ASCT, 'Autologous stem cell transplant #2 (planned tandem)', '2022-09-06')
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2022-11-15', None, LEN, status='active')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''
High-risk myeloma; VRd x4, planned tandem HDM-ASCT 2022-05-31 and 2022-09-06 (98 days apart), lenalidomide maintenance
from 2022-11-15, PD on R 2026-08-20. A haematologist: ONE line (LOT-B15 rule 3 exception: a planned tandem SCT with a
predefined interval of ~3 months is not a new line); lenalidomide-refractory. IV Isa-Pd/D-Pd off label.''')

# ---------------------------------------------------------------- 14 maintenance dose reduced then switched to ixazomib for intolerance, no PD, then PD on ixazomib
b = B('14-r-maint-dose-reduced-then-ixazomib-switch-no-pd-pd-on-ixa', '1958-12-12', 'male', 'Dupont', 'Henri')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-12-20')
vrd(b, '2021-01-11', 4)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2021-06-01')
b.stmt('r10', 'lenalidomide 10 mg maintenance', '2021-08-15', '2022-06-30', LEN)
b.stmt('r5', 'lenalidomide 5 mg maintenance (dose reduced for neutropenia)', '2022-07-14', '2023-09-30', LEN)
b.stmt('ixa', 'ixazomib 4 mg d1,8,15 q28d maintenance (switched from lenalidomide: diarrhoea, fatigue)', '2023-10-16', None, IXA, status='active')
b.status('cr', '2023-09-15', worse=False, text='Complete response')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''
VRd x4, ASCT 2021-06, lenalidomide 10 mg maintenance, reduced to 5 mg in 2022-07 (a new statement after a 2-week hold),
switched to ixazomib maintenance 2023-10-16 for intolerance with the disease in CR (no progression), PD on ixazomib
2026-08-20. A haematologist: the dose reduction is not a line; the switch for toxicity is an unplanned substitution (LOT-B15
rule 2): 2 prior lines. Ixazomib-refractory; lenalidomide last given 2023-09-30, ~3 years before the PD: NOT
lenalidomide-refractory (§1.2), so D-Rd carries no partner-refractory caution; IV D-Pd/Isa-Pd on label (2 lines incl.
lenalidomide and a PI, §2).''')

# ---------------------------------------------------------------- 15 CAR-T after 3 lines with PD, bridging Pd, lymphodepletion flu/cy, PD 8 months later
b = B('15-three-lines-pd-bridging-pd-flucy-cilta-cel-pd', '1960-02-20', 'male', 'Ito', 'Hiroshi')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2018-03-01')
b.stmt('l1-btz', 'bortezomib', '2018-03-12', '2018-07-30', BTZ); b.stmt('l1-len', 'lenalidomide', '2018-03-12', '2021-02-01', LEN)
b.proc('asct', ASCT, 'ASCT', '2018-09-10'); b.status('pd-1', '2021-01-20')
b.stmt('l2-dara', 'daratumumab', '2021-02-08', '2023-04-01', DARA); b.stmt('l2-cfz', 'carfilzomib', '2021-02-08', '2023-04-01', CFZ)
b.status('pd-2', '2023-03-20')
b.stmt('l3-pom', 'pomalidomide', '2023-04-10', '2025-09-20', POM); b.stmt('l3-elo', 'elotuzumab', '2023-04-10', '2025-09-20', None)
b.status('pd-3', '2025-09-10')
b.proc('leuka', [{'system': SCT, 'code': '127788007', 'display': 'Apheresis (procedure)'}], 'Leukapheresis for CAR-T manufacture', '2025-09-22')
cycles(b, 'bridge-btz', 'Bortezomib 1.3 mg/m2 SC (bridging)', BTZ, '2025-09-29', (0, 3, 7, 10), 2, 21)
cycles(b, 'bridge-cy', 'Cyclophosphamide 300 mg/m2 PO (bridging)', CY, '2025-09-29', (0, 7), 2, 21)
for d in range(3):
    day = days('2025-11-10', d)
    b.admin('ld-flu-%d' % d, 'Fludarabine 30 mg/m2 IV (lymphodepletion)', day, FLU)
    b.admin('ld-cy-%d' % d, 'Cyclophosphamide 300 mg/m2 IV (lymphodepletion)', day, CY)
b.admin('cilta', 'CARVYKTI (ciltacabtagene autoleucel) IV infusion', '2025-11-15')
b.status('vgpr', '2026-02-15', worse=False)
b.status('pd-4', '2026-08-25')
b.egfr('2026-10-20', 60); LVEF(b, '2026-10-15')
save(b, '''
L1 VRd-ASCT-R (PD 2021-01), L2 D-Kd (PD 2023-03), L3 Elo-Pd (PD 2025-09-10). Leukapheresis 2025-09-22, bridging VCd-style
(bortezomib + oral cyclophosphamide) x2, lymphodepletion fludarabine/cyclophosphamide 2025-11-10..12, cilta-cel
2025-11-15, VGPR, PD 2026-08-25 (9 months after the infusion, off therapy). A haematologist: 4 prior lines (the CAR-T
line holds bridging, lymphodepletion and the cells: one planned sequence after PD-3); triple-class refractory
(len, carfilzomib, daratumumab, pomalidomide, elotuzumab); not bortezomib-refractory now (last dose 2025-10, PD 2026-08);
anti-CD38-refractory (L2). Options: no anti-CD38 regimen well supported; US D-Kd/Isa-Kd need 1-3 lines: NOT eligible.''')

# ---------------------------------------------------------------- 16 teclistamab step-up dosing after 4 lines, PD on teclistamab
b = B('16-teclistamab-step-up-inpatient-weekly-q2w-pd', '1957-07-27', 'female', 'Garcia', 'Rosa')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2017-03-01')
b.stmt('l1-btz', 'bortezomib', '2017-03-12', '2017-07-30', BTZ); b.stmt('l1-len', 'lenalidomide', '2017-03-12', '2020-02-01', LEN)
b.proc('asct', ASCT, 'ASCT', '2017-09-10'); b.status('pd-1', '2020-01-20')
b.stmt('l2-dara', 'daratumumab', '2020-02-08', '2022-04-01', DARA); b.stmt('l2-pom', 'pomalidomide', '2020-02-08', '2022-04-01', POM)
b.status('pd-2', '2022-03-20')
b.stmt('l3-cfz', 'carfilzomib', '2022-04-10', '2024-01-20', CFZ); b.stmt('l3-sel', 'selinexor', '2022-04-10', '2024-01-20', None)
b.status('pd-3', '2024-01-10')
b.stmt('l4-cy', 'cyclophosphamide 50 mg PO daily', '2024-02-01', '2025-03-10', CY); b.stmt('l4-pred', 'prednisone 50 mg every other day', '2024-02-01', '2025-03-10', PRED)
b.status('pd-4', '2025-03-01')
for k, (d, dose) in enumerate((('2025-03-17', '0.06 mg/kg (step-up dose 1)'), ('2025-03-19', '0.3 mg/kg (step-up dose 2)'),
                               ('2025-03-21', '1.5 mg/kg (first treatment dose)'))):
    b.admin('tec-su-%d' % k, 'teclistamab-cqyv %s SC' % dose, d + 'T08:00:00-05:00')
for k in range(60):
    d = days('2025-03-28', 7 * k if k < 24 else 168 + 14 * (k - 24))
    if d > '2026-10-20': break
    b.admin('tec-%d' % k, 'TECVAYLI (teclistamab-cqyv) 1.5 mg/kg SC', d)
b.status('pd-5', '2026-09-01')
b.egfr('2026-10-20', 60); LVEF(b, '2026-10-15')
save(b, '''
L1 VRd-ASCT-R, L2 D-Pd, L3 carfilzomib + selinexor, L4 oral cyclophosphamide-prednisone (each ended by PD); teclistamab from
2025-03-17: inpatient step-up doses 0.06, 0.3 mg/kg and 1.5 mg/kg on days 1, 3, 5, then weekly, every 2 weeks from
2025-09; PD on it 2026-09-01. A haematologist: 5 prior lines (the step-up doses start line 5); penta-exposed,
teclistamab-refractory, anti-CD38-refractory, BCMA-exposed. D-mono (>=3 lines incl. PI and IMiD) on label but weak after
anti-CD38 refractoriness; US D-Kd/Isa-Kd (1-3) NOT eligible.''')

# ---------------------------------------------------------------- 16b elranatamab step-up, infection hold, re-step-up
b = B('16b-elranatamab-step-up-hold-5w-re-step-up-pd', '1955-01-31', 'male', 'Schneider', 'Klaus')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2018-03-01')
b.stmt('l1-btz', 'bortezomib', '2018-03-12', '2018-07-30', BTZ); b.stmt('l1-len', 'lenalidomide', '2018-03-12', '2021-02-01', LEN)
b.proc('asct', ASCT, 'ASCT', '2018-09-10'); b.status('pd-1', '2021-01-20')
b.stmt('l2-dara', 'daratumumab', '2021-02-08', '2023-04-01', DARA); b.stmt('l2-cfz', 'carfilzomib', '2021-02-08', '2023-04-01', CFZ)
b.status('pd-2', '2023-03-20')
b.stmt('l3-pom', 'pomalidomide', '2023-04-10', '2025-06-20', POM); b.stmt('l3-btz', 'bortezomib', '2023-04-10', '2025-06-20', BTZ)
b.status('pd-3', '2025-06-10')
def elra(prefix, start):
    for k, (off, dose) in enumerate(((0, 12), (3, 32), (7, 76))):
        b.admin('%s-su-%d' % (prefix, k), 'elranatamab %d mg SC (step-up)' % dose if dose < 76 else 'ELREXFIO (elranatamab-bcmm) 76 mg SC', days(start, off))
elra('elra1', '2025-07-01')
for k in range(3): b.admin('elra-w-%d' % k, 'ELREXFIO (elranatamab-bcmm) 76 mg SC', days('2025-07-15', 7 * k))
# hold 2025-08-05..2025-09-09 for pneumonia, then re-step-up (label: > 28 days delay)
elra('elra2', '2025-09-15')
for k in range(40):
    d = days('2025-09-29', 7 * k if k < 12 else 84 + 14 * (k - 12))
    if d > '2026-10-20': break
    b.admin('elra-m-%d' % k, 'ELREXFIO (elranatamab-bcmm) 76 mg SC', d)
b.status('pd-4', '2026-09-05')
b.egfr('2026-10-20', 60); LVEF(b, '2026-10-15')
save(b, '''
L1 VRd-ASCT-R, L2 D-Kd, L3 PVd (each ended by PD); elranatamab from 2025-07-01 with step-up (12, 32, 76 mg), held 5
weeks for pneumonia, restarted 2025-09-15 with a second step-up as the label asks after a long delay, then weekly/q2w;
PD on it 2026-09-05. A haematologist: 4 prior lines (the re-step-up is the same line: no progression, same drug);
elranatamab-refractory; anti-CD38-refractory. US D-Kd/Isa-Kd (1-3) NOT eligible.''')

# ---------------------------------------------------------------- 17 VRd x8 fixed, PD 4 years later, VRd again, PD
b = B('17-vrd8-fixed-tfi-4y-pd-vrd-again-pd', '1946-06-06', 'female', 'Murphy', 'Aoife')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2018-05-01')
cycles(b, 'a-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, '2018-05-14', (0, 3, 7, 10), 8, 21)
b.stmt('a-len', 'lenalidomide 25 mg capsule d1-14 q21d', '2018-05-14', '2018-12-30', LEN)
cycles(b, 'a-dex', 'Dexamethasone 20 mg PO', DEX, '2018-05-14', (0, 7), 8, 21)
b.status('cr', '2019-02-01', worse=False, text='Complete response')
b.status('pd-1', '2023-03-15')
cycles(b, 'b-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, '2023-04-03', (0, 3, 7, 10), 8, 21)
b.stmt('b-len', 'lenalidomide 25 mg capsule d1-14 q21d', '2023-04-03', '2023-11-20', LEN)
cycles(b, 'b-dex', 'Dexamethasone 20 mg PO', DEX, '2023-04-03', (0, 7), 8, 21)
b.status('pd-2', '2026-08-20')
b.egfr('2026-10-20', 55)
save(b, '''
Transplant-ineligible; VRd x8 fixed duration 2018-05..2018-12, CR, off therapy; PD 2023-03-15 (a 4-year treatment-free
interval); VRd x8 again 2023-04..2023-11, off therapy; PD 2026-08-20. A haematologist: 2 prior lines (the same regimen
after a documented progression is a new line, issue bullet 1); PD 2026 lies >60 days after both courses: neither
bortezomib- nor lenalidomide-refractory (§1.2). D-Rd/D-Vd/D-Kd/Isa-Kd on label; IV Isa-Pd/D-Pd on label (2 lines incl.
len and a PI).''')

# ---------------------------------------------------------------- 17b the same, the interim progression shown only by the M-protein
b = B('17b-vrd8-tfi-mprotein-rise-only-vrd-again-pd', '1946-06-06', 'female', 'Murphy', 'Aoife')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2018-05-01')
cycles(b, 'a-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, '2018-05-14', (0, 3, 7, 10), 8, 21)
b.stmt('a-len', 'lenalidomide 25 mg capsule d1-14 q21d', '2018-05-14', '2018-12-30', LEN)
cycles(b, 'a-dex', 'Dexamethasone 20 mg PO', DEX, '2018-05-14', (0, 7), 8, 21)
for i, (d, v) in enumerate((('2018-04-20', 3.1), ('2019-02-01', 0.3), ('2020-02-01', 0.3), ('2021-02-01', 0.4),
                            ('2022-12-05', 1.1), ('2023-01-16', 1.4), ('2023-06-01', 0.5), ('2024-01-10', 0.4))):
    b.mprot('mp-%d' % i, d, v)
cycles(b, 'b-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, '2023-04-03', (0, 3, 7, 10), 8, 21)
b.stmt('b-len', 'lenalidomide 25 mg capsule d1-14 q21d', '2023-04-03', '2023-11-20', LEN)
cycles(b, 'b-dex', 'Dexamethasone 20 mg PO', DEX, '2023-04-03', (0, 7), 8, 21)
b.status('pd-2', '2026-08-20')
b.egfr('2026-10-20', 55)
save(b, '''
As 17, but the progression before the retreatment is shown only by the serum M-protein: nadir 0.3 g/dL (2019-02), 1.1
(2022-12-05) and 1.4 g/dL (2023-01-16): two consecutive rises >=25% and >=0.5 g/dL above the nadir (IMWG, §1.6 A), so
PD before the VRd restart on 2023-04-03. A haematologist: 2 prior lines, the same as 17.''')

# ---------------------------------------------------------------- 18 MedicationStatement-only history with vague dates (reconciliation at transfer)
b = B('18-statements-only-year-dates-dara-2022-2024-pom-current-pd', '1952-02-29', 'male', 'Baker', 'Tom')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2018')
b.stmt('h-btz', 'bortezomib (Velcade) - per patient, 2018', '2018', '2018', BTZ)
b.stmt('h-len', 'lenalidomide (Revlimid) - per patient, 2018 to 2021', '2018', '2021', LEN)
b.stmt('h-dara', 'daratumumab (Darzalex) - per outside records, 2022 to 2024', '2022', '2024', DARA)
b.stmt('h-cfz', 'carfilzomib (Kyprolis) - per outside records, 2022 to 2024', '2022', '2024', CFZ)
b.stmt('h-pom', 'pomalidomide 4 mg d1-21 q28d', '2024-11', None, POM, status='active', dateAsserted='2026-10-05')
b.status('pd-1', '2026-09-30')
b.egfr('2026-10-20', 60); LVEF(b, '2026-10-15')
save(b, '''
A transferred patient's medication history entered at reconciliation as MedicationStatements with year-only periods:
bortezomib 2018, lenalidomide 2018-2021, daratumumab + carfilzomib 2022-2024, pomalidomide from 2024-11 (active); PD
2026-09-30 on pomalidomide. No other status records. A haematologist: 3 prior lines (VRd->R, DKd, Pd); pomalidomide-
refractory; daratumumab and carfilzomib: given to "2024" then replaced by Pd - most likely for progression, but the
record does not say: their refractoriness is UNKNOWN (never "not refractory"); the lenalidomide switch in 2021 likewise.
D-Pd/Isa-Pd: pomalidomide-refractory partner; D-Kd/Isa-Kd on label (3 lines) with carfilzomib/anti-CD38 status unknown.''')

# ---------------------------------------------------------------- 06b near miss of 06: D-Rd with no hold, PD on D-Rd (does the PD split the line?)
b = B('06b-drd-mar-and-fills-pd-on-drd-no-hold', '1949-02-02', 'male', 'Russo', 'Marco')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-01-03')
for k in range(80):
    d = days('2022-01-10', 7 * k if k < 8 else (56 + 14 * (k - 8) if k < 16 else 168 + 28 * (k - 16)))
    if d > '2026-10-20': break
    b.admin('dara-%d' % k, 'daratumumab 1800 mg SC', d, DARA)
m = '2022-01-10'; k = 0
while m < '2026-10-15':
    b.disp('len-fill-%d' % k, 'lenalidomide 25 mg capsule (21 of 28 days)', m, 28, LEN); m = days(m, 28); k += 1
b.status('vgpr', '2023-01-10', worse=False)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 60)
save(b, '''
Near miss of 06 without the lenalidomide hold: D-Rd from 2022-01-10, daratumumab by MAR every 4 weeks, lenalidomide by
28-day fills without a break, PD 2026-08-20 while both go on (the next dose and fill follow at the usual interval while
the next line is planned). A haematologist: ONE line, progressing on D-Rd: daratumumab- and lenalidomide-refractory;
relapsed after 1 line. Doses of the same drugs at the same interval after a progression are the line going on (treatment
continued while the next step is arranged), not a new regimen (LOT-B15: a new line needs a new regimen, an unplanned
addition/substitution or an SCT).''')

# ---------------------------------------------------------------- 19 Kd: PD, one more scheduled carfilzomib dose, then Pd
b = B('19-kd-pd-one-more-dose-then-pd-next-line', '1953-03-23', 'female', 'Novak', 'Jana')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-10')
vrd(b, '2021-01-18', 4)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2021-06-20')
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2021-09-01', '2024-06-01', LEN)
b.status('pd-1', '2024-05-20')
cycles(b, 'kd-cfz', 'Carfilzomib 56 mg/m2 IV', CFZ, '2024-06-10', (0, 1, 7, 8, 14, 15), 25)
b.status('pd-2', '2026-04-22')      # reported between the day-8/9 and day-15/16 doses of the last cycle
b.stmt('pd-pom', 'pomalidomide 4 mg d1-21 q28d', '2026-05-18', None, POM, status='active')
b.stmt('pd-dex', 'dexamethasone 40 mg weekly', '2026-05-18', None, DEX, status='active')
b.mprot('mp-1', '2026-10-12', 1.2)
b.status('pd-3', '2026-10-12')
b.egfr('2026-10-20', 60); LVEF(b, '2026-10-15')
save(b, '''
L1 VRd-ASCT-R (PD on R 2024-05-20), L2 Kd from 2024-06-10 (carfilzomib d1,2,8,9,15,16 q28d by MAR); PD reported
2026-04-22, the day-15/16 carfilzomib doses of that cycle were given as scheduled (2026-04-27/28), then Pd from
2026-05-18; PD on Pd 2026-10-12. A haematologist: 3 prior lines (VRd-ASCT-R, Kd, Pd); lenalidomide-, carfilzomib- and
pomalidomide-refractory. The carfilzomib doses after the PD are line 2 finishing, not a line of their own.''')

# ---------------------------------------------------------------- 20 VRd, Cy mobilisation, ASCT with tandem-like delay... near miss of 01: mobilisation with the transplant in the window
b = B('20-vrd-cy-plerixafor-mobilisation-asct-35d-r-pd', '1957-03-03', 'male', 'Okafor', 'Chidi')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-12-20')
vrd(b)
b.admin('mob-cy', 'cyclophosphamide 2 g/m2 IV (stem cell mobilisation)', '2023-04-20', CY)
gcsf(b, '2023-04-22', 8, '2023-04-30')
b.admin('cond-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2023-05-24', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2023-05-25')
rmaint(b, '2023-07-15')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
save(b, '''
Near miss of 01 (and 03): the same mobilisation (cyclophosphamide, G-CSF, plerixafor), collection succeeded and the
ASCT followed 35 days after the cyclophosphamide; lenalidomide maintenance, PD on it 2026-08-20. A haematologist: ONE
line (CDS-POLICY-MOBILISATION applies here).''')

# ---------------------------------------------------------------- 17c early relapse shown only by the M-protein, VRd restarted 127 days after it stopped
b = B('17c-vrd8-early-mprotein-relapse-vrd-restarted-127d-pd', '1946-06-06', 'female', 'Murphy', 'Aoife')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2018-05-01')
cycles(b, 'a-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, '2018-05-14', (0, 3, 7, 10), 8, 21)
b.stmt('a-len', 'lenalidomide 25 mg capsule d1-14 q21d', '2018-05-14', '2018-12-30', LEN)
cycles(b, 'a-dex', 'Dexamethasone 20 mg PO', DEX, '2018-05-14', (0, 7), 8, 21)
for i, (d, v) in enumerate((('2018-04-20', 3.1), ('2018-12-17', 0.6), ('2019-02-25', 1.3), ('2019-04-08', 1.7),
                            ('2019-09-01', 0.7), ('2020-03-01', 0.6))):
    b.mprot('mp-%d' % i, d, v)
cycles(b, 'b-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, '2019-05-06', (0, 3, 7, 10), 8, 21)
b.stmt('b-len', 'lenalidomide 25 mg capsule d1-14 q21d', '2019-05-06', '2019-12-22', LEN)
cycles(b, 'b-dex', 'Dexamethasone 20 mg PO', DEX, '2019-05-06', (0, 7), 8, 21)
b.status('pd-2', '2026-08-20')
b.egfr('2026-10-20', 55)
save(b, '''
VRd x8 2018-05..12 (PR, M-protein 3.1 -> 0.6 g/dL); off therapy; M-protein 1.3 (2019-02-25) and 1.7 g/dL (2019-04-08):
two consecutive rises >=25% and >=0.5 g/dL above the nadir 0.6 (IMWG PD, §1.6 A) about 2-3 months after stopping;
VRd restarted 2019-05-06 (127 days after the last dose); PD again 2026-08-20. A haematologist: 2 prior lines (re-treatment
after a progression, issue bullet 1); the first rise (2019-02-25) lies 57 days after the last lenalidomide dose
(2018-12-30), so bortezomib- and lenalidomide-refractory by §1.2. The two courses must not merge as "the same drugs
resumed" (that reading needs no progression in between).''')

# ---------------------------------------------------------------- 17d as 17b, all three drugs of the first course ending together
b = B('17d-vrd8-same-end-tfi-mprotein-rise-only-vrd-again-pd', '1946-06-06', 'female', 'Murphy', 'Aoife')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2018-05-01')
cycles(b, 'a-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, '2018-05-14', (0, 3, 7, 10), 8, 21)
b.stmt('a-len', 'lenalidomide 25 mg capsule d1-14 q21d', '2018-05-14', '2018-10-18', LEN)
cycles(b, 'a-dex', 'Dexamethasone 20 mg PO', DEX, '2018-05-14', (0, 7, 10), 8, 21)
for i, (d, v) in enumerate((('2018-04-20', 3.1), ('2019-02-01', 0.3), ('2020-02-01', 0.3), ('2021-02-01', 0.4),
                            ('2022-12-05', 1.1), ('2023-01-16', 1.4), ('2023-06-01', 0.5), ('2024-01-10', 0.4))):
    b.mprot('mp-%d' % i, d, v)
cycles(b, 'b-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, '2023-04-03', (0, 3, 7, 10), 8, 21)
b.stmt('b-len', 'lenalidomide 25 mg capsule d1-14 q21d', '2023-04-03', '2023-09-07', LEN)
cycles(b, 'b-dex', 'Dexamethasone 20 mg PO', DEX, '2023-04-03', (0, 7, 10), 8, 21)
b.status('pd-2', '2026-08-20')
b.egfr('2026-10-20', 55)
save(b, '''
As 17b, but bortezomib, lenalidomide and dexamethasone of each course end on the same day (2018-10-18; 2023-09-07): the
only sign of the progression before the re-treatment is the serum M-protein (nadir 0.3 g/dL, then 1.1 on 2022-12-05 and
1.4 on 2023-01-16: IMWG PD, §1.6 A). A haematologist: 2 prior lines (re-treatment after progression, bullet 1); a single
line here would be the "same drugs resumed" reading that needs NO progression in between.''')

# ---------------------------------------------------------------- 21 Rd by one MedicationStatement per cycle; PD; one more cycle before Kd
b = B('21-rd-statement-per-cycle-pd-one-more-cycle-then-kd', '1947-11-11', 'male', 'Svensson', 'Nils')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2023-01-02')
c = '2023-01-09'; k = 0
while c <= '2026-05-30':
    b.stmt('rd-len-c%d' % (k + 1), 'lenalidomide 25 mg d1-21 (cycle %d)' % (k + 1), c, days(c, 20), LEN)
    b.stmt('rd-dex-c%d' % (k + 1), 'dexamethasone 40 mg d1,8,15,22 (cycle %d)' % (k + 1), c, days(c, 21), DEX)
    c = days(c, 28); k += 1
b.status('vgpr', '2023-09-01', worse=False)
b.status('pd-1', '2026-05-05')
cycles(b, 'kd-cfz', 'Carfilzomib 56 mg/m2 IV', CFZ, '2026-06-15', (0, 1, 7, 8, 14, 15), 5)
b.status('pr', '2026-10-01', worse=False)
b.egfr('2026-10-20', 60); LVEF(b, '2026-10-15')
save(b, '''
Transplant-ineligible; continuous Rd from 2023-01-09 recorded as one MedicationStatement per 28-day cycle (the clinic's
cycle log); VGPR; PD 2026-05-05 during the cycle of 2026-04-27; one more Rd cycle (2026-05-25..06-14) while Kd is
arranged; Kd from 2026-06-15 (5 cycles, to 2026-10-20), PR 2026-10-01. A haematologist: two lines so far (Rd, Kd on
going), lenalidomide-refractory (PD on it); Kd responding, not relapsed: nothing to offer now (relapse not documented
after Kd). The extra Rd cycle after the PD is line 1 finishing, not a third line (LOT-B15 §1.1).''')
