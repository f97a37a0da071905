# Sweep I (acceptance check of issue 10 on records shaped like real EHR exports, new shapes): two hospitals exporting
# the same doses under different ids, statement-only histories with partial dates, refractoriness resting on a
# progression dated to a month, an allogeneic transplant after relapse, partial or later death dates, one rich bundle
# replayed at three dates against hand-truncated copies, a "<15" eGFR, a remission code after a dated progression, AL
# amyloidosis therapy before myeloma, daratumumab SC coded by NDC in a referenced Medication, bispecific lines and a
# penta-refractory history.
# Run from the project root; writes qa-bundles/s16a-*.json with a story s16a-*.story.txt each.
# The helpers (class B, save, codes, regimens) come from ehr_bundle.py, shared by the acceptance generators.
import copy, json
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BI(B):
    PREFIX = 's16a-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-05T14:00:00Z'; return bd


def out(b, story): save(b.bundle(), story)


NDC = 'http://hl7.org/fhir/sid/ndc'
ELO = ('1726289', 'elotuzumab')  # named as well; the text carries the drug
SEL = (None, 'selinexor')


def mm(b, onset='2019-01-10', code=None): b.cond('mm', code or MM_ICD(), 'Multiple myeloma', onset)


def named(b, pre, text, start, dlist, n, clen=28, code=None):
    """Cycles of one drug known by its name only (no code), as many EHRs send antibodies."""
    for k in range(n):
        for d in dlist:
            day = days(start, k * clen + d); b.admin('%s-%s' % (pre, day), text, day, code)


def kd(b, start, n, pre='kd'):
    cycles(b, pre + '-cfz', 'carfilzomib 56 mg/m2 IV', CFZ, start, (0, 7, 14), n, 28)
    cycles(b, pre + '-dex', 'dexamethasone 40 mg PO', DEX, start, (0, 7, 14, 21), n, 28)


def vrd_asct_r(b, start='2019-01-21', pd=None, r_end=None):
    vrd(b, start)
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', days(start, 140), MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', days(start, 141))
    rmaint(b, days(start, 210), r_end, 'completed' if r_end else 'active')
    if pd: b.status('pd-1', pd)


# ---------------------------------------------------------------- 01 two hospitals, the same doses exported twice
b = BI('01-two-hospitals-duplicate-vrd-asct-r-pd-then-kd', '1957-03-11', 'male', 'Lindqvist', 'Anders')
mm(b, '2019-01-10')
vrd_asct_r(b, '2019-01-21', pd='2023-05-10', r_end='2023-05-15')
# hospital B (the referral centre) exported the induction and transplant again, with its own ids and a CPT code
for e in list(b.entry):
    r = e['resource']
    if r['resourceType'] == 'MedicationAdministration' and r['id'].startswith('vrd-btz'):
        r2 = copy.deepcopy(r); r2['id'] = 'hospB-' + r['id']
        r2['effectiveDateTime'] = r['effectiveDateTime'][:10] + 'T15:10:00+01:00'
        r2['medicationCodeableConcept'] = {'text': 'BORTEZOMIB 3.5 MG INJ'}
        r2['identifier'] = [{'system': 'https://hospital-b.example.org/mar', 'value': r2['id']}]
        b.add(r2)
b.proc('hospB-asct', ASCT_CPT, 'HPC autologous transplantation', '2019-06-11')
b.stmt('hospB-r', 'LENALIDOMIDE 10MG CAP', '2019-08-19', '2023-05-15', LEN)
kd(b, '2023-06-05', 10)
kd(b, '2023-06-05', 10, pre='hospB-kd')  # the Kd doses charted again by the referral centre, other ids
b.status('pd-2', '2026-09-12')
b.egfr('2026-10-20', 64)
out(b, '''
Man born 1957, treated at a community hospital and a referral centre whose exports are merged into one bundle: VRd x4
from 2019-01-21, melphalan 200 + ASCT 2019-06-11 (SNOMED at hospital A, CPT 38241 at hospital B), lenalidomide
maintenance to 2023-05-15 (two statements, one per hospital), PD 2023-05-10 on it; Kd from 2023-06-05 x10 cycles with
every carfilzomib and dexamethasone dose charted twice under different ids; bortezomib doses charted twice with hospital
B's text-only name; PD 2026-09-12 after Kd ended. A haematologist (clinical-evidence.md §1.1 LOT-B15, §1.2): 2 prior
lines, one transplant; lenalidomide refractory; carfilzomib: last dose 2024-03-..., PD 2026-09-12 off therapy, not
refractory. Duplicates must not add a line, a transplant or change the counts. US D-Kd/Isa-Kd 1-3 lines on label;
IV Isa-Pd/D-Pd >=2 on label.''')

# ---------------------------------------------------------------- 01b duplicate daratumumab records: admins at A, a statement at B
b = BI('01b-two-hospitals-drd-admins-and-statement-pd-on-drd', '1954-08-02', 'female', 'Okafor', 'Ngozi')
mm(b, '2023-02-01')
named(b, 'dara', 'daratumumab 1800 mg SC', '2023-02-13', (0, 7, 14, 21), 2)
named(b, 'dara-q2', 'daratumumab 1800 mg SC', '2023-04-10', (0, 14), 4)
named(b, 'dara-q4', 'daratumumab 1800 mg SC', '2023-08-07', (0,), 12)
b.stmt('len', 'lenalidomide 25 mg capsule d1-21', '2023-02-13', None, LEN, status='active')
b.stmt('hospB-dara', 'DARZALEX FASPRO (outside infusion centre)', '2023-02-13', '2024-06-17', DARA, status='completed')
b.status('pd-1', '2024-07-20')
b.stmt('len-end', 'lenalidomide 25 mg capsule d1-21 (stopped at progression)', '2023-02-13', '2024-07-22', LEN)
b.entry = [e for e in b.entry if e['resource']['id'] != 'len']
kd(b, '2024-08-05', 8)
b.status('pd-2', '2026-09-01')
b.egfr('2026-10-20', 58)
out(b, '''
Woman born 1954. D-Rd from 2023-02-13: daratumumab SC charted as administrations by the treating hospital (weekly,
two-weekly, then four-weekly to 2024-06-17) and as one completed statement 2023-02-13..2024-06-17 by an outside
infusion centre; PD 2024-07-20 (33 days after the last daratumumab, on lenalidomide); Kd from 2024-08-05, PD
2026-09-01. A haematologist (§1.2, 60-day rule): daratumumab- and lenalidomide-refractory, one daratumumab course;
2 prior lines; ANTI_CD38_REFRACTORY on every anti-CD38 option.''')

# ---------------------------------------------------------------- 02 statements only, partial dates
b = BI('02-statements-only-partial-dates-vrd-asct-r-pd-dpd', '1960-12-01', 'male', 'Brennan', 'Liam')
mm(b, '2021-02')
b.stmt('vrd-v', 'bortezomib (VRd induction)', '2021-03', '2021-07', BTZ)
b.stmt('vrd-r', 'lenalidomide (VRd induction)', '2021-03', '2021-07', LEN)
b.stmt('vrd-d', 'dexamethasone (VRd induction)', '2021-03', '2021-07', DEX)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2021-09')
b.stmt('r-maint', 'lenalidomide 10 mg maintenance', '2021-11', '2024-05', LEN)
b.status('pd-1', '2024-05-20')
b.stmt('dpd-d', 'daratumumab SC (D-Pd)', '2024-06', None, DARA, status='active')
b.stmt('dpd-p', 'pomalidomide 4 mg (D-Pd)', '2024-06', None, POM, status='active')
b.stmt('dpd-x', 'dexamethasone 40 mg weekly (D-Pd)', '2024-06', None, DEX, status='active')
b.status('pd-2', '2026-09-10')
b.egfr('2026-10-20', 70)
out(b, '''
Man born 1960, history transcribed from a referral letter into MedicationStatements with month-only periods: VRd
2021-03..2021-07, ASCT "2021-09", lenalidomide maintenance 2021-11..2024-05, PD 2024-05-20 (dated), D-Pd from
"2024-06" active, PD 2026-09-10. A haematologist (§1.1, §1.2): 2 prior lines; lenalidomide refractory whatever day of
May 2024 it ended (PD on 05-20 lies within 60 days of any day of the month, and may be on therapy); daratumumab and
pomalidomide refractory (PD on active therapy). 2024-06 is after the PD, so line 2 is certain.''')

# ---------------------------------------------------------------- 03 progression dated only to a month, straddling the 60-day edge
def kd_then_month_pd(name, pd_month, story):
    b = BI(name, '1956-06-30', 'female', 'Tanaka', 'Yuki')
    mm(b, '2019-01-10')
    vrd_asct_r(b, '2019-01-21', pd='2023-01-15', r_end='2023-01-20')
    kd(b, '2023-02-06', 31)  # carfilzomib last dose 2025-06-09
    b.status('pd-2', pd_month)
    cycles(b, 'pd-pom', 'pomalidomide 4 mg PO d1', POM, '2025-09-15', (0,), 10)
    cycles(b, 'pd-dex', 'dexamethasone 40 mg PO weekly', DEX, '2025-09-15', (0, 7, 14, 21), 10)
    b.status('pd-3', '2026-09-20')
    b.egfr('2026-10-20', 66)
    out(b, story)


kd_then_month_pd('03-kd-last-dose-june-pd-dated-august-only', '2025-08', '''
Woman born 1956. VRd-ASCT-R (PD 2023-01-15), Kd 2023-02-06 for 31 cycles (last carfilzomib 2025-06-09), a
disease-status Observation "progressive disease" dated only "2025-08", Pd from 2025-09-15, PD 2026-09-20. A
haematologist (§1.2 IMWG-C11, 60 days after the last carfilzomib = 2025-08-08; issue 10 bullet 3): the progression lies
between 2025-08-01 and 2025-08-31, so carfilzomib refractoriness is UNKNOWN with a gap naming the Observation; never
"not refractory" (which would call CANDOR/IKEMA "prior carfilzomib, not refractory" MET) nor a confident "refractory".''')
kd_then_month_pd('03b-kd-last-dose-june-pd-dated-july-only', '2025-07', '''
Near miss of 03: the progression is dated "2025-07": every day of July lies within 60 days of the last carfilzomib
(2025-06-09), so carfilzomib is refractory (§1.2 IMWG-C11) with no gap about the date.''')
kd_then_month_pd('03c-kd-last-dose-june-pd-dated-october-only', '2025-10', '''
Near miss of 03: the progression is dated "2025-10", wholly more than 60 days after the last carfilzomib
(2025-06-09): carfilzomib is not refractory (§1.2), with no gap about the date. But Pd started 2025-09-15, before
any day of October: the progression that ended Kd is not dated before Pd; the switch itself is relapse or intolerance.''')

# ---------------------------------------------------------------- 04 allogeneic transplant after relapse
b = BI('04-vrd-asct-r-pd-krd-then-allo-sct-pd', '1968-04-19', 'male', 'Novak', 'Tomas')
mm(b, '2019-01-10')
vrd_asct_r(b, '2019-01-21', pd='2022-11-03', r_end='2022-11-07')
kd(b, '2022-11-21', 4, pre='krd')
b.stmt('krd-len', 'lenalidomide 25 mg d1-21 (KRd)', '2022-11-21', '2023-02-26', LEN)
b.admin('flu-1', 'fludarabine 30 mg/m2 IV (conditioning)', '2023-04-03', FLU)
b.admin('flu-2', 'fludarabine 30 mg/m2 IV (conditioning)', '2023-04-04', FLU)
b.admin('mel140', 'melphalan 140 mg/m2 IV (reduced-intensity conditioning)', '2023-04-05', MEL)
b.proc('allo', ALLO_SCT + ALLO_CPT, 'Allogeneic stem cell transplant, matched unrelated donor', '2023-04-07')
b.status('cr', '2023-07-10', worse=False, text='Complete response (IMWG)')
b.status('pd-3', '2026-08-28')
b.egfr('2026-10-20', 80)
out(b, '''
Man born 1968. VRd, ASCT 2019-06-11, lenalidomide maintenance, PD 2022-11-03; KRd x4 reinduction from 2022-11-21,
fludarabine/melphalan 140 reduced-intensity conditioning and an allogeneic transplant from a matched unrelated donor
2023-04-07 (SNOMED allogeneic + CPT 38240), CR 2023-07, PD 2026-08-28 off therapy. A haematologist (§1.1 LOT-B15:
reinduction + planned transplant is one line): 2 prior lines; transplants: one autologous (line 1) and one allogeneic
(line 2), named by kind, never "ASCT" for the allograft. Lenalidomide refractory; carfilzomib last given 2023-02, not
refractory. (Post-allograft anti-CD38 use has its own risks not in the evidence file; the engine should not invent them.)''')

# ---------------------------------------------------------------- 05 death dates: partial, after asOf, boolean
def dead(name, story, **pkw):
    b = BI(name, '1945-02-02', 'male', 'Ferreira', 'Jose', **pkw)
    mm(b, '2022-01-10'); vrd(b, '2022-01-24', 6); rmaint(b, '2022-06-01')
    b.status('pd-1', '2026-06-10'); b.egfr('2026-06-01', 55)
    out(b, story)


dead('05-deceased-month-only-before-asof', '''
Man born 1945, VRd then lenalidomide, PD 2026-06-10; Patient.deceasedDateTime "2026-09" (month only, wholly before
--as-of 2026-11-01). Issue 10 bullet 9: refused with exit 3 and a message that he is recorded as deceased in 2026-09.''',
     deceasedDateTime='2026-09')
dead('05b-deceased-month-containing-asof', '''
The same patient, deceasedDateTime "2026-11" (the month that contains --as-of 2026-11-01). He may have died on or before
the evaluation date: refusing (exit 3) with "may have died" is the safe reading; assessing as if alive with no word is
wrong.''', deceasedDateTime='2026-11')
dead('05c-deceased-after-asof-replay', '''
The same patient, deceasedDateTime 2026-12-20 (after --as-of 2026-11-01): a replay of a past evaluation. He was alive
at the evaluation date: assessed normally (bullet 10: the later death is not read).''', deceasedDateTime='2026-12-20T08:00:00Z')
dead('05d-deceased-boolean-true', '''
The same patient with deceasedBoolean true and no date: refused (README "Bad input": no date, so no evaluation date can
be shown to precede it).''', deceasedBoolean=True)
dead('05e-deceased-year-only-2026', '''
The same patient with deceasedDateTime "2026" (year only; --as-of 2026-11-01 lies inside it): "may have died" refusal;
with --as-of 2027-01-05 a plain refusal; with --as-of 2025-12-01 assessed.''', deceasedDateTime='2026')


# ---------------------------------------------------------------- 06 one rich bundle, replayed at three dates, hand-truncated copies
def rich():
    b = BI('06-rich-replay-full', '1958-10-10', 'female', 'Duarte', 'Ines')
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-01-10', recordedDate='2021-01-12')
    b.cond('mm-rel', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2023-10-05',
           recordedDate='2023-10-10')
    vrd(b, '2021-01-25')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2021-06-14', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2021-06-15')
    b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2021-09-01', '2023-10-08', LEN)
    for d, v in (('2021-01-12', 3.1), ('2021-05-20', 0.4), ('2022-06-01', 0.0), ('2023-09-20', 0.9), ('2024-06-10', 0.2),
                 ('2025-01-02', 1.1), ('2025-08-01', 0.3), ('2026-09-15', 1.4)):
        b.mprot('mp-' + d, d, v)
    b.status('vgpr-1', '2022-06-01', worse=False)
    b.status('pd-1', '2023-10-05')
    kd(b, '2023-10-23', 15)
    b.status('pd-2', '2025-01-10')
    named(b, 'dpd-dara', 'daratumumab 1800 mg SC (D-Pd)', '2025-01-27', (0, 14), 6)
    named(b, 'dpd-dara4', 'daratumumab 1800 mg SC (D-Pd)', '2025-05-19', (0,), 18)
    b.stmt('dpd-pom', 'pomalidomide 4 mg capsule d1-21', '2025-01-27', None, POM, status='active')
    b.status('vgpr-2', '2025-08-01', worse=False)
    b.status('pd-3', '2026-09-20')
    b.add({'resourceType': 'AllergyIntolerance', 'id': 'allergy-cfz', 'patient': b.subj(), 'recordedDate': '2024-03-02',
           'onsetDateTime': '2024-03-01', 'code': {'text': 'carfilzomib', 'coding': [{'system': RX, 'code': CFZ[0], 'display': 'carfilzomib'}]},
           'clinicalStatus': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', 'code': 'active'}]},
           'reaction': [{'manifestation': [{'text': 'dyspnoea, infusion reaction grade 2'}]}]})
    for d, v in (('2021-01-12', 48), ('2023-10-01', 62), ('2025-01-20', 45), ('2026-10-20', 38)): b.egfr(d, v)
    LVEF(b, '2023-10-15', 58)
    return b


RICH_STORY = '''
Woman born 1958. Myeloma 2021-01 (C90.00), VRd x4, ASCT 2021-06-15, lenalidomide maintenance to 2023-10-08, PD
2023-10-05 (and C90.02 recorded 2023-10-10); Kd x15 from 2023-10-23, carfilzomib allergy (grade 2 infusion reaction)
recorded 2024-03-02, PD 2025-01-10; D-Pd from 2025-01-27 (daratumumab to 2026-09, pomalidomide active), VGPR 2025-08,
PD 2026-09-20; M-protein, eGFR (48, 62, 45, 38) and LVEF over time. At 2026-11-01 a haematologist (§1.1, §1.2): 3 prior
lines; refractory to lenalidomide, carfilzomib, daratumumab, pomalidomide. The replay copies (06-t1..t3) are this
record as an export on each date would hold it (issue 10 bullet 10): evaluating this bundle at that date must give the
same Assessment as the copy.'''
out(rich(), RICH_STORY)


def truncate(bd, cut, name, story):
    bd = copy.deepcopy(bd); bd['id'] = 's16a-' + name; keep = []
    for e in bd['entry']:
        r = e['resource']; t = r['resourceType']
        day = (r.get('effectiveDateTime') or r.get('performedDateTime') or r.get('onsetDateTime') or r.get('authoredOn')
               or (r.get('effectivePeriod') or {}).get('start') or r.get('recordedDate') or '')[:10]
        if t == 'Condition' and r.get('recordedDate', '') > cut: continue
        if day and day > cut: continue
        if t == 'MedicationStatement' and 'end' in r.get('effectivePeriod', {}) and r['effectivePeriod']['end'] > cut:
            del r['effectivePeriod']['end']; r['status'] = 'active'
        keep.append(e)
    bd['entry'] = keep; save(bd, story)


full = rich().bundle()
truncate(full, '2023-06-01', '06-t1-rich-replay-cut-2023-06-01', 'The 06 record as exported on 2023-06-01: VRd, ASCT, lenalidomide maintenance active, no progression yet. Evaluate with --as-of 2023-06-01: 1 prior line, in remission on maintenance, relapse not documented: RRMM regimens INSUFFICIENT_DATA (bullet 8).')
truncate(full, '2024-09-01', '06-t2-rich-replay-cut-2024-09-01', 'The 06 record as exported on 2024-09-01: line 2 Kd under way, the carfilzomib allergy recorded, PD 2023-10-05. Evaluate with --as-of 2024-09-01: 1 prior line completed, Kd current.')
truncate(full, '2025-12-01', '06-t3-rich-replay-cut-2025-12-01', 'The 06 record as exported on 2025-12-01: D-Pd under way in VGPR. Evaluate with --as-of 2025-12-01: 2 prior lines completed, D-Pd current, refractory to lenalidomide and carfilzomib; daratumumab/pomalidomide ongoing without progression.')

# ---------------------------------------------------------------- 07 eGFR "<15"
b = BI('07-egfr-less-than-15-comparator-rd-pd', '1949-05-05', 'female', 'Keller', 'Ruth')
mm(b, '2023-01-05')
named(b, 'vd-btz', 'bortezomib 1.3 mg/m2 SC', '2023-01-16', (0, 7, 14, 21), 6, 35)
b.stmt('rd-len', 'lenalidomide 5 mg capsule (renal dose)', '2023-08-01', None, LEN, status='active')
b.status('pd-1', '2026-09-01')
r = b.lab('egfr-lt15', '98979-8', 'eGFR CKD-EPI 2021', '2026-10-20', 15, 'mL/min/{1.73_m2}', 'mL/min/{1.73_m2}')
r['valueQuantity']['comparator'] = '<'
out(b, '''
Woman born 1949. Vd x6 from 2023-01-16, then lenalidomide 5 mg (renal dose) from 2023-08-01, PD on it 2026-09-01.
Her latest eGFR is reported as "<15 mL/min/1.73m2" (valueQuantity.comparator "<", value 15) on 2026-10-20. A
haematologist: eGFR below 15, stage 5 kidney function (not "15"); lenalidomide refractory, 2 prior lines; every
renal band that starts at 15 must read "<15", never the boundary band "15-29"; a regimen whose label or trial needs
eGFR/CrCl >= 15 or >= 30 is not met (or unknown), never met.''')

# ---------------------------------------------------------------- 08 C90.01 in remission recorded after a dated PD
b = BI('08-pd-dated-then-c90-01-in-remission-recorded-later', '1959-09-09', 'male', 'Osei', 'Kwame')
mm(b, '2020-03-01')
vrd_asct_r(b, '2020-03-16', pd='2026-05-12')
b.cond('mm-rem', MM_ICD('C90.01', 'Multiple myeloma in remission'), 'Multiple myeloma in remission', None,
       recordedDate='2026-08-30')
b.egfr('2026-10-20', 72)
out(b, '''
Man born 1959. VRd-ASCT-lenalidomide maintenance (active), progressive disease dated 2026-05-12 on maintenance, then a
problem-list Condition C90.01 "in remission" recorded 2026-08-30 (no onset, no new therapy). A haematologist: the dated
IMWG assessment is the primary evidence (§1.2); a later billing code "in remission" without any new therapy or response
assessment conflicts with it. The honest answer is relapse documented by the 2026-05-12 assessment with the conflicting
code named, or relapse undetermined with a gap; never "in remission, RRMM regimens withheld" silently, and never
ignoring the code without a word. Lenalidomide refractory, 1 prior line.''')

# ---------------------------------------------------------------- 08b remission code, lenalidomide maintenance by monthly dispenses, no PD
b = BI('08b-remission-code-r-maintenance-dispenses-no-pd', '1962-01-21', 'female', 'Marsh', 'Helen')
mm(b, '2021-04-01')
vrd_asct_r(b, '2021-04-19')
b.entry = [e for e in b.entry if e['resource']['id'] != 'r-maint']
for k in range(40):
    d = days('2021-11-15', 28 * k); b.disp('r-disp-%d' % k, 'lenalidomide 10 mg capsule, 21 days', d, 28, LEN)
b.cond('mm-rem', MM_ICD('C90.01', 'Multiple myeloma in remission'), 'Multiple myeloma in remission', '2022-01-10',
       recordedDate='2022-01-10')
b.status('cr', '2025-03-01', worse=False, text='Complete response (IMWG)')
b.egfr('2026-10-20', 75)
out(b, '''
Woman born 1962. VRd-ASCT, lenalidomide maintenance recorded only as 28-day MedicationDispenses from 2021-11-15 (the
last one 2024-09-..., then none), C90.01 "in remission", CR 2025-03-01, no progression anywhere. A haematologist
(§1.1, §1.2; issue 10 bullet 8): 1 prior line, previously treated but not relapsed; RRMM regimens are not options
(INSUFFICIENT_DATA or "relapse not documented"); lenalidomide not refractory. The dispenses stop in 2024-09 with no
record why: a therapy end, not a new line.''')

# ---------------------------------------------------------------- 09 AL amyloidosis therapy, then myeloma
b = BI('09-al-amyloidosis-dara-cybord-then-myeloma-krd-pd', '1955-11-11', 'male', 'Petrov', 'Ivan')
b.cond('al', [{'system': ICD, 'code': 'E85.81', 'display': 'Light chain (AL) amyloidosis'}], 'AL amyloidosis', '2021-02-01')
for pre, text, code, dl in (('al-dara', 'daratumumab 1800 mg SC', DARA, (0, 7, 14, 21)),
                            ('al-cy', 'cyclophosphamide 300 mg/m2 PO weekly', CY, (0, 7, 14, 21)),
                            ('al-btz', 'bortezomib 1.3 mg/m2 SC weekly', BTZ, (0, 7, 14, 21)),
                            ('al-dex', 'dexamethasone 40 mg weekly', DEX, (0, 7, 14, 21))):
    cycles(b, pre, text, code, '2021-02-22', dl, 6)
    for e in b.entry:
        if e['resource']['id'].startswith(pre + '-'): e['resource']['reasonReference'] = reason(b, 'al')
named(b, 'al-dara-m', 'daratumumab 1800 mg SC (AL maintenance)', '2021-08-09', (0,), 18, code=DARA)
for e in b.entry:
    if e['resource']['id'].startswith('al-dara-m'): e['resource']['reasonReference'] = reason(b, 'al')
mm(b, '2024-03-15')
kd(b, '2024-04-01', 12, pre='krd')
b.stmt('krd-len', 'lenalidomide 25 mg d1-21 (KRd)', '2024-04-01', '2025-03-02', LEN)
rmaint(b, '2025-03-17')
b.status('pd-1', '2026-08-25')
b.egfr('2026-10-20', 52)
out(b, '''
Man born 1955. AL amyloidosis (E85.81) 2021: Dara-CyBorD x6 from 2021-02-22 then daratumumab maintenance monthly to
2022-12, every dose with reasonReference to the AL Condition. Multiple myeloma diagnosed 2024-03-15: KRd x12, then
lenalidomide maintenance from 2025-03-17, PD on it 2026-08-25. A haematologist (issue 10 bullet 6; §1.1): 1 prior line
of myeloma therapy (KRd-R); the AL therapy is an exposure (anti-CD38 exposed, last dose 2022-12, not refractory: no
progression of myeloma on it), listed as other therapy with its reason, not a line. Lenalidomide refractory; CASTOR
("prior anti-CD38" excluded) undecided/failed; US labels by line count 1.''')

# ---------------------------------------------------------------- 10 daratumumab SC coded by NDC in a referenced Medication
b = BI('10-dara-sc-ndc-only-medication-reference-dpd-pd', '1951-07-17', 'female', 'Haas', 'Greta')
mm(b, '2020-01-10')
vrd_asct_r(b, '2020-01-20', pd='2024-02-10', r_end='2024-02-12')
b.add({'resourceType': 'Medication', 'id': 'med-faspro',
       'code': {'coding': [{'system': NDC, 'code': '57894-0503-01'}]}})
for k in range(43):
    d = days('2024-03-04', [0, 7, 14, 21, 28, 35, 42, 49][k] if k < 8 else 56 + (k - 8) * 14 if k < 16 else 168 + (k - 16) * 28)
    b.add({'resourceType': 'MedicationAdministration', 'id': 'dara-ndc-%d' % k, 'status': 'completed',
           'medicationReference': {'reference': b.url('med-faspro')}, 'subject': b.subj(),
           'effectiveDateTime': d + 'T10:00:00Z'})
b.stmt('dpd-pom', 'pomalidomide 4 mg d1-21', '2024-03-04', None, POM, status='active')
b.status('pd-2', '2026-09-05')
b.egfr('2026-10-20', 60)
out(b, '''
Woman born 1951. VRd-ASCT-R, PD 2024-02-10; D-Pd from 2024-03-04: the daratumumab doses are MedicationAdministrations
whose medicationReference points to a Medication resource coded only by NDC 57894-0503-01 (Darzalex Faspro, 4-4-2
dashes with a package) - no text, no RxNorm; pomalidomide as a statement (active); PD 2026-09-05 on D-Pd, last
daratumumab 2026-08-... A haematologist (§1.2): daratumumab- and pomalidomide-refractory, 2 prior lines;
ANTI_CD38_REFRACTORY on every anti-CD38 option (bullet 5: W1's fix must reach a referenced Medication too).''')

# ---------------------------------------------------------------- 11 penta-refractory, elranatamab line
b = BI('11-penta-refractory-five-lines-elranatamab-pd', '1953-03-03', 'male', 'Abubakar', 'Musa')
mm(b, '2017-01-05')
vrd_asct_r(b, '2017-01-16', pd='2020-03-02', r_end='2020-03-05')
named(b, 'dkd-dara', 'daratumumab 16 mg/kg IV', '2020-03-23', (0, 7, 14, 21), 2, code=DARA)
kd(b, '2020-03-23', 12, pre='dkd')
named(b, 'dkd-dara4', 'daratumumab 16 mg/kg IV', '2020-05-18', (0,), 10, code=DARA)
b.status('pd-2', '2021-03-01')
named(b, 'epd-elo', 'elotuzumab 10 mg/kg IV', '2021-03-15', (0, 14), 10, code=None)
b.stmt('epd-pom', 'pomalidomide 4 mg d1-21 (EPd)', '2021-03-15', '2021-12-20', POM)
b.status('pd-3', '2021-12-15')
named(b, 'svd-sel', 'selinexor 100 mg PO weekly (SVd)', '2022-01-05', (0, 7, 14, 21), 14, 35)
named(b, 'svd-btz', 'bortezomib 1.3 mg/m2 SC weekly (SVd)', '2022-01-05', (0, 7, 14, 21), 14, 35, code=BTZ)
b.status('pd-4', '2023-05-20')
named(b, 'elra', 'elranatamab 76 mg SC', '2023-06-05', (0, 7), 30, 14)
b.status('pd-5', '2024-09-02')
named(b, 'tal', 'talquetamab 0.8 mg/kg SC every 2 weeks (Talvey)', '2024-09-16', (0,), 50, 14)
b.status('pd-6', '2026-09-01')
b.egfr('2026-10-20', 55)
out(b, '''
Man born 1953. L1 VRd-ASCT-R (PD 2020-03-02 on R); L2 D-Kd (daratumumab IV, PD 2021-03-01 on it); L3 elotuzumab-Pd
(elotuzumab named only, PD 2021-12-15 on it); L4 selinexor-bortezomib-dex (SVd, PD 2023-05-20 on it); L5 elranatamab
(named only) from 2023-06-05, PD 2024-09-02 on it; L6 talquetamab (Talvey, named only) every 2 weeks from 2024-09-16 to
2026-08-03, PD 2026-09-01 on it. A haematologist (§1.1, §1.2, issue 10 bullet 5): 6 prior lines; refractory to
lenalidomide, carfilzomib, daratumumab, pomalidomide, elotuzumab, bortezomib, selinexor, elranatamab, talquetamab:
penta-refractory (2 PIs, 2 IMiDs, anti-CD38) and triple-class refractory; BCMA- and GPRC5D-bispecific exposed. US
D-Kd/Isa-Kd (1-3 lines) NOT on label; anti-CD38 refractory on every anti-CD38 option; D-mono on label only by count
(>=3 lines) but daratumumab-refractory.''')

# ---------------------------------------------------------------- 11b talquetamab as a stopped order with boundsDuration only
b = BI('11b-teclistamab-then-talquetamab-order-bounds-duration', '1950-10-10', 'female', 'Ruiz', 'Carmen')
mm(b, '2018-01-10')
vrd_asct_r(b, '2018-01-22', pd='2021-05-02', r_end='2021-05-04')
named(b, 'dpd-dara', 'daratumumab 1800 mg SC', '2021-05-24', (0, 7, 14, 21), 2, code=DARA)
named(b, 'dpd-dara4', 'daratumumab 1800 mg SC', '2021-07-19', (0,), 14, code=DARA)
b.stmt('dpd-pom', 'pomalidomide 4 mg d1-21', '2021-05-24', '2022-08-08', POM)
b.status('pd-2', '2022-08-01')
kd(b, '2022-08-22', 8)
b.status('pd-3', '2023-04-03')
named(b, 'tec', 'teclistamab 1.5 mg/kg SC weekly', '2023-04-17', (0,), 52, 7)
b.status('pd-4', '2024-04-10')
b.req('tal-req', 'talquetamab 0.4 mg/kg SC weekly', '2024-04-22', None, status='stopped',
      dosageInstruction=[{'text': '0.4 mg/kg SC weekly', 'timing': {'repeat': {'boundsDuration': {'value': 12, 'unit': 'mo', 'system': UCUM, 'code': 'mo'}, 'frequency': 1, 'period': 1, 'periodUnit': 'wk'}}}])
named(b, 'tal', 'talquetamab 0.4 mg/kg SC', '2024-04-22', (0,), 20, 7)
b.status('pd-5', '2026-09-15')
b.egfr('2026-10-20', 61)
out(b, '''
Woman born 1950. L1 VRd-ASCT-R (PD 2021-05-02); L2 D-Pd (PD 2022-08-01 on it); L3 Kd (PD 2023-04-03 on it); L4
teclistamab weekly (PD 2024-04-10 on it); L5 talquetamab from 2024-04-22: a stopped order with boundsDuration 12 months
and 20 weekly administrations charted (last 2024-09-02); PD 2026-09-15. A haematologist (§1.1, §1.2): 5 prior lines;
talquetamab last given 2024-09-02 (the order's 12 months is a plan, and the order was stopped), not refractory to a PD
two years later; triple-class refractory (len, cfz, dara, pom), BCMA bispecific refractory.''')

# ---------------------------------------------------------------- 12 quadruplet first line -> triple-class exposed after 1 line
b = BI('12-dvrd-asct-dr-maintenance-pd-triple-class-after-one-line', '1963-06-06', 'female', 'Nowak', 'Anna')
mm(b, '2022-01-05')
vrd(b, '2022-01-17', 4)
named(b, 'd-ind', 'daratumumab 1800 mg SC (D-VRd)', '2022-01-17', (0, 7, 14), 4, 21, code=DARA)
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2022-06-06', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2022-06-07')
named(b, 'd-maint', 'daratumumab 1800 mg SC (D-R maintenance)', '2022-08-15', (0,), 25, 56, code=DARA)
rmaint(b, '2022-08-15')
b.status('pd-1', '2026-08-15')
b.egfr('2026-10-20', 81)
out(b, '''
Woman born 1963. D-VRd x4 (PERSEUS-style), ASCT 2022-06-07, daratumumab + lenalidomide maintenance (daratumumab every
8 weeks to 2026-06), PD 2026-08-15 on maintenance. A haematologist (§1.1, §1.2): 1 prior line; refractory to
lenalidomide and daratumumab (PD within 60 days of the last dose); triple-class exposed (PI, IMiD, anti-CD38) after one
line, not triple-class refractory (bortezomib last 2022-04); ANTI_CD38_REFRACTORY on every anti-CD38 option; US D-Kd/Isa-Kd
on label by count but anti-CD38 refractory; no IV Isa-Pd/D-Pd (>=2 lines).''')

# ---------------------------------------------------------------- 13 replay leak: records after asOf of every kind
b = BI('13-ndmm-on-vrd-later-records-of-every-kind-after-asof', '1961-02-14', 'male', 'Quinn', 'Declan')
mm(b, '2026-08-20')
vrd(b, '2026-09-07', 6)
b.cond('mm-rel', MM_ICD('C90.02', 'Multiple myeloma in relapse'), 'Multiple myeloma in relapse', '2027-01-05',
       recordedDate='2027-01-06')
b.add({'resourceType': 'AllergyIntolerance', 'id': 'allergy-dara', 'patient': b.subj(), 'recordedDate': '2027-02-01',
       'code': {'text': 'daratumumab'}, 'reaction': [{'manifestation': [{'text': 'anaphylaxis'}]}]})
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2027-02-10')
b.req('kd-req', 'carfilzomib 56 mg/m2 IV', '2026-12-02', CFZ, status='active')
b.status('pd-x', '2026-11-20')
b.lab('egfr-later', '98979-8', 'eGFR CKD-EPI 2021', '2026-12-01', 12, 'mL/min/{1.73_m2}', 'mL/min/{1.73_m2}')
b.egfr('2026-10-20', 78)
out(b, '''
Man born 1961, newly diagnosed 2026-08-20, on VRd from 2026-09-07 at --as-of 2026-11-01. The export was taken in 2027
and holds later records: PD 2026-11-20, a carfilzomib order 2026-12-02, eGFR 12 on 2026-12-01, C90.02 relapse onset
2027-01-05, a daratumumab anaphylaxis recorded 2027-02-01, an ASCT 2027-02-10. A haematologist replaying 2026-11-01
(issue 10 bullet 10): none of these existed then: newly diagnosed, on first-line VRd, eGFR 78, no allergy, no relapse.
Compare with --as-of 2027-03-01, where they all count.''')

# ---------------------------------------------------------------- 14 lenalidomide end given as a month, PD at the 60-day edge
def r_end_month(name, pd, story):
    b = BI(name, '1957-12-12', 'female', 'Sato', 'Emi')
    mm(b, '2020-01-10'); vrd(b, '2020-01-20', 6)
    b.stmt('rd', 'lenalidomide 10 mg daily (continuous Rd)', '2020-06-01', '2026-08', LEN)
    b.status('pd-1', pd); b.egfr('2026-10-20', 70)
    out(b, story)


r_end_month('14-r-ended-august-month-only-pd-oct-10', '2026-10-10', '''
Woman born 1957. VRd x6 then lenalidomide continuous from 2020-06-01 to "2026-08" (month only), PD 2026-10-10. The
last dose lies between 2026-08-01 and 08-31; 60 days from it reaches 2026-09-30 .. 2026-10-30: the progression may or may
not fall in it. A haematologist (§1.2, issue 10 bullet 3): lenalidomide refractoriness UNKNOWN with a gap naming the
statement; never "not refractory" and never a confident "refractory"; relapse documented, 1 prior line.''')
r_end_month('14b-r-ended-august-month-only-pd-sep-15', '2026-09-15', '''
Near miss of 14: PD 2026-09-15 lies within 60 days of every day of August 2026: lenalidomide refractory, no date gap.''')

# ---------------------------------------------------------------- 15 MedicationStatement with year-only start, asserted, between two dated lines
b = BI('15-two-hospitals-kd-at-b-as-statement-year-only-overlapping-admins', '1958-08-08', 'male', 'Iqbal', 'Tariq')
mm(b, '2019-01-10')
vrd_asct_r(b, '2019-01-21', pd='2023-05-10', r_end='2023-05-15')
kd(b, '2023-06-05', 10)
b.stmt('hospB-kd-c', 'carfilzomib (Kd) - outside hospital', '2023', '2024', CFZ, dateAsserted='2025-02-01')
b.stmt('hospB-kd-d', 'dexamethasone (Kd) - outside hospital', '2023', '2024', DEX, dateAsserted='2025-02-01')
b.status('pd-2', '2026-09-12')
b.egfr('2026-10-20', 64)
out(b, '''
The 01 patient's shape, but hospital B's copy of Kd is a pair of MedicationStatements with year-only periods
"2023".."2024" (asserted 2025-02-01) beside hospital A's dated Kd administrations 2023-06-05..2024-03. A haematologist:
the statements describe the same Kd (same drugs, overlapping period): 2 prior lines; the year-only end ("2024") is
later than the charted last dose but no later progression falls near it (PD 2026-09-12): carfilzomib not refractory
whatever day of 2024 it stopped? No: 2024-12-31 + 60 d = 2025-03-01 < 2026-09-12, so not refractory either way. Any
third line, or a refractoriness gap, would be wrong.''')

truncate(json.load(open(O + 's16a-13-ndmm-on-vrd-later-records-of-every-kind-after-asof.json')), '2026-11-01', '13b-ndmm-on-vrd-cut-2026-11-01', """
The 13 record as an export on 2026-11-01 would hold it (the later PD, order, eGFR, relapse code, allergy and ASCT
removed): evaluating 13 and 13b with --as-of 2026-11-01 must give the same Assessment (bullet 10).""")

# ---------------------------------------------------------------- 04b allogeneic transplant known by its text only, no induction recorded (transferred in)
b = BI('04b-transferred-in-allo-by-text-generic-hsct-code-no-induction-pd-pd', '1966-01-15', 'female', 'Varga', 'Eszter')
mm(b, '2020-05-01')
b.proc('allo', HSCT, 'Allo-SCT (matched sibling donor), performed at outside centre', '2021-02-10')
b.status('pd-1', '2024-03-05')
named(b, 'pd-pom', 'pomalidomide 4 mg PO d1', '2024-03-25', (0,), 30, 28, code=POM)
named(b, 'pd-dex', 'dexamethasone 40 mg PO weekly', '2024-03-25', (0, 7, 14, 21), 30, 28, code=DEX)
b.status('pd-2', '2026-08-30')
b.egfr('2026-10-20', 77)
out(b, '''
Woman born 1966, transferred in: myeloma 2020, an allogeneic transplant from a matched sibling 2021-02-10 at an outside
centre, recorded as a Procedure with the generic SNOMED code 234336002 "Hemopoietic stem cell transplant" and the text
"Allo-SCT (matched sibling donor)"; no induction or conditioning recorded. PD 2024-03-05, Pd from 2024-03-25, PD on it
2026-08-30. A haematologist (issue 10 bullet 7; §1.1): the transplant is allogeneic (the text says so) and the history
before it is missing: PRIOR_THERAPY_UNKNOWN, naive/not-refractory criteria (lenalidomide, bortezomib, carfilzomib,
anti-CD38) UNKNOWN, at least 2 prior lines; pomalidomide refractory. Never "autologous"/"ASCT", never "lenalidomide-naive"
MET.''')

# ---------------------------------------------------------------- 11c elranatamab coded by NDC only
b = BI('11c-elranatamab-ndc-only-after-three-lines-pd-on-it', '1955-04-04', 'male', 'Lund', 'Erik')
mm(b, '2018-01-10')
vrd_asct_r(b, '2018-01-22', pd='2021-05-02', r_end='2021-05-04')
named(b, 'dpd-dara', 'daratumumab 1800 mg SC', '2021-05-24', (0, 7, 14, 21), 2, code=DARA)
named(b, 'dpd-dara4', 'daratumumab 1800 mg SC', '2021-07-19', (0,), 14, code=DARA)
b.stmt('dpd-pom', 'pomalidomide 4 mg d1-21', '2021-05-24', '2022-08-08', POM)
b.status('pd-2', '2022-08-01')
kd(b, '2022-08-22', 8)
b.status('pd-3', '2023-04-03')
for k in range(100):
    d = days('2023-04-17', 7 * k if k < 24 else 168 + 14 * (k - 24))
    b.add({'resourceType': 'MedicationAdministration', 'id': 'elra-ndc-%d' % k, 'status': 'completed',
           'medicationCodeableConcept': {'coding': [{'system': NDC, 'code': '0069-4494-01'}]},
           'subject': b.subj(), 'effectiveDateTime': d + 'T10:00:00Z'})
b.status('pd-4', '2026-09-10')
b.egfr('2026-10-20', 61)
out(b, '''
Man born 1955. L1 VRd-ASCT-R (PD 2021-05-02); L2 D-Pd (PD 2022-08-01 on it); L3 Kd (PD 2023-04-03 on it); L4
elranatamab from 2023-04-17, weekly then every 2 weeks to 2026-08-17, each dose a MedicationAdministration coded only by
NDC 0069-4494-01 (Elrexfio 44 mg vial), no text; PD 2026-09-10 on it. A haematologist (bullet 5): 4 prior lines,
elranatamab (BCMA bispecific) refractory, triple-class refractory (lenalidomide, carfilzomib, daratumumab, pomalidomide).
A dropped elranatamab line would make him "3 prior lines" with US D-Kd/Isa-Kd on label: wrong.''')

# ---------------------------------------------------------------- 05f death on the evaluation date, late evening local time
dead('05f-deceased-evening-of-asof-local-time', '''
The 05 patient with deceasedDateTime "2026-11-01T23:30:00-05:00": he died on the evaluation day by local time (the
instant is 2026-11-02 in UTC). Bullet 9: deceased on or before --as-of 2026-11-01: refused with exit 3.''',
     deceasedDateTime='2026-11-01T23:30:00-05:00')

# ---------------------------------------------------------------- 03d the 03c record with the progression dated to its day, three weeks into Pd
kd_then_month_pd('03d-kd-then-pd-progression-day-dated-3-weeks-into-pd-pd-continued', '2025-10-05', '''
The 03c record with the progression dated 2025-10-05: three weeks after Pd started (2025-09-15; pomalidomide charted on
day 1 of each 28-day cycle, dexamethasone weekly), and Pd went on unchanged, cycle 2 on 2025-10-13 and monthly to
2026-05, PD again 2026-09-20. A haematologist (§1.1 LOT-B15: a line ends when all its drugs are stopped; the same
regimen continued at its usual cycle after a progression is no new line; CDS-POLICY-CONTINUE-AFTER-PD): 3 prior lines
(VRd-ASCT-R, Kd, Pd); pomalidomide refractory; US D-Kd/Isa-Kd (1-3 prior lines) on label. 4 lines would be wrong.''')
