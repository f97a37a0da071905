exec(open('/tmp/qa/gen2.py').read().split('# COPD')[0])
DARA=('1721947','daratumumab'); BTZ=('358258','bortezomib'); LEN=('342369','lenalidomide'); DEX=('3264','dexamethasone')
# NDMM patient with a proposed/planned D-VRd (not given)
for intent in ['proposal','plan','order']:
    b=load('ndmm-transplant-ineligible')
    for d in (DARA,BTZ,LEN,DEX):
        req(b,'plan-'+d[1],d,status='active' if intent!='order' else 'draft',intent=intent,authoredOn='2026-10-28') if False else None
        r={'resourceType':'MedicationRequest','id':'plan-'+d[1],'status':'active' if intent!='order' else 'draft','intent':intent,'medicationCodeableConcept':med(*d),'subject':{'reference':pat(b)},'authoredOn':'2026-10-28',
           'dosageInstruction':[{'timing':{'repeat':{'boundsPeriod':{'start':'2026-11-10'}}}}]}
        add(b,r)
    save(b,'ndmm-proposed-dvrd-'+intent,f'NDMM TI patient; D-VRd MedicationRequests intent={intent} authored 2026-10-28, to start 2026-11-10 (after asOf): not yet given - still NDMM, anti-CD38 naive')
# scheduled order (active, intent order) starting after asOf
b=load('ndmm-transplant-ineligible')
for d in (DARA,BTZ,LEN,DEX):
    add(b,{'resourceType':'MedicationRequest','id':'sched-'+d[1],'status':'active','intent':'order','medicationCodeableConcept':med(*d),'subject':{'reference':pat(b)},'authoredOn':'2026-10-28','dosageInstruction':[{'timing':{'repeat':{'boundsPeriod':{'start':'2026-11-10'}}}}]})
save(b,'ndmm-scheduled-dvrd-order','NDMM; active D-VRd orders authored 2026-10-28 with boundsPeriod.start 2026-11-10 (after asOf 2026-11-01): nothing given yet')
# dara administration not-done / entered-in-error in NDMM
for st in ['not-done','entered-in-error']:
    b=load('ndmm-transplant-ineligible')
    add(b,{'resourceType':'MedicationAdministration','id':'dara-x','status':st,'medicationCodeableConcept':med(*DARA),'subject':{'reference':pat(b)},'effectiveDateTime':'2026-10-20T10:00:00Z'})
    save(b,'ndmm-dara-admin-'+st,f'NDMM; one daratumumab MedicationAdministration status={st} 2026-10-20: not given')
# non-cancer drug with unknown code in myeloma patient
b=load('rrmm-isa-pd-candidate')
add(b,{'resourceType':'MedicationStatement','id':'statin','status':'active','medicationCodeableConcept':{'coding':[{'system':RX,'code':'617312','display':'atorvastatin 10 MG Oral Tablet'}],'text':'atorvastatin 10 mg'},'subject':{'reference':pat(b)},'effectivePeriod':{'start':'2020-01-01'}})
add(b,{'resourceType':'MedicationStatement','id':'acyclovir','status':'active','medicationCodeableConcept':{'text':'aciclovir 400 mg bd (antiviral prophylaxis)'},'subject':{'reference':pat(b)},'effectivePeriod':{'start':'2022-10-10'}})
save(b,'noncancer-drugs','isa-pd candidate plus atorvastatin (RxNorm SCD) and aciclovir (text only): neither is anti-myeloma; no change expected')
