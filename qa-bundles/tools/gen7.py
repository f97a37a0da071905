# Session 2026-12-04 sweep (qa2): variants probing this session's changes. Run from anywhere; writes qa-bundles/.
import json, copy
S='/work/wt-qa2/fhir-samples/'; Q='/work/wt-qa2/qa-bundles/'; O=Q
RX='http://www.nlm.nih.gov/research/umls/rxnorm'; NDC='http://hl7.org/fhir/sid/ndc'; SCT='http://snomed.info/sct'
def load(n): return json.load(open(S+n+'.json'))
def loadq(n): return json.load(open(Q+n+'.json'))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def drop(b,pred): b['entry']=[e for e in b['entry'] if not pred(e['resource'])]
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:qa2-'+r['id'],'resource':r}); return r
def save(b,n,story):
    b['id']='qa2-'+n
    json.dump(b,open(O+n+'.json','w'),indent=1)
    open(O+n+'.story.txt','w').write(story.strip()+'\n')
def med(code,name): return {'coding':[{'system':RX,'code':code,'display':name}],'text':name}
IXA=('1723735','ixazomib'); LEN=('342369','lenalidomide'); DEX=('3264','dexamethasone'); DARA=('1721947','daratumumab')
P='Patient/pt-isapd'
def stmt(b,i,cc,start=None,end=None,status='completed',**kw):
    r={'resourceType':'MedicationStatement','id':i,'status':status,'medicationCodeableConcept':cc,'subject':{'reference':P}}
    if start or end: r['effectivePeriod']={k:v for k,v in (('start',start),('end',end)) if v}
    r.update(kw); return add(b,r)
def prog(b,i,date,coding=None,text='Progressive disease (IMWG)',status='final'):
    v={'text':text}
    if coding: v['coding']=coding
    return add(b,{'resourceType':'Observation','id':i,'status':status,'category':[{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/observation-category','code':'exam'}]}],
      'code':{'coding':[{'system':'http://loinc.org','code':'97509-4'}],'text':'Myeloma disease status'},'subject':{'reference':P},'effectiveDateTime':date,'focus':[{'reference':'Condition/mm-1'}],'valueCodeableConcept':v})
PD=[{'system':SCT,'code':'271299001','display':"Patient's condition worsened"}]
SD=[{'system':SCT,'code':'359746009','display':"Patient's condition stable (finding)"}]

# --- NDC forms (base: qa-bundles/dara-coded-ndc-only, line 3 = D-Rd, dara by NDC 57894-503-01 only, progression on it)
for tag,code,exp in [
  ('ndc-spaces','57894 503 01','layout with spaces instead of hyphens; either read as product 57894-503 (Darzalex Faspro) or, if not read, a code-only unidentified medication -> MEDICATION_UNIDENTIFIED, prior-therapy criteria UNKNOWN. Never anti-CD38 naive with Isa-Pd ELIGIBLE.'),
  ('ndc-asterisk','57894-*503-01','HIPAA/claims placeholder asterisk for the missing leading zero (5-3-2 sent as 5-*3-2); same expectation as ndc-spaces.'),
  ('ndc-10digit-unhyphenated','5789450301','unhyphenated 10 digits: ambiguous (README: not read) -> must be MEDICATION_UNIDENTIFIED (code-only), prior-therapy UNKNOWN, never anti-CD38 naive.'),
  ('ndc-11digit-plain','57894050301','11-digit 5-4-2 without hyphens = 57894-0503-01 -> product 57894-503: daratumumab SC, refractory (progression 2026-09-12 on it), ANTI_CD38_REFRACTORY on every anti-CD38 regimen.'),
  ('ndc-iv-dara-11digit-hyphen','57894-0502-20','IV Darzalex, another package of product 57894-502 written 5-4-2 with hyphens (57894-0502-20) -> daratumumab IV, refractory, ANTI_CD38_REFRACTORY.'),
]:
    b=loadq('dara-coded-ndc-only'); get(b,'line3-dara')['medicationCodeableConcept']={'coding':[{'system':NDC,'code':code}]}
    save(b,tag+'-dara',f'From qa-bundles/dara-coded-ndc-only.json (rrmm-isa-pd-candidate, line 3 = D-Rd 2024-08-26..2026-09-15, progression 2026-09-12 on it). Dara MedicationStatement coded only NDC "{code}": {exp} Right by clinical-evidence §1.2 (progression on therapy = refractory), §5 (anti-CD38 refractory), house rule unknown-not-normal.')

# NDC inside a Medication resource referenced by medicationReference, plus a text-less display-less code
b=loadq('dara-coded-ndc-only'); r=get(b,'line3-dara'); del r['medicationCodeableConcept']
add(b,{'resourceType':'Medication','id':'med-dara-ndc','code':{'coding':[{'system':NDC,'code':'57894-503-01'}]}})
r['medicationReference']={'reference':'Medication/med-dara-ndc'}
save(b,'ndc-medication-reference-dara','From qa-bundles/dara-coded-ndc-only.json: the dara statement now uses medicationReference -> Medication/med-dara-ndc whose code is only NDC 57894-503-01. Right: daratumumab SC, refractory (progression 2026-09-12 on it), ANTI_CD38_REFRACTORY on every anti-CD38 regimen (§1.2, §5).')

# Unidentified code-only drug dated before the myeloma diagnosis (2019-01-28) and one straddling it
b=load('rrmm-isa-pd-candidate')
stmt(b,'old-unknown',{'coding':[{'system':RX,'code':'9999992'}]},'2015-02-01','2015-08-01')
save(b,'unidentified-before-dx','From rrmm-isa-pd-candidate: + MedicationStatement RxNorm 9999992 (no display/text) 2015-02-01..2015-08-01, four years before the myeloma diagnosis (2019-01-28). README: a code-only drug that surely ended before the diagnosis raises no MEDICATION_UNIDENTIFIED. Right: same result as the sample (ISA_PD ELIGIBLE rank 1, 3 lines), listed in findings.unrecognised at most.')
b=load('rrmm-isa-pd-candidate')
stmt(b,'old-unknown',{'coding':[{'system':RX,'code':'9999992'}]},'2018-12-01','2019-04-01')
save(b,'unidentified-straddles-dx','From rrmm-isa-pd-candidate: + MedicationStatement RxNorm 9999992 (no name) 2018-12-01..2019-04-01, overlapping the diagnosis (2019-01-28) and line 1. Near miss of unidentified-before-dx: right = MEDICATION_UNIDENTIFIED naming the record, prior-therapy criteria UNKNOWN.')

# Stopped request with validityPeriod: the end must be kept
b=load('rrmm-isa-pd-candidate'); drop(b,lambda r:r.get('id','').startswith('line3-'))
for d,k in ((IXA,'ixazomib'),(LEN,'lenalidomide'),(DEX,'dexamethasone')):
    add(b,{'resourceType':'MedicationRequest','id':'line3-'+k,'status':'stopped','intent':'order','medicationCodeableConcept':med(*d),'subject':{'reference':P},'authoredOn':'2024-08-26','dispenseRequest':{'validityPeriod':{'start':'2024-08-26','end':'2026-09-15'}}})
save(b,'req-stopped-validity-period','From rrmm-isa-pd-candidate: line 3 IRd as MedicationRequests status stopped, authoredOn 2024-08-26, dispenseRequest.validityPeriod 2024-08-26..2026-09-15; progression 2026-09-12. The new "stopped with only a date -> unknown end" rule must not override a recorded period. Right: same as sample - line 3 to 2026-09-15, ixazomib refractory, no THERAPY_END_UNKNOWN, ISA_PD ELIGIBLE 90 (ICARIA MET).')

# Completed statements with only effectiveDateTime for the line before last (line 2 KRd)
b=load('rrmm-isa-pd-candidate')
for k in ('carfilzomib','lenalidomide','dexamethasone'):
    r=get(b,'line2-krd-'+k); del r['effectivePeriod']; r['effectiveDateTime']='2022-10-10'
save(b,'stmt-effdt-only-line2','From rrmm-isa-pd-candidate: line 2 KRd statements status completed with only effectiveDateTime 2022-10-10 (no period). Progression-2 2024-08-05, line 3 starts 2024-08-26. Right: the end of KRd lies between 2022-10-10 and 2024-08-26 (bounded by the next line); progression 2024-08-05 may be on carfilzomib or >60 d after -> carfilzomib refractoriness UNKNOWN with THERAPY_END_UNKNOWN/REFRACTORY_STATUS_UNKNOWN; still 3 lines; lenalidomide refractory (line 3); ICARIA (last line IRd progressed) MET; ISA_KD/DARA_KD partner-refractory now unknown rather than asserted.')

# Same drugs resumed after a gap WITH a progression in between -> a new line
b=load('rrmm-isa-pd-candidate')
for k in ('ixazomib','lenalidomide','dexamethasone'): get(b,'line3-ird-'+k)['effectivePeriod']={'start':'2024-08-26','end':'2025-03-01'}
prog(b,'progression-2b','2025-05-01',PD)
for d,k in ((IXA,'ixazomib'),(LEN,'lenalidomide'),(DEX,'dexamethasone')): stmt(b,'line4-ird-'+k,med(*d),'2025-06-01','2026-09-15')
save(b,'resumed-after-progression','From rrmm-isa-pd-candidate: IRd 2024-08-26..2025-03-01, progression 2025-05-01 (SNOMED 271299001), then IRd again 2025-06-01..2026-09-15, progression 2026-09-12. Right (§1.1 LOT-B15; the THERAPY_GAP heuristic applies only without a progression in between): the retreatment after progression is a new line -> 4 prior lines; ixazomib refractory (progressed within 60 d of 2025-03-01 and on treatment 2026); 1-3-line regimens (DARA_KD, ISA_KD US 1-3) leave; no THERAPY_GAP.')

# Resumed as a subset (Rd) after a gap without progression -> same line
b=load('rrmm-isa-pd-candidate')
for k in ('ixazomib','lenalidomide','dexamethasone'): get(b,'line3-ird-'+k)['effectivePeriod']={'start':'2024-08-26','end':'2025-03-01'}
for d,k in ((LEN,'lenalidomide'),(DEX,'dexamethasone')): stmt(b,'line3b-rd-'+k,med(*d),'2025-11-01','2026-09-15')
save(b,'resumed-subset-no-progression','From rrmm-isa-pd-candidate: IRd 2024-08-26..2025-03-01, 8-month gap, no progression recorded, then Rd only 2025-11-01..2026-09-15; progression 2026-09-12. Right (§1.1 rule 1, LOT-B15: a regimen is discontinued when all its drugs are stopped, and a different regimen started after that is a new line): IRd was fully stopped on 2025-03-01, so Rd from 2025-11-01 is line 4 (4 prior lines; the 1-3-line regimens ISA_KD/DARA_KD leave), or at the least the line count is undecided with a gap saying the regimen changed. Ixazomib NOT refractory to the 2026 progression (last dose 2025-03-01, >60 d); lenalidomide refractory; refractory to the last line (Rd) = yes, ICARIA MET.')

# Resumed with one new drug after a gap (no progression) -> unplanned addition = new line
b=load('rrmm-isa-pd-candidate')
for k in ('ixazomib','lenalidomide','dexamethasone'): get(b,'line3-ird-'+k)['effectivePeriod']={'start':'2024-08-26','end':'2025-03-01'}
for d,k in ((IXA,'ixazomib'),(LEN,'lenalidomide'),(DEX,'dexamethasone'),(DARA,'daratumumab')): stmt(b,'line4-'+k,med(*d),'2025-11-01','2026-09-15')
save(b,'resumed-plus-daratumumab','From rrmm-isa-pd-candidate: IRd 2024-08-26..2025-03-01, gap, no progression, then IRd + daratumumab 2025-11-01..2026-09-15; progression 2026-09-12. Right (§1.1 rule 2, unplanned addition): a new line 4 (Dara-IRd), 4 prior lines; daratumumab refractory -> ANTI_CD38_REFRACTORY on every anti-CD38 regimen; nothing ELIGIBLE at the top.')

# Disease status: text "PD" with a SNOMED code for stable disease
b=load('rrmm-isa-pd-candidate'); r=get(b,'progression-3'); r['valueCodeableConcept']={'coding':SD,'text':'PD'}; r.pop('note',None)
save(b,'status-text-pd-code-stable','From rrmm-isa-pd-candidate: progression-3 (2026-09-12) valueCodeableConcept = SNOMED 359746009 stable + text "PD" (contradiction inside one assessment; no other progression after line 3). Right: the assessment is conflicting -> relapse after line 3 NOT confidently "not relapsed"; a data gap (DISEASE_STATUS_UNREADABLE / conflicting) and ixazomib refractoriness UNKNOWN, ICARIA UNKNOWN. Wrong: reading it as stable (no relapse) silently, or as PD silently.')

# Preliminary stable disease (only assessment after line 3)
b=load('rrmm-isa-pd-candidate'); r=get(b,'progression-3'); r['status']='preliminary'; r['valueCodeableConcept']={'coding':SD,'text':'Stable disease'}; r.pop('note',None)
save(b,'status-preliminary-stable','From rrmm-isa-pd-candidate: progression-3 replaced by a PRELIMINARY stable-disease assessment 2026-09-12 (the only assessment after line 3; the C90.02 "in relapse" Condition stays). Right: DISEASE_STATUS_UNCONFIRMED; no confident "no progression"; relapse after line 3 undated -> ixazomib refractoriness UNKNOWN; ICARIA UNKNOWN; the setting text must not call the relapse documented by the preliminary record.')

# subject only by identifier matching the patient MRN (no system)
b=load('rrmm-isa-pd-candidate')
for k in ('ixazomib','lenalidomide','dexamethasone'): get(b,'line3-ird-'+k)['subject']={'identifier':{'value':'MRN-PT-ISAPD'}}
save(b,'subject-identifier-mrn-nosystem','From rrmm-isa-pd-candidate: line 3 IRd statements have subject {"identifier": {"value": "MRN-PT-ISAPD"}} (no system, no reference) - the value matches Patient.identifier. Right (README: values compared exactly, systems when both give one): read as the patient\'s; result identical to the sample (3 lines, ISA_PD 90).')

# Observation without subject
b=load('rrmm-isa-pd-candidate'); get(b,'progression-3').pop('subject'); get(b,'egfr-1').pop('subject')
save(b,'observation-no-subject','From rrmm-isa-pd-candidate: progression-3 and egfr-1 without subject (Observation.subject is 0..1 in R4). Right (README): read as the patient\'s -> identical to the sample.')

# Two identical copies of one resource (different fullUrl) + a same-id different-content pair
b=load('rrmm-isa-pd-candidate'); c=copy.deepcopy(get(b,'progression-3')); b['entry'].append({'fullUrl':'urn:uuid:qa2-dup-progression-3','resource':c})
c2=copy.deepcopy(get(b,'line3-ird-ixazomib')); b['entry'].append({'fullUrl':'urn:uuid:qa2-dup-ixa','resource':c2})
save(b,'duplicate-identical-resources','From rrmm-isa-pd-candidate: Observation/progression-3 and MedicationStatement/line3-ird-ixazomib each sent twice, byte-identical, under different fullUrls. Right (README: the same resource sent twice is read once): identical to the sample, no doubled facts or flags.')
b=load('rrmm-isa-pd-candidate'); c=copy.deepcopy(get(b,'progression-3')); c['effectiveDateTime']='2026-10-01'; b['entry'].append({'fullUrl':'urn:uuid:qa2-dup2','resource':c})
save(b,'duplicate-id-different-content','From rrmm-isa-pd-candidate: a second Observation/progression-3 with effectiveDateTime 2026-10-01 (same type+id, different content). Right (README): an entry-level problem: refused (exit 3) naming the id, or with --allow-partial an UNREADABLE_INPUT gap.')

# Severe persistent asthma resolved > 2 years ago, D-Kd (CANDOR 2-year window)
b=load('rrmm-severe-asthma'); a=get(b,'asthma-1')
a['clinicalStatus']={'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-clinical','code':'resolved'}]}
a['abatementDateTime']='2023-06-01'
save(b,'asthma-severe-resolved-2023','From rrmm-severe-asthma: asthma-1 (J45.50 severe persistent) now clinicalStatus resolved, abatement 2023-06-01 (>2 y before asOf 2026-11-01). Right (§7): CANDOR excluded moderate/severe persistent asthma within the past 2 years -> D-Kd not outside CANDOR by asthma; the class-standard exclusion of the other dara trials (MAIA/POLLUX/CASTOR, [M]) is stated without a window, so treating a resolved asthma as no exclusion is a policy the output should name; the text must not say "Matches the CANDOR population" beside an "outside the trial population" score line.')
print('ok')

# --- second batch
POM=('1369713','pomalidomide')
b=load('rrmm-isa-pd-candidate')
stmt(b,'undated-pom',med(*POM),status='completed')
save(b,'undated-pomalidomide','From rrmm-isa-pd-candidate: + a completed MedicationStatement pomalidomide with no effective[x] and no dateAsserted (undated). Right (§3.1: ICARIA-MM excluded prior pomalidomide, whenever given): pomalidomide exposure is certain, so ICARIA is FAILED (prior pomalidomide), not MET and not merely "undecided"; pomalidomide refractoriness UNKNOWN (PRIOR_THERAPY_UNKNOWN / REFRACTORY_STATUS_UNKNOWN) so ISA_PD/DARA_PD partner-refractory undecided; APOLLO [M] prior pomalidomide likewise.')

b=load('rrmm-isa-pd-candidate')
stmt(b,'unknown-with-reason',{'coding':[{'system':RX,'code':'9999992'}]},'2025-01-10','2025-07-10',reasonCode=[{'coding':[{'system':'http://hl7.org/fhir/sid/icd-10-cm','code':'I10','display':'Essential (primary) hypertension'}]}])
save(b,'unidentified-with-other-reason','From rrmm-isa-pd-candidate: + MedicationStatement RxNorm 9999992 (no name) 2025-01-10..2025-07-10 inside line 3, with reasonCode ICD-10-CM I10 essential hypertension. README: a code-only drug whose reason is another condition raises no MEDICATION_UNIDENTIFIED. Right: same result as the sample.')

b=load('rrmm-isa-pd-candidate')
stmt(b,'unknown-after-progression',{'coding':[{'system':NDC,'code':'00000-0000-00'}]},'2026-10-05',None,status='active')
save(b,'unidentified-after-last-progression','From rrmm-isa-pd-candidate: + an active MedicationStatement coded only NDC 00000-0000-00 (not a real product) from 2026-10-05, after the last progression (2026-09-12) and before asOf. Right: it may be the next line already started (e.g. a pomalidomide product not in the catalogue) -> MEDICATION_UNIDENTIFIED, prior-therapy criteria UNKNOWN, no confident ELIGIBLE; the text should say it started after the last progression.')
print('ok2')

b=load('rrmm-isa-pd-candidate')
drop(b,lambda r:r.get('id') in ('line3-ird-ixazomib','line3-ird-lenalidomide'))
stmt(b,'line3-pom-ndc',{'coding':[{'system':NDC,'code':'63850-0131-2'}]},'2024-08-26','2026-09-15')
save(b,'ndc-pomalidomide-541-line3','From rrmm-isa-pd-candidate: line 3 = pomalidomide coded only NDC 63850-0131-2 (5-4-1 layout; product 63850-0131 Natco pomalidomide 1 mg per rules/terminology/drug-pomalidomide.json, openFDA) + dexamethasone, 2024-08-26..2026-09-15, progression 2026-09-12 on it. Right: pomalidomide exposure and refractoriness; ICARIA-MM FAILED (prior pomalidomide, §3.1); ISA_PD/DARA_PD with PARTNER_DRUG_REFRACTORY (pomalidomide), never ELIGIBLE 90.')
print('ok3')
