# Session 11, helper "window" (sweep-a T4/T5, sweep-b R7): therapy joining a line only by the post-transplant window.
# Run from the worktree root; writes qa-bundles/s11w-*.json with a story in s11w-*.story.txt.
# Base fhir-samples/rrmm-one-prior-line (VRd 2023-01-23..04, melphalan 2023-05-22, ASCT 2023-05-23, lenalidomide
# maintenance 2023-08-01..2026-09-20 under CarePlan careplan-line1 (basedOn), progression 2026-09-15; 1 line).
import json
S='fhir-samples/'; O='qa-bundles/'
RX='http://www.nlm.nih.gov/research/umls/rxnorm'; ICD='http://hl7.org/fhir/sid/icd-10-cm'
PLAN='urn:uuid:53909009-d618-51ad-b4c8-29bbca9d7da6'
def load(n): return json.load(open(S+n+'.json'))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:s11w-'+r['id'],'resource':r}); return r
def save(b,n,story):
    b['id']='s11w-'+n
    json.dump(b,open(O+'s11w-'+n+'.json','w'),indent=1)
    open(O+'s11w-'+n+'.story.txt','w').write(story.strip()+'\n')
def med(code,name): return {'coding':[{'system':RX,'code':code,'display':name}],'text':name}
CFZ=('1302966','carfilzomib'); BOR=('358258','bortezomib')
def stmt(b,i,cc,start,end,plan=False):
    r={'resourceType':'MedicationStatement','id':i,'status':'completed','medicationCodeableConcept':cc,
       'subject':{'reference':'Patient/pt-oneline'},'effectivePeriod':{'start':start,'end':end}}
    if plan: r['basedOn']=[{'reference':PLAN}]
    return add(b,r)
def relapse_code(b,i,onset):
    return add(b,{'resourceType':'Condition','id':i,'subject':{'reference':'Patient/pt-oneline'},
        'clinicalStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-clinical','code':'active'}]},
        'verificationStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-ver-status','code':'confirmed'}]},
        'code':{'coding':[{'system':ICD,'code':'C90.02','display':'Multiple myeloma in relapse'}],'text':'Multiple myeloma in relapse'},
        'onsetDateTime':onset})
BASE='rrmm-one-prior-line'
STORY='Base fhir-samples/rrmm-one-prior-line (VRd induction 2023-01/04, ASCT 2023-05-23, lenalidomide maintenance from 2023-08-01 under the line CarePlan, progression 2026-09-15; 1 line). '

b=load(BASE); stmt(b,'cons-cfz',med(*CFZ),'2023-08-01','2024-01-31')
save(b,'t4-carfilzomib-day70-no-plan',STORY+'Carfilzomib (never given in line 1) 2023-08-01..2024-01-31, day +70 after the ASCT, with no plan link; no relapse recorded before it. Right (LOT-B15: unplanned addition/substitution is a new line; CDS-POLICY-WINDOW-NEW-DRUG): joins line 1 by the 180-day window, but the count is 1 to 2 (consolidation or salvage): PRIOR_THERAPY_UNKNOWN names MedicationStatement/cons-cfz, ICARIA/APOLLO UNKNOWN, US Isa-Pd/D-Pd prior-lines MET with "1 to 2 prior lines ... whether IV ... is on label is undecided", setting "after 1 to 2 prior lines of therapy, 1 as placed".')
b=load(BASE); stmt(b,'cons-cfz',med(*CFZ),'2023-08-01','2024-01-31',plan=True)
save(b,'t4-carfilzomib-day70-careplan',STORY+'Near miss of s11w-t4-carfilzomib-day70-no-plan: the carfilzomib statement is basedOn the line CarePlan. Right: planned consolidation, 1 line, no range, no PRIOR_THERAPY_UNKNOWN; ISA_PD prior-lines by ISA-PD-ELIG-02 ("1 prior line ... only for subcutaneous isatuximab").')
b=load(BASE); relapse_code(b,'mm-relapse','2023-07-20')
for r in res(b):
    if r.get('resourceType')=='MedicationStatement' and r.get('id')=='line1-maint-lenalidomide': r.pop('basedOn',None)
save(b,'t5-c9002-between-asct-and-len-no-plan',STORY+'Lenalidomide from 2023-08-01 without its plan link; a second Condition C90.02 "in relapse" with onset 2023-07-20, between the ASCT and the lenalidomide start. Right (§1.6 E: a weak signal; issue 10 #1; CDS-POLICY-WINDOW-RELAPSE-CODE): lenalidomide joins line 1 by the 180-day window (maintenance), the line reason names Condition/mm-relapse, the count is 1 to 2 with PRIOR_THERAPY_UNKNOWN naming the Condition; APOLLO/ICARIA UNKNOWN.')
b=load(BASE); relapse_code(b,'mm-relapse','2023-05-01')
for r in res(b):
    if r.get('resourceType')=='MedicationStatement' and r.get('id')=='line1-maint-lenalidomide': r.pop('basedOn',None)
save(b,'t5-c9002-before-asct-no-plan',STORY+'Near miss of s11w-t5-c9002-between-asct-and-len-no-plan: the C90.02 onset is 2023-05-01, before the ASCT (the line was still under way). Right: no effect on the count: 1 line, no PRIOR_THERAPY_UNKNOWN from the line count.')
