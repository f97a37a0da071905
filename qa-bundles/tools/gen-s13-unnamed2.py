# Session 2026-12-05 (s13), helper "unnamed2" (branch s13-unnamed2): a named drug the catalogue does not know, with no
# antineoplastic INN stem, no dose per m2 and no stated reason, given by infusion or injection (FINDINGS sweep C A3
# remainder, issue 10 bullet 5; policy CDS-POLICY-UNNAMED2-PARENTERAL, GAP-THERAPY-72). Run from the project root;
# writes qa-bundles/s13u-*.json and NAME.story.txt. Base: qa-bundles/s11a-s2-belrapzo-line3-of-4 (myeloma diagnosed
# 2019-01-14; L1 VRd, L2 Pd, L3 six cycles of bendamustine as "BELRAPZO 100 mg/m2 IV infusion", 12
# MedicationAdministrations between progressions 2023-01-09 and 2023-08-21, L4 Kd from 2023-09-11, PD 2026-09-14).
# ZORVEXA is an invented brand: no drug carries that name, so no catalogue can know it.
import json, copy
O='qa-bundles/'
UCUM='http://unitsofmeasure.org'
SCT='http://snomed.info/sct'
ATC='http://www.whocc.no/atc'
def load(): return json.load(open(O+'s11a-s2-belrapzo-line3-of-4.json'))
def subject(b): return {'reference':b['entry'][0]['fullUrl']}
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:s13u-'+r['id'],'resource':r})
def line3(b): return [e['resource'] for e in b['entry'] if e['resource']['id'].startswith('l3-belrapzo-')]
def rename(b,text,**kw):
    for r in line3(b):
        r['medicationCodeableConcept']={'text':text}
        r.update(copy.deepcopy(kw))
def admin(b,i,concept,when,**kw):
    r={'resourceType':'MedicationAdministration','id':i,'status':'completed','subject':subject(b),
       'medicationCodeableConcept':concept,'effectiveDateTime':when}
    r.update(kw); add(b,r); return r
def save(b,name,story):
    b['id']='s13u-'+name
    json.dump(b,open(O+'s13u-'+name+'.json','w'),indent=1)
    open(O+'s13u-'+name+'.story.txt','w').write(story.strip()+'\n')
    print('s13u-'+name)

# 1. The A3 remainder: line 3 as a brand dosed flat, no stem, no per-m2 dose, no reason, 12 administrations.
b=load(); rename(b,'ZORVEXA 180 mg')
save(b,'zorvexa-flat-admin-line3-of-4','''
s11a-s2-belrapzo-line3-of-4 with line 3 (12 MedicationAdministrations, d1-2 q28 x6, text only) renamed "ZORVEXA
180 mg", an invented brand dosed flat: no INN stem, no dose per m2, no stated reason, no route word. Given as
administrations after the myeloma diagnosis and recognised as no other kind of drug: possible anti-myeloma therapy
(CDS-POLICY-UNNAMED2-PARENTERAL). Right: THERAPY_UNCLASSIFIED naming 'ZORVEXA 180 mg' (GAP-THERAPY-72); 3 lines
counted, a 4th possible: US ISA_KD/DARA_KD (1-3 lines) INSUFFICIENT_DATA, not ELIGIBLE with confidence.''')

# 2. The same brand dosed per kg, recorded as MedicationStatements with a coded intravenous route (SNOMED 47625008).
b=load()
for r in line3(b):
    r['resourceType']='MedicationStatement'; r['medicationCodeableConcept']={'text':'ZORVEXA'}
    r['effectivePeriod']={'start':r.pop('effectiveDateTime')[:10]}; r['effectivePeriod']['end']=r['effectivePeriod']['start']
    r['dosage']=[{'route':{'coding':[{'system':SCT,'code':'47625008','display':'Intravenous route'}]},
                  'doseAndRate':[{'doseQuantity':{'value':16,'unit':'mg/kg','system':UCUM,'code':'mg/kg'}}]}]
save(b,'zorvexa-per-kg-statement-iv-line3-of-4','''
As zorvexa-flat-admin-line3-of-4, but line 3 is 12 MedicationStatements "ZORVEXA", dose 16 mg/kg (UCUM), dosage
route SNOMED 47625008 (intravenous). Right: the same gap (GAP-THERAPY-72) naming 'ZORVEXA'; ISA_KD/DARA_KD
INSUFFICIENT_DATA.''')

# 3. Near miss: line 3 stays catalogued (Belrapzo = bendamustine, 4 lines); during line 4 a hospital stay gives drugs
#    recognised as no antineoplastic by name (RxNorm displays as Synthea writes them) or by an ATC code outside L.
b=load()
admin(b,'cefazolin',{'coding':[{'system':'http://www.nlm.nih.gov/research/umls/rxnorm','code':'1665060','display':'cefazolin 2000 MG Injection'}],'text':'cefazolin 2000 MG Injection'},'2024-05-06T08:00:00-05:00')
admin(b,'propofol',{'text':'100 ML Propofol 10 MG/ML Injection'},'2024-05-06T08:10:00-05:00')
admin(b,'rocuronium',{'text':'Rocuronium bromide 10 MG/ML Injectable Solution'},'2024-05-06T08:12:00-05:00')
admin(b,'rocephin',{'coding':[{'system':ATC,'code':'J01DD04'}],'text':'Rocephin 1 g IV'},'2024-05-07T09:00:00-05:00')
admin(b,'insulin',{'text':'insulin, regular, human 4 units SC'},'2024-05-07T12:00:00-05:00')
save(b,'near-miss-recognised-non-antineoplastic','''
s11a-s2-belrapzo-line3-of-4 unchanged (4 lines: Belrapzo is catalogued bendamustine) plus a hospital stay during line 4
(2024-05-06/07): MedicationAdministrations of cefazolin (RxNorm 1665060 as a Synthea record writes it), propofol, rocuronium (text as Synthea
writes it), "Rocephin 1 g IV" (a brand the name list lacks, coded ATC J01DD04, ceftriaxone: group J, outside L) and
"insulin, regular, human 4 units SC". None is catalogued; all are recognised as no antineoplastic
(CDS-POLICY-UNNAMED2-NON-ANTINEOPLASTIC). Right: no THERAPY_UNCLASSIFIED gap, 4 lines, ISA_KD/DARA_KD NOT_ELIGIBLE
(4 prior lines, label 1-3), the answer of the base bundle; all listed in findings.unrecognised.''')

# 4. An uncatalogued drug given by injection before the myeloma diagnosis (2019-01-14): no line, listed.
b=load()
for i,d in enumerate(['2016-03-07','2016-03-14','2016-03-21','2016-03-28']):
    admin(b,'zorvexa-2016-%d'%(i+1),{'text':'ZORVEXA 180 mg'},d+'T09:00:00-05:00')
save(b,'zorvexa-before-diagnosis','''
s11a-s2-belrapzo-line3-of-4 unchanged (4 lines) plus four weekly MedicationAdministrations of "ZORVEXA 180 mg" in
March 2016, three years before the myeloma diagnosis (2019-01-14), no stated reason. Given and ended before the
first myeloma or precursor diagnosis: not myeloma therapy (CDS-POLICY-UNNAMED2-PARENTERAL). Right: no line, no
THERAPY_UNCLASSIFIED gap, 4 lines as the base bundle; listed in findings.unrecognised as given before the diagnosis.''')
