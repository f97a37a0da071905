# Sweep W (acceptance of the s21-int changes as a new user meets them): records that name no drug (supportive items
# written oddly), active orders whose end is their dispense authorisation (later orders, an authorisation reaching the
# evaluation date, a completed order as near miss), VAD salvage for myeloma with and without another cancer, methotrexate
# after an autologous and an allogeneic transplant, a steroid pulse after a progression before the next regimen and a
# steroid given through a progression, trial populations (ICARIA-MM, APOLLO, CANDOR) on a count range and after anti-CD38.
# Run from the project root; writes qa-bundles/s21f-*.json with a story s21f-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BW(B):
    PREFIX = 's21f-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-06T06:40:00Z'; return bd


ACV = ('281', 'acyclovir'); MTX = ('6851', 'methotrexate'); VCR = ('11202', 'vincristine')
DLBCL = [{'system': ICD, 'code': 'C83.30', 'display': 'Diffuse large B-cell lymphoma, unspecified site'}]
BC = [{'system': ICD, 'code': 'C50.912', 'display': 'Malignant neoplasm of unspecified site of left female breast'}]


def noise(b, start, end):
    """Supportive care every myeloma record carries: none of it is anti-myeloma therapy."""
    b.req('ond', 'ondansetron 8 mg tablet as needed for nausea', start, ('26225', 'ondansetron'), status='active')
    b.req('asa', 'aspirin 81 mg tablet daily (VTE prophylaxis)', start, ('1191', 'aspirin'), status='active')
    b.admin('zol-' + start, 'zoledronic acid 4 mg IV', days(start, 14), ('77655', 'zoledronic acid'))


def l1_vrd_asct_maint(b, maint_end='2023-05-01', pd='2023-05-15'):
    """L1: VRd statements, G-CSF, melphalan 200, ASCT, lenalidomide maintenance stopped 14 days before the first PD."""
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-03-04')
    vrd_stmt(b, '2019-03-18', '2019-07-22', 'l1')
    gcsf(b, '2019-08-05', 5)
    b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2019-09-08', MEL)
    b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2019-09-09')
    rmaint(b, '2019-12-02', maint_end, status='stopped')
    if pd: b.status('pd-1', pd)


def order(b, i, text, code, authored, start, end, status='completed', dur=28, repeats=0):
    """An order with a dispense authorisation (validityPeriod and supply), as Epic exports it."""
    return b.req(i, text, authored, code, status=status, dispenseRequest=supply(start, end, repeats, dur))


# ---------------------------------------------------------------- 01 'tab 1 daily' coded acyclovir: a drug named by code
b = BW('01-two-lines-tab-1-daily-coded-acyclovir-no-gap-expected', '1957-04-11', 'male', 'Brennan', 'Liam')
l1_vrd_asct_maint(b); noise(b, '2019-03-18', '2026-10-20')
b.stmt('acv', 'tab 1 daily', '2019-03-18', None, ACV, status='active')
kd(b, '2023-05-29', '2026-08-31'); b.status('pd-2', '2026-09-28'); tail(b)
out(b, '''
Liam Brennan, 69. IgG-kappa myeloma 2019. L1 VRd, ASCT 2019-09-09, lenalidomide maintenance to 2023-05-01 (stopped), PD
2023-05-15. L2 Kd 2023-05-29 to 2026-08, PD 2026-09-28. A MedicationStatement written "tab 1 daily" (the EHR's sig only),
coded RxNorm 281 acyclovir, active since the start of VRd: the antiviral prophylaxis every PI patient takes.
A haematologist: 2 prior lines, lenalidomide and carfilzomib refractory, bortezomib exposed, anti-CD38 naive. The
"tab 1 daily" is acyclovir by its code: no gap. Options: D-Pd, Isa-Pd (APOLLO, ICARIA-MM populations); D-Kd/Isa-Kd not
(carfilzomib refractory); D-Rd not (lenalidomide refractory).
''')

# ---------------------------------------------------------------- 02 'cap 400 mg bid' no code at VRd start
b = BW('02-two-lines-cap-400mg-bid-no-code-beside-vrd', '1957-04-11', 'male', 'Brennan', 'Liam')
l1_vrd_asct_maint(b); noise(b, '2019-03-18', '2026-10-20')
b.stmt('acv', 'cap 400 mg bid', '2019-03-18', None, None, status='active')
kd(b, '2023-05-29', '2026-08-31'); b.status('pd-2', '2026-09-28'); tail(b)
out(b, '''
The patient of s21f-01 with the acyclovir record written "cap 400 mg bid" and no code (an outside pharmacy list).
A haematologist: it is almost surely acyclovir 400 mg twice daily (started with bortezomib, taken for years), but the
record names no drug. Every anti-myeloma drug of the patient is named elsewhere; lines, refractoriness and options as in
s21f-01. A gap naming the record is fair; an oral twice-daily capsule cannot be an anti-CD38 antibody, and the lines it
could add are none (it runs beside both lines from day 1).
''')

# ---------------------------------------------------------------- 03 active Rd order, later orders and dispenses
b = BW('03-vmp-active-rd-order-later-renewals-and-dispenses-pd-2026', '1943-02-08', 'female', 'Castillo', 'Rosa')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA kappa', '2021-01-11')
b.stmt('vmp-btz', 'bortezomib 1.3 mg/m2 SC', '2021-01-25', '2021-11-29', BTZ)
b.stmt('vmp-mel', 'melphalan 9 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', MEL)
b.stmt('vmp-pred', 'prednisone 60 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', PRED)
b.status('pd-1', '2023-04-10'); noise(b, '2021-01-25', '2026-10-20')
order(b, 'rd-len', 'lenalidomide 25 mg capsule days 1-21 of 28', LEN, '2023-04-24', '2023-04-24', '2023-07-23', 'active', 28, 2)
b.req('rd-dex', 'dexamethasone 40 mg tablet weekly', '2023-04-24', DEX, status='active')
order(b, 'rd-len-2', 'lenalidomide 15 mg capsule days 1-21 of 28', LEN, '2024-01-08', '2024-01-08', '2024-04-07', 'completed', 28, 2)
b.disp('rd-len-d1', 'lenalidomide 15 mg capsule', '2025-03-03', 28, LEN)
b.disp('rd-len-d2', 'lenalidomide 15 mg capsule', '2025-03-31', 28, LEN)
b.mprot('mp-1', '2023-08-14', 0.6); b.mprot('mp-2', '2024-06-10', 0.4); b.mprot('mp-3', '2026-06-01', 0.9)
b.status('pd-2', '2026-09-07'); tail(b)
out(b, '''
Rosa Castillo, 83. IgA-kappa myeloma January 2021 at 77; VMP to 2021-11 (statements), PD 2023-04-10. Rd: an ACTIVE
lenalidomide order 2023-04-24 (dispense authorisation to 2023-07-23, 2 repeats), an active weekly dexamethasone order, a
completed renewal 2024-01-08 at 15 mg (authorisation to 2024-04-07), and pharmacy dispenses of lenalidomide 15 mg on
2025-03-03 and 2025-03-31 (28 days each). M-protein 0.6, nadir 0.4 (2024-06), 0.9 (2026-06); PD 2026-09-07.
A haematologist: 2 prior lines (VMP; Rd given until progression). Rd ran at least to 2025-04-28 (the last dispense's
supply), lenalidomide was still ordered (active), and nothing says it stopped: whether she was on lenalidomide at the
2026 progression is not in the record, so lenalidomide refractoriness is unknown (likely refractory). D-Rd/POLLUX must not
be "matches"; D-Pd/Isa-Pd by count need 2 lines incl. lenalidomide and a PI: met. The L2 end must not be shown at
2023-07-23 or 2024-04-07.
''')

# ---------------------------------------------------------------- 04 active order whose authorisation reaches the evaluation date
b = BW('04-vmp-rd-orders-last-active-authorisation-past-as-of-pd-2026', '1943-02-08', 'female', 'Castillo', 'Rosa')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA kappa', '2021-01-11')
b.stmt('vmp-btz', 'bortezomib 1.3 mg/m2 SC', '2021-01-25', '2021-11-29', BTZ)
b.stmt('vmp-mel', 'melphalan 9 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', MEL)
b.stmt('vmp-pred', 'prednisone 60 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', PRED)
b.status('pd-1', '2023-04-10'); noise(b, '2021-01-25', '2026-10-20')
d = '2023-04-24'; k = 0
while d < '2026-06-01':
    order(b, 'rd-len-%d' % k, 'lenalidomide 15 mg capsule days 1-21 of 28', LEN, d, d, days(d, 83), 'completed', 28, 2)
    d = days(d, 84); k += 1
order(b, 'rd-len-last', 'lenalidomide 15 mg capsule days 1-21 of 28', LEN, '2026-06-08', '2026-06-08', '2026-12-07', 'active', 28, 5)
b.req('rd-dex', 'dexamethasone 20 mg tablet weekly', '2023-04-24', DEX, status='active')
b.mprot('mp-1', '2023-08-14', 0.6); b.mprot('mp-2', '2024-06-10', 0.4); b.mprot('mp-3', '2026-06-01', 0.9)
b.status('pd-2', '2026-09-07'); tail(b)
out(b, '''
The patient of s21f-03 with Rd ordered every 12 weeks (completed orders, each authorising 84 days) from 2023-04-24, and
the last order ACTIVE from 2026-06-08 with its authorisation to 2026-12-07 (past the evaluation date 2026-11-01). PD
2026-09-07.
A haematologist: 2 prior lines; she is on Rd at the progression (ordered without a break for 3.5 years, an active order
covering the progression): lenalidomide refractory, or at the least not "not refractory". D-Rd/POLLUX is wrong; D-Pd and
Isa-Pd are the options. The line is ongoing or ended at the progression, never "stopped" before it.
''')

# ---------------------------------------------------------------- 05 near miss: the same with the last order completed, authorisation ending 2026-06-30
b = BW('05-vmp-rd-orders-last-completed-authorisation-ends-141-days-before-pd', '1943-02-08', 'female', 'Castillo', 'Rosa')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA kappa', '2021-01-11')
b.stmt('vmp-btz', 'bortezomib 1.3 mg/m2 SC', '2021-01-25', '2021-11-29', BTZ)
b.stmt('vmp-mel', 'melphalan 9 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', MEL)
b.stmt('vmp-pred', 'prednisone 60 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', PRED)
b.status('pd-1', '2023-04-10'); noise(b, '2021-01-25', '2026-10-20')
d = '2023-04-24'; k = 0
while d < '2026-04-01':
    order(b, 'rd-len-%d' % k, 'lenalidomide 15 mg capsule days 1-21 of 28', LEN, d, d, days(d, 83), 'completed', 28, 2)
    d = days(d, 84); k += 1
b.req('rd-dex', 'dexamethasone 20 mg tablet weekly', '2023-04-24', DEX, status='completed')
b.mprot('mp-1', '2023-08-14', 0.6); b.mprot('mp-2', '2024-06-10', 0.4); b.mprot('mp-3', '2026-06-01', 0.9)
b.status('pd-2', '2026-09-07'); tail(b)
out(b, '''
The patient of s21f-04 whose Rd orders are all completed; the last one authorised to %s. PD 2026-09-07.
A haematologist: completed orders are a closed record; the last authorised day is the best end the record holds, and the
progression came more than 60 days later: lenalidomide exposed, not refractory by the record (IMWG 60-day rule), with the
caveat that supply is not intake. D-Rd is defensible; D-Pd/Isa-Pd on label by count.
''' % days(d, -1))

# ---------------------------------------------------------------- 04b the orders of 05 and a renewal left ACTIVE covering the PD
b = BW('04b-vmp-rd-orders-active-renewal-covers-pd-earlier-orders-end-141-days-before', '1943-02-08', 'female', 'Castillo', 'Rosa')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA kappa', '2021-01-11')
b.stmt('vmp-btz', 'bortezomib 1.3 mg/m2 SC', '2021-01-25', '2021-11-29', BTZ)
b.stmt('vmp-mel', 'melphalan 9 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', MEL)
b.stmt('vmp-pred', 'prednisone 60 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', PRED)
b.status('pd-1', '2023-04-10'); noise(b, '2021-01-25', '2026-10-20')
d = '2023-04-24'; k = 0
while d < '2026-04-01':
    order(b, 'rd-len-%d' % k, 'lenalidomide 15 mg capsule days 1-21 of 28', LEN, d, d, days(d, 83), 'completed', 28, 2)
    d = days(d, 84); k += 1
order(b, 'rd-len-last', 'lenalidomide 15 mg capsule days 1-21 of 28', LEN, d, d, '2026-12-07', 'active', 28, 7)
b.req('rd-dex', 'dexamethasone 20 mg tablet weekly', '2023-04-24', DEX, status='active')
b.mprot('mp-1', '2023-08-14', 0.6); b.mprot('mp-2', '2024-06-10', 0.4); b.mprot('mp-3', '2026-06-01', 0.9)
b.status('pd-2', '2026-09-07'); tail(b)
out(b, '''
The patient of s21f-05 (Rd by completed 12-weekly orders from 2023-04-24, the last completed one authorised to %s)
with the next renewal, authored %s, left ACTIVE, its authorisation to 2026-12-07 (past the evaluation date). PD
2026-09-07.
A haematologist: the renewal of a drug taken without a break for 3 years, still active at the progression: she was on
lenalidomide at the progression, or at the least it cannot be told that she was not. Lenalidomide refractory or
refractoriness unknown; never "not refractory" with D-Rd "matches POLLUX". The renewal cannot add a line (same drug, no
progression between).
''' % (days(d, -1), d))

# ---------------------------------------------------------------- 03b near miss of 03: the first order completed
b = BW('03b-vmp-rd-orders-all-completed-later-renewal-and-dispenses-pd-2026', '1943-02-08', 'female', 'Castillo', 'Rosa')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA kappa', '2021-01-11')
b.stmt('vmp-btz', 'bortezomib 1.3 mg/m2 SC', '2021-01-25', '2021-11-29', BTZ)
b.stmt('vmp-mel', 'melphalan 9 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', MEL)
b.stmt('vmp-pred', 'prednisone 60 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', PRED)
b.status('pd-1', '2023-04-10'); noise(b, '2021-01-25', '2026-10-20')
order(b, 'rd-len', 'lenalidomide 25 mg capsule days 1-21 of 28', LEN, '2023-04-24', '2023-04-24', '2023-07-23', 'completed', 28, 2)
b.req('rd-dex', 'dexamethasone 40 mg tablet weekly', '2023-04-24', DEX, status='completed')
order(b, 'rd-len-2', 'lenalidomide 15 mg capsule days 1-21 of 28', LEN, '2024-01-08', '2024-01-08', '2024-04-07', 'completed', 28, 2)
b.disp('rd-len-d1', 'lenalidomide 15 mg capsule', '2025-03-03', 28, LEN)
b.disp('rd-len-d2', 'lenalidomide 15 mg capsule', '2025-03-31', 28, LEN)
b.mprot('mp-1', '2023-08-14', 0.6); b.mprot('mp-2', '2024-06-10', 0.4); b.mprot('mp-3', '2026-06-01', 0.9)
b.status('pd-2', '2026-09-07'); tail(b)
out(b, '''
s21f-03 with the first lenalidomide order and the dexamethasone order COMPLETED: every order is closed; the last
lenalidomide record is the dispense of 2025-03-31 (28 days). PD 2026-09-07.
A haematologist: a closed record whose last lenalidomide supply ended 2025-04-27, 16 months before the progression:
lenalidomide exposed, not refractory by the record (supply is not intake, but nothing says she took it later). D-Rd is
defensible; D-Pd/Isa-Pd on label by count.
''')

# ---------------------------------------------------------------- 06 VAD salvage for myeloma, no other cancer
b = BW('06-vrd-asct-r-then-vad-salvage-then-kd-no-other-cancer', '1960-10-02', 'male', 'Novak', 'Tomas')
l1_vrd_asct_maint(b); noise(b, '2019-03-18', '2026-10-20')
for k in range(4):
    c = days('2023-06-05', 28 * k)
    for dd in range(4):
        day = days(c, dd)
        b.admin('vad-vcr-' + day, 'vincristine 0.4 mg IV continuous infusion (VAD)', day, VCR)
        b.admin('vad-dox-' + day, 'doxorubicin 9 mg/m2 IV continuous infusion (VAD)', day, DOXO)
        b.admin('vad-dex-' + day, 'dexamethasone 40 mg PO (VAD)', day, DEX)
b.status('pd-2', '2024-01-08')
kd(b, '2024-01-22', '2026-08-31'); b.status('pd-3', '2026-09-28'); tail(b)
out(b, '''
Tomas Novak, 66. IgG-kappa myeloma 2019. L1 VRd, ASCT 2019-09-09, lenalidomide maintenance to 2023-05-01, PD
2023-05-15. L2 VAD (vincristine 0.4 mg/day, doxorubicin 9 mg/m2/day by 4-day infusion, dexamethasone 40 mg days 1-4) x4
from 2023-06-05 (an outside hospital's salvage), PD 2024-01-08. L3 Kd 2024-01-22 to 2026-08, PD 2026-09-28. No other
cancer on the record.
A haematologist: 3 prior lines (VRd-ASCT-R; VAD; Kd), lenalidomide and carfilzomib refractory, anti-CD38 naive. VAD is
an old myeloma regimen, no other cancer is recorded: it is a line, with no hedge. Options: D-Pd, Isa-Pd; D-Kd/Isa-Kd not.
''')

# ---------------------------------------------------------------- 07 lymphoma treated with R-CHOP, later VAD with a stated myeloma reason
b = BW('07-dlbcl-rchop-then-vad-with-myeloma-reason-then-kd', '1960-10-02', 'male', 'Novak', 'Tomas')
l1_vrd_asct_maint(b, maint_end='2020-12-14', pd=None); noise(b, '2019-03-18', '2026-10-20')
b.cond('dlbcl', DLBCL, 'Diffuse large B-cell lymphoma, stage II', '2021-01-11', clin='remission')
for k in range(6):
    c = days('2021-02-01', 21 * k)
    b.admin('rchop-r-' + c, 'rituximab 375 mg/m2 IV (R-CHOP)', c, ('121191', 'rituximab'), reasonReference=reason(b, 'dlbcl'))
    b.admin('rchop-c-' + c, 'cyclophosphamide 750 mg/m2 IV (R-CHOP)', c, CY, reasonReference=reason(b, 'dlbcl'))
    b.admin('rchop-h-' + c, 'doxorubicin 50 mg/m2 IV (R-CHOP)', c, DOXO, reasonReference=reason(b, 'dlbcl'))
    b.admin('rchop-o-' + c, 'vincristine 1.4 mg/m2 IV (R-CHOP)', c, VCR, reasonReference=reason(b, 'dlbcl'))
    b.stmt('rchop-p-' + c, 'prednisone 100 mg PO days 1-5 (R-CHOP)', c, days(c, 4), PRED, reasonReference=reason(b, 'dlbcl'))
b.status('pd-1', '2023-05-15')
for k in range(4):
    c = days('2023-06-05', 28 * k)
    for dd in range(4):
        day = days(c, dd)
        b.admin('vad-vcr-' + day, 'vincristine 0.4 mg IV continuous infusion (VAD)', day, VCR, reasonReference=reason(b, 'mm'))
        b.admin('vad-dox-' + day, 'doxorubicin 9 mg/m2 IV continuous infusion (VAD)', day, DOXO, reasonReference=reason(b, 'mm'))
        b.admin('vad-dex-' + day, 'dexamethasone 40 mg PO (VAD)', day, DEX, reasonReference=reason(b, 'mm'))
b.status('pd-2', '2024-01-08')
kd(b, '2024-01-22', '2026-08-31'); b.status('pd-3', '2026-09-28'); tail(b)
out(b, '''
Tomas Novak, 66. IgG-kappa myeloma 2019: VRd, ASCT 2019-09-09, lenalidomide maintenance stopped 2020-12-14 when a diffuse
large B-cell lymphoma was diagnosed (2021-01-11, now in remission). R-CHOP x6 from 2021-02-01, every record's reason the
lymphoma. Myeloma PD 2023-05-15. VAD x4 from 2023-06-05, every record's reason the MYELOMA condition; PD 2024-01-08. Kd
2024-01-22 to 2026-08, PD 2026-09-28.
A haematologist: 3 prior myeloma lines (VRd-ASCT-R; VAD; Kd); R-CHOP is the lymphoma's therapy and no myeloma line.
Lenalidomide exposed, not refractory (stopped for the lymphoma, no progression for 2.5 years), carfilzomib refractory;
the VAD is a myeloma line by its stated reason, not "may be the lymphoma's". Doxorubicin in VAD and R-CHOP needs no
anti-CD38 hedge. Options: D-Pd, Isa-Pd; D-Rd is possible (not lenalidomide refractory); D-Kd/Isa-Kd not.
''')

# ---------------------------------------------------------------- 08 near miss: the same VAD with no reason, lymphoma within 5 years
b = BW('08-dlbcl-rchop-then-vad-no-reason-then-kd', '1960-10-02', 'male', 'Novak', 'Tomas')
l1_vrd_asct_maint(b, maint_end='2020-12-14', pd=None); noise(b, '2019-03-18', '2026-10-20')
b.cond('dlbcl', DLBCL, 'Diffuse large B-cell lymphoma, stage II', '2021-01-11', clin='remission')
for k in range(6):
    c = days('2021-02-01', 21 * k)
    b.admin('rchop-r-' + c, 'rituximab 375 mg/m2 IV (R-CHOP)', c, ('121191', 'rituximab'), reasonReference=reason(b, 'dlbcl'))
    b.admin('rchop-c-' + c, 'cyclophosphamide 750 mg/m2 IV (R-CHOP)', c, CY, reasonReference=reason(b, 'dlbcl'))
    b.admin('rchop-h-' + c, 'doxorubicin 50 mg/m2 IV (R-CHOP)', c, DOXO, reasonReference=reason(b, 'dlbcl'))
    b.admin('rchop-o-' + c, 'vincristine 1.4 mg/m2 IV (R-CHOP)', c, VCR, reasonReference=reason(b, 'dlbcl'))
b.status('pd-1', '2023-05-15')
for k in range(4):
    c = days('2023-06-05', 28 * k)
    for dd in range(4):
        day = days(c, dd)
        b.admin('vad-vcr-' + day, 'vincristine 0.4 mg IV continuous infusion', day, VCR)
        b.admin('vad-dox-' + day, 'doxorubicin 9 mg/m2 IV continuous infusion', day, DOXO)
        b.admin('vad-dex-' + day, 'dexamethasone 40 mg PO', day, DEX)
b.status('pd-2', '2024-01-08')
kd(b, '2024-01-22', '2026-08-31'); b.status('pd-3', '2026-09-28'); tail(b)
out(b, '''
s21f-07 with the VAD records carrying no reason (and no "(VAD)" in the text).
A haematologist: vincristine + doxorubicin 4-day infusions with dexamethasone 40 mg days 1-4, three weeks after a
documented myeloma progression, are VAD for the myeloma; the lymphoma is in remission. The engine's policy on shared
chemotherapy within 5 years of another cancer may hedge "2 to 3 lines"; a confident 2 (VAD dropped) or an anti-CD38
hedge would be wrong.
''')

# ---------------------------------------------------------------- 09 methotrexate on days +1, +3, +6 after an AUTOLOGOUS transplant
b = BW('09-methotrexate-days-1-3-6-after-autologous-transplant', '1959-05-20', 'female', 'Adeyemi', 'Funmi')
l1_vrd_asct_maint(b); noise(b, '2019-03-18', '2026-10-20')
for dd in (1, 3, 6):
    b.admin('mtx-%d' % dd, 'methotrexate 10 mg/m2 IV', days('2019-09-09', dd), MTX)
kd(b, '2023-05-29', '2026-08-31'); b.status('pd-2', '2026-09-28'); tail(b)
out(b, '''
Funmi Adeyemi, 67. The history of s21f-01 (VRd, ASCT 2019-09-09, lenalidomide maintenance to 2023-05-01, PD 2023-05-15;
Kd to 2026-08, PD 2026-09-28) with methotrexate 10 mg/m2 IV on days +1, +3 and +6 after the AUTOLOGOUS transplant.
A haematologist: methotrexate has no place after an autograft (no GVHD); the record is odd (a miscoded allograft? a
protocol?), but methotrexate is no myeloma drug: 2 prior lines, lenalidomide and carfilzomib refractory, anti-CD38
naive. It must not be called "GVHD prophylaxis" of an allogeneic transplant that did not happen.
''')

# ---------------------------------------------------------------- 10 hit: mini-methotrexate days +1, +3, +6, +11 after an allograft
b = BW('10-kd-then-allograft-mini-methotrexate-days-1-3-6-11-pd-2026', '1968-12-01', 'male', 'Fischer', 'Jonas')
l1_vrd_asct_maint(b, maint_end='2022-02-21', pd='2022-03-07'); noise(b, '2019-03-18', '2026-10-20')
kd(b, '2022-03-21', '2023-09-30')
b.status('vgpr', '2023-10-09', worse=False)
for dd in range(5): b.admin('flu-%d' % dd, 'fludarabine 30 mg/m2 IV (conditioning)', days('2023-11-27', dd), FLU)
b.admin('allo-mel', 'melphalan 140 mg/m2 IV (conditioning)', '2023-12-02', MEL)
b.proc('allo', ALLO_SCT, 'Allogeneic peripheral blood stem cell transplant, matched unrelated donor', '2023-12-04')
for dd, dose in ((1, 15), (3, 10), (6, 10), (11, 10)):
    b.admin('mtx-%d' % dd, 'methotrexate %d mg/m2 IV' % dose, days('2023-12-04', dd), MTX)
b.stmt('tac', 'tacrolimus 1 mg capsule twice daily', '2023-12-03', '2024-06-03', ('42316', 'tacrolimus'))
b.status('pd-2', '2026-09-28'); tail(b)
out(b, '''
Jonas Fischer, 57. L1 VRd, ASCT 2019, lenalidomide maintenance to 2022-02-21, PD 2022-03-07. L2 Kd 2022-03-21 to
2023-09, VGPR 2023-10-09; consolidation with a matched-unrelated allograft 2023-12-04 (fludarabine/melphalan 140
conditioning), tacrolimus and mini-methotrexate on days +1, +3, +6, +11 (GVHD prophylaxis). PD 2026-09-28.
A haematologist: 2 prior lines (the allograft consolidates the Kd line after VGPR; some count it as part of L2); the
methotrexate is GVHD prophylaxis, no line, no gap. Lenalidomide refractory; carfilzomib exposed, not refractory (stopped
3 years before the PD). Options: D-Pd/Isa-Pd; Kd-based retreatment possible.
''')

# ---------------------------------------------------------------- 11 dexamethasone pulse after the PD, then Pd (the new line's start)
b = BW('11-r-maint-pd-dex-pulse-bridging-then-pd-regimen', '1955-07-14', 'female', 'Kowalski', 'Anna')
l1_vrd_asct_maint(b); noise(b, '2019-03-18', '2026-10-20')
for dd in range(4):
    b.admin('bridge-dex-a%d' % dd, 'dexamethasone 40 mg PO', days('2023-05-16', dd), DEX)
    b.admin('bridge-dex-b%d' % dd, 'dexamethasone 40 mg PO', days('2023-05-30', dd), DEX)
b.stmt('pd-pom', 'pomalidomide 4 mg capsule days 1-21 of 28', '2023-06-12', '2026-08-31', POM)
weekly(b, 'pd-dex', 'dexamethasone 40 mg PO (Pd)', DEX, '2023-06-12', '2026-08-31')
b.status('pd-2', '2026-09-28'); tail(b)
out(b, '''
Anna Kowalski, 71. L1 VRd, ASCT 2019-09-09, lenalidomide maintenance stopped 2023-05-01, PD 2023-05-15. Dexamethasone
40 mg days 1-4 pulses from 2023-05-16 and 2023-05-30 (disease control while pomalidomide is approved), then Pd from
2023-06-12 to 2026-08-31, PD 2026-09-28.
A haematologist: 2 prior lines (VRd-ASCT-R to 2023-05-01; Pd, whose dexamethasone began as the pulses). L1 does not run
to 2023-06-02. Lenalidomide and pomalidomide refractory, bortezomib exposed, anti-CD38 naive. Options: D-Kd/Isa-Kd
(CANDOR, IKEMA), D-Vd; D-Pd/Isa-Pd not (pomalidomide refractory).
''')

# ---------------------------------------------------------------- 12 near miss: dexamethasone of Kd given through the progression
b = BW('12-kd-dex-given-through-pd-and-on-no-new-regimen', '1955-07-14', 'female', 'Kowalski', 'Anna')
l1_vrd_asct_maint(b); noise(b, '2019-03-18', '2026-10-20')
kd(b, '2023-05-29', '2026-08-31')
weekly(b, 'kd-dex-after', 'dexamethasone 20 mg PO (Kd)', DEX, '2026-09-07', '2026-10-26')
b.status('pd-2', '2026-09-28'); tail(b)
out(b, '''
The patient of s21f-11 with Kd from 2023-05-29 (last carfilzomib 2026-08-04, last Kd dexamethasone 2026-08-10); weekly
dexamethasone resumed 2026-09-07 after a 4-week break and given through the PD of 2026-09-28 to 2026-10-26. No new
regimen.
A haematologist: 2 prior lines; the dexamethasone resumed before the progression and given through it is the Kd line's
steroid or a holding measure, no new line either way; carfilzomib refractory (last dose 55 days before the PD),
lenalidomide refractory. Options: D-Pd/Isa-Pd.
''')

# ---------------------------------------------------------------- 13 count 1 to 2: AC beside a breast cancer, no reason
b = BW('13-vrd-asct-r-pd-breast-cancer-ac-no-reason-count-1-to-2', '1961-03-30', 'female', 'Moretti', 'Giulia')
l1_vrd_asct_maint(b); noise(b, '2019-03-18', '2026-10-20')
b.cond('bc', BC, 'Breast cancer, left, stage IIA', '2023-04-17', clin='remission')
for k in range(4):
    c = days('2023-06-05', 21 * k)
    b.admin('ac-dox-' + c, 'doxorubicin 60 mg/m2 IV', c, DOXO)
    b.admin('ac-cy-' + c, 'cyclophosphamide 600 mg/m2 IV', c, CY)
b.status('pd-2', '2026-09-28'); tail(b)
out(b, '''
Giulia Moretti, 65. L1 VRd, ASCT 2019, lenalidomide maintenance stopped 2023-05-01, myeloma PD recorded 2023-05-15. Left
breast cancer diagnosed 2023-04-17 (now remission); doxorubicin + cyclophosphamide x4 every 21 days from 2023-06-05, no
reason on the records (AC, the breast cancer's adjuvant regimen). Nothing else; PD 2026-09-28.
A haematologist: AC is the breast cancer's therapy; the record cannot prove it, so 1 to 2 prior lines. Lenalidomide
refractory. ICARIA-MM (2 or more prior lines) and D-Pd by the US IV label (2 prior lines) are undecided on a count of 1
to 2; APOLLO (1 or more) holds either way. Nothing may say "matches ICARIA-MM" on a count that may be 1.
''')

# ---------------------------------------------------------------- 14 daratumumab refractory, CANDOR text
b = BW('14-vrd-asct-r-then-dpd-refractory-candor-text', '1958-01-22', 'male', 'Haddad', 'Karim')
l1_vrd_asct_maint(b, maint_end='2022-02-21', pd='2022-03-07'); noise(b, '2019-03-18', '2026-10-20')
weekly(b, 'dpd-dara', 'daratumumab 16 mg/kg IV', DARA, '2022-03-21', '2026-08-31', every=28)
b.stmt('dpd-pom', 'pomalidomide 4 mg capsule days 1-21 of 28', '2022-03-21', '2026-09-14', POM)
weekly(b, 'dpd-dex', 'dexamethasone 40 mg PO (DPd)', DEX, '2022-03-21', '2026-09-14')
b.status('pd-2', '2026-09-28'); tail(b)
out(b, '''
Karim Haddad, 68. L1 VRd, ASCT 2019, lenalidomide maintenance to 2022-02-21, PD 2022-03-07. L2 DPd (daratumumab IV every
4 weeks to 2026-08-31, pomalidomide and dexamethasone to 2026-09-14), PD 2026-09-28 on DPd.
A haematologist: 2 prior lines; refractory to daratumumab, lenalidomide and pomalidomide, bortezomib exposed (not
refractory), carfilzomib naive. Anti-CD38 retreatment (D-Kd, Isa-Kd) is not supported by CANDOR/IKEMA evidence for an
anti-CD38-refractory patient; Kd/KPd, a BCMA-directed therapy or a trial are the real options.
''')
