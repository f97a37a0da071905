# Session 13 helper "firstline2": first-line therapy under way as a generator bundle (issue 10 bullet 8; sweep s12
# firstline F2, F3, F4). Run from the worktree root; writes qa-bundles/s13f-*.json with a story in s13f-*.story.txt.
# Base sample: fhir-samples/treated-remission-on-maintenance (VRd -> ASCT 2023-05-23 -> lenalidomide maintenance from
# 2023-08-01, active with no end; disease status stable 2026-09-15; serum M-protein 0.2-0.3 g/dL since ASCT; C90.01).
# Evaluate with --as-of 2026-11-01.
import json
S='fhir-samples/'; O='qa-bundles/'
RX='http://www.nlm.nih.gov/research/umls/rxnorm'
BASE='treated-remission-on-maintenance'
P='urn:uuid:47bfa518-356b-5a35-9307-c2ac11ac11ca'     # Patient/pt-remission
MM='urn:uuid:4e99cfbc-e51d-5f3c-a95d-76e236ebb30a'    # Condition/mm-1
BASE_STORY=('Base fhir-samples/treated-remission-on-maintenance (Maria Lindqvist, 64, presumed transplant-eligible by age; '
            'myeloma 2023-01-10 coded C90.01; VRd from 2023-01-23, melphalan 2023-05-22, ASCT 2023-05-23, lenalidomide '
            'maintenance from 2023-08-01 (MedicationStatement, active, no end); disease status improved 2023-08-28, '
            'stable 2026-09-15; serum M-protein 2.6 g/dL at diagnosis, 0.2-0.3 g/dL since ASCT). asOf 2026-11-01. ')
def load(n): return json.load(open(S+n+'.json'))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def drop(b,pred): b['entry']=[e for e in b['entry'] if not pred(e['resource'])]
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:s13f-'+r['id'],'resource':r}); return r
def save(b,n,story):
    b['id']='s13f-'+n
    json.dump(b,open(O+'s13f-'+n+'.json','w'),indent=1)
    open(O+'s13f-'+n+'.story.txt','w').write(story.strip()+'\n')
def med(code,name): return {'coding':[{'system':RX,'code':code,'display':name}],'text':name}
BORTEZOMIB=('358258','bortezomib'); LENALIDOMIDE=('342369','lenalidomide'); DEXAMETHASONE=('3264','dexamethasone')
DARATUMUMAB=('1721947','daratumumab')   # RxNorm ingredient, rules/terminology/drug-daratumumab-intravenous.json
def admin(i,drug,day,route='subcutaneous'):
    return {'resourceType':'MedicationAdministration','id':i,'status':'completed','medicationCodeableConcept':med(*drug),
            'subject':{'reference':P},'effectiveDateTime':day+'T10:00:00+02:00','dosage':{'route':{'text':route}}}
def statement(i,drug,start,end=None,status='active',dose=None):
    r={'resourceType':'MedicationStatement','id':i,'status':status,'medicationCodeableConcept':med(*drug),
       'subject':{'reference':P},'effectivePeriod':{'start':start}}
    if end: r['effectivePeriod']['end']=end
    if dose: r['dosage']=[{'text':dose}]
    return r
def status_obs(i,day,code,display,text):
    return {'resourceType':'Observation','id':i,'status':'final',
            'category':[{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/observation-category','code':'exam'}]}],
            'code':{'coding':[{'system':'http://loinc.org','code':'97509-4'}],'text':'Myeloma disease status'},
            'subject':{'reference':P},'effectiveDateTime':day,'focus':[{'reference':MM}],
            'valueCodeableConcept':{'coding':[{'system':'http://snomed.info/sct','code':code,'display':display}],'text':text}}
def mprotein(i,day,value):
    return {'resourceType':'Observation','id':i,'status':'final',
            'category':[{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/observation-category','code':'laboratory'}]}],
            'code':{'coding':[{'system':'http://loinc.org','code':'33358-3','display':'Protein.monoclonal [Mass/volume] in Serum or Plasma by Electrophoresis'}]},
            'subject':{'reference':P},'effectiveDateTime':day,
            'valueQuantity':{'value':value,'unit':'g/dL','system':'http://unitsofmeasure.org','code':'g/dL'}}
IMPROVED=('268910001',"Patient's condition improved")
STABLE=('359746009',"Patient's condition stable")
WORSENED=('271299001','Patient condition worsened')

# ---- 1. induction under way: VRd cycle 3 (no transplant yet)
# Days 1, 4, 8, 11 of 21-day cycles from 2026-09-01: cycle 3 runs 2026-10-13 to 2026-11-02, so asOf is its day 20.
BZ_DAYS=['2026-09-01','2026-09-04','2026-09-08','2026-09-11','2026-09-22','2026-09-25','2026-09-29','2026-10-02',
         '2026-10-13','2026-10-16','2026-10-20','2026-10-23']
def induction(with_dara):
    b=load(BASE)
    keep={'pt-remission','mm-1','creatinine-1','weight-1'}
    drop(b,lambda r:r.get('id') not in keep)
    mm=get(b,'mm-1'); mm['onsetDateTime']='2026-08-12'
    mm['code']={'coding':[{'system':'http://hl7.org/fhir/sid/icd-10-cm','code':'C90.00',
                            'display':'Multiple myeloma not having achieved remission'},
                           {'system':'http://snomed.info/sct','code':'109989006','display':'Multiple myeloma (disorder)'}],
                'text':'IgG kappa multiple myeloma'}
    add(b,{'resourceType':'MedicationRequest','id':'rx-bortezomib-vrd','status':'active','intent':'order',
           'medicationCodeableConcept':med(*BORTEZOMIB),'subject':{'reference':P},'authoredOn':'2026-08-28',
           'dosageInstruction':[{'text':'1.3 mg/m2 SC days 1, 4, 8, 11 of 21-day cycles x4',
                                 'timing':{'repeat':{'boundsPeriod':{'start':'2026-09-01','end':'2026-11-23'}}}}]})
    for n,d in enumerate(BZ_DAYS,1): add(b,admin('admin-bortezomib-%d'%n,BORTEZOMIB,d))
    if with_dara:
        for n,d in enumerate(['2026-09-01','2026-09-08','2026-09-15','2026-09-22','2026-09-29','2026-10-06',
                              '2026-10-13','2026-10-20','2026-10-27'],1):
            add(b,admin('admin-daratumumab-%d'%n,DARATUMUMAB,d,'intravenous'))
    add(b,statement('vrd-lenalidomide',LENALIDOMIDE,'2026-09-01',dose='25 mg PO days 1-14 of 21-day cycles'))
    add(b,statement('vrd-dexamethasone',DEXAMETHASONE,'2026-09-01',dose='20 mg PO days 1, 2, 4, 5, 8, 9, 11, 12'))
    add(b,mprotein('mprotein-dx','2026-08-11',3.1))
    add(b,mprotein('mprotein-c2','2026-10-12',1.2))
    add(b,status_obs('status-c2','2026-10-12',*IMPROVED,'Partial response after 2 cycles of VRd'))
    return b
INDUCTION_STORY=('Built from the base Patient only (64, no transplant-eligibility statement: presumed eligible by '
                 'age). Myeloma diagnosed 2026-08-12, coded C90.00; serum M-protein 3.1 g/dL on 2026-08-11. VRd from '
                 '2026-09-01: bortezomib MedicationRequest (active, boundsPeriod to 2026-11-23, 4 cycles) and 12 '
                 'MedicationAdministrations on days 1, 4, 8, 11 of three 21-day cycles (last 2026-10-23); lenalidomide and '
                 'dexamethasone MedicationStatements active from 2026-09-01. M-protein 1.2 g/dL and disease status '
                 '"improved" on 2026-10-12 (after cycle 2). asOf 2026-11-01 is day 20 of cycle 3; no transplant yet. ')
save(induction(False),'induction-vrd-cycle3',INDUCTION_STORY+'''
Right: first-line therapy under way (DERIVE-SETTING-20), setting NDMM_TRANSPLANT_ELIGIBLE "Newly diagnosed multiple
myeloma, on first-line therapy since 2026-09-01 (bortezomib, lenalidomide, dexamethasone, ongoing)". findings.priorTherapy
priorLines 0 and firstLineUnderWay {line 1, since 2026-09-01}; the markdown/HTML "Prior lines" row reads "none; first-line
therapy under way (not a prior line): L1 ... (2026-09-01 to ongoing)" (before: "1: L1 ..."). No anti-CD38 regimen
matches VRd, so D-VRd, D-VTd and Isa-VRd are INSUFFICIENT_DATA (criterion first-line-under-way, CDS-POLICY-FIRSTLINE-
NO-SWITCH). Every relapsed-myeloma regimen is not offered: Isa-Kd and Isa-Pd now carry a setting criterion FAILED
from their labels (FLAG-FIRSTLINE-10, -11; before: only the line count, met by the running first line, and
FLAG-FIRSTLINE-04 UNKNOWN), beside FLAG-FIRSTLINE-04 (relapse not documented).''')
save(induction(True),'induction-dvrd-cycle3',INDUCTION_STORY+'''
Near miss of s13f-induction-vrd-cycle3: daratumumab given with VRd (9 weekly MedicationAdministrations from 2026-09-01,
last 2026-10-27): D-VRd is the regimen being given. Right: FIRST_LINE_UNDER_WAY names D-VRd "the current first-line
regimen", it keeps its label status (ELIGIBLE_WITH_CAUTIONS, not a switch), ANTI_CD38_CONTINUING on it; the "Prior
lines" row still says the first line is under way, not a prior line; Isa-Kd/Isa-Pd setting FAILED as in the VRd
bundle.''')

# ---- 2. lenalidomide maintenance after ASCT, no progression (the base sample as a generator bundle)
b=load(BASE)
save(b,'maintenance-after-asct',BASE_STORY+'''
Unchanged base. Right: first-line therapy under way, post-transplant phase (DERIVE-SETTING-20, -21); findings.priorTherapy
priorLines 0 with firstLineUnderWay {line 1, since 2023-01-23} (before: priorLines 1); the "Prior lines" row reads
"none; first-line therapy under way (not a prior line): L1 lenalidomide, bortezomib, melphalan, dexamethasone, autologous
stem-cell transplant (2023-01-23 to ongoing)" (before: "1: L1 ..."), and the "Disease and setting" section has a
"First line under way" line. Relapsed-myeloma regimens: not offered (INSUFFICIENT_DATA by FLAG-FIRSTLINE-04; Isa-Kd
and Isa-Pd also setting FAILED, FLAG-FIRSTLINE-10, -11).''')

# ---- 3. near miss: maintenance followed by a documented progression
b=load(BASE)
m=get(b,'line1-maint-lenalidomide'); m['status']='stopped'; m['effectivePeriod']['end']='2026-10-16'
add(b,mprotein('mprotein-2026-10','2026-10-12',1.1))
add(b,status_obs('status-2026-10','2026-10-14',*WORSENED,'Progressive disease on lenalidomide maintenance'))
save(b,'maintenance-then-progression',BASE_STORY+'''
Near miss of s13f-maintenance-after-asct: serum M-protein 1.1 g/dL on 2026-10-12 (nadir 0.2) and a disease-status
assessment "worsened" (progressive disease) on 2026-10-14; lenalidomide maintenance stopped 2026-10-16 (status
stopped). Right: a documented progression during the line: not first-line therapy under way; setting RRMM after 1 prior
line, lenalidomide-refractory (progression on it). findings.priorTherapy priorLines 1, no firstLineUnderWay; the "Prior
lines" row reads "1: L1 ...". The relapsed-myeloma regimens come back: no FLAG-FIRSTLINE-04/-10/-11 criterion; Isa-Kd,
D-Kd (US 1 to 3 prior lines) are assessed on their labels.''')

# ---- 4. the maintenance order is months old with no recent administration (CDS-POLICY-OPEN-REQUEST)
def renewal(authored):
    b=load(BASE)
    m=get(b,'line1-maint-lenalidomide'); m['status']='completed'; m['effectivePeriod']['end']='2026-03-31'
    m.pop('statusReason',None)
    add(b,{'resourceType':'MedicationRequest','id':'rx-len-maint-renewal','status':'active','intent':'order',
           'medicationCodeableConcept':med(*LENALIDOMIDE),'subject':{'reference':P},'authoredOn':authored,
           'dosageInstruction':[{'text':'10 mg PO daily, continue until progression'}]})
    return b
RENEWAL_STORY=('The maintenance MedicationStatement ends 2026-03-31 (status completed: the pharmacy record of the cycles '
               'dispensed); a renewal order for lenalidomide 10 mg daily, MedicationRequest status active, intent order, '
               'no end (no boundsPeriod, boundsDuration, validityPeriod or dispense), and no administration or dispense '
               'recorded after it. ')
save(renewal('2026-04-06'),'maintenance-order-stale',BASE_STORY+RENEWAL_STORY+'''The order was written 2026-04-06, 209
days before asOf. What the open-order policy makes of it (CDS-POLICY-OPEN-REQUEST: an active request without an end
counts as ongoing only within 90 days of the day it was written; an older one is read as given on that day only, and a
data gap says the end of the therapy is unknown): lenalidomide was last given on 2026-04-06 as far as the record shows,
line 1 is not ongoing, so it is not first-line therapy under way. The patient reads as previously treated (1 prior
line), relapse not documented: setting RRMM with the relapsed-myeloma regimens left undecided (ELIG-COMMON-04, relapse
not documented), never "eligible"; the "Prior lines" row reads "1: ...". Whether maintenance is in fact still taken is
what the order cannot tell: an administration, a dispense, or a statement would.''')
b=renewal('2026-04-06')
add(b,{'resourceType':'MedicationDispense','id':'md-len-2026-10','status':'completed',
       'medicationCodeableConcept':med(*LENALIDOMIDE),'subject':{'reference':P},
       'authorizingPrescription':[{'reference':'urn:uuid:s13f-rx-len-maint-renewal'}],'whenHandedOver':'2026-10-19',
       'daysSupply':{'value':28,'unit':'day','system':'http://unitsofmeasure.org','code':'d'}})
save(b,'maintenance-order-stale-recent-dispense',BASE_STORY+RENEWAL_STORY.replace(', and no administration or dispense recorded after it','')
     +'''The same order written 2026-04-06, but a MedicationDispense under it (authorizingPrescription) handed over
2026-10-19 with a 28-day supply. Near miss of s13f-maintenance-order-stale: the dispense shows lenalidomide given to
beyond asOf (its supply runs to 2026-11-15), so maintenance is ongoing whatever the order's age: first-line therapy under
way (as s13f-maintenance-after-asct): priorLines 0, firstLineUnderWay line 1, "Prior lines: none; first-line therapy
under way (not a prior line)", the relapsed-myeloma regimens not offered.''')
print('ok')
