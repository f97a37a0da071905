# Session 2026-12-04/05 night (helper "history", issue 10 bullets 6-7): trial populations after drugs given for another
# indication, and MedicationStatement status "unknown". Run from the project root; writes qa-bundles/s11h-*.json, each
# with NAME.story.txt (what was changed, what the right answer is).
import json
S='fhir-samples/'; O='qa-bundles/'
RX='http://www.nlm.nih.gov/research/umls/rxnorm'; ICD='http://hl7.org/fhir/sid/icd-10-cm'
def load(n): return json.load(open(S+n+'.json'))
def pid(b): return next(e['resource']['id'] for e in b['entry'] if e['resource']['resourceType']=='Patient')
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:s11h-'+r['id'],'resource':r})
def stmt(b,i,text,start,end,status='completed',coding=None,reason=None):
    c={'text':text}
    if coding: c['coding']=coding
    r={'resourceType':'MedicationStatement','id':i,'status':status,'subject':{'reference':'Patient/'+pid(b)},
       'medicationCodeableConcept':c,'effectivePeriod':{'start':start,'end':end}}
    if reason: r['reasonReference']=[{'reference':'Condition/'+reason}]
    add(b,r); return r
def condition(b,i,code,display,onset,clinical='active',**kw):
    r={'resourceType':'Condition','id':i,'subject':{'reference':'Patient/'+pid(b)},
       'clinicalStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-clinical','code':clinical}]},
       'verificationStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-ver-status','code':'confirmed'}]},
       'code':{'coding':[{'system':ICD,'code':code,'display':display}],'text':display},'onsetDateTime':onset}
    r.update(kw); add(b,r); return r
def save(b,name,story):
    name='s11h-'+name
    b['id']=name
    json.dump(b,open(O+name+'.json','w'),indent=1)
    open(O+name+'.story.txt','w').write(story.strip()+'\n')
    print(name)

# 1. An IMiD given for another disease (lenalidomide for del(5q) myelodysplasia), years before the myeloma.
b=load('ndmm-transplant-ineligible')
condition(b,'mds-1','D46.C','Myelodysplastic syndrome with isolated del(5q) chromosomal abnormality','2019-02-01')
stmt(b,'mds-len','lenalidomide 10 mg','2019-03-01','2020-09-30',coding=[{'system':RX,'code':'342369','display':'lenalidomide'}],reason='mds-1')
save(b,'ndmm-after-len-for-mds','''
From fhir-samples/ndmm-transplant-ineligible (myeloma 2026-10-05, age 77, transplant-ineligible) + del(5q) myelodysplasia
(D46.C, 2019) treated with lenalidomide 2019-03-01..2020-09-30, reasonReference to the MDS Condition.
Right (CDS-POLICY-HISTORY-NDMM-OTHER-EXPOSURE): not a line of myeloma therapy (other therapy, STATED_REASON), setting
NDMM_TRANSPLANT_INELIGIBLE; the newly diagnosed trials enrolled untreated myeloma and the evidence does not say whether
prior lenalidomide for another disease was admitted: MAIA, ALCYONE, CEPHEUS and IMROZ populations UNKNOWN (no trial
points), the criterion saying the evidence does not say.''')

# 2. Near miss: chemotherapy for another cancer years ago (AC for breast cancer, resolved).
b=load('ndmm-transplant-ineligible')
condition(b,'bc-1','C50.911','Malignant neoplasm of unspecified site of right female breast','2017-02-01',
          clinical='resolved',abatementDateTime='2018-06-01')
stmt(b,'bc-dox','doxorubicin 60 mg/m2 IV','2017-03-01','2017-05-10',coding=[{'system':RX,'code':'3639','display':'doxorubicin'}],reason='bc-1')
stmt(b,'bc-cyc','cyclophosphamide 600 mg/m2 IV','2017-03-01','2017-05-10',coding=[{'system':RX,'code':'3002','display':'cyclophosphamide'}],reason='bc-1')
save(b,'ndmm-after-ac-for-breast-cancer','''
Near miss of s11h-ndmm-after-len-for-mds: from fhir-samples/ndmm-transplant-ineligible + breast cancer (C50.911,
2017, resolved 2018) treated with doxorubicin + cyclophosphamide 2017-03-01..05-10, reasonReference to it.
Right (CDS-POLICY-HISTORY-NDMM-OTHER-EXPOSURE): cytotoxic chemotherapy for another cancer is not myeloma therapy; the
"untreated myeloma" inclusion reads it as nothing: MAIA, ALCYONE, CEPHEUS and IMROZ populations MET as in the sample
(DARA_RD 90 rank 1). The trials' exclusions of earlier cancers are not encoded (CEPHEUS: invasive malignancy within
5 years; 2017 is more than 5 years before the myeloma).''')

# 3. Near miss: dexamethasone alone for AL amyloidosis.
b=load('ndmm-transplant-ineligible')
condition(b,'al-1','E85.81','Light chain (AL) amyloidosis','2025-04-10')
stmt(b,'al-dex','dexamethasone 20 mg','2025-05-05','2025-06-20',coding=[{'system':RX,'code':'3264','display':'dexamethasone'}],reason='al-1')
save(b,'ndmm-after-dex-only-for-al','''
Near miss of qa-bundles/other-al-amyloidosis-dvcd-then-ndmm: the same AL amyloidosis (E85.81, 2025-04-10) treated with
dexamethasone alone (2025-05-05..06-20), then newly diagnosed myeloma (2026-10-05).
Right (CDS-POLICY-HISTORY-NDMM-OTHER-EXPOSURE): a corticosteroid alone is no anti-myeloma therapy (CEPHEUS admitted a
short steroid course): MAIA, ALCYONE, CEPHEUS and IMROZ populations MET, DARA_RD 90 rank 1.''')

# 4. Near miss: newly diagnosed with supportive drugs only (text only, no reason).
b=load('ndmm-transplant-ineligible')
stmt(b,'sup-zol','zoledronic acid 4 mg IV','2026-10-08','2026-10-08')
stmt(b,'sup-acv','valaciclovir 500 mg','2026-10-08','2026-10-30')
stmt(b,'sup-ppi','omeprazole 20 mg','2026-10-08','2026-10-30')
save(b,'ndmm-supportive-only','''
Near miss: fhir-samples/ndmm-transplant-ineligible + supportive drugs named in text only (zoledronic acid, valaciclovir,
omeprazole) after the diagnosis. Right: none is anti-myeloma therapy nor an exposure the trials speak of; the newly
diagnosed populations MET as in the sample (DARA_RD 90 rank 1).''')

# 5. Near miss of qa-bundles/stmt-dara-status-unknown: the same daratumumab statement, status completed.
b=load('rrmm-isa-pd-candidate')
stmt(b,'stmt-dara-done','daratumumab','2026-03-01','2026-08-20',coding=[{'system':'http://www.whocc.no/atc','code':'L01FC01','display':'daratumumab'}])
save(b,'stmt-dara-status-completed','''
Near miss of qa-bundles/stmt-dara-status-unknown: fhir-samples/rrmm-isa-pd-candidate + a MedicationStatement of
daratumumab 2026-03-01..2026-08-20 with status "completed". Right: taken, so as before: line 4 (daratumumab added to
IRd), 4 prior lines, ANTI_CD38_REFRACTORY (progression 2026-09-12 on it), ANTI_CD38_WASHOUT_SHORT.''')

# 6. A statement with status unknown that changes no line: daratumumab during line 3, status unknown, but a progression
#    of line 3 lies after it and the IRd continues; here: lenalidomide (already given in line 3) with status unknown.
b=load('rrmm-isa-pd-candidate')
stmt(b,'stmt-len-unknown','lenalidomide 15 mg','2025-01-10','2025-06-30',status='unknown',
     coding=[{'system':RX,'code':'342369','display':'lenalidomide'}])
save(b,'stmt-len-unknown-inside-line3','''
From fhir-samples/rrmm-isa-pd-candidate + a MedicationStatement of lenalidomide 2025-01-10..06-30 with status "unknown",
inside line 3 (IRd), whose lenalidomide is recorded as taken. Right (CDS-POLICY-HISTORY-STATUS-UNKNOWN): the record opens
no line and the lines are the same whether it was taken or not: 3 lines, no line-count range; a PRIOR_THERAPY_UNKNOWN gap
names the record (whether it was taken); lenalidomide refractoriness rests on the recorded line-3 lenalidomide and stays
decided.''')
