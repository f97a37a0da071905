# Near miss for an active order past its dispense authorisation that later records follow (sweep W AC1, s21f-03): the
# stale active Rd order is superseded by a completed renewal and nothing of lenalidomide comes after that renewal, so
# the renewal closes the course and keeps its authorisation's end.
# Run from the project root; writes qa-bundles/s21ac1-*.json with a story s21ac1-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BA(B):
    PREFIX = 's21ac1-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-06T06:50:00Z'; return bd


def noise(b, start, end):
    """Supportive care every myeloma record carries: none of it is anti-myeloma therapy."""
    b.req('ond', 'ondansetron 8 mg tablet as needed for nausea', start, ('26225', 'ondansetron'), status='active')
    b.req('asa', 'aspirin 81 mg tablet daily (VTE prophylaxis)', start, ('1191', 'aspirin'), status='active')
    b.admin('zol-' + start, 'zoledronic acid 4 mg IV', days(start, 14), ('77655', 'zoledronic acid'))


def order(b, i, text, code, authored, start, end, status='completed', dur=28, repeats=0):
    """An order with a dispense authorisation (validityPeriod and supply), as Epic exports it."""
    return b.req(i, text, authored, code, status=status, dispenseRequest=supply(start, end, repeats, dur))


# ---------------------------------------------------------------- 01 stale active order, completed renewal, nothing after
b = BA('01-vmp-stale-active-rd-order-superseded-by-completed-renewal-pd-2026', '1943-02-08', 'female', 'Castillo', 'Rosa')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgA kappa', '2021-01-11')
b.stmt('vmp-btz', 'bortezomib 1.3 mg/m2 SC', '2021-01-25', '2021-11-29', BTZ)
b.stmt('vmp-mel', 'melphalan 9 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', MEL)
b.stmt('vmp-pred', 'prednisone 60 mg/m2 PO days 1-4', '2021-01-25', '2021-11-29', PRED)
b.status('pd-1', '2023-04-10'); noise(b, '2021-01-25', '2026-10-20')
order(b, 'rd-len', 'lenalidomide 25 mg capsule days 1-21 of 28', LEN, '2023-04-24', '2023-04-24', '2023-07-23', 'active', 28, 2)
b.req('rd-dex', 'dexamethasone 40 mg tablet weekly', '2023-04-24', DEX, status='completed')
order(b, 'rd-len-2', 'lenalidomide 15 mg capsule days 1-21 of 28', LEN, '2024-01-08', '2024-01-08', '2024-04-07', 'completed', 28, 2)
b.mprot('mp-1', '2023-08-14', 0.6); b.mprot('mp-2', '2024-06-10', 0.4); b.mprot('mp-3', '2026-06-01', 0.9)
b.status('pd-2', '2026-09-07'); tail(b)
out(b, '''
The patient of qa-bundles/s21f-03 without the 2025 dispenses: VMP to 2021-11, PD 2023-04-10; Rd from an ACTIVE
lenalidomide order 2023-04-24 (dispense authorisation to 2023-07-23) that nobody closed, then a COMPLETED renewal
2024-01-08 at 15 mg (authorisation to 2024-04-07), and nothing of lenalidomide after it. PD 2026-09-07.
A haematologist: the old order was superseded by the renewal, and the renewal was closed as completed with no later fill
or dose: the record's best end of lenalidomide is 2024-04-07, more than two years before the progression. Lenalidomide
exposed, not refractory by the record (supply is not intake, but nothing says she took it later). D-Rd is defensible;
D-Pd/Isa-Pd on label by count. The stale active order alone must not make the end unknown.
''')
