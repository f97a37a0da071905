# Session 12 (flc): free-light-chain (dFLC) progression as a possible progression (FINDINGS A4), and a later serum
# M-protein reported as ">x" read as a lower bound (sweep s11 RL6). Run from the worktree root; writes
# qa-bundles/s12f-*.json with a story in s12f-*.story.txt. Bases: qa-bundles/s11a-b8-light-chain-dflc-rise-on-len.json
# (light-chain kappa myeloma, VRd -> lenalidomide ongoing, serum M-protein 0.0, dFLC 0.9 -> 8.8 -> 15.3 -> 16.0 mg/dL)
# and fhir-samples/rrmm-m-protein-rise.json.
import copy, json
O='qa-bundles/'
def load(path): return json.load(open(path))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def drop(b,pred): b['entry']=[e for e in b['entry'] if not pred(e['resource'])]
def save(b,n,story):
    b['id']='s12f-'+n
    json.dump(b,open(O+'s12f-'+n+'.json','w'),indent=1)
    open(O+'s12f-'+n+'.story.txt','w').write(story.strip()+'\n')
def q(value,unit,comparator=None):
    r={'value':value,'unit':unit,'system':'http://unitsofmeasure.org','code':unit}
    if comparator: r['comparator']=comparator
    return r
B8=load(O+'s11a-b8-light-chain-dflc-rise-on-len.json')

b=copy.deepcopy(B8)
save(b,'dflc-confirmed-rise-on-len','Copy of s11a-b8-light-chain-dflc-rise-on-len. Right (clinical-evidence §1.6 A, '
     'CDS-POLICY-FLC-MEASURABLE): dFLC rose from 0.9 mg/dL (2022-06-13) to 15.3 (2026-09-07), confirmed at 16.0 mg/dL '
     '(2026-10-05), serum M-protein 0.0 throughout: the IMWG FLC criterion is met but applies only when urine M-protein is '
     'unmeasurable, which the engine does not read: a possible progression, relapse UNDETERMINED naming the rise, '
     'lenalidomide refractoriness unknown (GAP-REFRACTORY-05 asking for a urine M-protein), RRMM regimens INSUFFICIENT_DATA.')

b=copy.deepcopy(B8); get(b,'mp-2021-05-07')['valueQuantity']=q(1.2,'g/dL')
save(b,'dflc-rise-measurable-mprotein','Near miss of s12f-dflc-confirmed-rise-on-len: serum M-protein 1.2 g/dL at diagnosis '
     '(2021-05-07), so the serum M-protein is measurable and the FLC criterion is not the parameter. Right: no dFLC '
     'progression read; relapse NOT_DOCUMENTED as before (the M-protein stays 0.0, no rise).')

b=copy.deepcopy(B8)
get(b,'kappa-2026-09-07')['valueQuantity']=q(10.9,'mg/dL'); get(b,'kappa-2026-10-05')['valueQuantity']=q(10.9,'mg/dL')
save(b,'dflc-rise-le-10','Near miss of s12f-dflc-confirmed-rise-on-len: free kappa 10.9 mg/dL on 2026-09-07 and '
     '2026-10-05 (dFLC 9.8 and 9.9 mg/dL): a rise of less than 10 mg/dL from 0.9. Right: no FLC progression; relapse '
     'NOT_DOCUMENTED.')

b=copy.deepcopy(B8); drop(b,lambda r: r.get('id') in ('kappa-2026-10-05','lambda-2026-10-05'))
save(b,'dflc-single-unconfirmed','s12f-dflc-confirmed-rise-on-len without the 2026-10-05 pair: the rise to 15.3 mg/dL '
     '(2026-09-07) is on the latest sample only. Right (§1.6 A confirmation): named as unconfirmed ("repeat the serum '
     'free light chains"), relapse UNDETERMINED, lenalidomide refractoriness unknown.')

b=copy.deepcopy(B8); drop(b,lambda r: r.get('id') in ('lambda-2026-09-07','lambda-2026-10-05'))
save(b,'dflc-lambda-missing','s12f-dflc-confirmed-rise-on-len without the free lambda of 2026-09-07 and 2026-10-05: '
     'free kappa rose 1.9 -> 16.4 mg/dL but the dFLC of those days is unknown. Right (CDS-POLICY-FLC-INVOLVED): not read '
     'as a progression or as its absence; GAP-RELAPSE-10 names the kappa rise and the missing lambda.')

R=load('fhir-samples/rrmm-m-protein-rise.json')
b=copy.deepcopy(R); get(b,'mprotein-2026-08')['valueQuantity']=q(1.0,'g/dL','>')
save(b,'mprot-confirm-gt-bound','fhir-samples/rrmm-m-protein-rise with the confirming 2026-08-24 value reported as '
     '">1.0 g/dL" (0.4 lowest, 0.9 on 2026-07-13). Right (sweep s11 RL6, CDS-POLICY-FLC-MPROTEIN-LOWER-BOUND): at least '
     '1.0 meets the IMWG test against 0.4, so it confirms the progression: relapse documented 2026-07-13, quoted as '
     '"more than 1 g/dL (reported as >1)". Before: the bound was unused and relapse was undecided.')
b=copy.deepcopy(R); get(b,'mprotein-2026-08')['valueQuantity']=q(0.5,'g/dL','>')
save(b,'mprot-confirm-gt-bound-low','Near miss of s12f-mprot-confirm-gt-bound: ">0.5 g/dL" may be below the 0.9 g/dL '
     'the test needs, so it confirms nothing: no documented relapse.')
