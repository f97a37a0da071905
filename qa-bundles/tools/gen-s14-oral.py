# Session 2026-12-05 (s14), helper "oral" (branch s14-oral): issue 10 bullet 5, FINDINGS E5 (busulfan vanishes) and the
# A3 remainder (an uncatalogued drug given by mouth). Run from the project root; writes qa-bundles/s14o-*.json and
# NAME.story.txt. Bases: qa-bundles/s13a-09-vrd-auto-then-planned-allo-flu-bu-r-pd (VRd, mel200-ASCT, planned Flu-Bu
# allo, R maintenance, PD 2026-06-10) and qa-bundles/s11a-s2-belrapzo-line3-of-4 (L1 VRd, L2 Pd, L3 six cycles of
# bendamustine as 12 administrations between progressions 2023-01-09 and 2023-08-21, L4 Kd from 2023-09-11, PD
# 2026-09-14). ZORVEXA is an invented brand (no catalogue can know it); CC-92480 is the development code BMS used for
# mezigdomide (written here only as a code-shaped name the catalogue lacks).
import json, copy
O='qa-bundles/'
def load(n): return json.load(open(O+n+'.json'))
def subject(b): return {'reference':b['entry'][0]['fullUrl']}
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:s14o-'+r['id'],'resource':r})
def drop(b,pred): b['entry']=[e for e in b['entry'] if not pred(e['resource'])]
def admin(b,i,text,when):
    add(b,{'resourceType':'MedicationAdministration','id':i,'status':'completed','subject':subject(b),
           'medicationCodeableConcept':{'text':text},'effectiveDateTime':when+'T09:30:00-05:00'})
def statement(b,i,text,start,end,dosage=None,status='completed'):
    r={'resourceType':'MedicationStatement','id':i,'status':status,'subject':subject(b),
       'medicationCodeableConcept':{'text':text},'effectivePeriod':{'start':start,'end':end}}
    if dosage: r['dosage']=[{'text':dosage,'route':{'text':'oral'}}]
    add(b,r)
def save(b,name,story):
    b['id']='s14o-'+name
    json.dump(b,open(O+'s14o-'+name+'.json','w'),indent=1)
    open(O+'s14o-'+name+'.story.txt','w').write(story.strip()+'\n')
    print('s14o-'+name)
def oral_line3(b,text,dosage):
    """Line 3 of the belrapzo base as six monthly MedicationStatements of an oral drug, one per 28-day cycle."""
    starts=[r['effectiveDateTime'][:10] for r in (e['resource'] for e in b['entry']) if r['id'].startswith('l3-belrapzo-')][::2]
    drop(b,lambda r: r['id'].startswith('l3-belrapzo-'))
    import datetime
    for i,s in enumerate(starts):
        e=(datetime.date.fromisoformat(s)+datetime.timedelta(days=20)).isoformat()
        statement(b,'l3-oral-c%d'%(i+1),text,s,e,dosage)

# --- E5: busulfan ---------------------------------------------------------------------------------------------------
# 1. Bu-Mel conditioning recorded without its melphalan: busulfan alone, four days before the ASCT; no allo.
b=load('s13a-09-vrd-auto-then-planned-allo-flu-bu-r-pd')
drop(b,lambda r: r['id'].startswith('allo') or r['id']=='auto-mel')
for i,d in enumerate(['2023-01-26','2023-01-27','2023-01-28','2023-01-29']):
    admin(b,'auto-bu-%d'%i,'Busulfex (busulfan) 3.2 mg/kg IV',d)
save(b,'01-vrd-busulfan-conditioning-asct-r-pd','''
s13a-09 without the allogeneic transplant and without the melphalan record: VRd x4, then "Busulfex (busulfan)
3.2 mg/kg IV" on 2023-01-26..29 (four MedicationAdministrations, dosed per kg), autologous SCT 2023-01-31, R
maintenance 2023-09..2026-06, PD on R 2026-06-10 (FINDINGS E5: Bu-Mel conditioning recorded without the melphalan).
Before: busulfan read only as an unlisted drug given by infusion (GAP-THERAPY-72, THERAPY_UNCLASSIFIED naming it,
decisions undecided). Right: busulfan catalogued (alkylator, RxNorm 1828 / Busulfex 284676, ATC L01AB01) and read as
the transplant's conditioning (CDS-POLICY-ORAL-CONDITIONING, named in the line's reason): 1 prior line with
BUSULFAN among its drugs, lenalidomide refractory, no THERAPY_UNCLASSIFIED gap (a THERAPY_GAP names the 213 days
between the ASCT and the maintenance, which the removed allo had filled: a property of this bundle).''')

# 2. Oral busulfan (Myleran tablets) after the progression, no transplant: an alkylator line, not nothing.
b=load('s13a-09-vrd-auto-then-planned-allo-flu-bu-r-pd')
statement(b,'myleran','Myleran 2 mg tablet','2026-06-20','2026-09-30','4 mg by mouth once daily')
save(b,'02-myleran-tablets-after-pd','''
s13a-09 unchanged (1 line: VRd, tandem auto-allo with Flu-Bu conditioning, R maintenance; PD on R 2026-06-10) plus a
MedicationStatement "Myleran 2 mg tablet", 4 mg by mouth daily, 2026-06-20..2026-09-30, no reason, no transplant
after it. Before: an oral name the catalogue lacked, no signal: listed only, 1 line, D-Pd/D-Vd offered with the
line count and refractoriness of one line. Right: busulfan (Myleran) is a catalogued alkylator: line 2 opens after
the progression; 2 prior lines, and since nothing after line 2 shows relapse the RRMM regimens are INSUFFICIENT_DATA
(RELAPSE_NOT_DOCUMENTED), not offered on a 1-line reading.''')

# --- A3 remainder: an uncatalogued drug by mouth ----------------------------------------------------------------------
# 3. Line 3 as an invented oral brand taken on days 1-21 of 28-day cycles (the dosage says the cycle).
b=load('s11a-s2-belrapzo-line3-of-4')
oral_line3(b,'ZORVEXA 4 mg capsule','4 mg by mouth once daily on days 1-21 of each 28-day cycle')
save(b,'03-zorvexa-oral-cyclic-line3-of-4','''
s11a-s2-belrapzo-line3-of-4 with line 3 (between progressions 2023-01-09 and 2023-08-21) recorded as six
MedicationStatements "ZORVEXA 4 mg capsule", dosage "4 mg by mouth once daily on days 1-21 of each 28-day cycle",
route text oral, no code, no reason. No INN stem, no dose per m2, no myeloma reason, not given by infusion or
injection. Before: listed only, 3 lines, US ISA_KD/DARA_KD (1-3 prior lines) ELIGIBLE_WITH_CAUTIONS 50, no gap.
Right: a drug taken on a regimen's cyclic schedule after the myeloma diagnosis, recognised as no other kind of drug,
may be anti-myeloma therapy (CDS-POLICY-ORAL-REGIMEN): THERAPY_UNCLASSIFIED naming 'ZORVEXA 4 mg capsule'
(GAP-THERAPY-81); ISA_KD/DARA_KD INSUFFICIENT_DATA.''')

# 4. The same by a development code, dosed daily (an investigational product).
b=load('s11a-s2-belrapzo-line3-of-4')
oral_line3(b,'CC-92480 1 mg capsule','1 mg by mouth once daily')
save(b,'04-development-code-oral-line3-of-4','''
As s14o-03, but line 3 is "CC-92480 1 mg capsule" taken daily (no cyclic words): a name shaped as a sponsor's
development code (letters, hyphen, digits), as investigational products are recorded before they have an INN. Before:
listed only, 3 lines, ISA_KD/DARA_KD ELIGIBLE_WITH_CAUTIONS 50. Right: an investigational product after the myeloma
diagnosis may be anti-myeloma therapy (CDS-POLICY-ORAL-REGIMEN): THERAPY_UNCLASSIFIED naming it (GAP-THERAPY-81);
ISA_KD/DARA_KD INSUFFICIENT_DATA.''')

# 5. Near miss: the same invented oral brand, taken daily with no cyclic schedule and no trial word.
b=load('s11a-s2-belrapzo-line3-of-4')
oral_line3(b,'ZORVEXA 4 mg capsule','4 mg by mouth once daily')
save(b,'05-near-miss-zorvexa-oral-daily','''
As s14o-03, but the dosage says only "4 mg by mouth once daily": no cyclic schedule, no trial word, no development
code. Its words say nothing (most non-cancer drugs a record names are oral and taken daily), but its timing does: first
recorded 28 days after the progression of 2023-01-09 with no other therapy started then, it has the timing of the next
line (CDS-POLICY-ORAL-AFTER-PROGRESSION, added later): THERAPY_UNCLASSIFIED naming it (GAP-THERAPY-94), ISA_KD/DARA_KD
INSUFFICIENT_DATA. Before that policy: listed only, no gap, 3 lines, ISA_KD/DARA_KD ELIGIBLE_WITH_CAUTIONS 50.''')

# 6. Near miss (false alarms): common oral non-cancer drugs of a myeloma record, some with schedules tied to the cycles.
b=load('s11a-s2-belrapzo-line3-of-4')
for i,(t,dose) in enumerate([
        ('aciclovir 400 mg tablet','400 mg by mouth twice daily throughout each cycle'),
        ('co-trimoxazole 960 mg tablet','960 mg by mouth on Mondays, Wednesdays and Fridays'),
        ('allopurinol 300 mg tablet','300 mg by mouth daily on days 1-7 of cycle 1'),
        ('omeprazole 20 mg capsule','20 mg by mouth once daily'),
        ('aspirin 75 mg tablet','75 mg by mouth daily with each cycle of lenalidomide'),
        ('apixaban 2.5 mg tablet','2.5 mg by mouth twice daily'),
        ('colecalciferol 800 unit tablet','800 units by mouth daily'),
        ('calcium carbonate 1.25 g chewable tablet','1 tablet by mouth twice daily'),
        ('ondansetron 8 mg tablet','8 mg by mouth on days 1-3 of each cycle'),
        ('oxycodone 5 mg capsule','5 mg by mouth every 4 hours when required'),
        ('senna 7.5 mg tablet','15 mg by mouth at night during each cycle'),
        ('macrogol (PEG-3350) 17 g powder','17 g by mouth daily')]):
    statement(b,'supp-%d'%i,t,'2023-09-11','2024-03-01',dose)
save(b,'06-near-miss-oral-supportive-with-cycles','''
s11a-s2-belrapzo-line3-of-4 unchanged (4 lines) plus twelve oral non-cancer drugs during line 4 (2023-09..2024-03),
none catalogued, several with schedules that name the cycles ("on days 1-7 of cycle 1", "on days 1-3 of each
cycle", "during each cycle") and one with a code-shaped name (PEG-3350): aciclovir, co-trimoxazole, allopurinol,
omeprazole, aspirin, apixaban (supportive drugs, medication-supportive-myeloma-care), colecalciferol, calcium
carbonate, senna, macrogol (recognised as no antineoplastic, medication-non-antineoplastic: ATC A11CC, A12AA,
A06AB, A06AD), ondansetron, oxycodone (supportive). Right: no THERAPY_UNCLASSIFIED gap; 4 lines, ISA_KD/DARA_KD
NOT_ELIGIBLE (4 prior lines, label 1-3) as the base bundle; all listed in findings.unrecognised.''')

# --- The safe-direction false alarm of GAP-THERAPY-72: brands of non-cancer hospital drugs given by injection ----------
b=load('s11a-s2-belrapzo-line3-of-4')
for i,t in [('humulin','Humulin R 4 units SC'),('novolin','Novolin R 6 units SC'),('udenyca','Udenyca 6 mg SC'),
            ('fylnetra','Fylnetra 6 mg SC'),('neupogen','Neupogen 480 mcg SC'),('lovenox','Lovenox 40 mg SC')]:
    admin(b,'brand-'+i,t,'2024-05-08')
save(b,'07-near-miss-injected-hospital-brands','''
s11a-s2-belrapzo-line3-of-4 unchanged (4 lines) plus six MedicationAdministrations on 2024-05-08, during line 4, of
non-cancer drugs by brand: Humulin R and Novolin R (human insulin, DailyMed labels), Udenyca and Fylnetra
(pegfilgrastim biosimilars, US prescribing information), Neupogen (filgrastim) and Lovenox (enoxaparin). Before:
Humulin, Novolin, Udenyca and Fylnetra raised THERAPY_UNCLASSIFIED through GAP-THERAPY-72 (a false alarm in the safe
direction). Right: all recognised (medication-non-antineoplastic, medication-supportive-myeloma-care): no gap; 4
lines, ISA_KD/DARA_KD NOT_ELIGIBLE as the base bundle.''')
