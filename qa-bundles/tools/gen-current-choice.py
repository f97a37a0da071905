# Session 2026-12-04 late evening (helper "partial"): partial dates in the choice of the Cockcroft-Gault inputs, the
# current height, blood group and serum M-protein. Run from the project root; writes qa-bundles/.
import json, copy
O='qa-bundles/'
LOINC='http://loinc.org'; UCUM='http://unitsofmeasure.org'
base=json.load(open(O+'creatinine-mgdl.json'))   # 68-year-old woman (born 1958-03-14), RRMM after 3 lines, no eGFR

def obs(i, code, date, qty=None, unit=None, display=None, cat='laboratory', **extra):
    r={'resourceType':'Observation','id':i,'status':'final',
       'category':[{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/observation-category','code':cat}]}],
       'code':{'coding':[{'system':LOINC,'code':code}|({'display':display} if display else {})]},
       'subject':{'reference':'Patient/pt-isapd'},'effectiveDateTime':date}
    if qty is not None: r['valueQuantity']={'value':qty,'unit':unit,'system':UCUM,'code':unit}
    r.update(extra)
    return {'fullUrl':'https://example.org/fhir/Observation/'+i,'resource':r}

def weight(i, date, kg): return obs(i,'29463-7',date,kg,'kg','Body weight',cat='vital-signs')
def creat(i, date, mg): return obs(i,'2160-0',date,mg,'mg/dL')

def make(name, creats, weights, story, extra=()):
    b=copy.deepcopy(base)
    b['entry']=[e for e in b['entry'] if e['resource']['id']!='creat-1']
    b['entry']+= [creat(*c) for c in creats] + [weight(*w) for w in weights] + list(extra)
    b['id']='partial-'+name
    json.dump(b,open(O+name+'.json','w'),indent=1)
    open(O+name+'.story.txt','w').write(story+'\n')

CG='Cockcroft-Gault for this 68-year-old woman: 0.85 x (140-68) x weight / (72 x creatinine) = 0.85 x weight / creatinine.'
make('crcl-weight-month-vs-day-differ', [('creat-1','2026-10-28',1.6)],
     [('weight-month','2026-10',55),('weight-day','2026-10-20',90)],
     'From qa-bundles/creatinine-mgdl (no eGFR): serum creatinine 1.6 mg/dL on 2026-10-28, weight 90 kg on 2026-10-20 '
     'and weight 55 kg dated only "2026-10" (an EHR export that keeps the month of a clinic weight). '+CG+' With 90 kg '
     'CrCl is 47.8 mL/min (IMWG moderate, above the EQUULEUS 45 and the ALCYONE/CASSIOPEIA 40 floors); with 55 kg it '
     'is 29.2 (severe, below the 30 floors of APOLLO/POLLUX/ICARIA). Which weight is the latest on or before the '
     'creatinine depends on the unknown day of "2026-10" (2026-10-21 to 28 makes it 55 kg). Right: creatinine clearance '
     'undecided, not used (renal function not known, RENAL_RESULT_STALE naming the creatinine and both weights), the '
     'trials\' renal floors UNKNOWN. Wrong: 47.8 mL/min from 90 kg because 1 October is before 20 October.')
make('crcl-weight-month-vs-day-same-band', [('creat-1','2026-10-28',1.6)],
     [('weight-month','2026-10',70),('weight-day','2026-10-20',72)],
     'Near miss of crcl-weight-month-vs-day-differ: weights 72 kg on 2026-10-20 and 70 kg dated only "2026-10". '+CG+
     ' 38.3 or 37.2 mL/min: the same IMWG band (moderate) and the same side of every renal threshold the rules read '
     '(15, 20, 30, 40, 45, 50, 60). Right: whichever weight is current changes no decision, so the estimate from the '
     'first-day choice (38.3 mL/min, 72 kg) is used as before.')
make('crcl-creatinine-year-vs-day-differ', [('creat-year','2026',3.4),('creat-day','2026-10-20',1.2)],
     [('weight-1','2026-10-20',70)],
     'From qa-bundles/creatinine-mgdl: serum creatinine 1.2 mg/dL on 2026-10-20 and 3.4 mg/dL dated only "2026" (a '
     'result imported with the year only), weight 70 kg on 2026-10-20. '+CG+' 1.2 mg/dL gives 49.6 mL/min (moderate), '
     '3.4 mg/dL 17.7 (severe, below the CANDOR/SIRIUS/CASTOR 20 floor). "2026" may be any day up to 2026-11-01, so it '
     'may be the later creatinine. Right: creatinine clearance undecided, not used (RENAL_RESULT_STALE naming both '
     'creatinines and the weight). Wrong: 49.6 mL/min because 1 January is before 20 October.')
make('crcl-creatinine-month-weights-differ', [('creat-month','2026-10',1.6)],
     [('weight-early','2026-09-20',90),('weight-oct','2026-10-10',55)],
     'From qa-bundles/creatinine-mgdl: serum creatinine 1.6 mg/dL dated only "2026-10", weights 90 kg on 2026-09-20 '
     'and 55 kg on 2026-10-10 (both exact). '+CG+' Read on 1 October the creatinine takes the September weight (47.8 '
     'mL/min, moderate); taken 10-31 October it takes 55 kg (29.2, severe). Right: creatinine clearance undecided, not '
     'used, every record named. Wrong: 47.8 mL/min.')
print('ok')

# ---- current height, blood group, serum M-protein ------------------------------------------------------------------
S='fhir-samples/'
low=json.load(open(S+'ndmm-ti-low-bmi-hbv.json'))   # 72-year-old, transplant-ineligible NDMM; 45 kg, 162 cm on 2026-10-12
def variant(src, name, add, story, patch=None):
    b=copy.deepcopy(src)
    for e in b['entry']:
        if patch and e['resource'].get('id') in patch: e['resource'].update(patch[e['resource']['id']])
    subj=next(e['resource']['subject'] for e in b['entry'] if e['resource']['resourceType']=='Observation')
    for e in add: e['resource']['subject']=subj
    b['entry']+=add; b['id']='partial-'+name
    json.dump(b,open(O+name+'.json','w'),indent=1)
    open(O+name+'.story.txt','w').write(story+'\n')
def height(i, date, cm): return obs(i,'8302-2',date,cm,'cm','Body height',cat='vital-signs')
variant(low,'height-month-vs-day-differ',[height('height-month','2026-10',150)],
    'From fhir-samples/ndmm-ti-low-bmi-hbv (transplant-ineligible NDMM, 45 kg and 162 cm on 2026-10-12: BMI 17.1, MAIA '
    'D-Rd dexamethasone 20 mg weekly for BMI < 18.5): a second height, 150 cm, dated only "2026-10" (a height copied '
    'from another form). Which height is current depends on the unknown day (13-31 October makes it 150 cm: BMI 20.0). '
    'Right: the D-Rd BMI reduction undecided (RESULT_IMPRECISE naming both heights), the current height shown as '
    'undecided. Wrong: BMI 17.1 from 162 cm because 1 October is before 12 October, flagged as certain.')
variant(low,'height-month-vs-day-same-side',[height('height-month','2026-10',160)],
    'Near miss of height-month-vs-day-differ: the second height, dated only "2026-10", is 160 cm (BMI 17.6). Either '
    'height gives a BMI under 18.5, so the D-Rd dexamethasone reduction stands (the flag says every possible BMI is '
    'under 18.5); the current height is shown as undecided between 162 and 160 cm.')
def abo(i, date, text): return obs(i,'882-1',date,display='ABO and Rh group [Type] in Blood',valueCodeableConcept={'text':text})
variant(low,'abo-month-vs-day-differ',[abo('abo-month','2026-10','O Rh(D) positive')],
    'From fhir-samples/ndmm-ti-low-bmi-hbv (ABO/Rh "A Rh(D) positive" on 2026-10-05): a second group, "O Rh(D) '
    'positive", dated only "2026-10" (a discrepant typing, a transcription or a wrong-blood-in-tube sample). Which is '
    'current depends on the unknown day. Right: findings show the blood group undecided naming both records, not "A Rh+"; '
    'the type-and-screen flags only need a group on record. Wrong: "A Rh(D) positive" as the current group.')
neu=json.load(open(S+'ndmm-ti-diabetic-neuropathy.json'))
mp=next(e for e in neu['entry'] if e['resource'].get('id')=='mprotein-1')
mp2=copy.deepcopy(mp); mp2['resource']['id']='mprotein-month'; mp2['fullUrl']=mp['fullUrl'].replace('mprotein-1','mprotein-month')
mp2['resource']['effectiveDateTime']=mp['resource']['effectiveDateTime'][:7]
mp2['resource']['valueQuantity']=dict(mp['resource']['valueQuantity'], value=round(mp['resource']['valueQuantity']['value']*2,2))
variant(neu,'mprotein-month-vs-day-differ',[mp2],
    'From fhir-samples/ndmm-ti-diabetic-neuropathy (serum M-protein %s g/dL on %s): a second serum M-protein, %s g/dL, '
    'dated only "%s". Which is current depends on the unknown day. Right: findings show the current M-protein undecided '
    'naming both records (no decision reads it: the relapse test reads the series, DERIVE-RELAPSE-21). Wrong: %s g/dL as '
    'the current value.' % (mp['resource']['valueQuantity']['value'], mp['resource']['effectiveDateTime'],
    mp2['resource']['valueQuantity']['value'], mp2['resource']['effectiveDateTime'], mp['resource']['valueQuantity']['value']))
print('ok2')
