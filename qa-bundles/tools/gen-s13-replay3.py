# Session 13 (replay3): issue 10 item 10 — a replay reads nothing dated after --as-of, counts included. Run from the
# worktree root; writes qa-bundles/s13y-*.json with a story in s13y-*.story.txt. Base: fhir-samples/rrmm-one-prior-line
# (pt-oneline: VRd -> ASCT -> lenalidomide maintenance, progression 2026-09, evaluated at 2026-11-01).
import copy, json
O='qa-bundles/'
def load(path): return json.load(open(path))
def save(b,n,story):
    b['id']='s13y-'+n
    json.dump(b,open(O+'s13y-'+n+'.json','w'),indent=1)
    open(O+'s13y-'+n+'.story.txt','w').write(story.strip()+'\n')
BASE=load('fhir-samples/rrmm-one-prior-line.json')
PT=next(e for e in BASE['entry'] if e['resource']['resourceType']=='Patient')['fullUrl']
def subj(): return {'reference':PT}
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:s13y-'+r['id'],'resource':r})

def skipped_types(b,day,tag):
    """Resources of types the engine does not read, and an Observation it does not read, all dated on `day`."""
    add(b,{'resourceType':'CarePlan','id':'cp-'+tag,'status':'active','intent':'plan','title':'Supportive care plan',
           'subject':subj(),'created':day,'period':{'start':day}})
    add(b,{'resourceType':'Encounter','id':'enc-'+tag,'status':'finished',
           'class':{'system':'http://terminology.hl7.org/CodeSystem/v3-ActCode','code':'AMB'},
           'subject':subj(),'period':{'start':day+'T09:00:00Z','end':day+'T10:00:00Z'}})
    add(b,{'resourceType':'DiagnosticReport','id':'dr-'+tag,'status':'final','code':{'text':'Bone marrow biopsy report'},
           'subject':subj(),'effectiveDateTime':day,'issued':day+'T16:00:00Z'})
    add(b,{'resourceType':'Immunization','id':'imm-'+tag,'status':'completed',
           'vaccineCode':{'text':'Influenza vaccine'},'patient':subj(),'occurrenceDateTime':day})
    # Body temperature: an Observation whose code the engine does not read ("Observation (unrecognised code)").
    add(b,{'resourceType':'Observation','id':'temp-'+tag,'status':'final',
           'code':{'coding':[{'system':'http://loinc.org','code':'8310-5','display':'Body temperature'}]},
           'subject':subj(),'effectiveDateTime':day,'valueQuantity':{'value':36.8,'unit':'Cel','system':'http://unitsofmeasure.org','code':'Cel'}})
    # Another patient's condition (counted "Condition (subject is another patient)").
    add(b,{'resourceType':'Condition','id':'other-'+tag,'code':{'text':'Hypertension'},
           'subject':{'reference':'Patient/someone-else'},'onsetDateTime':day,'recordedDate':day})
    # A supportive drug the engine names, with no code (counted "MedicationStatement (supportive care)").
    add(b,{'resourceType':'MedicationStatement','id':'ms-omeprazole-'+tag,'status':'active',
           'medicationCodeableConcept':{'text':'omeprazole 20 mg'},'subject':subj(),'effectivePeriod':{'start':day}})
    # Read types: a dispense of a supportive drug the engine names (counted "MedicationDispense (supportive care)")
    # and a penicillin allergy (findings.allergies).
    add(b,{'resourceType':'MedicationDispense','id':'md-acyclovir-'+tag,'status':'completed',
           'medicationCodeableConcept':{'text':'acyclovir 400 mg'},'subject':subj(),'whenHandedOver':day,
           'daysSupply':{'value':30,'unit':'d','system':'http://unitsofmeasure.org','code':'d'}})
    add(b,{'resourceType':'AllergyIntolerance','id':'allergy-pen-'+tag,
           'clinicalStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical','code':'active'}]},
           'code':{'coding':[{'system':'http://snomed.info/sct','code':'91936005','display':'Allergy to penicillin'}]},
           'patient':subj(),'recordedDate':day})

def undated(b):
    add(b,{'resourceType':'Practitioner','id':'dr-haem','name':[{'family':'Haematologist'}]})
    add(b,{'resourceType':'CarePlan','id':'cp-undated','status':'active','intent':'plan','title':'Undated care plan','subject':subj()})

whole=copy.deepcopy(BASE); undated(whole)
skipped_types(whole,'2026-10-20','before'); skipped_types(whole,'2026-11-20','after')
# The same resource sent twice, dated after asOf ("... (same resource sent twice, read once)").
dup=copy.deepcopy(next(e for e in whole['entry'] if e['resource']['id']=='ms-omeprazole-after')); whole['entry'].append(dup)
save(whole,'skipped-types-after-asof','''fhir-samples/rrmm-one-prior-line with, besides its own chart, a CarePlan,
an Encounter, a DiagnosticReport, an Immunization (types the engine does not read), a body-temperature Observation (a code
it does not read), another patient's Condition and an omeprazole statement (a drug it does not know), each once dated
2026-10-20 and once 2026-11-20, the 2026-11-20 omeprazole statement sent twice, and an undated Practitioner and
CarePlan. Evaluated --as-of 2026-11-01. Right (issue 10 item 10): the chart as it stood on 2026-11-01 holds only the
2026-10-20 and undated ones, so findings.skippedResources counts those and nothing dated after asOf: CarePlan 3
(careplan-line1, cp-before, cp-undated), Encounter 1, DiagnosticReport 1, Immunization 1, Practitioner 1, "Observation
(unrecognised code)" 1, "Condition (subject is another patient)" 1, "MedicationStatement (supportive care)" 1,
"MedicationDispense (supportive care)" 1, no "(same resource sent twice, read once)"; one penicillin allergy. The Assessment equals that of s13y-skipped-types-truncated.
Before: every skipped type counted whatever its date (CarePlan 4, Encounter 2, DiagnosticReport 2, Immunization 2,
unrecognised Observations 2, other patient's Conditions 2, "MedicationStatement (same resource sent twice, read
once)" 1).''')

trunc=copy.deepcopy(BASE); undated(trunc); skipped_types(trunc,'2026-10-20','before')
save(trunc,'skipped-types-truncated','''Control for s13y-skipped-types-after-asof: the same chart truncated at
2026-11-01 (every resource dated 2026-11-20 left out). Right: the same Assessment as s13y-skipped-types-after-asof
evaluated --as-of 2026-11-01, skippedResources included.''')

# Near miss: evaluated at a date after every record, nothing is cut and every resource counts.
save(copy.deepcopy(whole),'skipped-types-all-read','''Near miss of s13y-skipped-types-after-asof (identical bundle),
meant to be evaluated --as-of 2026-12-01: every resource is dated on or before then, so all are counted (CarePlan 4,
Encounter 2, DiagnosticReport 2, Immunization 2, "Observation (unrecognised code)" 2, "Condition (subject is another
patient)" 2, "MedicationStatement (supportive care)" 2, "MedicationDispense (supportive care)" 2,
"MedicationStatement (same resource sent twice, read once)" 1).''')
