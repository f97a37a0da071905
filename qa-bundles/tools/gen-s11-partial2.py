# Session 2026-12-04/05 night (helper "partial2"): issue 10 bullet 3 for the inputs still read by the first day of a
# partial date: the antibody screen against the first anti-CD38 dose, free light chains, Karnofsky/ECOG, the age from a
# partial birth date, and a rival serum creatinine given as a bound. Run from the project root; writes qa-bundles/s11c-*.
import json, copy
O='qa-bundles/'; S='fhir-samples/'
LOINC='http://loinc.org'; UCUM='http://unitsofmeasure.org'; SCT='http://snomed.info/sct'

def load(p): return json.load(open(p))
def subject(b):
    return next(e['resource']['subject'] for e in b['entry'] if e['resource']['resourceType']=='Observation')
def obs(i, code, date, qty=None, unit=None, display=None, concept=None, integer=None, comparator=None, cat='laboratory'):
    r={'resourceType':'Observation','id':i,'status':'final',
       'category':[{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/observation-category','code':cat}]}],
       'code':{'coding':[{'system':LOINC,'code':code}|({'display':display} if display else {})]},
       'effectiveDateTime':date}
    if qty is not None:
        r['valueQuantity']={'value':qty,'unit':unit,'system':UCUM,'code':unit}
        if comparator: r['valueQuantity']['comparator']=comparator
    if concept is not None: r['valueCodeableConcept']=concept
    if integer is not None: r['valueInteger']=integer
    return {'fullUrl':'https://example.org/fhir/Observation/'+i,'resource':r}

def write(b, name, story, add=(), drop=(), patient=None):
    b=copy.deepcopy(b)
    subj=subject(b)
    b['entry']=[e for e in b['entry'] if e['resource'].get('id') not in drop]
    for e in add: e['resource']['subject']=subj
    b['entry']+=list(add)
    if patient:
        for e in b['entry']:
            if e['resource']['resourceType']=='Patient': e['resource'].update(patient)
    b['id']='s11c-'+name
    json.dump(b,open(O+'s11c-'+name+'.json','w'),indent=1)
    open(O+'s11c-'+name+'.story.txt','w').write(story+'\n')

NEG={'coding':[{'system':SCT,'code':'260385009','display':'Negative'}]}

# ---- 1. antibody screen against the first anti-CD38 dose ------------------------------------------------------------
dara=load(S+'rrmm-prior-dara-short-washout.json')   # D-Vd from 2024-07-08; no blood group or antibody screen on file
def screen(date): return obs('antibody-screen-1','890-4',date,concept=NEG,display='Blood group antibody screen')
write(dara,'screen-month-straddles-first-dara',
    'From fhir-samples/rrmm-prior-dara-short-washout (daratumumab from 2024-07-08): an antibody screen (negative) dated '
    'only "2024-07", as a transfusion-service export that keeps the month. It may be the pre-treatment baseline (1-7 July) '
    'or a screen taken on daratumumab (8-31 July), whose result may already reflect the interference. Right: whether a '
    'pre-treatment screen is on record is unknown, a data gap naming Observation/antibody-screen-1 and the first '
    'daratumumab dose. Wrong: read as 1 July, a baseline screen, so nothing is said.', add=[screen('2024-07')])
write(dara,'screen-month-before-first-dara',
    'Near miss of screen-month-straddles-first-dara: the screen is dated only "2024-06", every day of which is before '
    'the first daratumumab dose (2024-07-08): a pre-treatment screen, no gap.', add=[screen('2024-06')])

# ---- 2./3. free light chains, Karnofsky ------------------------------------------------------------------------------
isapd=load(S+'rrmm-isa-pd-candidate.json')          # RRMM after 3 lines; ECOG, eGFR, ABO, screen on 2026-10-20
def kappa(i, date, v): return obs(i,'36916-5',date,v,'mg/L','Kappa light chains.free [Mass/volume] in Serum')
def karnofsky(i, date, v): return obs(i,'89243-0',date,integer=v,display='Karnofsky Performance Status score',cat='survey')
write(isapd,'flc-month-vs-day-differ',
    'From fhir-samples/rrmm-isa-pd-candidate: free kappa 45 mg/L on 2026-10-20 and 310 mg/L dated only "2026-10" (a '
    'reference-lab result imported with the month). Which is the latest depends on the unknown day (21-31 October makes '
    'it 310). Right: the current free kappa shown as undecided, both records named. Wrong: 45 mg/L because 1 October is '
    'before 20 October.', add=[kappa('flc-kappa-day','2026-10-20',45), kappa('flc-kappa-month','2026-10',310)])
write(isapd,'flc-month-vs-day-agree',
    'Near miss of flc-month-vs-day-differ: both free kappa results read 45 mg/L, so the choice decides nothing and 45 '
    'mg/L is current.', add=[kappa('flc-kappa-day','2026-10-20',45), kappa('flc-kappa-month','2026-10',45)])
write(isapd,'karnofsky-month-vs-day-differ',
    'From fhir-samples/rrmm-isa-pd-candidate: Karnofsky 90 on 2026-10-20 and 50 dated only "2026-10" (a ward '
    'assessment imported with the month). Which is current depends on the unknown day. Right: the current Karnofsky '
    'shown as undecided, both records named. Wrong: 90 because 1 October is before 20 October.',
    add=[karnofsky('kps-day','2026-10-20',90), karnofsky('kps-month','2026-10',50)])
write(isapd,'karnofsky-month-before-day',
    'Near miss of karnofsky-month-vs-day-differ: the Karnofsky of 50 is dated "2026-09", every day of which is before '
    '2026-10-20: Karnofsky 90 is current.',
    add=[karnofsky('kps-day','2026-10-20',90), karnofsky('kps-month','2026-09',50)])

# ---- 4. age from a partial birth date ---------------------------------------------------------------------------------
write(isapd,'age-year-only-74-or-75',
    'From fhir-samples/rrmm-isa-pd-candidate (RRMM, 3 prior lines): the birth date is recorded only as "1951" (a '
    'de-identified export that keeps the year). On 2026-11-01 the patient is 74 (born after 1 November) or 75. Right: the '
    'Isa-Pd/D-Pd dexamethasone reduction from 75 and the ICARIA-MM subgroup aged 75 or more are undecided, a data gap '
    'AGE_IMPRECISE naming Patient/pt-isapd and "1951"; the limits both ages meet (IKEMA 65 or more) are decided. Wrong: '
    'born 1 January 1951, so 75: "Age 75: Isa-Pd dexamethasone 20 mg" and +5 for the ICARIA subgroup as certain.',
    patient={'birthDate':'1951'})
write(isapd,'age-month-75',
    'Near miss of age-year-only-74-or-75: the birth date is "1951-10"; every day of October 1951 makes the patient 75 '
    'on 2026-11-01, so the reduction and the subgroup are decided as for an exact date; no gap.',
    patient={'birthDate':'1951-10'})
te=load(S+'ndmm-transplant-eligible.json')        # NDMM, no transplant-eligibility statement (age proxy)
write(te,'age-year-only-70-or-71-ndmm',
    'From fhir-samples/ndmm-transplant-eligible (NDMM, no clinician statement of transplant eligibility): the birth date '
    'is recorded only as "1955". On 2026-11-01 the patient is 70 or 71. The age proxy (CDS-POLICY-AGE-PROXY) calls over '
    '70 transplant-ineligible and 65-70 undetermined, so the proxy depends on the unknown part. Right: transplant '
    'eligibility undetermined, AGE_IMPRECISE naming the proxy and the PERSEUS/GMMG-HD7 range (18-70). Wrong: born 1 '
    'January 1955, so 71: "Presumed transplant-ineligible" and the transplant-ineligible regimens ranked on it.',
    patient={'birthDate':'1955'})
write(te,'age-month-71-ndmm',
    'Near miss of age-year-only-70-or-71-ndmm: the birth date is "1955-06"; every day of June 1955 makes the patient 71 '
    'on 2026-11-01, so the proxy decides transplant-ineligible as for an exact date.',
    patient={'birthDate':'1955-06'})

# ---- 5. a rival serum creatinine given as a bound ---------------------------------------------------------------------
cr=load(O+'creatinine-mgdl.json')                    # 68-year-old woman (born 1958-03-14), RRMM after 3 lines, no eGFR
def creat(i, date, mg, comparator=None): return obs(i,'2160-0',date,mg,'mg/dL','Creatinine [Mass/volume] in Serum or Plasma',comparator=comparator)
def weight(i, date, kg): return obs(i,'29463-7',date,kg,'kg','Body weight',cat='vital-signs')
CG='Cockcroft-Gault for this 68-year-old woman: 0.85 x (140-68) x weight / (72 x creatinine) = 0.85 x weight / creatinine.'
write(cr,'crcl-bound-rival-crosses',
    'From qa-bundles/creatinine-mgdl (no eGFR): serum creatinine 1.2 mg/dL on 2026-10-20 and "<0.5 mg/dL" dated only '
    '"2026-10" (a point-of-care result below the reporting limit, imported with the month), weight 70 kg on 2026-10-20. '
    +CG+' From 1.2 mg/dL: 49.6 mL/min (IMWG moderate, below the 50 and 60 limits); if "<0.5" is the latest (21-31 '
    'October), the clearance is above 119 mL/min (normal). Right: creatinine clearance undecided, not used, every input '
    'named (RENAL_RESULT_STALE). Wrong: 49.6 mL/min because 1 October is before 20 October and a bound is not weighed.',
    add=[creat('creat-day','2026-10-20',1.2), creat('creat-bound','2026-10',0.5,'<'), weight('weight-1','2026-10-20',70)],
    drop=['creat-1'])
write(cr,'crcl-bound-rival-same-side',
    'Near miss of crcl-bound-rival-crosses: creatinine 6.0 mg/dL on 2026-10-20 (9.9 mL/min, kidney failure band) and '
    '">10 mg/dL" dated only "2026-10" (a clearance below 6 mL/min). Either is below 11 (the lowest renal threshold the '
    'rules read) and so below every other, so the estimate from 6.0 mg/dL is used as computed. (With 4.0 mg/dL, 14.9 '
    'mL/min, the bound would straddle 11 and leave it undecided.)',
    add=[creat('creat-day','2026-10-20',6.0), creat('creat-bound','2026-10',10,'>'), weight('weight-1','2026-10-20',70)],
    drop=['creat-1'])
print('ok')
