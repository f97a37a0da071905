# Session 2026-12-05 (helper "partial3"): issue 10 bullets 3 and 4 left open by s11 partial2/orders: a partial anti-CD38
# start against the antibody screen, the JSON age range, the Cockcroft-Gault age at a partial creatinine date, the
# not-started order's line-count range narrowed to the ordered drug, and the hand-over day of a supply exposure.
# Run from the project root; writes qa-bundles/s12p-*.
import json, copy
O='qa-bundles/'; S='fhir-samples/'
LOINC='http://loinc.org'; UCUM='http://unitsofmeasure.org'; SCT='http://snomed.info/sct'

def load(p): return json.load(open(p))
def subject(b):
    return next(e['resource']['subject'] for e in b['entry'] if e['resource']['resourceType']=='Observation')
def obs(i, code, date, qty=None, unit=None, display=None, concept=None, cat='laboratory'):
    r={'resourceType':'Observation','id':i,'status':'final',
       'category':[{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/observation-category','code':cat}]}],
       'code':{'coding':[{'system':LOINC,'code':code}|({'display':display} if display else {})]},
       'effectiveDateTime':date}
    if qty is not None: r['valueQuantity']={'value':qty,'unit':unit,'system':UCUM,'code':unit}
    if concept is not None: r['valueCodeableConcept']=concept
    return {'fullUrl':'https://example.org/fhir/Observation/'+i,'resource':r}

def write(b, name, story, add=(), drop=(), patient=None, patch=None):
    b=copy.deepcopy(b)
    subj=subject(b)
    b['entry']=[e for e in b['entry'] if e['resource'].get('id') not in drop]
    for e in add: e['resource']['subject']=subj
    b['entry']+=list(add)
    for e in b['entry']:
        r=e['resource']
        if patient and r['resourceType']=='Patient': r.update(patient)
        if patch and r.get('id') in patch: patch[r['id']](r)
    b['id']='s12p-'+name
    json.dump(b,open(O+'s12p-'+name+'.json','w'),indent=1)
    open(O+'s12p-'+name+'.story.txt','w').write(story+'\n')

NEG={'coding':[{'system':SCT,'code':'260385009','display':'Negative'}]}

# ---- 1. a partial anti-CD38 start against the antibody screen ----------------------------------------------------------
dara=load(S+'rrmm-prior-dara-short-washout.json')   # D-Vd from 2024-07-08; no blood group or antibody screen on file
def screen(date): return obs('antibody-screen-1','890-4',date,concept=NEG,display='Blood group antibody screen')
def line2_month(r): r['effectivePeriod']['start']='2024-07'
L2={'line2-daratumumab-sc':line2_month,'line2-dvd-bortezomib':line2_month,'line2-dvd-dexamethasone':line2_month}
write(dara,'dara-start-month-screen-inside',
    'From fhir-samples/rrmm-prior-dara-short-washout: the D-Vd line (daratumumab SC, bortezomib, dexamethasone) is '
    'recorded as started "2024-07" (a transcribed outside history that keeps the month), and an antibody screen '
    '(negative) is dated 2024-07-20. The first daratumumab dose is an unknown day of July 2024: the screen is the '
    'pre-treatment baseline if the dose was on 21-31 July, a screen on therapy if on 1-20 July. Right: whether a '
    'pre-treatment screen is on record is undecided, a data gap naming Observation/antibody-screen-1 and the daratumumab '
    'start "2024-07". Wrong: the start read as 1 July, so "taken after anti-CD38 therapy began" as a fact.',
    add=[screen('2024-07-20')], patch=L2)
write(dara,'dara-start-month-screen-after',
    'Near miss of dara-start-month-screen-inside: the screen is dated 2024-08-02, after every day of July 2024, so it '
    'was taken on daratumumab (the interference flag, INFO), no gap.', add=[screen('2024-08-02')], patch=L2)
write(dara,'dara-start-month-screen-before',
    'Near miss of dara-start-month-screen-inside: the screen is dated 2024-06-28, before every day of July 2024, so it '
    'is a pre-treatment baseline: neither the interference flag nor a gap.', add=[screen('2024-06-28')], patch=L2)
print('ok')

# ---- 3. Cockcroft-Gault's age over a partial creatinine date -----------------------------------------------------------
cr=load(O+'creatinine-mgdl.json')                    # woman, RRMM after 3 lines, no eGFR; creat-1 replaced
def creat(i, date, mg): return obs(i,'2160-0',date,mg,'mg/dL','Creatinine [Mass/volume] in Serum or Plasma')
def weight(i, date, kg): return obs(i,'29463-7',date,kg,'kg','Body weight',cat='vital-signs')
write(cr,'crcl-creatinine-month-holds-birthday',
    'From qa-bundles/creatinine-mgdl (no eGFR): born 1958-10-14; serum creatinine 1.0 mg/dL dated only "2026-10" (a '
    'reference-lab result imported with the month), weight 70 kg on 2026-10-20. Cockcroft-Gault (woman): 0.85 x (140 - '
    'age) x 70 / 72. The creatinine was drawn at 67 (1-13 October: 60.3 mL/min) or at 68 (14-31 October: 59.5 mL/min). '
    'Right: a renal threshold of 60 mL/min that lies between them is undecided, a gap naming the inputs. Wrong: the age '
    'at 1 October only, 60.3 mL/min, "at least 60" as a fact.',
    add=[creat('creat-month','2026-10',1.0), weight('weight-1','2026-10-20',70)], drop=['creat-1'],
    patient={'birthDate':'1958-10-14'})
write(cr,'crcl-creatinine-month-no-birthday',
    'Near miss of crcl-creatinine-month-holds-birthday: born 1958-12-14, so the patient is 67 on every day of October '
    '2026: 60.3 mL/min, decided.',
    add=[creat('creat-month','2026-10',1.0), weight('weight-1','2026-10-20',70)], drop=['creat-1'],
    patient={'birthDate':'1958-12-14'})
