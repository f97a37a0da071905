# The two leftovers of sweep U part 2 (C1, C6), hit and near miss each: a medication record after the myeloma diagnosis
# whose name names no drug at all ("capsule 10 mg daily", no code) as the first line's maintenance, beside the same
# history with a supportive capsule ("vitamin D capsule") and with the no-drug record ended before the diagnosis; and
# methotrexate by its RxNorm code alone within days +1 to +11 of an allogeneic transplant (the GVHD-prophylaxis
# schedule) beside the same doses after an autologous transplant and from day +30 of the allogeneic one.
# Run from the project root; writes qa-bundles/s21e-*.json with a story s21e-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BB(B):
    PREFIX = 's21e-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-06T05:30:00Z'; return bd


MTX = ('6851', 'methotrexate'); TAC = ('42316', 'tacrolimus')


def two_lines(b, maint_text, maint_start='2019-12-02', maint_end='2023-05-01'):
    """VCd, ASCT 2019-09-09, a capsule taken daily as the record writes it, PD, Kd, PD (the history of s20c-09)."""
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-03-04')
    b.stmt('vcd-btz', 'bortezomib 1.5 mg/m2 SC weekly (VCd)', '2019-03-18', '2019-07-22', BTZ)
    b.stmt('vcd-cy', 'cyclophosphamide 300 mg/m2 PO weekly (VCd)', '2019-03-18', '2019-07-22', CY)
    b.stmt('vcd-dex', 'dexamethasone 40 mg PO weekly (VCd)', '2019-03-18', '2019-07-22', DEX)
    b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2019-09-08', MEL)
    b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2019-09-09')
    b.stmt('maint', maint_text, maint_start, maint_end, status='completed')
    b.status('pd-1', '2023-05-15')
    kd(b, '2023-05-29', '2026-08-31')
    b.status('pd-2', '2026-09-28')
    b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')


# ---------------------------------------------------------------- 01 C1 hit: a capsule that names no drug
b = BB('01-two-lines-capsule-10mg-daily-no-drug-named', '1959-09-03', 'male', 'Pretorius', 'Johan')
two_lines(b, 'capsule 10 mg daily (dispensed by outside pharmacy)')
out(b, '''
Johan Pretorius, 67. IgG-kappa myeloma 2019. VCd to 2019-07-22, ASCT 2019-09-09; a MedicationStatement "capsule 10 mg
daily (dispensed by outside pharmacy)" (no drug name, no code, no phase word) 2019-12-02 to 2023-05-01; PD 2023-05-15; Kd
from 2023-05-29 (last carfilzomib in August 2026); PD 2026-09-28. eGFR 66.
A haematologist: a daily capsule for 3.5 years after an ASCT, stopped 14 days before the first progression, is most
likely lenalidomide maintenance; the record does not say. Lenalidomide exposure and refractoriness are unknown: D-Rd
(POLLUX) and D-Pd/Isa-Pd (prior lenalidomide) must be undecided, naming the unnamed capsule; the count may be more
than 2. Carfilzomib-refractory.
''')

# ---------------------------------------------------------------- 02 C1 near miss: a supportive capsule
b = BB('02-two-lines-vitamin-d-capsule-daily-no-gap', '1959-09-03', 'male', 'Pretorius', 'Johan')
two_lines(b, 'vitamin D capsule 1000 units daily')
out(b, '''
Johan Pretorius, 67. The history of s21e-01 with the daily capsule named: "vitamin D capsule 1000 units daily" 2019-12-02
to 2023-05-01. eGFR 66.
A haematologist: vitamin D is supportive care, no myeloma therapy: 2 prior lines (VCd + ASCT; Kd), no IMiD exposure on
record, carfilzomib-refractory. Nothing about the capsule is a data gap.
''')

# ---------------------------------------------------------------- 03 C1 near miss: the no-drug capsule before the diagnosis
b = BB('03-two-lines-capsule-no-drug-named-ended-before-diagnosis', '1959-09-03', 'male', 'Pretorius', 'Johan')
two_lines(b, 'capsule 10 mg daily', '2016-01-04', '2017-06-30')
out(b, '''
Johan Pretorius, 67. The history of s21e-01 with the unnamed "capsule 10 mg daily" taken 2016-01-04 to 2017-06-30, two
years before the myeloma was diagnosed (2019-03-04). eGFR 66.
A haematologist: whatever the capsule was, it was not myeloma therapy: 2 prior lines, no IMiD exposure on record,
carfilzomib-refractory; the capsule raises no data gap (it stays listed for review).
''')


def allo_first_line(b, transplant, mtx_days, tx_day='2025-03-02'):
    """VRd statements, conditioning, a transplant, methotrexate by its RxNorm code and text on the given days, tacrolimus."""
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgA lambda, t(4;14), del(17p)', '2024-09-02')
    vrd_stmt(b, '2024-09-16', '2025-01-20')
    b.admin('cond-mel', 'melphalan 140 mg/m2 IV (conditioning)', '2025-02-28', MEL)
    b.proc('sct', transplant, 'Peripheral blood stem cell transplant', tx_day)
    for d in mtx_days:
        b.admin('mtx-%d' % d, 'methotrexate 10 mg/m2 IV', days(tx_day, d), MTX)
    b.stmt('tac', 'tacrolimus 1 mg capsule twice daily', '2025-03-01', '2025-09-01', TAC)
    b.status('cr', '2025-06-02', worse=False, text='Complete response (IMWG)')
    b.status('cr-2', '2026-09-14', worse=False, text='Complete response (IMWG)')
    b.egfr('2026-10-20', 88); LVEF(b, '2026-10-15')


# ---------------------------------------------------------------- 04 C6 near miss: the same doses beside an autologous transplant
b = BB('04-vrd-asct-mtx-by-code-days-1-3-6-11-reason-asked', '1979-08-02', 'female', 'Costa', 'Beatriz')
allo_first_line(b, ASCT, (1, 3, 6, 11))
out(b, '''
Beatriz Costa, 47. The history of s20c-02 with an AUTOLOGOUS transplant 2025-03-02 (SNOMED 709115004) and the same
methotrexate 10 mg/m2 doses on days +1, +3, +6, +11 (RxNorm 6851, no words); tacrolimus to 2025-09-01; CR twice. eGFR 88.
A haematologist: an autologous graft has no GVHD to prevent; methotrexate after it is unexplained and the record should
say what it was for (no myeloma use: no line, no exposure). First line with no progression.
''')

# ---------------------------------------------------------------- 05 C6 near miss: methotrexate from day +30 of the allograft
b = BB('05-vrd-allo-sct-mtx-by-code-from-day-30-reason-asked', '1979-08-02', 'female', 'Costa', 'Beatriz')
allo_first_line(b, ALLO_SCT, (30, 37, 44, 51))
out(b, '''
Beatriz Costa, 47. The history of s20c-02 (upfront ALLOGENEIC transplant 2025-03-02) with methotrexate 10 mg/m2 by code
and text, no words, weekly on days +30, +37, +44, +51 instead of days +1 to +11. eGFR 88.
A haematologist: weekly methotrexate a month after an allograft is not the prophylaxis schedule (it may treat GVHD, or
something else): the record should say what it was for. No myeloma use: no line, no exposure either way.
''')
