# Session 10 sweep (sweepb): transplant kinds, relapse signals, deceased, replay. Run from the worktree root;
# writes qa-bundles/sb-*.json with a story in sb-*.story.txt. Base samples from fhir-samples/.
import json, copy, sys, os
S='fhir-samples/'; O='qa-bundles/'
RX='http://www.nlm.nih.gov/research/umls/rxnorm'; SCT='http://snomed.info/sct'; LOINC='http://loinc.org'
ICD='http://hl7.org/fhir/sid/icd-10-cm'; CPT='http://www.ama-assn.org/go/cpt'; PCS='http://www.cms.gov/Medicare/Coding/ICD10'
def load(n): return json.load(open(S+n+'.json'))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def drop(b,pred): b['entry']=[e for e in b['entry'] if not pred(e['resource'])]
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:sb-'+r['id'],'resource':r}); return r
def save(b,n,story):
    b['id']='sb-'+n
    json.dump(b,open(O+'sb-'+n+'.json','w'),indent=1)
    open(O+'sb-'+n+'.story.txt','w').write(story.strip()+'\n')
def med(code,name): return {'coding':[{'system':RX,'code':code,'display':name}],'text':name}
BOR=('358258','bortezomib'); LEN=('342369','lenalidomide'); DEX=('3264','dexamethasone'); IXA=('1723735','ixazomib')
PD=[{'system':SCT,'code':'271299001','display':"Patient's condition worsened"}]
BASE='rrmm-isa-pd-candidate'; P='Patient/pt-isapd'
BASE_STORY='Base fhir-samples/rrmm-isa-pd-candidate (VRd -> ASCT 2019-07-16 -> lenalidomide maintenance under CarePlan/careplan-line1, progression 2022-09-20; KRd, progression 2024-08-05; IRd 2024-08-26..2026-09-15, progression 2026-09-12; sample answer: 3 lines, ISA_PD ELIGIBLE 90 rank 1). '
def req(b,i,cc,authored,status='stopped',subj=P,**kw):
    r={'resourceType':'MedicationRequest','id':i,'status':status,'intent':'order','medicationCodeableConcept':cc,'subject':{'reference':subj},'authoredOn':authored}
    r.update(kw); return add(b,r)
def stmt(b,i,cc,start,end=None,status='completed',subj=P):
    r={'resourceType':'MedicationStatement','id':i,'status':status,'medicationCodeableConcept':cc,'subject':{'reference':subj},'effectivePeriod':{k:v for k,v in (('start',start),('end',end)) if v}}
    return add(b,r)
def status_obs(b,i,date,coding=PD,subj=P,text='Progressive disease (IMWG)',**kw):
    r={'resourceType':'Observation','id':i,'status':'final','code':{'coding':[{'system':LOINC,'code':'97509-4'}],'text':'Myeloma disease status'},'subject':{'reference':subj},'effectiveDateTime':date,'valueCodeableConcept':{'coding':coding,'text':text}}
    r.update(kw); return add(b,r)
def mprot(b,i,date,value,unit,code=None,subj='Patient/pt-mprotein',comparator=None):
    q={'value':value,'unit':unit,'system':'http://unitsofmeasure.org','code':code or unit}
    if comparator: q['comparator']=comparator
    return add(b,{'resourceType':'Observation','id':i,'status':'final','code':{'coding':[{'system':LOINC,'code':'33358-3','display':'Protein.monoclonal [Mass/volume] in Serum or Plasma by Electrophoresis'}]},'subject':{'reference':subj},'effectiveDateTime':date,'valueQuantity':q})
def tx_code(b,coding,text):
    r=get(b,'asct-1'); r['code']={'coding':coding,'text':text} if coding else {'text':text}

# ---------------- transplant kinds (issue-10 bullet 7)
b=load(BASE); tx_code(b,[{'system':SCT,'code':'174241000112100','display':'Allogeneic hematopoietic stem cell transplant (procedure)'}],'Allogeneic stem-cell transplant')
save(b,'tx-allo-snomed',BASE_STORY+'The transplant of line 1 is coded SNOMED 174241000112100 (allogeneic, US extension; clinical-evidence §9.2, T). Right: line 1 names an allogeneic transplant (issue-10 #7), 3 lines (CarePlan joins it), otherwise the sample answer.')
b=load(BASE); tx_code(b,[{'system':CPT,'code':'38240','display':'Hematopoietic progenitor cell (HPC); allogeneic transplantation per donor'}],'Allogeneic HPC transplantation')
save(b,'tx-allo-cpt-38240',BASE_STORY+'The transplant of line 1 is coded only CPT 38240 with text "Allogeneic HPC transplantation" (billing feeds send CPT). The compendium (§9.2) lists no CPT code, so the engine may not recognise it; right at the least: the transplant is not silently dropped (listed as a procedure not recognised, or read by its words), and nothing certain rests on its absence. Line count stays 3 (CarePlan).')
b=load(BASE); tx_code(b,[{'system':PCS,'code':'30243Y0','display':'Transfusion of Autologous Hematopoietic Stem Cells into Central Vein, Percutaneous Approach'}],'Autologous HSC infusion')
save(b,'tx-auto-pcs-30243Y0',BASE_STORY+'Transplant coded ICD-10-PCS 30243Y0 (autologous HSC transfusion, central vein; §9.2, T). Right: read as autologous transplant; sample answer.')
b=load(BASE); tx_code(b,None,'Allogeneic stem cell transplant (matched unrelated donor)')
save(b,'tx-text-only-allo',BASE_STORY+'Transplant Procedure with code.text "Allogeneic stem cell transplant (matched unrelated donor)" and no coding. Right: either read as an allogeneic transplant by its words, or listed as not recognised; never an autologous transplant.')
# tandem auto within the window, maintenance after the second
b=load(BASE); t2=copy.deepcopy(get(b,'asct-1')); t2['id']='asct-2'; t2['performedDateTime']='2019-10-14'; add(b,t2)
get(b,'line1-maint-lenalidomide')['effectivePeriod']['start']='2019-12-16'
save(b,'tx-tandem-auto-90d',BASE_STORY+'A second ASCT (Procedure/asct-2, same CarePlan) on 2019-10-14, 90 days after the first; maintenance from 2019-12-16. Right (§1.1 LOT-B15 rule 3: a planned tandem SCT with a predefined interval, e.g. ~3 months, is not a new line): 3 lines, line 1 lists both transplants (autologous).')
# tandem without careplan, allo 8 months after auto during maintenance, no progression
b=load(BASE); add(b,{'resourceType':'Procedure','id':'allo-1','status':'completed','code':{'coding':[{'system':SCT,'code':'174241000112100','display':'Allogeneic hematopoietic stem cell transplant (procedure)'}],'text':'Allogeneic stem-cell transplant'},'subject':{'reference':P},'performedDateTime':'2020-03-16'})
save(b,'tx-auto-then-allo-8mo',BASE_STORY+'An allogeneic SCT (no CarePlan link) on 2020-03-16, 8 months after the ASCT, during lenalidomide maintenance, no progression recorded before it. Right (§1.1 rule 3: each SCT is a new line except a planned tandem with a predefined interval ~3 months): a new line (4 prior lines: the 1-3-line labels ISA_KD/DARA_KD US leave), its kind named allogeneic; or, if the engine treats the interval as undecided, a named gap - not a silent tandem.')
# history-of-transplant condition only
b=load(BASE); drop(b,lambda r:r.get('id')=='asct-1')
add(b,{'resourceType':'Condition','id':'hx-asct','clinicalStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-clinical','code':'active'}]},'code':{'coding':[{'system':SCT,'code':'108631000119101','display':'History of autologous bone marrow transplant (situation)'}]},'subject':{'reference':P},'onsetDateTime':'2019-07-16'})
save(b,'tx-history-condition-only',BASE_STORY+'The ASCT Procedure is replaced by a Condition "History of autologous bone marrow transplant" (SNOMED 108631000119101) with onset 2019-07-16. Right: the transplant is read (autologous), between induction and maintenance: 3 lines, the sample answer.')
# induction as requests with only authoredOn and no plan link; ASCT 134 days after the order date
b=load(BASE)
drop(b,lambda r:r.get('id','').startswith('line1-vrd-'))
for d,k in ((BOR,'bortezomib'),(LEN,'lenalidomide'),(DEX,'dexamethasone')): req(b,'line1-vrd-'+k,med(*d),'2019-03-04',status='completed')
for i in ('asct-1','line1-maint-lenalidomide'): get(b,i).pop('basedOn',None)
save(b,'tx-induction-orders-only-no-plan',BASE_STORY+'Line 1 induction VRd is recorded only as three MedicationRequests status completed, authoredOn 2019-03-04 (no end, no dispense, no CarePlan); ASCT 2019-07-16 (134 days after the order date) and maintenance carry no CarePlan link either. The orders say VRd began 2019-03-04 and ended some day before the ASCT (CDS-POLICY-UNKNOWN-END). Right (§1.1: induction -> ASCT -> maintenance is one line; the 120-day induction window is a heuristic measured from a last dose the record does not hold): 3 lines, or the line count undecided with PRIOR_THERAPY_UNKNOWN naming the orders - never a confident 4 lines built on the order date.')
# synthea-shaped history with documented relapse
b=load(BASE)
drop(b,lambda r:r['resourceType'] in ('MedicationStatement','MedicationRequest','MedicationAdministration','Procedure','CarePlan') or r.get('id','').startswith('progression-'))
get(b,'mm-1')['onsetDateTime']='2023-01-11'; get(b,'mm-1')['recordedDate']='2023-01-11'
for day in ('2023-01-11','2023-02-04'):
    for d,k in ((BOR,'bortezomib'),(LEN,'lenalidomide'),(DEX,'dexamethasone')): req(b,'rx-'+k+'-'+day,med(*d),day)
for day in ('2024-02-10','2025-02-15','2025-11-29','2026-02-21'): req(b,'rx-lenalidomide-'+day,med(*LEN),day)
status_obs(b,'progression-1','2026-03-20')
save(b,'synthea-shape-vrd-then-len-progression','Built from the Synthea myeloma module path "relapsed" (scripts/realdata/synthea-modules/multiple_myeloma.json: VRd ordered at diagnosis, bortezomib and dexamethasone stopped after ~24 weeks while lenalidomide goes on as maintenance) as Synthea writes it: MedicationRequests status stopped with only authoredOn, VRd on 2023-01-11 and 2023-02-04, lenalidomide alone on 2024-02-10, 2025-02-15, 2025-11-29, 2026-02-21; plus a progression (LOINC 97509-4 worsened) on 2026-03-20, myeloma C90.02 since 2023-01-11. Truth of the generator: ONE line (VRd -> lenalidomide maintenance, §1.1 LOT-B15: stopping some drugs is not a new line), progression on lenalidomide. The records cannot show whether lenalidomide was interrupted between 2023-02 and 2024-02. Right: 1 prior line, or the count undecided (1 or 2) with PRIOR_THERAPY_UNKNOWN naming the orders; never a confident "2 prior lines" that opens the >=2-line labels (US IV Isa-Pd, IV D-Pd, §2.1/2.2).')

# ---------------- relapse signals (bullet 8)
b=load(BASE); drop(b,lambda r:r.get('id')=='progression-3'); get(b,'mm-1')['code']={'coding':[{'system':ICD,'code':'C90.01','display':'Multiple myeloma in remission'}],'text':'Multiple myeloma in remission'}
save(b,'rel-c9001-no-status',BASE_STORY+'Without progression-3, and the myeloma coded C90.01 (in remission). Nothing after the start of line 3 shows relapse; the code says remission (§1.6 E, weak signal). Right (issue-10 #8): relapse not documented / remission: every relapsed-myeloma regimen INSUFFICIENT_DATA with RELAPSE_NOT_DOCUMENTED; no regimen offered as eligible.')
b=load(BASE); drop(b,lambda r:r.get('id')=='progression-3'); get(b,'mm-1')['clinicalStatus']['coding'][0]['code']='remission'
save(b,'rel-c9002-clinstatus-remission',BASE_STORY+'Without progression-3; the myeloma Condition is coded C90.02 (in relapse) but its clinicalStatus is "remission". Two weak signals disagree (§1.6 E). Right: relapse CONFLICTING/undetermined, RRMM regimens INSUFFICIENT_DATA with a gap naming both; never relapse documented.')
b=load(BASE); drop(b,lambda r:r.get('id')=='progression-3'); get(b,'mm-1')['code']={'coding':[{'system':ICD,'code':'C90.00','display':'Multiple myeloma not having achieved remission'}]}; get(b,'mm-1')['clinicalStatus']['coding'][0]['code']='relapse'
save(b,'rel-c9000-clinstatus-relapse',BASE_STORY+'Without progression-3; myeloma coded C90.00 with clinicalStatus "relapse" (undated signal). Right: relapse documented by status only (weak), undated, so the last line (IRd) refractoriness UNKNOWN (REFRACTORY_STATUS_UNKNOWN), ICARIA UNKNOWN (its "refractory to the last line"), never "not refractory".')
b=load(BASE); get(b,'progression-3')['effectiveDateTime']='2026-10-05'; get(b,'mm-1')['code']={'coding':[{'system':ICD,'code':'C90.01','display':'Multiple myeloma in remission'}]}
for k in ('ixazomib','lenalidomide','dexamethasone'): get(b,'line3-ird-'+k)['effectivePeriod']['end']='2026-06-30'
save(b,'rel-c9001-progression-after-stop',BASE_STORY+'Line 3 IRd ends 2026-06-30; progression-3 on 2026-10-05 (97 days after the last dose); myeloma coded C90.01 (in remission). Right: the dated progression outweighs the undated code (§1.6 E): relapse documented; line 3 drugs NOT refractory (>60 days, §1.2), so ICARIA-MM ("refractory to the last line") FAILED; ixazomib not refractory; lenalidomide and carfilzomib still refractory from line 2.')
# M-protein series in odd units (base rrmm-m-protein-rise: 1 line, lowest 0.4 g/dL, 0.9 and 1.2 g/dL = PD)
def mbase(): 
    b=load('rrmm-m-protein-rise'); drop(b,lambda r:'33358-3' in json.dumps(r.get('code',{}))); return b
MSTORY='Base fhir-samples/rrmm-m-protein-rise (1 line VRd -> ASCT -> lenalidomide maintenance 2023-08-01..2026-10-05, C90.00, one improved assessment 2023-08-28; relapse only from serum M-protein LOINC 33358-3). The M-protein series is replaced: '
b=mbase()
for i,(d,v) in enumerate((('2023-01-09',31),('2023-08-21',6),('2024-09-16',4),('2025-09-15',5),('2026-07-13',9),('2026-08-24',12))): mprot(b,'mp-%d'%i,d,v,'g/L')
save(b,'mprot-gL-pd',MSTORY+'the sample values in g/L (31, 6, 4 (lowest), 5, 9, 12 g/L). 4 -> 9 g/L = +0.5 g/dL, +125 %, confirmed by 12 g/L. Right (§1.6 A: >=25 % and >=0.5 g/dL from the lowest, two consecutive): progression dated 2026-07-13, relapse DOCUMENTED (M_PROTEIN), lenalidomide refractory - the sample answer.')
b=mbase()
for i,(d,v) in enumerate((('2023-01-09',31),('2023-08-21',6),('2024-09-16',4),('2025-09-15',5),('2026-07-13',8.5),('2026-08-24',8.9))): mprot(b,'mp-%d'%i,d,v,'g/L')
save(b,'mprot-gL-near-miss',MSTORY+'in g/L: lowest 4 g/L, then 8.5 and 8.9 g/L: +4.5 and +4.9 g/L = 0.45/0.49 g/dL, below the 0.5 g/dL absolute increase (§1.6 A). Right: no progression; relapse not documented; relapsed regimens INSUFFICIENT_DATA. A reading of g/L as g/dL would call this a progression.')
b=mbase()
for i,(d,v) in enumerate((('2023-01-09',3100),('2023-08-21',600),('2024-09-16',400),('2025-09-15',500),('2026-07-13',900),('2026-08-24',1200))): mprot(b,'mp-%d'%i,d,v,'mg/dL')
save(b,'mprot-mgdl-typo-scale',MSTORY+'values 3100, 600, 400, 500, 900, 1200 "mg/dL" (a scale error: 1000x the g/dL values; real mg/dL would be 3100 mg/dL = 3.1 g/dL... i.e. the same numbers in mg/dL are 31 g/dL at diagnosis). Read literally: 400 -> 900 mg/dL = +0.5 g/dL, +125 %, confirmed -> progression (the arithmetic is unit-consistent). Checks that mg/dL is converted (x 1/1000 to g/dL), not read as g/dL.')
b=mbase()
for i,(d,v,c) in enumerate((('2023-01-09',3.1,None),('2023-08-21',0.6,None),('2024-09-16',0.1,'<'),('2025-09-15',0.1,'<'),('2026-07-13',0.7,None),('2026-08-24',0.9,None))): mprot(b,'mp-%d'%i,d,v,'g/dL',comparator=c)
save(b,'mprot-comparator-nadir',MSTORY+'3.1, 0.6, "<0.1", "<0.1", 0.7, 0.9 g/dL. From a lowest value below 0.1 the rise to 0.7 is > 0.6 g/dL and > 25 %, confirmed by 0.9: every reading of the bound is a progression (§1.6 A). Right: progression dated 2026-07-13 (or at least a possible progression with refractoriness UNKNOWN); never "relapse not documented" with lenalidomide "not refractory". README: a comparator value is not used for a rise - then the lowest usable value is 0.6 (2023-08-21) and 0.6 -> 0.7/0.9 is no progression.')
b=mbase()
for i,(d,v) in enumerate((('2023-01-09',3.1),('2023-08-21',0.6),('2024-09-16',0.4),('2025-09-15',0.5),('2026-08-24',1.2))): mprot(b,'mp-%d'%i,d,v,'g/dL')
save(b,'mprot-single-rise',MSTORY+'3.1, 0.6, 0.4 (lowest), 0.5, 1.2 g/dL: one value meets the rise, none confirms it. Right (§1.6 A confirmation: two consecutive assessments): not a confirmed progression; relapse not documented (or possible), relapsed regimens INSUFFICIENT_DATA, lenalidomide refractoriness not asserted either way without a gap.')
b=mbase()
for i,(d,v) in enumerate((('2023-01-09',3.1),('2023-08-21',0.6),('2024-09-16',0.4),('2025-09-15',0.5),('2026-07-13',0.9),('2026-08-24',1.2))):
    r=mprot(b,'mp-%d'%i,d,v,'g/dL'); del r['valueQuantity']['unit']; del r['valueQuantity']['code']; del r['valueQuantity']['system']
save(b,'mprot-unitless',MSTORY+'the sample values with no unit at all. Right (house rule: unit-less values refused or a gap): refused with the location (exit 3) or not used with a named gap; never read as g/dL silently.')

# ---------------- deceased (bullet 9)
for tag,val,exp in (('dec-month-before','2026-10','death in October 2026, before asOf 2026-11-01: refuse, exit 3.'),
                    ('dec-month-of-asof','2026-11','death "2026-11": on or after asOf 2026-11-01 (1 to 30 Nov). Either refuse (the patient may have died on asOf) or assess; the message must say the date is partial.'),
                    ('dec-datetime-tz-after','2026-11-02T01:30:00+10:00','death 2026-11-02 01:30 at +10:00 (= 2026-11-01 15:30 UTC). The local date is after asOf; the UTC date is asOf. Either way is defensible; the output must not crash and must say which day it used.')):
    b=load(BASE); get(b,'pt-isapd')['deceasedDateTime']=val
    save(b,tag,BASE_STORY+'Patient.deceasedDateTime "%s": %s (issue-10 #9)'%(val,exp))

# ---------------- replay (bullet 10)
b=load(BASE); get(b,'progression-3')['effectiveDateTime']='2026-10-28'; get(b,'progression-3')['issued']='2026-11-04T09:00:00Z'
save(b,'replay-progression-issued-after-asof',BASE_STORY+'progression-3 moved to effective 2026-10-28 with issued 2026-11-04 (the report reached the chart 3 days after asOf 2026-11-01). As the record stood on asOf it held no progression on IRd. Right (issue-10 #10: nothing dated after --as-of is read; replay = the record as it stood that day): at --as-of 2026-11-01 the result is not read (relapse after line 3 not documented: the RRMM regimens INSUFFICIENT_DATA, as with sb-replay-progression-truncated); at --as-of 2026-11-05 it is read.')
b=load(BASE); drop(b,lambda r:r.get('id')=='progression-3')
save(b,'replay-progression-truncated',BASE_STORY+'Control for sb-replay-progression-issued-after-asof: the same chart as it stood on 2026-11-01 (progression-3 not yet issued, so absent).')
b=load(BASE)
for k in ('ixazomib','lenalidomide','dexamethasone'): get(b,'line3-ird-'+k)['dateAsserted']='2026-11-10'
save(b,'replay-stmt-asserted-after-asof',BASE_STORY+'Line 3 IRd statements carry dateAsserted 2026-11-10 (entered into the chart after asOf, e.g. a medication reconciliation of outside therapy). README "Replay": a MedicationStatement is left out when its effective start or dateAsserted is after --as-of. Right at --as-of 2026-11-01: line 3 is not read (2 prior lines; the progression of 2026-09-12 is then after line 2, and the regimen answers follow from that record), identical to the chart without the three statements.')
b=load(BASE); add(b,{'resourceType':'Procedure','id':'asct-2','status':'completed','code':{'coding':[{'system':SCT,'code':'709115004','display':'Transplantation of autologous hematopoietic stem cell (procedure)'}]},'subject':{'reference':P},'performedPeriod':{'start':'2026-10-28','end':'2026-11-03'}})
save(b,'replay-salvage-asct-straddles-asof',BASE_STORY+'A salvage ASCT Procedure performedPeriod 2026-10-28..2026-11-03, status completed, straddling asOf 2026-11-01 (admitted for conditioning on 10-28). On asOf it was in progress. Right: as a started salvage therapy after the progression of 2026-09-12 it opens line 4 (4 prior lines) or is in progress; either way named, and the record read as it stood (no end).')
b=load(BASE)
save(b,'replay-asof-before-diagnosis',BASE_STORY+'Unchanged sample, to be run with --as-of 2018-06-01, before the myeloma diagnosis (2019-01-28) and every therapy. Right: no myeloma on record that day: no regimen offered; a message or setting saying no myeloma diagnosis as of that date.')
b=load(BASE); add(b,{'resourceType':'AllergyIntolerance','id':'isa-allergy','clinicalStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical','code':'active'}]},'type':'allergy','criticality':'high','code':{'text':'isatuximab'},'patient':{'reference':P},'onsetDateTime':'2025-01-10','recordedDate':'2026-11-12'})
save(b,'replay-allergy-recorded-after-asof',BASE_STORY+'An isatuximab AllergyIntolerance with onset 2025-01-10 but recordedDate 2026-11-12 (entered after asOf). README "Replay": left out when onset or recordedDate is after asOf. Right at --as-of 2026-11-01: not read (sample answer, ISA_PD rank 1, no HYPERSENSITIVITY); at --as-of 2026-11-15 HYPERSENSITIVITY on the isatuximab regimens.')
print('ok')
