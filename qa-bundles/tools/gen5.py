exec(open('/tmp/qa/gen2.py').read().split('# COPD')[0])
DARA=('1721947','daratumumab')
# 10: foreign patient's daratumumab in an NDMM bundle
b=load('ndmm-transplant-ineligible')
add(b,{'resourceType':'Patient','id':'other-pt','gender':'male','birthDate':'1950-01-01'})
add(b,{'resourceType':'MedicationStatement','id':'other-dara','status':'completed','medicationCodeableConcept':med(*DARA),'subject':{'reference':'Patient/other-pt'},'effectivePeriod':{'start':'2025-01-01','end':'2025-06-01'}})
save(b,'two-patients-foreign-dara','NDMM bundle that also carries a second Patient and his daratumumab statement: must refuse (two patients) or ignore the foreign record')
b=load('ndmm-transplant-ineligible')
add(b,{'resourceType':'MedicationStatement','id':'other-dara','status':'completed','medicationCodeableConcept':med(*DARA),'subject':{'reference':'Patient/not-in-bundle'},'effectivePeriod':{'start':'2025-01-01','end':'2025-06-01'}})
save(b,'foreign-subject-dara','NDMM bundle with a daratumumab statement whose subject is Patient/not-in-bundle: must not become this patient\'s exposure')
b=load('ndmm-transplant-ineligible')
add(b,{'resourceType':'MedicationStatement','id':'nosubj-dara','status':'completed','medicationCodeableConcept':med(*DARA),'effectivePeriod':{'start':'2025-01-01','end':'2025-06-01'}})
save(b,'no-subject-dara','NDMM bundle with a daratumumab statement with no subject')
# 12: observation statuses on progression / egfr
for st in ['entered-in-error','cancelled','preliminary','amended']:
    b=load('rrmm-isa-pd-candidate'); get(b,'progression-3')['status']=st
    save(b,'progression-status-'+st,f'progression-3 Observation status={st}')
b=load('rrmm-isa-pd-candidate'); get(b,'egfr-1')['status']='entered-in-error'
save(b,'egfr-status-entered-in-error','eGFR status entered-in-error: renal unknown expected')
# 13: eGFR in mL/min (no BSA)
b=load('rrmm-isa-pd-candidate'); get(b,'egfr-1')['valueQuantity']={'value':52,'unit':'mL/min','system':'http://unitsofmeasure.org','code':'mL/min'}
save(b,'egfr-unit-ml-min','eGFR LOINC 98979-8 reported in mL/min')
# 14: LVEF variants on rrmm-copd (carfilzomib regimens care about LVEF)
for tag,v in {'string-range':{'valueString':'55-60%'},'gt55':{'valueQuantity':{'value':55,'comparator':'>','unit':'%','system':'http://unitsofmeasure.org','code':'%'}},'lt40':{'valueQuantity':{'value':40,'comparator':'<','unit':'%','system':'http://unitsofmeasure.org','code':'%'}},'fraction-0.35':{'valueQuantity':{'value':0.35,'unit':'1','system':'http://unitsofmeasure.org','code':'1'}}}.items():
    b=load('rrmm-copd'); r=get(b,'lvef-1'); r.pop('valueQuantity',None); r.update(v)
    save(b,'lvef-'+tag,f'rrmm-copd with LVEF {v}')
# 9: no birthDate
b=load('ndmm-transplant-ineligible'); p=next(r for r in res(b) if r['resourceType']=='Patient'); p.pop('birthDate',None)
drop(b,lambda r:r.get('id')=='transplant-eligibility-1')
save(b,'ndmm-no-birthdate','NDMM without birthDate and without transplant-eligibility statement')
# 15: progression coded text only
b=load('rrmm-isa-pd-candidate'); get(b,'progression-3')['valueCodeableConcept']={'text':'PD'}
save(b,'progression-text-only','progression-3 valueCodeableConcept text "PD" only, no coding')
# 1: maintenance lenalidomide without CarePlan links, started 2 months after ASCT
b=load('rrmm-isa-pd-candidate')
for r in res(b): r.pop('basedOn',None)
drop(b,lambda r:r['resourceType']=='CarePlan')
save(b,'no-careplan-links','isa-pd candidate without CarePlan/basedOn: VRd -> ASCT -> len maintenance must still be one line')
