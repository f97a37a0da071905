# Finding I2 (sweep I): a line count made a range by the partial date of one progression leaves undecided only the
# refractoriness of the drugs of the lines whose grouping that date changes (CDS-POLICY-RANGE-SCOPE); the drugs of a
# line every day of the month leaves as it is keep their decided refractoriness.
# Run from the project root; writes qa-bundles/s16s-*.json with a story s16s-*.story.txt each.
# The helpers (class B, save, codes, regimens) come from ehr_bundle.py, shared by the acceptance generators.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BS(B):
    PREFIX = 's16s-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-05T15:00:00Z'; return bd


def vcd_then_rd_interrupted(name, pd_date, story, pd1='2018-03-05'):
    """VCd 2016 (line 1), PD 2018-03-05, Rd from 2018-04-02 interrupted 2025-03-31, Rd again 2025-07-15 to 2025-10-31,
    a progression dated {pd_date}, PD 2026-09-10."""
    b = BS(name, '1952-02-14', 'male', 'Ferreira', 'Paulo')
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2016-01-05')
    cycles(b, 'vcd-btz', 'bortezomib 1.3 mg/m2 SC', BTZ, '2016-01-18', (0, 7, 14, 21), 6)
    cycles(b, 'vcd-cy', 'cyclophosphamide 300 mg/m2 PO', CY, '2016-01-18', (0, 7, 14, 21), 6)
    cycles(b, 'vcd-dex', 'dexamethasone 40 mg PO', DEX, '2016-01-18', (0, 7, 14, 21), 6)  # last doses 2016-06-27
    b.status('pd-1', pd1)
    b.stmt('rd-len-1', 'lenalidomide 25 mg d1-21 of each 28-day cycle', '2018-04-02', '2025-03-31', LEN)
    b.stmt('rd-dex-1', 'dexamethasone 40 mg weekly', '2018-04-02', '2025-03-31', DEX)
    b.status('pd-2', pd_date)
    b.stmt('rd-len-2', 'lenalidomide 25 mg d1-21 of each 28-day cycle (restarted)', '2025-07-15', '2025-10-31', LEN)
    b.stmt('rd-dex-2', 'dexamethasone 40 mg weekly (restarted)', '2025-07-15', '2025-10-31', DEX)
    b.status('pd-3', '2026-09-10')
    b.egfr('2026-10-20', 61)
    save(b.bundle(), story)


vcd_then_rd_interrupted('01-vcd-2016-rd-interrupted-pd-dated-july-only-rd-restarted', '2025-07', '''
Man born 1952. VCd (bortezomib, cyclophosphamide, dexamethasone) 2016-01-18 for 6 cycles, last doses 2016-06-27; PD
2018-03-05; Rd (lenalidomide d1-21, weekly dexamethasone) from 2018-04-02, interrupted 2025-03-31; a disease-status
Observation "progressive disease" dated only "2025-07"; Rd restarted 2025-07-15 to 2025-10-31; PD 2026-09-10.
A haematologist (clinical-evidence.md §1.1 LOT-B15, §1.2 IMWG-C11): if the progression came before the restart
(2025-07-01..07-14), the restarted Rd is retreatment after progression, a new line: 3 lines, and the first Rd course
ended 92+ days before it, so lenalidomide is not refractory on it. If it came on or after 07-15, Rd was resumed within
its line and the disease progressed on it: 2 lines, lenalidomide refractory. So the count is 2 to 3 and lenalidomide
refractoriness is UNKNOWN, with a gap naming the Observation. Line 1 is the same on every day of July: bortezomib and
cyclophosphamide were last given in 2016, 20 months before the PD of 2018-03-05, so both are not refractory, whatever
day the July progression fell on. The trial populations (CASTOR, CANDOR, ...) are counted by lines, and the count is a
range: they stay undecided.''')

vcd_then_rd_interrupted('01b-vcd-2016-rd-interrupted-pd-dated-to-the-day-before-restart', '2025-07-08', '''
Near miss of 01: the same record with the progression dated 2025-07-08, before Rd was restarted on 2025-07-15. The
restarted Rd is retreatment after progression, a new line: 3 lines, no range; lenalidomide not refractory (the first
course ended 99 days before the progression, the second more than 60 days before the PD of 2026-09-10); bortezomib and
cyclophosphamide not refractory (clinical-evidence.md §1.1 LOT-B15, §1.2 IMWG-C11).''')

vcd_then_rd_interrupted('02-vcd-2016-rd-interrupted-two-progressions-dated-by-month', '2025-07', '''
Near miss of 01: the same record with the first progression dated only "2018-03" as well. On its own that date changes
no line (VCd ended in 2016, Rd started 2018-04-02), but with two partial dates the engine tries each alone and both on
their last day, not every mix of their days, so it keeps the whole drug history undecided as before (DERIVE-HISTORY-02,
CDS-POLICY-RANGE-SCOPE): bortezomib and cyclophosphamide "refractoriness unknown". Over-cautious, not unsafe; a
haematologist would call them not refractory (last given 2016, §1.2 IMWG-C11).''', pd1='2018-03')
