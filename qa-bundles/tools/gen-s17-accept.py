# Sweep K (acceptance check of issue 10 after Sweeps A-J): record shapes real exports send that no earlier sweep built:
# dateTimes whose offset moves the day near midnight (a 60-day edge, a progression charted on the evening of asOf or the
# next local morning), a statement whose period starts after it ends, pharmacy feeds (dispenses with a quantity and no
# daysSupply, a refill after a progression, a declined dispense as the only record of the next regimen),
# a contained Medication named only by its ingredients, ATC-only codes with non-English displays, administration and
# Observation/Condition statuses that say "this did not happen" (not-done, entered-in-error, preliminary, amended,
# refuted), M-protein in g/L and mg/dL, daratumumab then isatuximab, a blinded trial product, day-1 charting of an oral cycle,
# a regimen started on the day of the progression, plasma-cell leukaemia, and one dispense-only record replayed at three
# dates beside copies cut at those dates.
# Run from the project root; writes qa-bundles/s17k-*.json with a story s17k-*.story.txt each.
import os, sys, copy, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BK(B):
    PREFIX = 's17k-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-05T17:10:00Z'; return bd


def out(b, story): save(b.bundle(), story)


ATC = 'http://www.whocc.no/atc'
POM_T = 'pomalidomide 4 mg capsule'
ISA = ('1721947', 'daratumumab')  # placeholder, not used


def base_r(b, pd_date, r_end=None, r_status='completed'):
    """Myeloma 2019, VRd x4, melphalan 200 + ASCT 2019-07, lenalidomide maintenance; a progression on pd_date."""
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
    vrd(b, '2019-02-01')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
    if pd_date:
        rmaint(b, '2019-09-01', r_end or days(pd_date, 5), r_status)
        b.status('pd-1', pd_date)
    else:
        rmaint(b, '2019-09-01')


def weekly(b, pre, text, code, start, end, every=7, time=None):
    d = start
    while d <= end:
        b.admin('%s-%s' % (pre, d), text, d + (time or ''), code); d = days(d, every)


def kd_weekly(b, start, end, time=None):
    weekly(b, 'cfz', 'carfilzomib 70 mg/m2 IV weekly', CFZ, start, end, 7, time)
    weekly(b, 'kdex', 'dexamethasone 40 mg PO weekly', DEX, start, end, 7, time)


def pd_monthly(b, start, end, pom_text=POM_T, pom_code=POM):
    d = start
    while d <= end:
        b.admin('pom-' + d, pom_text, d, pom_code)
        for k in (0, 7, 14, 21): b.admin('pdex-%s' % days(d, k), 'dexamethasone 40 mg PO', days(d, k), DEX)
        d = days(d, 28)


def tail(b):
    b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')


# ---------------------------------------------------------------- 01 carfilzomib last dose charted 23:30 at -05:00 (UTC: next day), PD 61 local days later
b = BK('01-tz-minus5-last-cfz-2330-pd-61-local-days-later', '1957-04-11', 'female', 'Okafor', 'Grace')
base_r(b, '2024-07-10')
kd_weekly(b, '2024-08-01', '2025-07-10')
b.admin('cfz-last', 'carfilzomib 70 mg/m2 IV weekly', '2025-07-17T23:30:00-05:00', CFZ)
b.admin('kdex-last', 'dexamethasone 40 mg PO weekly', '2025-07-17T23:30:00-05:00', DEX)
b.status('pd-2', '2025-09-16T08:00:00-05:00')
pd_monthly(b, '2025-10-01', '2026-07-20')
b.status('pd-3', '2026-09-20')
tail(b)
out(b, '''
Woman born 1957. VRd-ASCT-R (PD 2024-07-10); Kd weekly from 2024-08-01; the last carfilzomib and dexamethasone charted
2025-07-17T23:30:00-05:00 (a late-evening administration in Chicago, 2025-07-18 04:30 in UTC); progression charted
2025-09-16T08:00:00-05:00; Pd from 2025-10-01 to 2026-07; PD 2026-09-20.
Record shape: every dateTime with a -05:00 offset; the last Kd dose is the only one whose UTC day differs from its local day.
A haematologist (clinical-evidence.md §1.2, IMWG-C11: refractory = progression on or within 60 days of the last dose):
the chart says the last carfilzomib was given on 17 July and the progression found on 16 September, 61 days later, so
carfilzomib is NOT refractory by the 60-day rule (an edge case; a board would call it "relapsed shortly after Kd").
3 prior lines (VRd-ASCT-R, Kd, Pd), pomalidomide and lenalidomide refractory. The day counted must be the local day the
chart shows, whatever the UTC day.''')

# ---------------------------------------------------------------- 01b the mirror: +09:00, local 60 days (refractory), UTC 61
b = BK('01b-tz-plus9-last-cfz-0100-pd-60-local-days-later', '1958-02-02', 'male', 'Tanaka', 'Hiro')
base_r(b, '2024-07-10')
kd_weekly(b, '2024-08-01', '2025-07-10', 'T10:00:00+09:00')
b.admin('cfz-last', 'carfilzomib 70 mg/m2 IV weekly', '2025-07-18T01:00:00+09:00', CFZ)
b.admin('kdex-last', 'dexamethasone 40 mg PO weekly', '2025-07-18T01:00:00+09:00', DEX)
b.status('pd-2', '2025-09-16T10:00:00+09:00')
pd_monthly(b, '2025-10-01', '2026-07-20')
b.status('pd-3', '2026-09-20')
tail(b)
out(b, '''
Man born 1958, treated in Tokyo (every dateTime +09:00). VRd-ASCT-R (PD 2024-07-10); Kd weekly from 2024-08-01; the
last carfilzomib charted 2025-07-18T01:00:00+09:00 (an infusion finished after midnight; 2025-07-17 16:00 in UTC);
progression 2025-09-16T10:00:00+09:00; Pd 2025-10 to 2026-07; PD 2026-09-20.
A haematologist (§1.2, IMWG-C11): last carfilzomib 18 July, progression 16 September, 60 days later: carfilzomib
REFRACTORY (within 60 days). 3 prior lines. Mirror of 01: together they show whether the engine counts the local day
(01 not refractory, 01b refractory) or the UTC day (the reverse).''')

# ---------------------------------------------------------------- 02 progression charted the evening of asOf (-05:00)
b = BK('02-tz-pd-charted-evening-of-asof-minus5', '1955-06-06', 'female', 'Brown', 'Ella')
base_r(b, None)
b.status('vgpr', '2025-06-01', worse=False)
b.status('pd-1', '2026-11-01T21:45:00-05:00')
tail(b)
out(b, '''
Woman born 1955. VRd-ASCT-R, lenalidomide maintenance still active; VGPR 2025-06-01; the board's progression note
charted 2026-11-01T21:45:00-05:00 (the evening of the evaluation date, local time; 02:45 on 2 November in UTC).
Evaluated with --as-of 2026-11-01. A haematologist (§1.6, §1.2): on 1 November the record holds a progression on
lenalidomide maintenance: relapse documented, lenalidomide refractory, 1 prior line: RRMM options (D-Pd, D-Vd, D-Kd,
Isa-Kd) apply. A tool that turns the local day into the UTC day loses the progression and says "relapse not documented".''')

# ---------------------------------------------------------------- 02b progression charted the next local morning (+09:00), before the asOf midnight in UTC
b = BK('02b-tz-pd-charted-next-local-morning-plus9', '1955-07-07', 'male', 'Sato', 'Ken')
base_r(b, None)
b.status('vgpr', '2025-06-01', worse=False)
b.status('pd-1', '2026-11-02T08:30:00+09:00')
tail(b)
out(b, '''
Man born 1955, treated in Japan. VRd-ASCT-R, lenalidomide maintenance active; VGPR 2025-06-01; progression charted
2026-11-02T08:30:00+09:00 (2 November local time; 1 November 23:30 in UTC). Evaluated with --as-of 2026-11-01.
A haematologist (§1.6; issue 10 bullet 10): on 1 November, in the clinic that charted it, this progression had not been
found yet: relapse NOT documented at 2026-11-01, the patient is in remission on maintenance, RRMM regimens are not
offered. Reading it (because its UTC instant falls on 1 November) is a replay leak.''')

# ---------------------------------------------------------------- 03 daratumumab statement whose period ends before it starts (year typo)
b = BK('03-dara-statement-period-end-before-start', '1960-01-15', 'female', 'Novak', 'Eva')
base_r(b, '2023-01-15')
b.stmt('dpd-dara', 'daratumumab 1800 mg SC every 4 weeks', '2023-02-06', '2022-08-01', ('2372199', 'daratumumab / hyaluronidase'))
b.stmt('dpd-pom', POM_T, '2023-02-06', '2026-08-01', POM)
b.stmt('dpd-dex', 'dexamethasone 40 mg weekly', '2023-02-06', '2026-08-01', DEX)
b.status('pd-2', '2026-08-20')
tail(b)
out(b, '''
Woman born 1960. VRd-ASCT-R (PD 2023-01-15); D-Pd from 2023-02-06 as three MedicationStatements from the outside
oncologist: pomalidomide and dexamethasone 2023-02-06 to 2026-08-01, daratumumab SC "2023-02-06" to "2022-08-01" (the
end lies before the start: a typed year, most likely 2026-08-01); PD 2026-08-20.
A haematologist (§1.2, §5.2): the daratumumab dates are impossible as written; the most likely reading is D-Pd given
together to August 2026 (daratumumab refractory), and no reading supports "daratumumab stopped in 2023". The honest
answer is daratumumab refractoriness and washout UNKNOWN with a data gap naming the statement, never "not
refractory" or "adequate washout". 2 prior lines, pomalidomide and lenalidomide refractory.''')

# ---------------------------------------------------------------- 04 lenalidomide maintenance as pharmacy dispenses with quantity only (no daysSupply)
b = BK('04-len-dispenses-quantity-only-pd-72-days-after-last-fill', '1956-03-03', 'male', 'Fischer', 'Lukas')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
vrd(b, '2019-02-01')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
d = '2019-09-01'
while d <= '2026-06-01':
    r = b.disp('len-fill-' + d, 'lenalidomide 10 mg capsule', d, 28, LEN,
               quantity={'value': 28, 'unit': 'capsule', 'system': 'http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm', 'code': 'CAP'},
               dosageInstruction=[{'text': 'Take 1 capsule (10 mg) by mouth once daily',
                                   'timing': {'repeat': {'frequency': 1, 'period': 1, 'periodUnit': 'd'}},
                                   'doseAndRate': [{'doseQuantity': {'value': 1, 'unit': 'capsule'}}]}])
    del r['daysSupply']
    d = days(d, 28)
b.status('pd-1', '2026-08-12')
tail(b)
out(b, '''
Man born 1956. VRd, ASCT 2019-07-10, then lenalidomide 10 mg daily maintenance recorded only as a specialty-pharmacy
feed: MedicationDispense every 28 days from 2019-09-01, each "quantity 28 capsule", dosageInstruction "1 capsule once
daily", no daysSupply; the last fill 2026-06-01. PD 2026-08-12 (72 days after the last fill, 44 days after its 28
capsules ran out). No administrations, no statements.
A haematologist (§1.2, IMWG-C11): the patient took lenalidomide daily until about 28 June; progression 44 days later:
lenalidomide REFRACTORY (or at least unknown, if the fill is not trusted to have been taken), 1 prior line. Not
"not lenalidomide-refractory": that would put D-Rd in the POLLUX population (POLLUX excluded lenalidomide-refractory
disease, §4.2) and rank it high.''')

# ---------------------------------------------------------------- 04b monthly fills with daysSupply, one auto-refill after the progression, then Kd
b = BK('04b-len-fills-refill-after-pd-then-kd', '1956-05-05', 'female', 'Rossi', 'Maria')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
vrd(b, '2019-02-01')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
d = '2019-09-01'
while d <= '2026-04-20':
    b.disp('len-fill-' + d, 'lenalidomide 10 mg capsule', d, 28, LEN); d = days(d, 28)
b.status('pd-1', '2026-05-10')
b.disp('len-fill-refill', 'lenalidomide 10 mg capsule (auto-refill)', '2026-05-18', 28, LEN)
kd_weekly(b, '2026-06-10', '2026-10-21')
b.status('pd-2', '2026-10-05')
tail(b)
out(b, '''
Woman born 1956. VRd-ASCT, lenalidomide maintenance as 28-day dispenses (daysSupply 28) from 2019-09-01; PD 2026-05-10;
one more fill, an auto-refill, handed over 2026-05-18; weekly Kd from 2026-06-10; PD on Kd 2026-10-05, Kd given on to
2026-10-21.
A haematologist (§1.1 LOT-B15, §1.2): 2 prior lines (VRd-ASCT-R, Kd); the refill after the progression is the same
drug of the same line (CDS-POLICY-CONTINUE-AFTER-PD), not a new line. Lenalidomide and carfilzomib refractory. Relapse
documented (progression on Kd).''')

# ---------------------------------------------------------------- 05 the only record of the next regimen is a declined dispense
b = BK('05-pd-then-pom-dispense-declined-only', '1959-08-08', 'male', 'Dubois', 'Marc')
base_r(b, '2026-03-10', '2026-03-15')
r = b.disp('pom-declined', POM_T, '2026-03-27', 21, POM, status='declined',
           statusReasonCodeableConcept={'text': 'Prior authorization denied by insurer'})
del r['whenHandedOver']; r['whenPrepared'] = '2026-03-27'
b.disp('dex-fill', 'dexamethasone 4 mg tablet', '2026-03-27', 28, DEX)
tail(b)
out(b, '''
Man born 1959. VRd-ASCT-R, PD on lenalidomide 2026-03-10 (lenalidomide stopped 2026-03-15). Pd was prescribed; the
specialty pharmacy's feed holds a pomalidomide MedicationDispense with status "declined" ("Prior authorization denied by
insurer"), whenPrepared 2026-03-27, never handed over; dexamethasone was dispensed. No other record.
A haematologist (§1.1, §1.2; issue 10 bullet 4): 1 prior line, relapsed, lenalidomide refractory, pomalidomide never
taken (a declined dispense is not an exposure; dexamethasone alone is not a line of myeloma therapy of its own here, or at
most a steroid bridge). The US IV Isa-Pd / D-Pd "at least 2 prior lines" gate is NOT met; D-Kd/Isa-Kd, D-Vd are the
on-label options.''')

# ---------------------------------------------------------------- 06 daratumumab SC through a contained Medication named only by its ingredients
b = BK('06-dara-contained-medication-ingredients-only', '1961-10-10', 'female', 'Lindqvist', 'Sara')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-03-01')
b.stmt('rd-len', 'lenalidomide 25 mg capsule', '2021-03-15', '2023-01-20', LEN)
b.stmt('rd-dex', 'dexamethasone 40 mg weekly', '2021-03-15', '2023-01-20', DEX)
b.status('pd-1', '2023-01-15')
contained = {'resourceType': 'Medication', 'id': 'm1',
             'code': {'coding': [{'system': 'urn:oid:1.2.840.114350.1.13.999.2.7.2.698288', 'code': '400123',
                                  'display': 'ONC SC INJ 1800 MG/15 ML'}], 'text': 'ONC SC INJ 1800 MG/15 ML'},
             'form': {'text': 'injection solution'},
             'ingredient': [{'itemCodeableConcept': {'coding': [{'system': RX, 'code': '1721947', 'display': 'daratumumab'}]}, 'isActive': True,
                             'strength': {'numerator': {'value': 1800, 'unit': 'mg'}, 'denominator': {'value': 15, 'unit': 'mL'}}},
                            {'itemCodeableConcept': {'text': 'hyaluronidase-fihj'}, 'isActive': False}]}
d = '2023-02-06'; k = 0
while d <= '2026-07-20':
    r = b.admin('dara-%s' % d, 'x', d, None)
    del r['medicationCodeableConcept']; r['contained'] = [contained]; r['medicationReference'] = {'reference': '#m1'}
    d = days(d, 7 if k < 8 else (14 if k < 16 else 28)); k += 1
pd_monthly(b, '2023-02-06', '2026-07-20')
b.status('pd-2', '2026-08-10')
tail(b)
out(b, '''
Woman born 1961. Rd (PD 2023-01-15); D-Pd from 2023-02-06: pomalidomide and dexamethasone charted by name; every
daratumumab SC dose (weekly, two-weekly, then four-weekly to 2026-07-20) is a MedicationAdministration whose
medicationReference points to a contained Medication "ONC SC INJ 1800 MG/15 ML" (a local pharmacy code) whose
ingredients are daratumumab (RxNorm 1721947, active) and hyaluronidase-fihj. PD 2026-08-10 on D-Pd.
A haematologist (§1.2, §5.2): daratumumab SC given to 2026-07-20, progression 21 days later: daratumumab REFRACTORY,
anti-CD38 refractory, short washout (<90 days) at 2026-11-01; pomalidomide and lenalidomide refractory; 2 prior lines.
A reading that loses the antibody (anti-CD38-naive) would send Isa-Kd forward as "Matches the IKEMA population".''')

# ---------------------------------------------------------------- 07 ATC-only codes with German displays (D-Kd line)
b = BK('07-atc-only-german-displays-dkd', '1958-12-12', 'male', 'Wagner', 'Karl')
b.cond('mm', MM_ICD(), 'Multiples Myelom', '2020-02-01')
def atc(code, disp): return {'coding': [{'system': ATC, 'code': code, 'display': disp}]}
def admin_atc(i, day, code, disp):
    r = b.admin(i, 'x', day, None); r['medicationCodeableConcept'] = atc(code, disp); return r
d = '2020-02-15'
while d <= '2023-03-01':
    admin_atc('len-' + d, d, 'L04AX04', 'Lenalidomid'); admin_atc('ldex-' + d, d, 'H02AB02', 'Dexamethason'); d = days(d, 28)
b.status('pd-1', '2023-03-20')
d = '2023-04-03'; k = 0
while d <= '2026-06-22':
    admin_atc('cfz-' + d, d, 'L01XG02', 'Carfilzomib'); admin_atc('kdex-' + d, d, 'H02AB02', 'Dexamethason')
    if k < 8 or k % 4 == 0: admin_atc('dara-' + d, d, 'L01FC01', 'Daratumumab')
    d = days(d, 7); k += 1
b.status('pd-2', '2026-07-15')
tail(b)
out(b, '''
Man born 1958, record from a German hospital: every medication coded by ATC only, displays in German (Lenalidomid
L04AX04, Dexamethason H02AB02, Carfilzomib L01XG02, Daratumumab L01FC01), no text. Rd 2020-02 to 2023-03 (PD
2023-03-20); D-Kd from 2023-04-03 (carfilzomib weekly, daratumumab weekly x8 then every 4 weeks) to 2026-06-22; PD
2026-07-15.
A haematologist (§1.2, §5.2): 2 prior lines; lenalidomide, carfilzomib and daratumumab refractory (PD 23 days after the
last doses); anti-CD38 washout short (<180 days) at 2026-11-01.''')

# ---------------------------------------------------------------- 09 daratumumab administrations not-done after the last real dose
b = BK('09-dara-not-done-doses-after-last-real-dose', '1962-02-20', 'female', 'Hughes', 'Ruth')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2020-06-01')
b.stmt('rd-len', 'lenalidomide 25 mg capsule', '2020-06-15', '2022-01-15', LEN)
b.stmt('rd-dex', 'dexamethasone 40 mg weekly', '2020-06-15', '2022-01-15', DEX)
b.status('pd-1', '2022-01-10')
d = '2022-02-01'
while d <= '2026-03-01':
    b.admin('dara-' + d, 'daratumumab 1800 mg SC (Darzalex Faspro)', d, ('2372199', 'daratumumab / hyaluronidase')); d = days(d, 28)
last = days(d, -28)
pd_monthly(b, '2022-02-01', last)
for nd in (days(last, 28), days(last, 56), days(last, 84), days(last, 112)):
    b.admin('dara-nd-' + nd, 'daratumumab 1800 mg SC (Darzalex Faspro)', nd, ('2372199', 'daratumumab / hyaluronidase'),
            status='not-done', statusReason=[{'text': 'Not given: patient travelling abroad (treatment break)'}])
b.status('pd-2', days(last, 116))
tail(b)
out(b, '''
Woman born 1962. Rd (PD 2022-01-10); D-Pd every 28 days from 2022-02-01, the last dose of each drug %s; then four
scheduled daratumumab administrations charted with status "not-done" ("Not given: patient travelling abroad (treatment
break)") on the next four cycle days; PD %s, 116 days after the last real dose.
A haematologist (§1.2, §5.2): not-done doses were not given. Daratumumab and pomalidomide last given %s, progression 116
days later: NOT refractory to either (relapsed off therapy); anti-CD38 washout at 2026-11-01 is 245 days (adequate,
≥180 days). 2 prior lines. If the not-done doses were read as given, daratumumab would be "refractory" and the washout
"intermediate".''' % (last, days(last, 116), last))

# ---------------------------------------------------------------- 10 a "progressive disease" Observation entered-in-error, patient in VGPR on maintenance
for suf, st, why in (('10', 'entered-in-error', 'entered on the wrong patient and voided'),
                     ('10b', 'preliminary', 'a preliminary read awaiting the confirming sample')):
    b = BK('%s-pd-observation-%s-on-maintenance' % (suf, st), '1957-09-%02d' % (10 + len(suf)), 'female', 'Kim', 'Soo')
    base_r(b, None)
    b.status('vgpr', '2025-06-01', worse=False)
    b.mprot('mp-1', '2025-06-01', 0.2); b.mprot('mp-2', '2026-03-01', 0.2); b.mprot('mp-3', '2026-09-01', 0.2)
    b.status('pd-x', '2026-09-05', status=st)
    tail(b)
    out(b, '''
Woman born 1957. VRd-ASCT-R, lenalidomide maintenance active; VGPR 2025-06-01; serum M-protein 0.2 g/dL on 2025-06-01,
2026-03-01 and 2026-09-01 (stable). One "Progressive disease (IMWG)" disease-status Observation dated 2026-09-05 with
status "%s" (%s).
A haematologist (§1.6, issue 10 bullet 8): %s 1 line under way (maintenance), no relapse documented; the RRMM regimens
are not options (INSUFFICIENT_DATA or relapse not documented); lenalidomide not refractory.''' % (
        st, why, 'a voided or cancelled result did not happen:' if st != 'preliminary' else
        'a preliminary result with stable M-protein beside it is at most a possible progression (UNKNOWN with a gap), never a confident relapse:'))

# ---------------------------------------------------------------- 11 C90.02 "in relapse" refuted / entered-in-error
for suf, vs in (('11', 'refuted'),):
    b = BK('%s-c90-02-relapse-code-%s-on-maintenance' % (suf, vs), '1956-11-%02d' % (10 + len(suf)), 'male', 'Ivanov', 'Oleg')
    base_r(b, None)
    b.status('vgpr', '2025-06-01', worse=False)
    b.mprot('mp-1', '2025-06-01', 0.2); b.mprot('mp-2', '2026-09-01', 0.2)
    c = b.cond('relcode', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', None,
               recordedDate='2026-09-10')
    c['verificationStatus'] = {'coding': [{'system': VER, 'code': vs}]}
    if vs == 'entered-in-error': del c['clinicalStatus']
    tail(b)
    out(b, '''
Man born 1956. VRd-ASCT-R, lenalidomide maintenance active; VGPR 2025-06-01; M-protein 0.2 g/dL 2025-06 and 2026-09.
A problem-list Condition C90.02 "Multiple myeloma in relapse" recorded 2026-09-10 with verificationStatus "%s".
A haematologist (§1.6, ICD-10-CM caveat; issue 10 bullet 8): a %s code says the relapse is NOT so; 1 line under way, no
relapse documented, RRMM regimens not offered, lenalidomide not refractory.''' % (vs, vs))

# ---------------------------------------------------------------- 12 M-protein in g/L, a rise of 3.5 g/L (0.35 g/dL) from the nadir: not a progression
b = BK('12-mprotein-g-per-l-rise-below-imwg-threshold', '1958-03-30', 'female', 'Berg', 'Anna')
base_r(b, None)
b.status('vgpr', '2025-06-01', worse=False)
for i, (d, v) in enumerate((('2025-06-01', 3.0), ('2025-12-01', 3.0), ('2026-05-01', 5.0), ('2026-07-01', 6.0), ('2026-09-01', 6.5))):
    b.lab('mp-%d' % i, '33358-3', 'M-protein [Mass/volume] in Serum by Electrophoresis', d, v, 'g/L', 'g/L')
tail(b)
out(b, '''
Woman born 1958. VRd-ASCT-R, lenalidomide maintenance active; VGPR 2025-06-01. Serum M-protein reported in g/L (a
European lab): 3.0 (2025-06, nadir), 3.0, 5.0 (2026-05), 6.0 (2026-07), 6.5 g/L (2026-09).
A haematologist (§1.6 A, IMWG 2016 PD: a rise of ≥25%% from the nadir AND an absolute rise ≥0.5 g/dL): 6.5 g/L is 0.65
g/dL, a rise of 0.35 g/dL from 0.3: NOT a progression (a rising paraprotein to watch). 1 line under way, relapse not
documented, RRMM regimens not offered. (In g/dL the same numbers would be a huge progression.)''')

# ---------------------------------------------------------------- 12b M-protein in mg/dL rises on Kd: progression within the line, no status Observation
b = BK('12b-mprotein-mg-dl-response-then-progression-on-kd', '1959-04-04', 'male', 'Costa', 'Joao')
base_r(b, '2025-04-10')
kd_weekly(b, '2025-05-01', '2026-10-21')
for i, (d, v) in enumerate((('2025-05-01', 1800), ('2025-08-01', 600), ('2025-11-01', 250), ('2026-02-01', 200),
                            ('2026-05-01', 450), ('2026-07-01', 800), ('2026-08-01', 950), ('2026-10-01', 1100))):
    b.lab('mp-%d' % i, '33358-3', 'M-protein [Mass/volume] in Serum by Electrophoresis', d, v, 'mg/dL', 'mg/dL')
tail(b)
out(b, '''
Man born 1959. VRd-ASCT-R (PD 2025-04-10 on lenalidomide); weekly Kd from 2025-05-01, still given 2026-10-21. Serum
M-protein in mg/dL: 1800 at start, 600, 250, nadir 200 (2026-02), then 450, 800 (2026-07-01), 950 (2026-08-01), 1100
(2026-10).
No disease-status Observation after 2025-04.
A haematologist (§1.6 A): nadir 0.20 g/dL; 0.80 and 0.95 g/dL are rises of 0.60 and 0.75 g/dL (≥0.5 g/dL and ≥25%%),
on two consecutive assessments: progression on Kd from July 2026 (a response, then progression within line 2).
Carfilzomib refractory; relapse documented; 2 prior lines (line 2 still given); D-Kd/Isa-Kd carry carfilzomib
refractoriness; D-Pd, Isa-Pd, D-Vd are the options.''')

# ---------------------------------------------------------------- 14 daratumumab, then Kd, then isatuximab: the washout runs from the isatuximab
b = BK('14-dara-then-kd-then-isa-pd-washout-from-isatuximab', '1957-07-17', 'male', 'Nowak', 'Piotr')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-02-01')
d = '2019-03-01'
while d <= '2021-06-07':
    b.admin('dara-' + d, 'daratumumab 16 mg/kg IV (Darzalex)', d, DARA); d = days(d, 28)
b.stmt('drd-len', 'lenalidomide 25 mg capsule', '2019-03-01', '2021-06-20', LEN)
b.stmt('drd-dex', 'dexamethasone 40 mg weekly', '2019-03-01', '2021-06-20', DEX)
b.status('pd-1', '2021-06-15')
kd_weekly(b, '2021-07-05', '2023-04-24')
b.status('pd-2', '2023-05-10')
d = '2023-05-29'
while d <= '2026-06-15':
    b.admin('isa-' + d, 'Sarclisa (isatuximab-irfc) 10 mg/kg IV', d, None); d = days(d, 14)
pd_monthly(b, '2023-05-29', '2026-06-15')
b.status('pd-3', '2026-07-01')
tail(b)
out(b, '''
Man born 1957. D-Rd (daratumumab IV every 4 weeks) 2019-03 to 2021-06, PD on it 2021-06-15; Kd 2021-07 to 2023-04, PD
2023-05-10; Isa-Pd (isatuximab named only as "Sarclisa (isatuximab-irfc)", every 2 weeks) 2023-05-29 to about 2026-06,
PD 2026-07-01.
A haematologist (§1.2, §5.1-5.2): 3 prior lines; refractory to lenalidomide, daratumumab, carfilzomib, isatuximab,
pomalidomide (penta-refractory except bortezomib, which was never given ... here triple-class refractory); the last
anti-CD38 dose is the last isatuximab (June 2026), so the anti-CD38 washout at 2026-11-01 is about 140 days
(intermediate), not the 5 years since the daratumumab. US D-Kd/Isa-Kd are within 1-3 lines but both repeat
refractory drugs; a board would look beyond anti-CD38.''')

# ---------------------------------------------------------------- 15b blinded "ixazomib or placebo" with Rd at second line (TOURMALINE-MM1 shape)
b = BK('15b-blinded-ixazomib-or-placebo-with-rd-second-line', '1959-12-01', 'male', 'Ahmed', 'Omar')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
vrd(b, '2019-02-01')
b.status('vgpr', '2019-06-01', worse=False)
b.status('pd-1', '2021-03-10')
cycles(b, 'study', 'Ixazomib 4 mg or placebo capsule (TOURMALINE-MM1 study drug, double-blind)', None, '2021-04-01', (0, 7, 14), 64, 28)
b.stmt('rd-len', 'lenalidomide 25 mg capsule days 1-21 (TOURMALINE-MM1 background therapy)', '2021-04-01', '2026-06-20', LEN)
b.stmt('rd-dex', 'dexamethasone 40 mg weekly', '2021-04-01', '2026-06-20', DEX)
b.status('pd-2', '2026-07-10')
tail(b)
out(b, """
Man born 1959. VRd x4 2019 (VGPR), no transplant or maintenance; PD 2021-03-10 off therapy. Then enrolled in a
double-blind trial: "Ixazomib 4 mg or placebo capsule (TOURMALINE-MM1 study drug, double-blind)" on days 1, 8, 15 with
open-label lenalidomide and dexamethasone, from 2021-04-01 to 2026-06; PD 2026-07-10 on it; the trial has not been
unblinded for this patient.
A haematologist (§1.2; §4.9 for the daratumumab-monotherapy label): 2 prior lines; lenalidomide refractory; bortezomib
NOT refractory (last dose 2019, PD 2021 off therapy); whether the patient received ixazomib is unknown (placebo arm),
so PI-refractoriness is UNKNOWN, not "PI refractory". The US daratumumab-monotherapy label (at least 3 prior lines
including a PI and an IMiD, or double-refractory to a PI and an IMiD) is therefore not met on this record at 2 lines
(or undecided), never met on a blinded capsule.""")

# ---------------------------------------------------------------- 18 Pd with pomalidomide charted on day 1 of each cycle, weekly dexamethasone, PD 77 days after the last day-1 record
for suf, daily in (('18', False), ('18b', True)):
    b = BK('%s-pd-pom-charted-%s-pd-77-days-after-last-cycle-day1' % (suf, 'days-1-21' if daily else 'day1-only'),
           '1958-06-%02d' % (10 + len(suf)), 'female', 'Clarke', 'Jean')
    base_r(b, '2024-07-10')
    kd_weekly(b, '2024-08-01', '2025-04-24')
    b.status('pd-2', '2025-05-20')
    d = '2025-06-02'
    while d <= '2026-07-06':
        if daily:
            for k in range(21): b.admin('pom-' + days(d, k), POM_T, days(d, k), POM)
        else:
            b.admin('pom-' + d, POM_T, d, POM)
        for k in (0, 7, 14, 21): b.admin('pdex-' + days(d, k), 'dexamethasone 40 mg PO', days(d, k), DEX)
        d = days(d, 28)
    b.status('pd-3', '2026-09-14')
    tail(b)
    out(b, """
Woman born 1958. VRd-ASCT-R (PD 2024-07-10); Kd 2024-08 to 2025-04 (PD 2025-05-20); Pd from 2025-06-02 in 28-day
cycles, the last cycle starting 2026-06-29, %s; dexamethasone 40 mg weekly (days 1, 8, 15, 22), the last on
2026-07-20; PD 2026-09-14 (77 days after the last cycle's day 1, 57 days after its day 21, 56 after the last
dexamethasone).
A haematologist (§1.2, IMWG-C11; Pd is pomalidomide days 1-21 of 28, §4.8): the last cycle ran to about 19 July, the
progression came 57 days later: pomalidomide REFRACTORY; 3 prior lines; IMiD and PI refractory, anti-CD38 naive. %s""" % (
        'pomalidomide charted every day 1-21 of each cycle' if daily else
        'pomalidomide charted once per cycle, on day 1 (the MAR records the dispensed cycle pack as one administration)',
        'Near miss of 18: the daily charting shows the last capsule on 2026-07-19.' if daily else
        'With only the day-1 record the last capsule lies between 29 June and 19 July: refractory, or at least UNKNOWN with a '
        'gap; never a confident "not pomalidomide-refractory", which takes away the partner-drug caution from D-Pd and '
        'Isa-Pd.'))

# ---------------------------------------------------------------- 19c same-day switch (afternoon, no offset shift), Kd for 6 months to VGPR, relapse off therapy 5 months later
for suf, kd_day in (('19c', '2025-09-15T14:00:00-05:00'), ('19d', '2025-09-16T14:00:00-05:00')):
    b = BK('%s-pd-and-kd-start-%s-kd-stopped-in-vgpr-pd-off-therapy' % (suf, 'same-day' if suf == '19c' else 'next-day'),
           '1961-10-%02d' % (10 + len(suf)), 'female', 'Lopez', 'Ana')
    base_r(b, '2025-09-15T09:10:00-05:00', '2025-09-14')
    b.admin('cfz-first', 'carfilzomib 20 mg/m2 IV (cycle 1 day 1)', kd_day, CFZ)
    b.admin('kdex-first', 'dexamethasone 40 mg PO', kd_day, DEX)
    kd_weekly(b, days(kd_day[:10], 7), '2026-03-16')
    b.status('vgpr', '2026-03-02', worse=False)
    b.status('pd-2', '2026-08-20')
    tail(b)
    out(b, """
Woman born 1961. VRd-ASCT-R, lenalidomide to 2025-09-14; progression charted 2025-09-15 09:10 (clinic visit); Kd
started %s, weekly to 2026-03-16 (stopped in VGPR, 2026-03-02); PD 2026-08-20, 157 days after the last carfilzomib.
A haematologist (§1.2, IMWG-C11): 2 prior lines; lenalidomide refractory; carfilzomib NOT refractory (it brought a
VGPR; the later progression came 157 days off it; the first progression was the reason carfilzomib was started). Not
double-refractory to a PI and an IMiD, so the US daratumumab-monotherapy label (at least 3 prior lines, or
double-refractory) is NOT met at 2 lines. D-Pd, Isa-Pd, D-Vd and (carfilzomib-exposed, not refractory) D-Kd are
options.%s""" % (kd_day, ' The first carfilzomib is given on the progression day, hours after it.' if suf == '19c' else
                 ' Near miss of 19c: the first dose the next day.'))

# ---------------------------------------------------------------- 20 daratumumab added on cycle 1 day 22 of Pd charted day 1 only (a planned D-Pd start)
b = BK('20-pd-pom-day1-charting-dara-added-c1d22-one-line', '1962-04-04', 'male', 'Klein', 'Max')
base_r(b, '2024-07-10')
kd_weekly(b, '2024-08-01', '2025-04-24')
b.status('pd-2', '2025-05-20')
d = '2025-06-02'
while d <= '2026-06-29':
    b.admin('pom-' + d, POM_T, d, POM)
    for k in (0, 7, 14, 21): b.admin('pdex-' + days(d, k), 'dexamethasone 40 mg PO', days(d, k), DEX)
    d = days(d, 28)
d = '2025-06-23'; k = 0
while d <= '2026-06-29':
    b.admin('dara-' + d, 'daratumumab 1800 mg SC (Darzalex Faspro)', d, ('2372199', 'daratumumab / hyaluronidase'))
    d = days(d, 7 if k < 7 else (14 if k < 15 else 28)); k += 1
b.status('pd-3', '2026-07-20')
tail(b)
out(b, """
Man born 1962. VRd-ASCT-R (PD 2024-07-10); Kd to 2025-04 (PD 2025-05-20); Pd from 2025-06-02 (pomalidomide charted
once per cycle on day 1, dexamethasone weekly), daratumumab SC added on cycle 1 day 22 (2025-06-23, after the insurer's
approval) and given weekly, two-weekly, then four-weekly with Pd to 2026-06; PD 2026-07-20.
A haematologist (§1.1 LOT-B15): 3 prior lines: D-Pd is line 3 (daratumumab joined within the first cycle while
pomalidomide and dexamethasone went on: no substitution, no new line). Daratumumab, pomalidomide, carfilzomib,
lenalidomide refractory. No range is warranted: pomalidomide was given again on the next cycle day, after the
daratumumab started.""")

# ---------------------------------------------------------------- 10d a progression Observation with status amended (a real result, corrected text)
b = BK('10d-pd-observation-amended-on-maintenance', '1957-09-20', 'female', 'Kim', 'Min')
base_r(b, None)
b.status('vgpr', '2025-06-01', worse=False)
b.status('pd-x', '2026-09-05', status='amended')
tail(b)
out(b, """
Woman born 1957. VRd-ASCT-R, lenalidomide maintenance active; VGPR 2025-06-01; a "Progressive disease (IMWG)"
disease-status Observation 2026-09-05 with status "amended" (the report was reissued with a corrected comment).
A haematologist (§1.6): an amended result is a valid final result: relapse documented on lenalidomide maintenance,
lenalidomide refractory, 1 prior line; RRMM options apply. Near miss of 10 (entered-in-error).""")

# ---------------------------------------------------------------- 16 plasma-cell leukaemia
b = BK('16-primary-plasma-cell-leukaemia-vrd-asct-r-pd', '1963-03-13', 'male', 'Hall', 'Tom')
b.cond('pcl', [{'system': ICD, 'code': 'C90.10', 'display': 'Plasma cell leukemia not having achieved remission'}],
       'Primary plasma cell leukaemia', '2019-01-20')
vrd(b, '2019-02-01')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-07-09', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-07-10')
rmaint(b, '2019-09-01', '2026-06-20', 'completed')
b.status('pd-1', '2026-06-15')
tail(b)
out(b, '''
Man born 1963. Primary plasma-cell leukaemia (ICD-10-CM C90.10, no C90.0x anywhere) 2019; VRd-ASCT-R; PD 2026-06-15 on
lenalidomide.
A haematologist (clinical-evidence.md §9.1: plasma-cell leukaemia follows "different rules"; the anti-CD38 pivotal trials
enrolled multiple myeloma and excluded plasma-cell leukaemia): the engine's myeloma trial-population matches do not
describe this patient. The labels are for multiple myeloma. A confident "Matches the CASTOR / POLLUX population" or an
unqualified on-label ranking is wrong; the honest output names the diagnosis as outside the evidence (or at least a
caution).''')

# ---------------------------------------------------------------- 17 replay: a dispense-only pharmacy record with offsets, at three dates, beside copies cut at those dates
b = BK('17-replay-dispense-only-three-dates', '1958-08-18', 'female', 'Young', 'Amy')
b.cond('mm', MM_ICD(), 'Multiple myeloma', '2023-02-15')
d = '2023-03-01'
while d <= '2024-09-20':
    b.disp('len-' + d, 'lenalidomide 25 mg capsule (days 1-21)', d + 'T16:40:00-05:00', 21, LEN)
    b.disp('ldex-' + d, 'dexamethasone 4 mg tablet', d + 'T16:40:00-05:00', 28, DEX); d = days(d, 28)
b.status('pd-1', '2024-10-05T11:00:00-05:00')
d = '2024-10-20'
while d <= '2025-12-20':
    b.disp('pom-' + d, 'pomalidomide 4 mg capsule (days 1-21)', d + 'T23:10:00-05:00', 21, POM)
    b.disp('pdex-' + d, 'dexamethasone 4 mg tablet', d + 'T23:10:00-05:00', 28, DEX); d = days(d, 28)
b.status('pd-2', '2026-01-10T09:00:00-05:00')
kd_weekly(b, '2026-02-02', '2026-10-19')
b.egfr('2024-10-01', 70); b.egfr('2025-05-20', 66); b.egfr('2026-01-12', 60); b.egfr('2026-10-20', 58); LVEF(b, '2026-10-15')
full = b.bundle()
out(b, '''
Woman born 1958. A pharmacy-feed record: Rd as 28-day dispenses (lenalidomide daysSupply 21) 2023-03 to 2024-09, PD
2024-10-05; Pd as dispenses handed over late in the evening (23:10 -05:00) 2024-10-20 to 2025-12, PD 2026-01-10; Kd
administrations 2026-02-02 to 2026-10-19. Replayed at 2024-10-15, 2025-06-01 and 2026-01-20 beside the copies -t1/-t2/-t3
that hold only what an export on each date held (every record dated after the date removed).
A haematologist: at 2024-10-15, 1 prior line (Rd), lenalidomide refractory, relapse documented; at 2025-06-01, Pd under
way, no progression on it; at 2026-01-20, 2 prior lines, pomalidomide refractory (PD 2026-01-10, within the last fill's
21 days + 60). Issue 10 bullet 10: --as-of on the full bundle must equal the cut copy at each date.''')


def dated(r):
    for k in ('whenHandedOver', 'effectiveDateTime', 'onsetDateTime', 'performedDateTime', 'authoredOn'):
        if k in r: return r[k][:10]
    return None


for t, cut in (('t1', '2024-10-15'), ('t2', '2025-06-01'), ('t3', '2026-01-20')):
    c = copy.deepcopy(full); c['id'] = full['id'] + '-' + t
    c['entry'] = [e for e in c['entry'] if not (dated(e['resource']) and dated(e['resource']) > cut)]
    save(c, 'Copy of s17k-17 holding only records dated on or before %s (as an export on that date would). '
            'Evaluate at --as-of %s and compare with the full bundle at the same date.' % (cut, cut))
