# Session 2026-12-04/05 night, helper "names" (branch s11-names): drug and transplant names the catalogue did not read
# (FINDINGS sweep A T1 leftovers and the general hole, sweep B R8). Run from the project root; writes qa-bundles/s11n-*.json
# and NAME.story.txt (what was changed, what the right answer is). Base: fhir-samples/rrmm-isa-pd-candidate (3 lines,
# progression 2026-09-12 on IRd; ISA_PD ELIGIBLE 90).
import json, copy
S='fhir-samples/'; O='qa-bundles/'
CPT='http://www.ama-assn.org/go/cpt'
def load(n): return json.load(open(S+n+'.json'))
def res(b,i): return next(e['resource'] for e in b['entry'] if e['resource']['id']==i)
def pid(b): return next(e['resource']['id'] for e in b['entry'] if e['resource']['resourceType']=='Patient')
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:s11n-'+r['id'],'resource':r})
def stmt(b,i,text,start,end,**kw):
    r={'resourceType':'MedicationStatement','id':i,'status':'completed','subject':{'reference':'Patient/'+pid(b)},
       'medicationCodeableConcept':{'text':text},'effectivePeriod':{'start':start,'end':end}}
    r.update(kw); add(b,r); return r
def save(b,name,story):
    b['id']='s11n-'+name
    json.dump(b,open(O+'s11n-'+name+'.json','w'),indent=1)
    open(O+'s11n-'+name+'.story.txt','w').write(story.strip()+'\n')
    print('s11n-'+name)

# 1. An unlisted proteasome inhibitor (-zomib) as a 4th line: possible anti-myeloma therapy (CDS-POLICY-NAMES-INN-STEM).
b=load('rrmm-isa-pd-candidate')
stmt(b,'line4-oprozomib','oprozomib 240 mg PO','2026-09-20','2026-10-20')
stmt(b,'line4-dex','dexamethasone 20 mg','2026-09-20','2026-10-20')
save(b,'inn-stem-oprozomib-line4','''
rrmm-isa-pd-candidate + a 4th line after the last progression: MedicationStatement text "oprozomib 240 mg PO" (an oral
proteasome inhibitor the catalogue does not list; INN stem -zomib) with dexamethasone, 2026-09-20..2026-10-20.
Right (CDS-POLICY-NAMES-INN-STEM): not silently "not anti-myeloma therapy": THERAPY_UNCLASSIFIED (GAP-THERAPY-50) naming
'oprozomib 240 mg PO'; line count 3 or 4, last line and naive/not-refractory criteria UNKNOWN; ISA_KD/DARA_KD not
line-eligible with confidence; ISA_PD not ELIGIBLE 90 on ICARIA.''')

# 2. Near miss: adalimumab (an antibody of another target, -li-) during line 3, no reason: nothing changes.
b=load('rrmm-isa-pd-candidate')
stmt(b,'ada','adalimumab 40 mg SC every 2 weeks','2025-03-01','2026-06-30')
save(b,'inn-stem-near-miss-adalimumab','''
rrmm-isa-pd-candidate + adalimumab 40 mg SC (text only, no reason) 2025-03..2026-06, during line 3. Adalimumab's INN
carries the -li- (immunomodulating) target infix, not a tumour one: it is not read as possible myeloma therapy.
Right: the sample's answer (3 lines, ISA_PD ELIGIBLE 90), adalimumab listed in findings.unrecognised, no gap.''')

# 3. Rituximab with a lymphoma reasonReference: other therapy by its stated reason (FINDINGS sweep A lower severity).
b=load('rrmm-isa-pd-candidate')
add(b,{'resourceType':'Condition','id':'fl-1','subject':{'reference':'Patient/'+pid(b)},
       'clinicalStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-clinical','code':'active'}]},
       'verificationStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-ver-status','code':'confirmed'}]},
       'code':{'coding':[{'system':'http://hl7.org/fhir/sid/icd-10-cm','code':'C82.90','display':'Follicular lymphoma, unspecified, unspecified site'}]},
       'onsetDateTime':'2025-01-15'})
stmt(b,'r-mono','rituximab 375 mg/m2 IV weekly x4','2025-02-03','2025-02-24',reasonReference=[{'reference':'Condition/fl-1'}])
save(b,'rituximab-lymphoma-reasonreference','''
rrmm-isa-pd-candidate + a follicular lymphoma (C82.90, 2025-01-15) and rituximab monotherapy (text only) with
reasonReference to it, 2025-02-03..02-24, during line 3. Rituximab carries the -tu- tumour infix, so without a reason it
would be possible myeloma therapy; its stated reason makes it other therapy (CDS-POLICY-OTHER-THERAPY).
Right: otherTherapy STATED_REASON for rituximab, the sample's answer (3 lines, ISA_PD ELIGIBLE 90), no gap.''')

# 4. The ASCT coded only by CPT 38241 (autologous), no CarePlan: recognised with its kind (sweep B R8).
b=load('rrmm-isa-pd-candidate')
p=res(b,'asct-1'); p['code']={'coding':[{'system':CPT,'code':'38241','display':'Hematopoietic progenitor cell (HPC); autologous transplantation'}]}
p.pop('basedOn',None)
save(b,'tx-auto-cpt-38241','''
rrmm-isa-pd-candidate with its ASCT Procedure coded only by CPT 38241 (HPC autologous transplantation), no text, no
CarePlan. Right: line 1 includes an AUTOLOGOUS transplant (as the sample), 3 lines, the sample's answer.''')

# 5. Near miss: CPT 38206 (autologous HPC harvest) is no transplant.
b=load('rrmm-isa-pd-candidate')
add(b,{'resourceType':'Procedure','id':'harvest-1','status':'completed','subject':{'reference':'Patient/'+pid(b)},
       'code':{'coding':[{'system':CPT,'code':'38206','display':'Blood-derived hematopoietic progenitor cell harvesting for transplantation, per collection; autologous'}]},
       'performedDateTime':'2019-06-20'})
save(b,'tx-near-miss-cpt-38206-harvest','''
rrmm-isa-pd-candidate + a stem-cell harvest (CPT 38206) on 2019-06-20, before the ASCT. A harvest is no transplant.
Right: the sample's answer; line 1 holds one AUTOLOGOUS transplant (2019-07-16), not two.''')
