import json, copy, os
S='/work/wt-qa/fhir-samples/'; O='/work/wt-qa/qa-bundles/'
RX='http://www.nlm.nih.gov/research/umls/rxnorm'
def load(n): return json.load(open(S+n+'.json'))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def drop(b,pred): b['entry']=[e for e in b['entry'] if not pred(e['resource'])]
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:qa-'+r['id'],'resource':r})
def save(b,n,story):
    b.setdefault('meta',{})
    b['id']='qa-'+n
    json.dump(b,open(O+n+'.json','w'),indent=1)
    open(O+n+'.story.txt','w').write(story+'\n')
def pat(b): return 'Patient/'+next(r for r in res(b) if r['resourceType']=='Patient')['id']
def med(code,name): return {'coding':[{'system':RX,'code':code,'display':name}],'text':name}
IXA=('1723735','ixazomib'); LEN=('342369','lenalidomide'); DEX=('3264','dexamethasone'); POM=('1369713','pomalidomide')
def req(b,i,drug,status='active',**kw):
    r={'resourceType':'MedicationRequest','id':i,'status':status,'intent':'order','medicationCodeableConcept':med(*drug),'subject':{'reference':pat(b)}}
    r.update(kw); add(b,r); return r
def isapd_line3_to(b, maker):
    drop(b, lambda r: r.get('id','').startswith('line3-'))
    for d,k in ((IXA,'ixazomib'),(LEN,'lenalidomide'),(DEX,'dexamethasone')): maker(b,'line3-'+k,d)

# 1 MedicationRequest authoredOn only, active
for st in ['active','completed','stopped','on-hold','cancelled','entered-in-error','draft']:
    b=load('rrmm-isa-pd-candidate')
    isapd_line3_to(b, lambda b,i,d: req(b,i,d,status=st,authoredOn='2024-08-26'))
    save(b,'req-authored-only-'+st,f'Line 3 IRd recorded only as MedicationRequests status={st}, authoredOn 2024-08-26, nothing else; progression 2026-09-12.')
# 2 dispenseRequest
b=load('rrmm-isa-pd-candidate')
isapd_line3_to(b, lambda b,i,d: req(b,i,d,status='completed',authoredOn='2024-08-26',dispenseRequest={'numberOfRepeatsAllowed':24,'expectedSupplyDuration':{'value':28,'unit':'days','system':'http://unitsofmeasure.org','code':'d'}}))
save(b,'req-supply-repeats','IRd as completed requests authored 2024-08-26, 28-day supply, 24 repeats (to ~2026-08-26); progression 2026-09-12 -> within 60 d: refractory.')
b=load('rrmm-isa-pd-candidate')
isapd_line3_to(b, lambda b,i,d: req(b,i,d,status='completed',authoredOn='2024-08-26',dispenseRequest={'validityPeriod':{'start':'2024-08-26','end':'2026-09-15'}}))
save(b,'req-validity-period','IRd as requests with validityPeriod 2024-08-26..2026-09-15; progression 2026-09-12.')
b=load('rrmm-isa-pd-candidate')
isapd_line3_to(b, lambda b,i,d: req(b,i,d,status='completed',authoredOn='2024-08-26',dosageInstruction=[{'text':'per cycle','timing':{'repeat':{'boundsPeriod':{'start':'2024-08-26','end':'2026-09-15'},'frequency':1,'period':1,'periodUnit':'d'}}}]))
save(b,'req-bounds-period','IRd as requests with dosageInstruction.timing.repeat.boundsPeriod 2024-08-26..2026-09-15; progression 2026-09-12.')
b=load('rrmm-isa-pd-candidate')
isapd_line3_to(b, lambda b,i,d: req(b,i,d,status='active',authoredOn='2024-08-26',dosageInstruction=[{'timing':{'repeat':{'boundsDuration':{'value':6,'unit':'mo','system':'http://unitsofmeasure.org','code':'mo'}}}}]))
save(b,'req-bounds-duration-6mo','IRd requests authored 2024-08-26, active, boundsDuration 6 months (to ~2025-02-26); progression 2026-09-12: >60 d after a 6-month course -> not refractory by the stated bounds, but active status says ongoing: expect UNKNOWN or not refractory with policy.')
# 3 Dispense-only pomalidomide
b=load('rrmm-isa-pd-candidate')
def disp(b,i,d,when,days):
    add(b,{'resourceType':'MedicationDispense','id':i,'status':'completed','medicationCodeableConcept':med(*d),'subject':{'reference':pat(b)},'whenHandedOver':when,'daysSupply':{'value':days,'unit':'day','system':'http://unitsofmeasure.org','code':'d'}})
drop(b, lambda r: r.get('id','').startswith('line3-'))
for n,(m) in enumerate(['2024-08-26','2024-09-23','2024-10-21','2025-06-02','2026-07-20','2026-08-17']):
    disp(b,f'line3-len-{n}',LEN,m,21); disp(b,f'line3-ixa-{n}',IXA,m,21)
save(b,'dispense-only-ird','Line 3 IRd as MedicationDispense of lenalidomide + ixazomib (daysSupply 21), last 2026-08-17 (covers to 2026-09-06); progression 2026-09-12 within 60 d -> both refractory.')
# 3b dispense-only, last dispense long before
b=load('rrmm-isa-pd-candidate')
drop(b, lambda r: r.get('id','').startswith('line3-'))
for n,m in enumerate(['2024-08-26','2024-09-23','2024-10-21']):
    disp(b,f'line3-len-{n}',LEN,m,21); disp(b,f'line3-ixa-{n}',IXA,m,21)
save(b,'dispense-only-ird-stopped-2024','IRd dispensed 3 times, last 2024-10-21 (to 2024-11-11); progression 2026-09-12 -> NOT refractory to ixazomib (22 months later); lenalidomide still refractory from line 1/2.')
# 4 partial dates
for tag,end,prog in [('end-month','2026-09','2026-09-12'),('end-year','2026','2026-09-12'),('prog-month','2026-09-15','2026-11'),('end-year-2025','2025','2026-09-12')]:
    b=load('rrmm-isa-pd-candidate')
    get(b,'line3-ird-ixazomib')['effectivePeriod']['end']=end
    get(b,'progression-3')['effectiveDateTime']=prog
    save(b,'partial-'+tag,f'ixazomib end {end}, progression-3 {prog} (lenalidomide/dex of line 3 end 2026-09-15).')
b=load('rrmm-isa-pd-candidate'); get(b,'egfr-1')['effectiveDateTime']='2026'
save(b,'partial-egfr-year','eGFR 52 dated "2026" only: could be Jan 2026 (stale >90 d) -> renal currentness unknown.')
b=load('rrmm-isa-pd-candidate'); get(b,'egfr-1')['effectiveDateTime']='2026-10'
save(b,'partial-egfr-month','eGFR 52 dated "2026-10": within 90 d whatever the day.')
b=load('rrmm-isa-pd-candidate'); get(b,'mm-1')['onsetDateTime']='2019'
save(b,'partial-dx-year','myeloma onset "2019".')
# 5 comparators / units
for tag,q in [('lt15',{'value':15,'comparator':'<','unit':'mL/min/1.73m2','system':'http://unitsofmeasure.org','code':'mL/min/{1.73_m2}'}),
              ('gt60',{'value':60,'comparator':'>','unit':'mL/min/1.73m2','system':'http://unitsofmeasure.org','code':'mL/min/{1.73_m2}'}),
              ('lt30',{'value':30,'comparator':'<','unit':'mL/min/1.73m2','system':'http://unitsofmeasure.org','code':'mL/min/{1.73_m2}'}),
              ('nounit',{'value':52}),
              ('wrongunit-mgdl',{'value':52,'unit':'mg/dL','system':'http://unitsofmeasure.org','code':'mg/dL'})]:
    b=load('rrmm-isa-pd-candidate'); get(b,'egfr-1')['valueQuantity']=q
    save(b,'egfr-'+tag,f'eGFR valueQuantity {q}')
# creatinine only
for tag,q in [('umol',{'value':300,'unit':'umol/L','system':'http://unitsofmeasure.org','code':'umol/L'}),('mgdl',{'value':3.4,'unit':'mg/dL','system':'http://unitsofmeasure.org','code':'mg/dL'}),('umol-in-mass-code',{'value':300,'unit':'umol/L','system':'http://unitsofmeasure.org','code':'umol/L'})]:
    b=load('rrmm-isa-pd-candidate'); e=get(b,'egfr-1'); e['id']='creat-1'
    e['code']={'coding':[{'system':'http://loinc.org','code':'14682-9' if tag!='mgdl' else '2160-0'}]}
    if tag=='umol-in-mass-code': e['code']={'coding':[{'system':'http://loinc.org','code':'2160-0'}]}
    e['valueQuantity']=q
    save(b,'creatinine-'+tag,f'no eGFR; serum creatinine {q} (code {e["code"]["coding"][0]["code"]}); 68 y female')
