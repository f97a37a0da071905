# Three open remainders of qa-bundles/FINDINGS.md: H2 (an isolated cyclophosphamide dose more than 180 days after a
# line stopped), A3 (an uncatalogued oral drug taken daily, read by its timing against the timeline) and J6 (other
# therapy under a brand and a generic name). One bundle for each hit and one per near miss.
# Run from the project root; writes qa-bundles/s17g-*.json with a story s17g-*.story.txt each.
# The helpers (class B, save, codes, regimens) come from ehr_bundle.py, shared by the acceptance generators.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BG(B):
    def bundle(s):
        bd = super().bundle(); bd['id'] = 's17g-' + s.name; bd['timestamp'] = '2026-12-05T17:00:00Z'; return bd


def out(b, story): save(b.bundle(), story)


APH = [{'system': SCT, 'code': '127788007', 'display': 'Apheresis (procedure)'}]


def mm(b, onset='2022-12-20'): b.cond('mm', MM_ICD(), 'Multiple myeloma', onset)


# ================================================================ H2: an isolated cyclophosphamide dose beyond 180 days
def vrd_then(b, name_story):
    mm(b); vrd(b)  # VRd x4 2023-01-09 .. 2023-03-27


CY_DAY = '2023-11-20'  # 238 days after VRd's last records (2023-03-27)

b = BG('h2-01-vrd-then-lone-cy-238-days-later-r-resumed-pd', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
b.admin('cy-nov', 'cyclophosphamide 1000 mg IV', CY_DAY, CY)
rmaint(b, '2023-12-15')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
VRd x4 2023-01-09..03-27, no progression. A single cyclophosphamide 1000 mg IV on 2023-11-20 (238 days after the
last VRd record) with no words, no G-CSF, no apheresis, no transplant after it and no stated reason; lenalidomide
10 mg from 2023-12-15 (active), PD on it 2026-08-20. A haematologist: one isolated dose of an alkylator with no
partner, no cycle and no reason is no regimen to count with confidence: it may be a mobilisation for a collection not
charted, therapy of another condition, or a line. Expected: 1 to 2 prior lines with PRIOR_THERAPY_UNKNOWN naming the
dose and asking its purpose (CDS-POLICY-ISOLATED-ALKYLATOR-DOSE); lenalidomide refractory. Wrong: a confident second
line "lenalidomide, cyclophosphamide" with no gap.''')

b = BG('h2-01b-vrd-then-lone-cy-238-days-later-nothing-after-pd', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
b.admin('cy-nov', 'cyclophosphamide 1000 mg IV', CY_DAY, CY)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
VRd x4 2023-01-09..03-27, no progression, then a single cyclophosphamide 1000 mg IV on 2023-11-20 (238 days later)
with no words, no G-CSF, no apheresis, no transplant and no stated reason, nothing after it; PD off therapy
2026-08-20. A haematologist: the dose may be an uncharted mobilisation, therapy of another condition or a line; the
record does not say. Expected 1 to 2 prior lines, PRIOR_THERAPY_UNKNOWN naming the dose and asking its purpose
(CDS-POLICY-ISOLATED-ALKYLATOR-DOSE). Wrong: a confident second line "cyclophosphamide" with no gap.''')

b = BG('h2-02-near-miss-cybord-238-days-later', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
cycles(b, 'cybord-cy', 'cyclophosphamide 300 mg/m2 PO weekly', CY, CY_DAY, (0, 7, 14, 21), 4, 28)
cycles(b, 'cybord-btz', 'bortezomib 1.5 mg/m2 SC weekly', BTZ, CY_DAY, (0, 7, 14, 21), 4, 28)
cycles(b, 'cybord-dex', 'dexamethasone 40 mg PO weekly', DEX, CY_DAY, (0, 7, 14, 21), 4, 28)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
Near miss of h2-01: VRd x4 2023-01-09..03-27, then CyBorD (weekly cyclophosphamide, bortezomib, dexamethasone) x4
cycles from 2023-11-20, PD 2026-08-20. A haematologist: a different regimen started after all drugs of line 1
stopped, on a cycle with a partner drug: line 2 (LOT-B15). Expected 2 prior lines, no range.''')

b = BG('h2-03-near-miss-cy-weekly-alone-238-days-later', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
b.admins('cy-weekly', 'cyclophosphamide 500 mg PO weekly', CY_DAY, 7, 12, CY)
b.admins('dex-weekly', 'dexamethasone 20 mg PO weekly', CY_DAY, 7, 12, DEX)
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
Near miss of h2-01: VRd x4, then weekly oral cyclophosphamide 500 mg with dexamethasone, 12 doses from 2023-11-20
(Cy-dex, a low-intensity regimen). A haematologist: repeated doses on a schedule are a regimen: line 2. Expected 2
prior lines with no range (the isolated-dose policy is for a lone dose with no cycle).''')

b = BG('h2-04-near-miss-cy-then-asct-30-days-later', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
b.admin('cy-nov', 'cyclophosphamide 2 g/m2 IV', CY_DAY, CY)
b.admin('mel200', 'melphalan 200 mg/m2 IV', days(CY_DAY, 29), MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', days(CY_DAY, 30))
rmaint(b, '2024-03-01')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
Near miss of h2-01: the same lone cyclophosphamide (2 g/m2, no words) 238 days after VRd, followed 30 days later by
melphalan 200 and an autologous transplant, lenalidomide maintenance from 2024-03-01, PD 2026-08-20. A haematologist:
the dose is the transplant's mobilisation (CDS-POLICY-MOBILISATION). The transplant 8 months after induction with no
progression between is a delayed transplant: how the engine counts it is the transplant windows' business, not the
isolated-dose policy's; expected: as before the change (no PRIOR_THERAPY_UNKNOWN naming the dose).''')

b = BG('h2-05-near-miss-cy-then-apheresis', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
b.admin('cy-nov', 'cyclophosphamide 2 g/m2 IV', CY_DAY, CY)
b.proc('apheresis', APH, 'Peripheral blood stem cell apheresis - 6.0 x10^6 CD34+/kg, cryopreserved', days(CY_DAY, 11))
rmaint(b, '2023-12-15')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
Near miss of h2-01: the lone cyclophosphamide 238 days after VRd is followed 11 days later by a stem-cell apheresis
(cells cryopreserved), then lenalidomide. A haematologist: the chart says it was a mobilisation, a step of line 1
(CDS-POLICY-MOBILISATION-STEP): 1 prior line, no range, as before the change.''')

b = BG('h2-06-near-miss-cy-with-myeloma-reason', '1956-03-11', 'male', 'Lindqvist', 'Anders')
mm(b); vrd(b)
b.admin('cy-nov', 'cyclophosphamide 1000 mg IV', CY_DAY, CY, reasonReference=reason(b, 'mm'))
rmaint(b, '2023-12-15')
b.status('pd-1', '2026-08-20')
b.egfr('2026-10-20', 70)
out(b, '''
Near miss of h2-01: the lone cyclophosphamide dose 238 days after VRd carries reasonReference to the myeloma. The
record states its purpose (myeloma therapy): a new regimen after all drugs stopped (LOT-B15), line 2, as before the
change (no isolated-dose range).''')


# ================================================================ A3: an uncatalogued oral drug read by its timing
def a3_base(b, name='NEXAVOR 20 mg tablet', start='2024-02-05', months=8, extra=None):
    """VRd-ASCT-R (PD on R 2023-06-01), Pd (PD 2024-01-22), then an uncatalogued drug by mouth once daily, PD 2026-09-01."""
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2021-02-01')
    vrd(b, '2021-02-15')
    b.admin('mel200', 'melphalan 200 mg/m2 IV', '2021-07-05', MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', '2021-07-06')
    b.stmt('r-maint', 'lenalidomide 10 mg capsule', '2021-09-01', '2023-06-05', LEN)
    b.status('pd-1', '2023-06-01')
    b.stmt('pd-pom', 'pomalidomide 4 mg capsule', '2023-06-19', '2024-01-25', POM)
    b.stmt('pd-dex', 'dexamethasone 40 mg tablet weekly', '2023-06-19', '2024-01-25', DEX)
    b.status('pd-2', '2024-01-22')
    if name:
        for k in range(months):
            a = days(start, 28 * k)
            b.stmt('oral-%d' % (k + 1), name, a, days(a, 27), dosage=[{'text': '20 mg by mouth once daily'}])
    b.status('pd-3', '2026-09-01')
    b.egfr('2026-10-20', 68)


b = BG('a3-01-unlisted-oral-daily-from-14-days-after-pd-nothing-else', '1957-08-19', 'female', 'Okafor', 'Grace')
a3_base(b)
out(b, '''
VRd, ASCT, lenalidomide maintenance (PD 2023-06-01); Pd (PD 2024-01-22); then from 2024-02-05, 14 days after that
progression and with nothing else started, eight monthly MedicationStatements "NEXAVOR 20 mg tablet", "20 mg by mouth
once daily" (a name the catalogue does not list, no code, no reason); PD 2026-09-01. A haematologist: a drug started
two weeks after a progression, with no other therapy then, is the timing of the next line (a new oral agent, perhaps
in a trial under a code the catalogue lacks): it may be line 3. Expected: THERAPY_UNCLASSIFIED naming NEXAVOR
(GAP-THERAPY-94, CDS-POLICY-ORAL-AFTER-PROGRESSION) and the decisions the count changes undecided. Wrong: a confident
"2 prior lines" with the drug only listed.''')

b = BG('a3-02-near-miss-unlisted-oral-daily-beside-a-new-regimen', '1957-08-19', 'female', 'Okafor', 'Grace')
a3_base(b)
cycles(b, 'kd-cfz', 'carfilzomib 56 mg/m2 IV', CFZ, '2024-02-12', (0, 7, 14), 8, 28)
out(b, '''
Near miss of a3-01: the same NEXAVOR taken once daily from 2024-02-05, but carfilzomib (Kd) started a week later,
2024-02-12. A haematologist: the next line is Kd; an unknown tablet started beside it is most likely its supportive
care. Expected: no THERAPY_UNCLASSIFIED for NEXAVOR (listed only); 3 prior lines with Kd.''')

b = BG('a3-03-near-miss-unlisted-oral-daily-started-before-pd', '1957-08-19', 'female', 'Okafor', 'Grace')
a3_base(b, start='2023-09-04', months=14)
out(b, '''
Near miss of a3-01: NEXAVOR taken once daily from 2023-09-04, during Pd and five months before the 2024-01-22
progression, refilled monthly through and after it. A haematologist: a drug taken long before the progression and
going on unchanged is no next line (a chronic drug the catalogue does not name). Expected: no gap, listed only,
2 prior lines.''')

b = BG('a3-04-near-miss-unlisted-oral-daily-45-days-after-pd', '1957-08-19', 'female', 'Okafor', 'Grace')
a3_base(b, start='2024-03-07')
out(b, '''
Near miss of a3-01: NEXAVOR first recorded on 2024-03-07, 45 days after the 2024-01-22 progression (beyond the 30 days
in which the line deriver joins a drug to a regimen's start). Expected under CDS-POLICY-ORAL-AFTER-PROGRESSION: no
gap, listed only (a known limit: a next line started more than 30 days after the progression is not read by timing).''')

b = BG('a3-05-near-miss-ordinary-oral-drugs-after-pd', '1957-08-19', 'female', 'Okafor', 'Grace')
a3_base(b, name=None)
for i, t in enumerate(['amlodipine 5 mg tablet', 'omeprazole 20 mg capsule', 'allopurinol 300 mg tablet',
                       'aciclovir 400 mg tablet', 'metformin 500 mg tablet', 'atorvastatin 40 mg tablet']):
    b.stmt('ordinary-%d' % i, t, '2024-02-05', '2024-09-30', dosage=[{'text': 'by mouth once daily'}])
out(b, '''
Near miss of a3-01: instead of NEXAVOR, six ordinary oral drugs (amlodipine, omeprazole, allopurinol, aciclovir,
metformin, atorvastatin) first recorded 14 days after the 2024-01-22 progression with nothing else started. They are
supportive drugs or recognised as no antineoplastic: no gap, 2 prior lines.''')


# ================================================================ J6: other therapy under brand and generic names
PTX_IN = '56946'   # RxNorm ingredient paclitaxel
TZ_IN = '224905'   # RxNorm ingredient trastuzumab


def coded(text, code):
    """The way many EHR exports write a medication: the ingredient's RxNorm code with no display, the chart's words as text."""
    return {'coding': [{'system': RX, 'code': code}], 'text': text} if code else {'text': text}


def j6(name, taxol_code, story):
    b = BG(name, '1962-02-20', 'female', 'Jensen', 'Birgit')
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2022-01-10')
    b.cond('bc', [{'system': ICD, 'code': 'C50.911', 'display': 'Malignant neoplasm of unspecified site of right female breast'}],
           'Breast cancer, HER2 positive', '2024-02-01')
    vrd(b, '2022-01-24', 4)
    rmaint(b, '2022-05-01')
    for k in range(12):
        t, c = (('paclitaxel 80 mg/m2 IV weekly', PTX_IN), ('PACLitaxel 144 mg in NaCl 250 mL IV', PTX_IN),
                ('Taxol 80 mg/m2', taxol_code))[k % 3]
        r = b.admin('ptx-%d' % k, t, days('2024-03-04', 7 * k), reasonReference=reason(b, 'bc'))
        r['medicationCodeableConcept'] = coded(t, c)
    for k in range(6):
        t, c = (('Herceptin 6 mg/kg IV', TZ_IN), ('trastuzumab 420 mg IV', TZ_IN),
                ('TRASTUZUMAB-ANNS (Kanjinti) 6 mg/kg', None))[k % 3]
        r = b.admin('tz-%d' % k, t, days('2024-03-04', 21 * k), reasonReference=reason(b, 'bc'))
        r['medicationCodeableConcept'] = coded(t, c)
    b.status('pd-1', '2026-09-01')
    b.egfr('2026-10-20', 70); LVEF(b, '2026-10-15', 55)
    out(b, story)


j6('j6-01-other-therapy-brand-and-generic-share-rxnorm-ingredient', PTX_IN, '''
s16j-10b (VRd then lenalidomide for myeloma; weekly paclitaxel x12 and trastuzumab x6 for HER2-positive breast cancer,
each dose with reasonReference to it) with the codes an EHR export carries: every paclitaxel dose, "Taxol 80 mg/m2"
included, coded with the RxNorm ingredient paclitaxel (56946), "Herceptin" and "trastuzumab" doses with the ingredient
trastuzumab (224905), no display; the biosimilar "TRASTUZUMAB-ANNS (Kanjinti)" by text only. A haematologist: two
courses, paclitaxel and trastuzumab. Expected: paclitaxel one entry (Taxol among its recorded names), Herceptin and
trastuzumab one entry; Kanjinti apart (its record carries no code, and RxNorm files trastuzumab-anns as an ingredient of
its own). 1 prior line, lenalidomide refractory, as before.''')

j6('j6-02-near-miss-brand-with-no-code-stays-apart', None, '''
Near miss of j6-01: "Taxol 80 mg/m2" carries no code (text only). Nothing in the record ties the brand to paclitaxel
(the catalogue does not list either), so Taxol stays an entry of its own; paclitaxel and its dose wordings are one
entry, Herceptin and trastuzumab one entry (shared ingredient code).''')
