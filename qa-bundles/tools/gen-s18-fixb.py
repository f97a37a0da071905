# Bundles for the remainder of FINDINGS K4 (CDS-POLICY-CYCLE-CHARTED-ORAL): Pd charted the way a MAR charts a cycle pack
# when the steroid is charted the same way, pomalidomide AND dexamethasone once per 28-day cycle, on day 1. The last
# capsule was taken some day of the last cycle; the progression is placed 77 days after the last day-1 record (57 after
# its day 21: the 60-day answer depends on the day), 52 days after it (refractory on every day) and 100 days after it
# (not refractory on any day of the cycle).
# Run from the project root; writes qa-bundles/s18b-*.json with a story s18b-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BF(B):
    PREFIX = 's18b-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-05T20:30:00Z'; return bd


POM_T = 'pomalidomide 4 mg capsule (cycle pack, days 1-21)'
DEX_T = 'dexamethasone 40 mg PO (weekly, cycle pack)'


def history(b, pd3):
    """Myeloma 2019, VRd-ASCT-R (PD 2024-07-10), Kd to 2025-04-24 (PD 2025-05-20), Pd from 2025-06-02 charted on day 1."""
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
    vrd(b, '2019-02-01')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
    rmaint(b, '2019-09-01', '2024-07-15', 'completed')
    b.status('pd-1', '2024-07-10')
    d = '2024-08-01'
    while d <= '2025-04-24':
        b.admin('cfz-' + d, 'carfilzomib 70 mg/m2 IV weekly', d, CFZ)
        b.admin('kdex-' + d, 'dexamethasone 40 mg PO weekly', d, DEX)
        d = days(d, 7)
    b.status('pd-2', '2025-05-20')
    d = '2025-06-02'
    while d <= '2026-06-29':
        # one administration per cycle for each drug: the MAR records the dispensed cycle pack on day 1
        b.admin('pom-' + d, POM_T, d, POM)
        b.admin('pdex-' + d, DEX_T, d, DEX)
        d = days(d, 28)
    b.status('pd-3', pd3)
    b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')


STORY = """
Woman born 1958. VRd-ASCT-R (PD 2024-07-10); Kd weekly 2024-08-01 to 2025-04-24 (PD 2025-05-20); Pd from 2025-06-02 in
28-day cycles, the last cycle starting 2026-06-29. The MAR charts each cycle pack once, on day 1: pomalidomide 4 mg
(days 1-21) AND dexamethasone 40 mg (weekly) each have one administration per cycle, so no record shows a day of a
cycle after its first. PD {pd} ({after} days after the last cycle's day 1).
A haematologist (§1.2, IMWG-C11; Pd is pomalidomide days 1-21 of a 28-day cycle, §4.8): the last capsule was taken
some day from 29 June to the end of that cycle (about 19 July for days 1-21; the policy reads to the day before the
next cycle, 26 July). {verdict}"""

for suf, pd3, after, verdict in (
        ('01', '2026-09-14', 77, 'The progression is within 60 days of the later days of that cycle and not of its first '
                                 'day: pomalidomide refractoriness is UNKNOWN (refractory if the cycle was taken, which is '
                                 'likely), with a gap naming the records; never a confident "not pomalidomide-refractory", '
                                 'which takes the partner-drug caution away from D-Pd and Isa-Pd.'),
        ('02', '2026-08-20', 52, 'Near miss: the progression is within 60 days of every day of that cycle, the first '
                                 'included: pomalidomide REFRACTORY, no gap.'),
        ('03', '2026-10-07', 100, 'Control: the progression is more than 60 days after every day of that cycle (73 days '
                                  'after 26 July): pomalidomide NOT refractory, decided, no gap.')):
    b = BF('%s-pd-pom-and-dex-charted-day1-only-pd-%d-days-after-last-cycle-day1' % (suf, after),
           '1958-07-%02d' % (10 + int(suf)), 'female', 'Moreau', 'Claire')
    history(b, pd3)
    save(b.bundle(), STORY.format(pd=pd3, after=after, verdict=verdict))
