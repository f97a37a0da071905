exec(open('/tmp/qa/gen.py').read().split('# 1 MedicationRequest')[0])
ICD='http://hl7.org/fhir/sid/icd-10-cm'; SCT='http://snomed.info/sct'
def cond(b,i,sys_,code,disp,onset='2020-01-01',clin='active',ver='confirmed'):
    r={'resourceType':'Condition','id':i,'clinicalStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-clinical','code':clin}]},
       'verificationStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-ver-status','code':ver}]},
       'code':{'coding':[{'system':sys_,'code':code,'display':disp}],'text':disp},'subject':{'reference':pat(b)},'onsetDateTime':onset}
    add(b,r); return r
def recode(b,i,sys_,code,disp): get(b,i)['code']={'coding':[{'system':sys_,'code':code,'display':disp}],'text':disp}
# COPD
for tag,(s,c,dn) in {'snomed-13645005':(SCT,'13645005','Chronic obstructive lung disease'),'icd-J44.1':(ICD,'J44.1','COPD with (acute) exacerbation'),'icd-J43.9':(ICD,'J43.9','Emphysema, unspecified')}.items():
    b=load('rrmm-copd'); recode(b,'copd-1',s,c,dn); save(b,'copd-'+tag,f'rrmm-copd with the COPD condition coded only {s}|{c}')
for ver in ['provisional','differential','refuted','entered-in-error']:
    b=load('rrmm-copd'); get(b,'copd-1')['verificationStatus']['coding'][0]['code']=ver; save(b,'copd-ver-'+ver,f'rrmm-copd with COPD verificationStatus {ver}')
for clin in ['resolved','inactive']:
    b=load('rrmm-copd'); get(b,'copd-1')['clinicalStatus']['coding'][0]['code']=clin; save(b,'copd-clin-'+clin,f'rrmm-copd with COPD clinicalStatus {clin} (FEV1 45% last month)')
# COPD with no FEV1 and refuted
b=load('rrmm-copd'); drop(b,lambda r:r.get('id','').startswith('fev1')); get(b,'copd-1')['verificationStatus']['coding'][0]['code']='refuted'
save(b,'copd-refuted-no-fev1','COPD refuted, no FEV1: no COPD flag expected')
# asthma
for tag,(s,c,dn) in {'snomed-195967001':(SCT,'195967001','Asthma'),'icd-J45.51':(ICD,'J45.51','Severe persistent asthma with (acute) exacerbation'),'icd-J45.909':(ICD,'J45.909','Unspecified asthma, uncomplicated')}.items():
    b=load('rrmm-severe-asthma'); recode(b,'asthma-1',s,c,dn); save(b,'asthma-'+tag,f'rrmm-severe-asthma with asthma coded {s}|{c}')
# neuropathy
for tag,(s,c,dn) in {'icd-E11.42':(ICD,'E11.42','Type 2 diabetes mellitus with diabetic polyneuropathy'),'snomed-230572002':(SCT,'230572002','Diabetic neuropathy'),'icd-G62.0':(ICD,'G62.0','Drug-induced polyneuropathy')}.items():
    b=load('ndmm-ti-elderly-neuropathy'); recode(b,'pn-1',s,c,dn); save(b,'neuropathy-'+tag,f'ndmm-ti-elderly-neuropathy with neuropathy coded {s}|{c}')
b=load('ndmm-ti-elderly-neuropathy'); get(b,'pn-1')['verificationStatus']['coding'][0]['code']='refuted'; save(b,'neuropathy-refuted','neuropathy refuted')
# heart failure
for tag,(s,c,dn) in {'snomed-84114007':(SCT,'84114007','Heart failure'),'icd-I50.9':(ICD,'I50.9','Heart failure, unspecified')}.items():
    b=load('rrmm-elderly-cardiac'); recode(b,'hf-1',s,c,dn); save(b,'hf-'+tag,f'rrmm-elderly-cardiac with HF coded {s}|{c}')
# dialysis: snomed ESRD only
b=load('rrmm-dialysis'); drop(b,lambda r:r.get('id')=='dialysis-dep-1'); recode(b,'esrd-1',SCT,'46177005','End-stage renal disease'); save(b,'dialysis-snomed-esrd-only','ESRD SNOMED 46177005 only, no Z99.2; creatinine 7.4')
b=load('rrmm-dialysis'); drop(b,lambda r:r.get('id') in('dialysis-dep-1','esrd-1'))
add(b,{'resourceType':'Procedure','id':'hd-1','status':'completed','code':{'coding':[{'system':SCT,'code':'302497006','display':'Hemodialysis'}]},'subject':{'reference':pat(b)},'performedDateTime':'2026-10-28'})
save(b,'dialysis-procedure-snomed-hd','no dialysis/ESRD conditions; haemodialysis Procedure SNOMED 302497006 on 2026-10-28')
# myeloma coding
b=load('rrmm-isa-pd-candidate'); recode(b,'mm-1',SCT,'109989006','Multiple myeloma'); save(b,'mm-snomed-only','myeloma SNOMED 109989006 only')
b=load('rrmm-isa-pd-candidate'); recode(b,'mm-1',ICD,'C90.01','Multiple myeloma in remission'); save(b,'mm-icd-remission-with-progression','C90.01 (in remission) coded, but progression Observation 2026-09-12')
for ver in ['provisional','refuted','entered-in-error']:
    b=load('ndmm-transplant-ineligible'); get(b,'mm-1')['verificationStatus']['coding'][0]['code']=ver; save(b,'mm-ver-'+ver,f'ndmm-transplant-ineligible with myeloma verificationStatus {ver}')
# deceased
for tag,v in {'before':{'deceasedDateTime':'2025-01-01'},'after':{'deceasedDateTime':'2027-01-01'},'boolean':{'deceasedBoolean':True},'boolean-false':{'deceasedBoolean':False},'date-only-year':{'deceasedDateTime':'2026'}}.items():
    b=load('rrmm-isa-pd-candidate'); p=next(r for r in res(b) if r['resourceType']=='Patient'); p.update(v); save(b,'deceased-'+tag,f'Patient {v}')
# unknown / novel drugs replacing line 3
def stmt(b,i,coding,text,start,end):
    add(b,{'resourceType':'MedicationStatement','id':i,'status':'completed','medicationCodeableConcept':{'coding':coding,'text':text} if coding else {'text':text},'subject':{'reference':pat(b)},'effectivePeriod':{'start':start,'end':end}})
for tag,coding,text in [('study-drug-unknown-rxnorm',[{'system':RX,'code':'9999991','display':'investigational agent'}],'Study drug XYZ-123'),
                        ('belantamab-text',[],'belantamab mafodotin'),('teclistamab-text',[],'teclistamab-cqyv'),
                        ('selinexor-text',[],'selinexor'),('venetoclax-text',[],'venetoclax')]:
    b=load('rrmm-isa-pd-candidate'); drop(b,lambda r:r.get('id','') in ('line3-ird-ixazomib','line3-ird-lenalidomide'))
    stmt(b,'line3-x',coding,text,'2024-08-26','2026-09-15')
    save(b,'novel-'+tag,f'line 3 = {text} + dexamethasone 2024-08-26..2026-09-15, progression 2026-09-12')
# other cancer: lymphoma R-CHOP with reasonCode only, before myeloma
for tag in ['reasoncode','no-reason']:
    b=load('rrmm-isa-pd-candidate')
    cond(b,'dlbcl-1',ICD,'C83.30','Diffuse large B-cell lymphoma, unspecified site',onset='2014-11-01',clin='remission')
    for c,n in [('3002','cyclophosphamide'),('3639','doxorubicin'),('11202','vincristine'),('8640','prednisone'),('121191','rituximab')]:
        r={'resourceType':'MedicationStatement','id':'rchop-'+n,'status':'completed','medicationCodeableConcept':med(c,n),'subject':{'reference':pat(b)},'effectivePeriod':{'start':'2015-01-05','end':'2015-05-20'}}
        if tag=='reasoncode': r['reasonCode']=[{'coding':[{'system':ICD,'code':'C83.30'}],'text':'DLBCL'}]
        add(b,r)
    save(b,'other-cancer-rchop-'+tag,f'R-CHOP 2015 for DLBCL ({tag}), myeloma diagnosed 2019: R-CHOP is not a myeloma line')
# sparse dara: both dara and bortezomib as sparse admins only
b=load('rrmm-dvd-sparse-daratumumab'); drop(b,lambda r:r.get('id') in('line2-dvd-bortezomib',))
for n,dt in enumerate(['2025-02-24','2025-03-03','2025-03-10','2025-06-02','2025-08-25']):
    add(b,{'resourceType':'MedicationAdministration','id':f'line2-btz-{n}','status':'completed','medicationCodeableConcept':med('358258','bortezomib'),'subject':{'reference':pat(b)},'effectiveDateTime':dt+'T10:00:00+01:00'})
save(b,'dvd-all-sparse-admins','D-Vd: dara admins 02-24..04-07, bortezomib admins last 2025-08-25; progression 2025-09-22 -> dara (same line) refractory, bortezomib refractory')
