# Session 14 (relapse4), issue 10 bullet 8: the relapse leftovers of note-s13 "Left": the involved light chain read from
# the myeloma diagnosis's words (sweep s13-relapse3 S1); one text for a ">x" M-protein followed by an exact rise (S2); a
# provisional relapse code during the first line under way (D6 side effect); one decision for the relapsed-myeloma
# regimens during first-line therapy under way. Run from the worktree root; writes qa-bundles/s14r-*.json with a story
# in s14r-*.story.txt.
import json, copy
S='fhir-samples/'; Q='qa-bundles/'; O='qa-bundles/'
def load(n, d=S): return json.load(open(d+n+'.json'))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def drop(b,pred): b['entry']=[e for e in b['entry'] if not pred(e['resource'])]
def add(b,r,n): b['entry'].append({'fullUrl':'urn:uuid:5e1a4b00-0000-4000-8000-%012d'%n,'resource':r})
def save(b,n,story):
    b['id']='s14r-'+n
    json.dump(b,open(O+'s14r-'+n+'.json','w'),indent=1)
    open(O+'s14r-'+n+'.story.txt','w').write(story.strip()+'\n')
def q(value,unit,comparator=None):
    r={'value':value,'unit':unit,'system':'http://unitsofmeasure.org','code':unit}
    if comparator: r['comparator']=comparator
    return r

# ---- S2: a ">x" M-protein followed by an exact rise on the latest result ---------------------------------------------
# Base fhir-samples/rrmm-m-protein-rise: serum M-protein 0.6 (2023-08-21), 0.4 (2024-09-16), 0.5 (2025-09-15),
# 0.9 (2026-07-13), 1.2 g/dL (2026-08-24); lenalidomide maintenance to 2026-10-05, improved 2023-08-28.
b=load('rrmm-m-protein-rise'); get(b,'mprotein-2026-07')['valueQuantity']=q(0.5,'g/dL','>')
save(b,'mprot-gt-then-exact-rise-one-text','fhir-samples/rrmm-m-protein-rise with the 2026-07-13 result reported as '
     '">0.5 g/dL" and the latest, 1.2 g/dL on 2026-08-24, exact (lowest 0.4 g/dL on 2024-09-16). Right (sweep '
     's13-relapse3 S2): one series, one statement: the ">0.5" may be the rise with 1.2 its confirmation, or 1.2 alone an '
     'unconfirmed rise; either way a possible progression (DERIVE-RELAPSE-71), relapse UNDETERMINED, lenalidomide '
     'refractoriness unknown, RRMM regimens INSUFFICIENT_DATA. Before: two texts for the one series (DERIVE-RELAPSE-71 and '
     '-43 "on this one measurement"), two "possible progression" rows in the line table and two refractoriness texts.')
b=load('rrmm-m-protein-rise'); get(b,'mprotein-2026-07')['valueQuantity']=q(0.5,'g/dL','>')
r=copy.deepcopy(get(b,'mprotein-2026-08')); r['id']='mprotein-2026-08-03'; r['effectiveDateTime']='2026-08-03'
r['valueQuantity']=q(0.6,'g/dL'); add(b,r,1)
save(b,'near-miss-mprot-gt-no-partner-then-rise','Near miss of s14r-mprot-gt-then-exact-rise-one-text: a 0.6 g/dL result '
     'on 2026-08-03 between the ">0.5 g/dL" (2026-07-13) and the 1.2 g/dL (2026-08-24). Neither neighbour of the bound '
     'may meet the IMWG test (0.9 g/dL), so the bound is not named; 1.2 on the latest result is an unconfirmed rise '
     '(DERIVE-RELAPSE-43, "on this one measurement"), as before. Relapse UNDETERMINED.')

# ---- S1: the involved light chain read from the myeloma diagnosis's words --------------------------------------------
# Base qa-bundles/s12f-dflc-confirmed-rise-on-len: light-chain myeloma, serum M-protein 0 throughout, lenalidomide
# ongoing; free kappa 1.9 (2022-06-13) ... 16.4 (2026-09-07), 17.0 mg/dL (2026-10-05), free lambda about 1 mg/dL;
# Condition/mm code text 'Light-chain (kappa) multiple myeloma'.
def flc(): return load('s12f-dflc-confirmed-rise-on-len', Q)
def ife(b, text, day='2026-10-05', n=2):
    add(b, {'resourceType':'Observation','id':'ife-'+day,'status':'final',
            'code':{'coding':[{'system':'http://loinc.org','code':'14895-7',
                               'display':'Protein fractions [Interpretation] in Serum or Plasma by Immunofixation'}]},
            'subject':get(b,'mm')['subject'],'effectiveDateTime':day,'valueCodeableConcept':{'text':text}}, n)
b=flc(); get(b,'mm')['code']['text']='Light-chain (lambda) multiple myeloma'
save(b,'flc-lambda-diagnosis-kappa-rising','s12f-dflc-confirmed-rise-on-len with the diagnosis worded "Light-chain '
     '(lambda) multiple myeloma" (Condition.code.text); free kappa rises to 17 mg/dL while free lambda stays near 1 mg/dL. '
     'Right (clinical-evidence §1.6 A: dFLC is the involved minus the uninvolved chain; sweep s13-relapse3 S1): lambda is '
     'the involved chain, as the diagnosis says, so the dFLC falls and the kappa rise is no IMWG free-light-chain '
     'progression; relapse NOT_DOCUMENTED (nothing else after the line), RRMM regimens INSUFFICIENT_DATA with '
     'RELAPSE_NOT_DOCUMENTED. Before: kappa taken as involved ("the higher chain on 2026-10-05, no isotype on record"), '
     'a possible progression read on the wrong chain.')
b=flc(); ife(b,'IgG lambda monoclonal protein')
save(b,'flc-chain-conflict-diagnosis-kappa-ife-lambda','s12f-dflc-confirmed-rise-on-len (diagnosis "Light-chain '
     '(kappa) multiple myeloma") with a serum immunofixation on 2026-10-05 reading "IgG lambda monoclonal protein". '
     'Right (CDS-POLICY-RELAPSE4-CHAIN-CONFLICT): the records disagree, so the involved chain is unknown: data gap '
     'RELAPSE_NOT_DOCUMENTED (GAP-RELAPSE-11) naming Condition/mm with its words and Observation/ife-2026-10-05; the dFLC '
     'rise with kappa as involved still meets the IMWG FLC criterion, so a possible progression (DERIVE-RELAPSE-72) naming '
     'both records; relapse UNDETERMINED, lenalidomide refractoriness unknown, RRMM regimens INSUFFICIENT_DATA. Before: '
     'the immunofixation alone decided (lambda involved, no rise), relapse NOT_DOCUMENTED without a word on the kappa rise.')
b=flc(); ife(b,'Free kappa light chain, monoclonal')
save(b,'near-miss-flc-diagnosis-and-ife-agree','Near miss of s14r-flc-chain-conflict-diagnosis-kappa-ife-lambda: the '
     'immunofixation reads "Free kappa light chain, monoclonal", as the diagnosis says. Right: kappa involved, named by '
     'both records; the confirmed dFLC rise is a possible progression (DERIVE-RELAPSE-51) as in s12f-dflc-confirmed-rise-'
     'on-len; no GAP-RELAPSE-11.')
b=flc(); get(b,'mm')['code']['text']='Multiple myeloma'; get(b,'mm').setdefault('note',[]).append(
    {'text':'FLC kappa/lambda ratio 12 at diagnosis; free kappa 182 mg/dL'})
save(b,'near-miss-flc-note-ratio-not-isotype','Near miss of s14r-flc-lambda-diagnosis-kappa-rising: the diagnosis says '
     'only "Multiple myeloma", with a note "FLC kappa/lambda ratio 12 at diagnosis; free kappa 182 mg/dL". A ratio and a '
     'measured chain are not an isotype statement (both chains named, or no heavy chain and no "light chain" words), so '
     'nothing is read from the note: kappa is taken as the higher chain (CDS-POLICY-FLC-INVOLVED), as before.')

# ---- D6 side effect: a provisional relapse code during the only line, still given ------------------------------------
def query(b):
    add(b, {'resourceType':'Condition','id':'mm-relapse-query','subject':get(b,'mm-1')['subject'],
            'verificationStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-ver-status','code':'provisional'}]},
            'code':{'coding':[{'system':'http://hl7.org/fhir/sid/icd-10-cm','code':'C90.02'}],'text':'Multiple myeloma in relapse?'},
            'onsetDateTime':'2023-01-10','recordedDate':'2026-10-05'}, 3)
    return b
save(query(load('treated-remission-on-maintenance')),'provisional-relapse-code-first-line-under-way',
     'fhir-samples/treated-remission-on-maintenance (VRd -> ASCT -> lenalidomide maintenance still given, stable disease '
     '2026-09-15) with a provisional C90.02 "Multiple myeloma in relapse?" recorded 2026-10-05. Right (note-s13 "Left", D6 '
     'side effect; CDS-POLICY-RELAPSE4-QUERIED-FIRST-LINE): the patient is newly diagnosed on first-line therapy unless the '
     'disease relapsed on it, and the query decides neither: setting UNKNOWN (GAP-DIAGNOSIS-12), every regimen '
     'INSUFFICIENT_DATA, RELAPSE_UNCONFIRMED naming the Condition and affecting every regimen. Before: "previously treated '
     '(1 prior line), relapse not documented", the newly diagnosed regimens NOT_ELIGIBLE ("this patient has 1 prior line").')
b=load('treated-remission-on-maintenance'); m=get(b,'line1-maint-lenalidomide'); m['status']='completed'
m['effectivePeriod']={'start':'2023-08-01','end':'2026-09-30'}
save(query(b),'near-miss-provisional-relapse-code-after-line-ended','Near miss of s14r-provisional-relapse-code-first-line-'
     'under-way: the maintenance stopped on 2026-09-30, so line 1 ended and is a prior line. Right: previously treated, '
     'relapse not documented (RRMM, DERIVE-SETTING-09), the newly diagnosed regimens NOT_ELIGIBLE, the relapsed-myeloma '
     'regimens INSUFFICIENT_DATA with RELAPSE_UNCONFIRMED, as before.')

# ---- The relapsed-myeloma regimens during first-line therapy under way: one decision -----------------------------------
b=load('s13f-induction-vrd-cycle3', Q)
save(b,'firstline-relapse-regimens-one-decision','Copy of s13f-induction-vrd-cycle3 (VRd cycle 3 from 2026-09-01, improved '
     '2026-10-12; newly diagnosed, transplant-eligible, first-line therapy under way). Right (note-s13 "Left"; '
     'CDS-POLICY-RELAPSE4-FIRSTLINE-LABEL-DECIDES): each relapsed-myeloma regimen (D-Kd, D-Vd, D-Pd, D-mono, D-Rd, Isa-Kd, '
     'Isa-Pd) has one decision, its label\'s newly-diagnosed exclusion (criterion setting FAILED, naming the first line '
     'under way and the relapse status): NOT_ELIGIBLE; RELAPSE_NOT_DOCUMENTED (GAP-FIRSTLINE-01) names what would let them '
     'be assessed. Before: the same FAILED criterion and beside it FLAG-FIRSTLINE-04 "setting" UNKNOWN, status '
     'INSUFFICIENT_DATA ("undecided"), two decisions for one criterion. Nothing is eligible either way.')
