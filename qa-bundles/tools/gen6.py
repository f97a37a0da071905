exec(open('/tmp/qa/gen2.py').read().split('# COPD')[0])
DARA=('1721947','daratumumab')
for tag,subj in {'identifier':{'identifier':{'system':'https://example.org/fhir/sid/mrn','value':'MRN-PT-NDMM-TI'}},'absolute-url':{'reference':'https://ehr.example.org/fhir/Patient/pt-ndmm-ti'},'display-only':{'display':'Rosa Bianchi'}}.items():
    b=load('ndmm-transplant-ineligible')
    add(b,{'resourceType':'MedicationStatement','id':'dara-x','status':'completed','medicationCodeableConcept':med(*DARA),'subject':subj,'effectivePeriod':{'start':'2025-01-01','end':'2025-06-01'}})
    save(b,'subject-'+tag+'-dara',f'NDMM bundle + daratumumab 2025-01..06 whose subject is {subj} (same patient, other reference form)')
