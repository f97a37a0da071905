# Sweep M (acceptance check of the last issue-10 fixes L1, L2, L3, L5 and K5): near misses where the newest readings could
# be wrong in the unsafe direction (a confident "not refractory", line count or option the record does not support):
# a year-only end reaching into the next regimen where the drug is charted again inside it (L2); a blinded product with a
# progression before an open-label record of the same line (L1); daysSupply disagreements where both figures agree on the
# answer, and where the longer figure is the stated one (L3); a dispense in mg whose product text has two strengths (L5);
# a progression on the first-dose day of a drug that was also given in the line before (K5).
# Run from the project root; writes qa-bundles/s17m-*.json with a story s17m-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BM(B):
    PREFIX = 's17m-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-05T19:20:00Z'; return bd


def out(b, story): save(b.bundle(), story)


POM_T = 'pomalidomide 4 mg capsule'


def base_r(b, pd_date, r_end=None):
    """Myeloma 2019, VRd x4, melphalan 200 + ASCT 2019-07, lenalidomide maintenance to r_end; a progression on pd_date."""
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
    vrd(b, '2019-02-01')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
    rmaint(b, '2019-09-01', r_end or days(pd_date, -1), 'completed')
    b.status('pd-1', pd_date)


def weekly(b, pre, text, code, start, end, every=7):
    d = start
    while d <= end:
        b.admin('%s-%s' % (pre, d), text, d, code); d = days(d, every)


def tail(b):
    b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')


def asct_base(b):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
    vrd(b, '2019-02-01')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')


def fills(b, start, last, text='lenalidomide 10 mg capsule'):
    d = start; res = []
    while d <= last:
        res.append(b.disp('len-fill-' + d, text, d, 28, LEN)); d = days(d, 28)
    return res


def caps_daily(r, qty=28, dose=1, unit='capsule', text='Take 1 capsule (10 mg) by mouth once daily'):
    r['quantity'] = {'value': qty, 'unit': 'capsule'}
    r['dosageInstruction'] = [{'text': text, 'timing': {'repeat': {'frequency': 1, 'period': 1, 'periodUnit': 'd'}},
                               'doseAndRate': [{'doseQuantity': {'value': dose, 'unit': unit}}]}]


# ---------------------------------------------------------------- 01 L2: year-only Kd end, PD, Pd; carfilzomib charted twice inside the first Pd cycle
b = BM('01-kd-year-only-end-pd-then-pd-with-cfz-charted-in-first-cycle', '1957-04-04', 'female', 'Lindqvist', 'Karin')
base_r(b, '2023-05-15', '2023-05-14')
b.stmt('kd-c', 'carfilzomib 27 mg/m2 IV twice weekly (days 1, 2, 8, 9, 15, 16)', '2023-06-05', '2024', CFZ)
b.stmt('kd-d', 'dexamethasone 20 mg', '2023-06-05', '2024', DEX)
b.status('pd-2', '2024-11-20')
b.stmt('l3-pom', POM_T + ' days 1-21 of 28', '2024-12-10', '2026-07-01', POM)
b.stmt('l3-dex', 'dexamethasone 40 mg weekly', '2024-12-10', '2026-07-01', DEX)
b.admin('cfz-2024-12-10', 'carfilzomib 27 mg/m2 IV (continued with pomalidomide, KPd)', '2024-12-10', CFZ)
b.admin('cfz-2024-12-17', 'carfilzomib 27 mg/m2 IV (continued with pomalidomide, KPd)', '2024-12-17', CFZ)
b.status('pd-3', '2026-07-20')
tail(b)
out(b, '''
Woman born 1957. VRd-ASCT-R to 2023-05-14, PD 2023-05-15. Kd listed as statements from 2023-06-05 to "2024" (end year
only). PD 2024-11-20. Pomalidomide and dexamethasone from 2024-12-10 to 2026-07-01; carfilzomib charted as given on
2024-12-10 and 2024-12-17 with the pomalidomide ("continued with pomalidomide, KPd"), then no more. PD 2026-07-20.

A haematologist: 3 prior lines (VRd-ASCT-R; Kd; Pd with carfilzomib in its first cycle, KPd then Pd). Carfilzomib was
still being given three weeks after the November 2024 progression: the Kd course very probably ran through the
progression, so carfilzomib is refractory (or at least undecided); a confident "not refractory" with the Kd course cut
before Pd is not supported. Pomalidomide- and lenalidomide-refractory. The charted doses put carfilzomib in line 3.''')

# ---------------------------------------------------------------- 02 L2: year-only Kd end, PD, then KPd charted weekly to the end, PD on it
b = BM('02-kd-year-only-end-pd-then-kpd-cfz-charted-weekly-pd-on-it', '1956-08-08', 'male', 'Ortega', 'Luis')
base_r(b, '2023-05-15', '2023-05-14')
b.stmt('kd-c', 'carfilzomib 27 mg/m2 IV twice weekly (days 1, 2, 8, 9, 15, 16)', '2023-06-05', '2024', CFZ)
b.stmt('kd-d', 'dexamethasone 20 mg', '2023-06-05', '2024', DEX)
b.status('pd-2', '2024-11-20')
b.stmt('l3-pom', POM_T + ' days 1-21 of 28', '2024-12-10', '2026-07-01', POM)
b.stmt('l3-dex', 'dexamethasone 40 mg weekly', '2024-12-10', '2026-07-01', DEX)
weekly(b, 'kpd-cfz', 'carfilzomib 56 mg/m2 IV weekly (KPd)', CFZ, '2024-12-10', '2026-06-30')
b.status('pd-3', '2026-07-20')
tail(b)
out(b, '''
Man born 1956. VRd-ASCT-R to 2023-05-14, PD 2023-05-15. Kd listed from 2023-06-05 to "2024" (year only). PD
2024-11-20. KPd from 2024-12-10: pomalidomide and dexamethasone statements to 2026-07-01, carfilzomib charted weekly
2024-12-10 to 2026-06-30. PD 2026-07-20 on KPd.

A haematologist: 3 prior lines; line 3 is KPd (carfilzomib continued or re-given with pomalidomide). Refractory to
lenalidomide, pomalidomide and carfilzomib (progression 20 days after the last carfilzomib); double-refractory to a PI
and an IMiD. Any reading that leaves carfilzomib out of line 3 or not refractory is wrong.''')

# ---------------------------------------------------------------- 03 L1: blinded ixazomib, PD, open-label ixazomib in the same line (study closure), later PD off it
b = BM('03-blinded-ixazomib-pd-then-open-label-same-line-no-new-regimen', '1958-02-12', 'male', 'Dubois', 'Henri')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
vrd(b, '2019-02-01')
b.status('pd-1', '2021-03-10')
cycles(b, 'study', 'Ixazomib 4 mg or placebo capsule (TOURMALINE-MM1 study drug, double-blind)', None, '2021-04-01',
       (0, 7, 14), 57, 28)
b.stmt('l2-len', 'lenalidomide 25 mg capsule days 1-21', '2021-04-01', '2026-06-01', LEN)
b.stmt('l2-dex', 'dexamethasone 40 mg weekly', '2021-04-01', '2026-06-01', DEX)
b.status('pd-2', '2025-09-25', text='Progressive disease (IMWG), biochemical: M-protein rise 0.6 g/dL')
note = {'note': [{'text': 'Study closed by the sponsor; study drug continued open-label (arm not disclosed) with the '
                          'same lenalidomide and dexamethasone.'}]}
cycles(b, 'ol-ixa', 'Ixazomib 4 mg capsule (open-label, post-study access)', IXA, '2025-10-09', (0, 7, 14), 8, 28)
for e in b.entry:
    if e['resource']['id'].startswith('ol-ixa'): e['resource'].update(note)
b.status('pd-3', '2026-10-01')
tail(b)
out(b, '''
Man born 1958. VRd 2019, PD 2021-03-10. From 2021-04-01 "Ixazomib 4 mg or placebo capsule (double-blind)" on days 1,
8, 15 with open-label Rd; the last blinded capsule 2025-07-31. A biochemical progression was charted 2025-09-25
(56 days after it) and no regimen changed: the sponsor closed the study and the patient went on with open-label ixazomib
(post-study access, arm not disclosed) and the same Rd from 2025-10-09, the last ixazomib 2026-05-21, Rd to 2026-06-01.
PD 2026-10-01 (133 days after the last ixazomib).

A haematologist: 2 prior lines (VRd; (I)Rd). Lenalidomide-refractory (progression 2025-09-25 on it). Whether the
blinded capsules were ixazomib is not known; if they were, the progression of 2025-09-25 was on ixazomib (56 days
after the last blinded capsule) and the disease is ixazomib-refractory. The open-label course alone (PD 133 days after
it) gives "not refractory", but that is only half the record: ixazomib refractoriness (and PI refractoriness) must be
UNDECIDED with a gap, neither a confident "not refractory" nor a confident "refractory" (CDS-POLICY-BLINDED-STUDY-DRUG:
a progression between the last blinded record and the open-label start leaves the blinded records undecided). With 2
prior lines the US daratumumab monotherapy label then hangs on that undecided PI refractoriness.''')

# ---------------------------------------------------------------- 03c control for 03: the same record without the open-label ixazomib
b = BM('03c-blinded-ixazomib-pd-no-open-label-rd-continued', '1958-02-22', 'male', 'Dubois', 'Marc')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
vrd(b, '2019-02-01')
b.status('pd-1', '2021-03-10')
cycles(b, 'study', 'Ixazomib 4 mg or placebo capsule (TOURMALINE-MM1 study drug, double-blind)', None, '2021-04-01',
       (0, 7, 14), 57, 28)
b.stmt('l2-len', 'lenalidomide 25 mg capsule days 1-21', '2021-04-01', '2026-06-01', LEN)
b.stmt('l2-dex', 'dexamethasone 40 mg weekly', '2021-04-01', '2026-06-01', DEX)
b.status('pd-2', '2025-09-25', text='Progressive disease (IMWG), biochemical: M-protein rise 0.6 g/dL')
b.status('pd-3', '2026-10-01')
tail(b)
out(b, '''
As 03 without the open-label ixazomib records: the study closed after the last blinded capsule (2025-07-31) and Rd
went on to 2026-06-01; progression 2025-09-25 (biochemical) and 2026-10-01.

A haematologist: 2 prior lines; lenalidomide-refractory; ixazomib (and PI) refractoriness undecided: the blinded arm is
unknown (CDS-POLICY-BLINDED-STUDY-DRUG); daratumumab monotherapy at 2 lines is undecided on the double-refractory
branch.''')

# ---------------------------------------------------------------- 04 L3: daysSupply 7 beside 28 capsules, PD far beyond both ends
b = BM('04-len-last-fill-days-supply-7-beside-28-capsules-pd-far-beyond-both', '1957-05-21', 'female', 'Hall', 'Grace')
asct_base(b)
fl = fills(b, '2025-06-01', '2026-03-08')
for r in fl: caps_daily(r)
fl[-1]['daysSupply']['value'] = 7
b.status('pd-1', '2026-08-12')
tail(b)
out(b, '''
Woman born 1957. VRd-ASCT, lenalidomide 10 mg maintenance as fills every 28 days from 2025-06-01, each 28 capsules "1
capsule once daily", daysSupply 28; the last fill (2026-03-08) has daysSupply 7 beside the same 28 capsules. PD
2026-08-12: 150 days after a 7-day supply would end, 129 after a 28-day one.

A haematologist: 1 prior line; lenalidomide NOT refractory whichever figure holds (more than 60 days either way). D-Rd
in the POLLUX population (80); the discordant figure changes no answer, so no gap is needed.''')

# ---------------------------------------------------------------- 05 L3: daysSupply 84 beside 28 capsules once daily: the stated figure is the longer
b = BM('05-len-last-fill-days-supply-84-beside-28-capsules-pd-between', '1955-10-30', 'male', 'Nakamura', 'Ken')
asct_base(b)
fl = fills(b, '2025-06-01', '2026-05-31')
for r in fl: caps_daily(r)
fl[-1]['daysSupply']['value'] = 84
b.status('pd-1', '2026-09-10')
tail(b)
out(b, '''
Man born 1955. VRd-ASCT, lenalidomide 10 mg maintenance as fills every 28 days from 2025-06-01, each 28 capsules "1
capsule once daily", daysSupply 28; the last fill (2026-05-31) states daysSupply 84 beside 28 capsules once daily. PD
2026-09-10: 75 days after 28 capsules run out (2026-06-27), 14 days before an 84-day supply would end.

A haematologist: the record does not say which holds (28 capsules cannot last 84 days at one a day; a keying error or
an unrecorded second pack). Lenalidomide refractoriness is undecided (refractory if the 84 days hold): UNKNOWN with a
gap naming the dispense, never a confident answer either way.''')

# ---------------------------------------------------------------- 06 L5: dose in mg, capsules, two strengths in the product text
b = BM('06-len-fills-capsules-dose-mg-two-strengths-in-text-pd-54-days', '1956-01-17', 'female', 'Kaur', 'Simran')
asct_base(b)
fl = fills(b, '2025-06-01', '2026-05-31', text='lenalidomide 10 mg capsule / 5 mg capsule (dose-reduction pack)')
for r in fl:
    r.pop('daysSupply')
    caps_daily(r, 28, 10, 'mg', 'Take 10 mg by mouth once daily')
b.status('pd-1', '2026-08-20')
tail(b)
out(b, '''
Woman born 1956. VRd-ASCT, lenalidomide maintenance as fills every 28 days from 2025-06-01, no daysSupply; product
text "lenalidomide 10 mg capsule / 5 mg capsule (dose-reduction pack)", quantity 28 capsule, dose 10 mg once daily. PD
2026-08-20: 54 days after 28 capsules of 10 mg run out (2026-06-27), 68 days after 28 capsules of 5 mg would
(2026-06-13).

A haematologist: most likely 28 days of 10 mg capsules (lenalidomide-refractory), but the text names two strengths and
the record does not say which was handed over. Refractoriness refractory or UNKNOWN with a gap; never a confident
"not refractory" from the 5 mg figure (the policy: several figures, the units stay apart).''')

# ---------------------------------------------------------------- 07 K5: bortezomib in the line before, PD, DVd first dose the same day
b = BM('07-btz-maint-stopped-45-days-before-pd-dvd-first-dose-pd-day', '1954-12-03', 'male', 'Ferrari', 'Paolo')
asct_base(b)
weekly(b, 'vmaint', 'bortezomib 1.3 mg/m2 SC every 2 weeks (maintenance)', BTZ, '2019-09-01', '2025-08-01', 14)
b.status('pd-1', '2025-09-15T09:10:00-05:00')
dd = [days('2025-09-15', 7 * k) for k in range(9)] + [days('2025-11-17', 21 * k) for k in range(5)]
for d in dd:
    b.admin('dara-' + d, 'daratumumab 1800 mg / hyaluronidase SC (Darzalex Faspro)', d + 'T14:00:00-05:00', DARA)
for d in [days('2025-09-15', 21 * k) + '' for k in range(8)]:
    for off in (0, 3, 7, 10):
        b.admin('dvd-btz-%s' % days(d, off), 'bortezomib 1.3 mg/m2 SC (DVd)', days(d, off) + 'T14:30:00-05:00', BTZ)
weekly(b, 'dvd-dex', 'dexamethasone 20 mg PO', DEX, '2025-09-15', '2026-03-01')
b.status('vgpr', '2026-02-10', worse=False)
b.status('pd-2', '2026-08-20')
tail(b)
out(b, '''
Man born 1954. VRd, melphalan 200 + ASCT 2019-07, bortezomib maintenance every 2 weeks 2019-09-01 to 2025-08-01
(the last dose 2025-07-27, stopped for neuropathy grade 1). Progression charted 2025-09-15 09:10 (50 days after it).
DVd started that afternoon (daratumumab 14:00, bortezomib 14:30), 8 cycles to 2026-03; VGPR 2026-02-10; stopped. PD
2026-08-20 off therapy.

A haematologist: 2 prior lines. Bortezomib-REFRACTORY: the progression of 2025-09-15 came 50 days after the last
maintenance dose (within 60 days, §1.2); that the same bortezomib was restarted that afternoon in DVd must not erase
it (CDS-POLICY-FIRST-DOSE-DAY-PROGRESSION: "the same progression still makes the previous line's drugs refractory").
Daratumumab not refractory (relapse months after its last dose). Bortezomib is also a drug of DVd: its last dose
2026-03 is >60 days before the August relapse. Expected: "Refractory to | bortezomib"; D-Vd with a partner-drug warning.''')

# ---------------------------------------------------------------- 08 K5: lenalidomide in the line before (stopped 70 days before), PD, DRd first dose the same day
b = BM('08-len-stopped-70-days-before-pd-drd-first-dose-pd-day-pd-on-drd', '1955-07-07', 'female', 'Berg', 'Anna')
asct_base(b)
rmaint(b, '2019-09-01', '2025-07-07', 'completed')
b.status('pd-1', '2025-09-15')
dd = [days('2025-09-15', 7 * k) for k in range(8)] + [days('2025-11-10', 14 * k) for k in range(8)]
dd += [days('2026-02-23', 28 * k) for k in range(7)]
for d in dd: b.admin('dara-' + d, 'daratumumab 1800 mg / hyaluronidase SC (Darzalex Faspro)', d, DARA)
b.stmt('drd-len', 'lenalidomide 25 mg capsule days 1-21 of 28 (DRd)', '2025-09-15', '2026-08-31', LEN)
weekly(b, 'drd-dex', 'dexamethasone 40 mg PO', DEX, '2025-09-15', '2026-08-31')
b.status('pd-2', '2026-09-20')
tail(b)
out(b, '''
Woman born 1955. VRd-ASCT, lenalidomide maintenance to 2025-07-07 (stopped for fatigue). PD 2025-09-15 (70 days
after the last maintenance lenalidomide). DRd from that day (first daratumumab and lenalidomide 2025-09-15) to
2026-08-31; PD 2026-09-20 on DRd.

A haematologist: 2 prior lines. Lenalidomide-refractory (progression on DRd, 20 days after its last dose) and
daratumumab-refractory (the same); PI not refractory (bortezomib
2019). The first-dose-day reading must not hide the later progression on DRd. Anti-CD38 refractory: anti-CD38
re-treatment options must carry that.''')
