exec(open('/tmp/qa/gen2.py').read().split('# COPD')[0])
import datetime
# replay truncated bundles for isa-pd at 2026-09-01 and 2024-09-01
def truncate(b, cut):
    out=[]
    for e in b['entry']:
        r=e['resource']; s=json.dumps(r)
        d=r.get('effectiveDateTime') or r.get('onsetDateTime') or r.get('authoredOn') or (r.get('effectivePeriod') or {}).get('start') or r.get('performedDateTime') or (r.get('performedPeriod') or {}).get('start')
        if d and d[:10]>cut: continue
        r=copy.deepcopy(r)
        ep=r.get('effectivePeriod')
        if ep and ep.get('end','')[:10]>cut: del ep['end']; r['status']='active'
        out.append({'fullUrl':e.get('fullUrl'),'resource':r})
    b['entry']=out; return b
for cut in ['2026-09-01','2024-09-01','2022-09-25']:
    b=load('rrmm-isa-pd-candidate'); save(truncate(b,cut),'replay-trunc-'+cut,f'isa-pd candidate truncated at {cut} (later records removed; periods ending later made open/active) - compare with full bundle at --as-of {cut}')
# condition onset after asOf; allergy after asOf
b=load('rrmm-isa-pd-candidate')
cond(b,'copd-late',ICD,'J44.9','COPD',onset='2026-10-15')
add(b,{'resourceType':'AllergyIntolerance','id':'allergy-late','clinicalStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical','code':'active'}]},'type':'allergy','code':{'text':'isatuximab'},'patient':{'reference':pat(b)},'recordedDate':'2026-10-16','onsetDateTime':'2026-10-16'})
save(b,'replay-late-condition-allergy','COPD onset 2026-10-15 and isatuximab allergy 2026-10-16; evaluate at --as-of 2026-10-01: neither may be read')
# partial progression month straddling 60 days
b=load('rrmm-isa-pd-candidate')
for i in ('line3-ird-ixazomib','line3-ird-lenalidomide','line3-ird-dexamethasone'): get(b,i)['effectivePeriod']['end']='2026-07-20'
get(b,'progression-3')['effectiveDateTime']='2026-09'
save(b,'partial-prog-month-straddle','line 3 ends 2026-07-20; progression "2026-09" = 43..72 days after: refractoriness UNKNOWN')
# MedicationStatement statuses
for st in ['entered-in-error','not-taken','intended','stopped']:
    b=load('rrmm-isa-pd-candidate')
    for i in ('line3-ird-ixazomib','line3-ird-lenalidomide','line3-ird-dexamethasone'): get(b,i)['status']=st
    save(b,'stmt-status-'+st,f'line 3 IRd MedicationStatements status={st}')
# teclistamab line AFTER progression-3 then progression again: 4 lines, triple-class refractory
b=load('rrmm-isa-pd-candidate')
add(b,{'resourceType':'MedicationStatement','id':'line4-tec','status':'completed','medicationCodeableConcept':{'text':'teclistamab'},'subject':{'reference':pat(b)},'effectivePeriod':{'start':'2026-09-20','end':'2026-10-20'}})
get(b,'egfr-1')['effectiveDateTime']='2026-10-25'
add(b,{'resourceType':'Observation','id':'progression-4','status':'final','code':{'coding':[{'system':'http://loinc.org','code':'97509-4'}]},'subject':{'reference':pat(b)},'effectiveDateTime':'2026-10-22','valueCodeableConcept':{'coding':[{'system':SCT,'code':'271299001','display':"Patient's condition worsened"}]}})
save(b,'novel-teclistamab-line4-text','teclistamab (text only, no code) 2026-09-20..10-20 after progression-3, progression-4 2026-10-22: 4 prior lines, BCMA bispecific exposed')
