# Sweep L (acceptance check of the Sweep K fixes and of I4, J7, H2, A3): near misses of each fix in the direction where
# the new reading could be wrong: a progression on the first-dose day of a drug continued from the line before and with a
# partial-dated first dose (K5); a period ending before its start on a steroid and on a transplant (K1); dispenses whose
# quantity and dose are in other units, or whose daysSupply disagrees with them (K2); a blinded product followed by an
# open-label crossover, and a blinded anti-CD38 antibody (K3); day-1 charting with an early progression and the next
# line inside the cycle (K4); an ordinary antiviral after a progression (A3); an isolated cyclophosphamide dose with a
# stated reason (H2); a list entry with another dose than the charted course (I4); the K6 hand-over with no progression.
# Run from the project root; writes qa-bundles/s17l-*.json with a story s17l-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BL(B):
    PREFIX = 's17l-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-05T18:40:00Z'; return bd


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


def kd_weekly(b, start, end):
    weekly(b, 'cfz', 'carfilzomib 70 mg/m2 IV weekly', CFZ, start, end)
    weekly(b, 'kdex', 'dexamethasone 40 mg PO weekly', DEX, start, end)


def tail(b):
    b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')


def fills(b, start, last, supply=28, **kw):
    """Lenalidomide 10 mg maintenance as pharmacy fills every 28 days; kw shape each dispense (see below)."""
    d = start; out_ = []
    while d <= last:
        r = b.disp('len-fill-' + d, 'lenalidomide 10 mg capsule', d, supply, LEN)
        out_.append(r); d = days(d, 28)
    return out_


def no_supply(r, qty, qunit, dose, dunit):
    r.pop('daysSupply')
    r['quantity'] = {'value': qty, 'unit': qunit}
    r['dosageInstruction'] = [{'text': 'Take %s %s by mouth once daily' % (dose, dunit),
                               'timing': {'repeat': {'frequency': 1, 'period': 1, 'periodUnit': 'd'}},
                               'doseAndRate': [{'doseQuantity': {'value': dose, 'unit': dunit}}]}]


# ---------------------------------------------------------------- 01 K5: daratumumab added to continued lenalidomide on the day of the progression
b = BL('01-pd-day-dara-added-to-continued-len-drd-stopped-vgpr', '1956-03-02', 'female', 'Novak', 'Eva')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
vrd(b, '2019-02-01')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
rmaint(b, '2019-09-01', '2026-03-16', 'completed')   # one statement, lenalidomide taken without a break through the switch
b.status('pd-1', '2025-09-15T09:10:00-05:00')
dd = [days('2025-09-15', 7 * k) for k in range(8)] + [days('2025-11-10', 14 * k) for k in range(8)]
dd += [d for d in [days('2026-02-23', 28 * k) for k in range(2)]]
for d in dd: b.admin('dara-' + d, 'daratumumab 1800 mg / hyaluronidase SC (Darzalex Faspro)', d + 'T14:00:00-05:00', DARA)
weekly(b, 'ddex', 'dexamethasone 20 mg PO weekly', DEX, '2025-09-15', '2026-03-16')
b.status('vgpr', '2026-02-02', worse=False)
b.status('pd-2', '2026-08-20')
tail(b)
out(b, '''
Woman born 1956. VRd, melphalan 200 + ASCT 2019-07, lenalidomide maintenance from 2019-09-01 recorded as one statement
running without a break to 2026-03-16. Progression charted 2025-09-15 09:10; daratumumab SC added that afternoon (first
dose 2025-09-15 14:00) with weekly dexamethasone: D-Rd, weekly x8, every 2 weeks x8, then every 4 weeks, the last
daratumumab 2026-03-23. VGPR 2026-02-02; D-Rd stopped in March 2026 (patient choice). PD 2026-08-20 off therapy.

A haematologist: 2 prior lines (VRd-ASCT-R; D-Rd, daratumumab added at progression). Lenalidomide-refractory
(progression on 2025-09-15 on it). Daratumumab exposed, NOT refractory: the progression that started it is not a
progression on it, and the relapse of 2026-08-20 is 150 days after its last dose (§1.2, IMWG-C11;
CDS-POLICY-FIRST-DOSE-DAY-PROGRESSION). Washout > 90 days (adequate band, §5.2). The continued lenalidomide must stay
refractory: the first-dose-day reading belongs to daratumumab only.''')

# ---------------------------------------------------------------- 02 K5: same-day progression, the new regimen's first dose dated to the month only
b = BL('02-pd-day-kd-start-month-only-kd-stopped-vgpr-pd-off-therapy', '1955-06-14', 'male', 'Brandt', 'Otto')
base_r(b, '2025-09-15', '2025-09-14')
b.stmt('kd-cfz', 'carfilzomib 56 mg/m2 IV days 1, 2, 8, 9, 15, 16 (outside infusion centre)', '2025-09', '2026-03-16', CFZ)
b.stmt('kd-dex', 'dexamethasone 20 mg (Kd)', '2025-09', '2026-03-16', DEX)
b.status('vgpr', '2026-03-02', worse=False)
b.status('pd-2', '2026-08-20')
tail(b)
out(b, '''
Man born 1955. VRd-ASCT-R, lenalidomide maintenance to 2025-09-14; progression 2025-09-15. Kd at an outside centre,
listed with its start "2025-09" (month only) and its end 2026-03-16. VGPR 2026-03-02; PD 2026-08-20 off therapy
(157 days after the last carfilzomib).

A haematologist: most likely Kd was started for the September progression (the lenalidomide ran to the day before),
so carfilzomib is not refractory, but the record cannot exclude a first dose on 1-14 September with the progression on
it. The first-dose-day policy cannot order an unknown day: carfilzomib refractoriness is UNKNOWN with a gap, or not
refractory with the reason stated; never "carfilzomib-refractory ... on treatment" with no gap.''')

# ---------------------------------------------------------------- 03 K1: reversed period on the steroid of the last line, not the deciding drug
b = BL('03-pd-last-line-dex-period-end-before-start-pom-stopped-167-days', '1954-10-10', 'female', 'Silva', 'Ana')
base_r(b, '2024-07-10')
b.stmt('pd-pom', POM_T + ' days 1-21 of 28', '2024-08-01', '2026-03-01', POM)
b.stmt('pd-dex', 'dexamethasone 40 mg weekly', '2024-08-01', '2023-03-01', DEX)   # mistyped year
b.status('pd-2', '2026-08-15')
tail(b)
out(b, '''
Woman born 1954. VRd-ASCT-R, PD 2024-07-10. Pd from 2024-08-01: pomalidomide statement to 2026-03-01; the dexamethasone
statement of the same regimen starts 2024-08-01 and "ends" 2023-03-01 (a mistyped year, likely 2026-03-01). PD
2026-08-15, 167 days after the last pomalidomide.

A haematologist: 2 prior lines; lenalidomide-refractory; pomalidomide NOT refractory (progression 167 days after its
last dose, §1.2). The impossible steroid end may leave the line's shown end open, but it must not make pomalidomide
refractory or undecided: the steroid is no partner whose end decides refractoriness.''')

# ---------------------------------------------------------------- 04 K1: transplant Procedure whose performedPeriod ends before it starts
b = BL('04-asct-performed-period-end-before-start-no-maintenance', '1958-01-22', 'male', 'Kowalski', 'Jan')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
vrd(b, '2019-02-01')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
p = b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
p.pop('performedDateTime'); p['performedPeriod'] = {'start': '2019-07-10', 'end': '2019-07-01'}
b.status('pd-1', '2021-03-01')
kd_weekly(b, '2021-03-20', '2022-05-30')
b.status('pd-2', '2022-06-10')
b.stmt('pd-pom', POM_T + ' days 1-21 of 28', '2022-07-01', '2026-06-30', POM)
b.stmt('pd-dex', 'dexamethasone 40 mg weekly', '2022-07-01', '2026-06-30', DEX)
b.status('pd-3', '2026-07-15')
tail(b)
out(b, '''
Man born 1958. VRd x4 (2019-02 to 2019-04), melphalan 200 and ASCT, the transplant Procedure's performedPeriod
start 2019-07-10, end 2019-07-01 (end before start); no maintenance. PD 2021-03-01 off therapy (20 months after the
transplant). Kd 2021-03-20 to 2022-05-30, PD 2022-06-10 on it. Pd 2022-07-01 to 2026-06-30, PD 2026-07-15.

A haematologist: 3 prior lines. Refractory to carfilzomib and pomalidomide; NOT to lenalidomide or bortezomib (last
given 2019-04, progression 2021-03). A transplant is one day: its mistyped end must not stretch line 1 to the
progression of 2021 and make VRd's drugs refractory. D-Rd (POLLUX: not lenalidomide-refractory) is open.''')

# ---------------------------------------------------------------- 05 K2: fills in mg: quantity 280 mg, dose 10 mg once daily, no daysSupply
b = BL('05-len-fills-quantity-in-mg-dose-in-mg-pd-46-days-after-supply', '1957-09-09', 'female', 'Meyer', 'Ruth')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
vrd(b, '2019-02-01')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
for r in fills(b, '2025-06-01', '2026-05-31'): no_supply(r, 280, 'mg', 10, 'mg')
b.status('pd-1', '2026-08-12')
tail(b)
out(b, '''
Woman born 1957. VRd-ASCT, lenalidomide 10 mg maintenance recorded as pharmacy fills every 28 days (2025-06-01 to
2026-05-31), each with quantity 280 mg and the dose "10 mg by mouth once daily", no daysSupply. PD 2026-08-12.

(The export holds no maintenance record from 2019 to 2025; the engine names that gap.)
A haematologist: 280 mg at 10 mg a day is 28 days: the last dose about 2026-06-27, the progression 46 days later:
lenalidomide-refractory (§1.2). D-Rd loses POLLUX (§4.2); 1 prior line.''')

# ---------------------------------------------------------------- 05b K2: quantity in capsules, dose in mg (the strength only in the name)
b = BL('05b-len-fills-capsules-dose-in-mg-pd-46-days-after-supply', '1957-09-19', 'female', 'Meyer', 'Rita')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
vrd(b, '2019-02-01')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
for r in fills(b, '2025-06-01', '2026-05-31'): no_supply(r, 28, 'capsule', 10, 'mg')
b.status('pd-1', '2026-08-12')
tail(b)
out(b, '''
As 05, with each fill's quantity 28 capsule and its dose 10 mg once daily (the product "lenalidomide 10 mg capsule").

A haematologist: 28 days a fill; lenalidomide-refractory. The engine's policy reads units that differ as no usable
dosage: the supply end is then unknown and refractoriness UNKNOWN with a gap, a hedge, never "not refractory".''')

# ---------------------------------------------------------------- 06 K2: the last fill's daysSupply 7 beside 28 capsules once daily
b = BL('06-len-last-fill-days-supply-7-beside-28-capsules-pd-46-days-after', '1956-12-01', 'male', 'Rossi', 'Marco')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
vrd(b, '2019-02-01')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
fl = fills(b, '2025-06-01', '2026-05-31')
for r in fl:
    r['quantity'] = {'value': 28, 'unit': 'capsule'}
    r['dosageInstruction'] = [{'text': 'Take 1 capsule (10 mg) by mouth once daily',
                               'timing': {'repeat': {'frequency': 1, 'period': 1, 'periodUnit': 'd'}},
                               'doseAndRate': [{'doseQuantity': {'value': 1, 'unit': 'capsule'}}]}]
fl[-1]['daysSupply']['value'] = 7
b.status('pd-1', '2026-08-12')
tail(b)
out(b, '''
Man born 1956. VRd-ASCT, lenalidomide 10 mg maintenance as fills every 28 days from 2025-06-01, each 28 capsules,
"1 capsule once daily", daysSupply 28; the last fill (2026-05-31) has daysSupply 7 beside the same 28 capsules and
dosage (a keying error, or a week's supply). No fill follows. PD 2026-08-12: 73 days after the fill, 67 after a 7-day
supply would end, 46 after a 28-day one.

A haematologist: every fill so far lasted 28 days; 28 capsules once daily last to 2026-06-27; the disease is most likely
lenalidomide-refractory, and at least the record does not settle it. A confident "not refractory" from the one
discordant figure is not supported (bullet 3: conflicting data -> UNKNOWN with a gap).''')

# ---------------------------------------------------------------- 07 K3: blinded ixazomib-or-placebo, open-label crossover after the progression (placebo arm)
b = BL('07-blinded-ixazomib-then-open-label-crossover-placebo-arm', '1959-11-11', 'male', 'Haddad', 'Sami')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
vrd(b, '2019-02-01')
b.status('pd-1', '2021-03-10')
cycles(b, 'study', 'Ixazomib 4 mg or placebo capsule (TOURMALINE-MM1 study drug, double-blind)', None, '2021-04-01',
       (0, 7, 14), 63, 28)
b.stmt('l2-len', 'lenalidomide 25 mg capsule days 1-21', '2021-04-01', '2026-02-12', LEN)
b.stmt('l2-dex', 'dexamethasone 40 mg weekly', '2021-04-01', '2026-02-12', DEX)
b.status('pd-2', '2026-02-20')
cross = {'note': [{'text': 'Crossover per protocol after progression on study: treatment unblinded, the patient was on '
                           'the placebo arm; open-label ixazomib added to lenalidomide and dexamethasone.'}]}
cycles(b, 'ol-ixa', 'Ixazomib 4 mg capsule (open-label)', IXA, '2026-03-01', (0, 7, 14), 2, 28)
for e in b.entry:
    if e['resource']['id'].startswith('ol-ixa'): e['resource'].update(cross)
b.stmt('l3-len', 'lenalidomide 25 mg capsule days 1-21', '2026-03-01', '2026-04-19', LEN)
b.stmt('l3-dex', 'dexamethasone 40 mg weekly', '2026-03-01', '2026-04-19', DEX)
b.status('pd-3', '2026-08-20')
tail(b)
out(b, '''
Man born 1959. VRd 2019, PD 2021-03-10. TOURMALINE-MM1: "Ixazomib 4 mg or placebo capsule (double-blind)" on days 1,
8, 15 with open-label Rd from 2021-04-01 (Rd to 2026-02-12), the last blinded capsule 2026-01-15; PD 2026-02-20. On progression the trial
unblinded him: placebo arm; he crossed over to open-label ixazomib with Rd (IRd) from 2026-03-01 (the note on each
open-label record says so), stopped 2026-04 for thrombocytopenia. PD 2026-08-20, 4 months off therapy.

A haematologist: 3 prior lines (VRd; Rd + placebo; IRd). Refractory to lenalidomide. Ixazomib exposed for 6 weeks,
last dose 2026-04-12, NOT refractory (PD 130 days later). The blinded capsules were placebo: crossover is offered to
the placebo arm. PI not refractory (bortezomib 2019, ixazomib as above). The open-label record is no proof of the
ixazomib arm here; it is the opposite.''')

# ---------------------------------------------------------------- 08 K3: blinded anti-CD38 ("daratumumab or placebo") with Kd, then anti-CD38 options
b = BL('08-blinded-daratumumab-or-placebo-with-kd-pd-on-it', '1960-04-04', 'female', 'Lindqvist', 'Karin')
base_r(b, '2024-07-10')
kd_weekly(b, '2024-08-01', '2026-06-15')
dd = [days('2024-08-01', 7 * k) for k in range(8)] + [days('2024-09-26', 14 * k) for k in range(8)]
d = days('2024-09-26', 14 * 8)
while d <= '2026-06-15': dd.append(d); d = days(d, 28)
for d in dd: b.admin('study-' + d, 'Daratumumab 1800 mg SC or placebo (double-blind study drug)', d)
b.status('pd-2', '2026-07-10')
tail(b)
out(b, '''
Woman born 1960. VRd-ASCT-R, PD 2024-07-10. Kd weekly from 2024-08-01 with a blinded "Daratumumab 1800 mg SC or
placebo (double-blind study drug)" on the daratumumab schedule, the last 2026-06-xx; PD 2026-07-10 on the regimen;
no unblinding recorded.

A haematologist: 2 prior lines; lenalidomide- and carfilzomib-refractory. Anti-CD38 exposure unknown: if on the
daratumumab arm she is anti-CD38-refractory with a washout under 90 days (§5.1, §5.2). No anti-CD38 option may be
called "anti-CD38-naive" or matched to a population that excluded anti-CD38-refractory disease; an anti-CD38 caution
and a gap asking for the arm are owed.''')

# ---------------------------------------------------------------- 09 K4: day-1 charted pomalidomide, early progression, the next line inside the cycle
b = BL('09-pd-pom-day1-charted-pd-11-days-after-kd-inside-the-cycle', '1955-02-17', 'male', 'Dubois', 'Luc')
base_r(b, '2024-07-10')
d = '2026-06-29'
while d >= '2024-08-01':   # pomalidomide once per cycle on day 1, counted back from the last cycle's day 1
    b.admin('pom-' + d, POM_T, d, POM)
    for k in (0, 7, 14, 21):
        if days(d, k) <= '2026-07-06': b.admin('pdex-' + days(d, k), 'dexamethasone 40 mg PO', days(d, k), DEX)
    d = days(d, -28)
b.status('pd-2', '2026-07-10')
kd_weekly(b, '2026-07-13', '2026-10-19')
b.status('pd-3', '2026-10-20')
tail(b)
out(b, '''
Man born 1955. VRd-ASCT-R, PD 2024-07-10. Pd from 2024-08-26, pomalidomide charted once per 28-day cycle on day 1
(the last on 2026-06-29), dexamethasone weekly (the last 2026-07-06). PD 2026-07-10 (day 12 of the cycle); Kd from
2026-07-13 (inside the Pd cycle's 28 days), PD on Kd 2026-10-20.

A haematologist: 3 prior lines. Pomalidomide-refractory (progression 11 days after its last charted dose, on therapy);
lenalidomide- and carfilzomib-refractory. No gap is owed for pomalidomide; Kd is its own line.''')

# ---------------------------------------------------------------- 10 A3: an antiviral (Paxlovid) five days after the progression, nothing else for 6 weeks
b = BL('10-paxlovid-five-days-after-pd-kd-41-days-after', '1953-08-08', 'female', 'Moreau', 'Claire')
base_r(b, '2026-03-10')
b.stmt('pax', 'nirmatrelvir 300 mg / ritonavir 100 mg tablets (Paxlovid), twice daily for 5 days', '2026-03-15',
       '2026-03-19', None,
       dosage=[{'text': '2 nirmatrelvir tablets and 1 ritonavir tablet by mouth twice daily for 5 days', 'route': {
           'coding': [{'system': SCT, 'code': '26643006', 'display': 'Oral route'}]}}])
kd_weekly(b, '2026-04-20', '2026-10-05')
b.status('pd-2', '2026-10-05')
tail(b)
out(b, '''
Woman born 1953. VRd-ASCT-R, PD 2026-03-10. COVID-19 five days later: nirmatrelvir/ritonavir (Paxlovid) 2026-03-15 to
2026-03-19. Kd from 2026-04-20 (delayed by the infection), PD on Kd 2026-10-05.

A haematologist: 2 prior lines; lenalidomide- and carfilzomib-refractory (double-refractory to an IMiD and a PI:
daratumumab monotherapy on label in the US, §2.2). Paxlovid is a 5-day antiviral, not myeloma therapy; the engine's
policy (CDS-POLICY-ORAL-AFTER-PROGRESSION) asks about an uncatalogued oral drug started within 30 days of a progression
with nothing else; whether this well-known antiviral should raise the gap is judged in the report.''')

# ---------------------------------------------------------------- 11 H2: isolated cyclophosphamide with another condition as its stated reason
b = BL('11-vrd-then-lone-cy-238-days-later-reason-anca-vasculitis', '1961-05-05', 'male', 'Bauer', 'Felix')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2023-01-02')
b.cond('gpa', [{'system': ICD, 'code': 'M31.31', 'display': 'Wegener\'s granulomatosis with renal involvement'}],
       'Granulomatosis with polyangiitis (ANCA vasculitis) with renal involvement', '2023-10-30')
vrd(b, '2023-01-09')
b.admin('cy-nov', 'cyclophosphamide 1000 mg IV', '2023-11-20', CY, reasonReference=reason(b, 'gpa'))
b.status('pd-1', '2026-08-20')
tail(b)
out(b, '''
Man born 1961. Myeloma 2023-01; VRd x4 to 2023-03-27, nothing after it. Granulomatosis with polyangiitis diagnosed
2023-10-30; one cyclophosphamide 1000 mg IV dose 2023-11-20 whose reasonReference is the vasculitis. PD 2026-08-20.

A haematologist: 1 prior line; the cyclophosphamide is therapy of the vasculitis, not a myeloma line and no open
question (§1.1; the isolated-dose policy excludes a stated reason). Not lenalidomide-refractory.''')

# ---------------------------------------------------------------- 12 H2: isolated cyclophosphamide, reasonCode stem-cell mobilisation, cells stored
b = BL('12-vrd-then-lone-cy-238-days-later-reason-mobilisation-stored', '1962-07-07', 'female', 'Keller', 'Anna')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2023-01-02')
vrd(b, '2023-01-09')
b.admin('cy-nov', 'cyclophosphamide 2 g/m2 IV', '2023-11-20', CY, reasonCode=[{'text': 'Stem cell mobilisation (cells to be stored for a later transplant)'}])
b.status('pd-1', '2026-08-20')
tail(b)
out(b, '''
Woman born 1962. VRd x4 to 2023-03-27. One cyclophosphamide 2 g/m2 dose 2023-11-20 with reasonCode "Stem cell
mobilisation (cells to be stored for a later transplant)"; no transplant. PD 2026-08-20.

A haematologist: 1 prior line (the mobilisation belongs to the first line's plan, §1.1); not lenalidomide-refractory.
No range is owed: the record says what the dose was for.''')

# ---------------------------------------------------------------- 13 I4: a year-only list entry of carfilzomib at another dose and schedule than the charted Kd
b = BL('13-kd-year-only-entry-other-dose-than-charted-course-pd-nov-2024', '1958-03-03', 'female', 'Varga', 'Zsofia')
base_r(b, '2023-05-15', '2023-05-14')
kd_weekly(b, '2023-06-05', '2024-02-26')
b.stmt('hospB-kd-c', 'carfilzomib 27 mg/m2 IV twice weekly (days 1, 2, 8, 9, 15, 16)', '2023', '2024', CFZ)
b.stmt('hospB-kd-d', 'dexamethasone 20 mg', '2023', '2024', DEX)
b.status('pd-2', '2024-11-20')
b.stmt('l3-pom', POM_T + ' days 1-21 of 28', '2024-12-10', '2026-07-01', POM)
b.stmt('l3-dex', 'dexamethasone 40 mg weekly', '2024-12-10', '2026-07-01', DEX)
b.status('pd-3', '2026-07-20')
tail(b)
out(b, '''
Woman born 1958. VRd-ASCT-R to 2023-05-14, PD 2023-05-15. Hospital A charted weekly Kd (carfilzomib 70 mg/m2) dose by
dose 2023-06-05 to 2024-02-26. Hospital B's list holds "carfilzomib 27 mg/m2 IV twice weekly" and dexamethasone 20 mg,
"2023 to 2024" (year only). PD 2024-11-20; Pd from 2024-12-10, PD 2026-07-20.

A haematologist: 3 prior lines. The list entry is most likely the same Kd at another schedule (or B's earlier part of
it); either way carfilzomib may have gone on at hospital B after February 2024, so carfilzomib refractoriness to the
November 2024 progression is undecided (or refractory), never confidently "not refractory". Pomalidomide- and
lenalidomide-refractory.''')

# ---------------------------------------------------------------- 14 K6: the auto-refill running into Kd with no progression recorded
b = BL('14-len-refill-supply-into-kd-no-progression-recorded', '1957-12-12', 'male', 'Nguyen', 'Minh')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
vrd(b, '2019-02-01')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
fills(b, '2024-09-08', '2026-05-18')
kd_weekly(b, '2026-06-10', '2026-10-05')
b.status('pd-2', '2026-10-05')
tail(b)
out(b, '''
Man born 1957. VRd-ASCT, lenalidomide 10 mg maintenance as 28-day fills from 2024-09-08, the last 2026-05-17 (its
supply to 2026-06-13). No progression recorded; Kd weekly from 2026-06-10 (the switch's reason is not in the export);
PD on Kd 2026-10-05.

A haematologist: Kd after lenalidomide maintenance is a new regimen and a new line (2 prior lines), whatever the
refill's last 4 days. Carfilzomib-refractory. Lenalidomide: last dose 2026-06-13 at the latest, the progression on Kd
114 days later; why it was switched (a progression not exported, or intolerance) is not recorded, so lenalidomide
refractoriness is undecided, never refractory to the progression on Kd. Line 2 is Kd; line 1 must not absorb Kd.''')

# ---------------------------------------------------------------- 13c control for 13: the year-only end alone, no charted course beside it
b = BL('13c-kd-statement-end-year-only-no-chart-pd-nov-2024', '1958-03-13', 'female', 'Varga', 'Ilona')
base_r(b, '2023-05-15', '2023-05-14')
b.stmt('kd-c', 'carfilzomib 27 mg/m2 IV twice weekly (days 1, 2, 8, 9, 15, 16)', '2023-06-05', '2024', CFZ)
b.stmt('kd-d', 'dexamethasone 20 mg', '2023-06-05', '2024', DEX)
b.status('pd-2', '2024-11-20')
b.stmt('l3-pom', POM_T + ' days 1-21 of 28', '2024-12-10', '2026-07-01', POM)
b.stmt('l3-dex', 'dexamethasone 40 mg weekly', '2024-12-10', '2026-07-01', DEX)
b.status('pd-3', '2026-07-20')
tail(b)
out(b, '''
As 13 without hospital A's chart: Kd recorded only as statements from 2023-06-05 to "2024" (end year only); PD
2024-11-20; Pd from 2024-12-10, PD 2026-07-20.

A haematologist: 3 prior lines. Carfilzomib's last dose is some day of 2024 before Pd: the November progression may be
on it or more than 60 days after it: carfilzomib refractoriness undecided (§1.2 with an imprecise end, bullet 3).''')

# ---------------------------------------------------------------- 10c control for 10: the same record without the antiviral
b = BL('10c-no-antiviral-kd-41-days-after-pd', '1953-08-18', 'female', 'Moreau', 'Lucie')
base_r(b, '2026-03-10')
kd_weekly(b, '2026-04-20', '2026-10-05')
b.status('pd-2', '2026-10-05')
tail(b)
out(b, '''
As 10 without the Paxlovid course: VRd-ASCT-R, PD 2026-03-10, Kd from 2026-04-20, PD on Kd 2026-10-05.

A haematologist: 2 prior lines, lenalidomide- and carfilzomib-refractory: daratumumab monotherapy on label in the US
(double-refractory to a PI and an IMiD, §2.2).''')
