# Session 2026-12-05, helper "unnamed" (branch s12-unnamed): a named drug the catalogue does not know, with no
# antineoplastic INN stem (FINDINGS sweep C A3, issue 10 bullet 5). Run from the project root; writes
# qa-bundles/s12u-*.json and NAME.story.txt. Base: qa-bundles/s11a-s2-belrapzo-line3-of-4 (L1 VRd, L2 Pd, L3 six
# cycles of bendamustine as "BELRAPZO 100 mg/m2 IV infusion" between progressions 2023-01-09 and 2023-08-21, L4 Kd).
# ZORVEXA is an invented brand: no drug carries that name, so no catalogue can know it.
import json, copy
O='qa-bundles/'
UCUM='http://unitsofmeasure.org'
def load(): return json.load(open(O+'s11a-s2-belrapzo-line3-of-4.json'))
def pid(b): return next(e['resource']['id'] for e in b['entry'] if e['resource']['resourceType']=='Patient')
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:s12u-'+r['id'],'resource':r})
def line3(b): return [e['resource'] for e in b['entry'] if e['resource']['id'].startswith('l3-belrapzo-')]
def rename(b,text,**kw):
    for r in line3(b):
        r['medicationCodeableConcept']={'text':text}
        r.update(copy.deepcopy(kw))
def stmt(b,i,text,start,end,**kw):
    r={'resourceType':'MedicationStatement','id':i,'status':'completed','subject':{'reference':'Patient/'+pid(b)},
       'medicationCodeableConcept':{'text':text},'effectivePeriod':{'start':start,'end':end}}
    r.update(kw); add(b,r); return r
def save(b,name,story):
    b['id']='s12u-'+name
    json.dump(b,open(O+'s12u-'+name+'.json','w'),indent=1)
    open(O+'s12u-'+name+'.story.txt','w').write(story.strip()+'\n')
    print('s12u-'+name)
MM={'reasonReference':[{'reference':'Condition/mm'}]}

# 1. The A3 reproduction with a brand no catalogue can know, dosed by body-surface area in its name.
b=load(); rename(b,'ZORVEXA 100 mg/m2 IV infusion')
save(b,'zorvexa-bsa-text-line3-of-4','''
s11a-s2-belrapzo-line3-of-4 with line 3 (12 MedicationAdministrations, text only) renamed "ZORVEXA 100 mg/m2 IV
infusion", an invented brand. Dosed per m2 of body-surface area: a possible cytotoxic (CDS-POLICY-UNNAMED-BSA-DOSE).
Right: THERAPY_UNCLASSIFIED naming 'ZORVEXA 100 mg/m2 IV infusion' (GAP-THERAPY-70); 3 lines counted, a 4th possible:
US ISA_KD/DARA_KD (1-3 lines) not ELIGIBLE with confidence.''')

# 2. The same, the BSA unit only in the dose quantity (UCUM mg/m2), the name bare.
b=load(); rename(b,'ZORVEXA',dosage={'route':{'text':'IV'},'dose':{'value':100,'unit':'mg/m2','system':UCUM,'code':'mg/m2'}})
save(b,'zorvexa-bsa-dose-quantity-line3-of-4','''
As zorvexa-bsa-text-line3-of-4, but the medication text is "ZORVEXA" and the dose is dosage.dose 100 mg/m2 (UCUM).
Right: the same gap (GAP-THERAPY-70), naming 'ZORVEXA'.''')

# 3. No BSA dose, but the stated reason is the myeloma itself (reasonReference Condition/mm).
b=load(); rename(b,'ZORVEXA 180 mg IV infusion',**MM)
save(b,'zorvexa-myeloma-reason-line3-of-4','''
As zorvexa-bsa-text-line3-of-4, text "ZORVEXA 180 mg IV infusion" (no BSA unit), each administration with
reasonReference Condition/mm (the multiple myeloma). ZORVEXA is in no list of supportive drugs given to myeloma
patients: possible anti-myeloma therapy (CDS-POLICY-UNNAMED-MYELOMA-REASON). Right: THERAPY_UNCLASSIFIED naming it
(GAP-THERAPY-71); ISA_KD/DARA_KD not ELIGIBLE with confidence.''')

# 4. Near miss: no signal. The name alone, no BSA unit, no reason: unchanged behaviour (listed, no gap).
b=load(); rename(b,'ZORVEXA 180 mg IV infusion')
save(b,'near-miss-zorvexa-no-signal','''
As zorvexa-myeloma-reason-line3-of-4 without the reason: a named drug the catalogue does not know, no INN stem, no
BSA dose, no stated reason. Right (unchanged, CDS-POLICY-UNIDENTIFIED-MEDICATION): listed in findings.unrecognised,
no THERAPY_UNCLASSIFIED gap; 3 lines. (The line can still vanish: that is the stated limit of the policy.)''')

# 5. Near miss: supportive drugs named by brand or INN with the myeloma as their stated reason, during line 4.
b=load(); rename(b,'ZORVEXA 180 mg IV infusion')
stmt(b,'zol','Zometa 4 mg IV every 4 weeks','2023-09-11','2026-09-01',**MM)
stmt(b,'acv','aciclovir 400 mg PO twice daily','2023-09-11','2026-09-01',reasonCode=[{'coding':[{'system':'http://hl7.org/fhir/sid/icd-10-cm','code':'C90.02','display':'Multiple myeloma in relapse'}]}])
stmt(b,'ond','Zofran 8 mg PO before carfilzomib','2023-09-11','2024-03-01',**MM)
stmt(b,'apap','Acetaminophen 325 MG Oral Tablet','2023-09-11','2026-09-01',**MM)
stmt(b,'xgeva','Xgeva 120 mg SC every 4 weeks','2024-03-01','2026-09-01',**MM)
save(b,'near-miss-supportive-myeloma-reason','''
As near-miss-zorvexa-no-signal plus supportive drugs named only by brand or INN, each with the myeloma as stated reason
(reasonReference Condition/mm, aciclovir by reasonCode C90.02): Zometa (zoledronic acid), aciclovir, Zofran
(ondansetron), acetaminophen (paracetamol), Xgeva (denosumab). All are in medication-names-supportive-myeloma-care.
Right: no THERAPY_UNCLASSIFIED gap, the same answer as near-miss-zorvexa-no-signal; all listed in findings.unrecognised.''')
