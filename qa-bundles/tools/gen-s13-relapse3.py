# Session 13 (relapse3): a serum M-protein reported as ">x" too low to decide the IMWG rise (sweep s12-flc F1, RL6 rest);
# GAP-RELAPSE-10 once per patient (F4); the involved light chain read from the myeloma diagnosis's words (F5); a relapse
# clinical status without a recorded date after several lines (sweep s12-relcode RC2). Run from the worktree root; writes
# qa-bundles/s13r-*.json with a story in s13r-*.story.txt.
import json, copy
S='fhir-samples/'; Q='qa-bundles/'; O='qa-bundles/'
def load(n, d=S): return json.load(open(d+n+'.json'))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def drop(b,pred): b['entry']=[e for e in b['entry'] if not pred(e['resource'])]
def save(b,n,story):
    b['id']='s13r-'+n
    json.dump(b,open(O+'s13r-'+n+'.json','w'),indent=1)
    open(O+'s13r-'+n+'.story.txt','w').write(story.strip()+'\n')

# ---- RC2: clinicalStatus 'relapse' on a Condition without recordedDate, three lines --------------------------------------
def rc2(recorded=None):
    b=load('rrmm-isa-pd-candidate'); drop(b,lambda r: r.get('id')=='progression-3')
    mm=get(b,'mm-1'); mm.pop('recordedDate',None)
    mm['clinicalStatus']={'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-clinical','code':'relapse'}]}
    mm['code']={'coding':[{'system':'http://hl7.org/fhir/sid/icd-10-cm','code':'C90.00',
                           'display':'Multiple myeloma not having achieved remission'}],'text':'IgG kappa multiple myeloma'}
    if recorded: mm['recordedDate']=recorded
    return b
save(rc2(),'relapse-status-undated-three-lines','Base fhir-samples/rrmm-isa-pd-candidate without Observation/progression-3; '
     "Condition/mm-1 coded C90.00 (no remission/relapse character) with clinicalStatus 'relapse' and no recordedDate "
     '(onset 2019-01-28): line 3 IRd from 2024-08-26, no dated assessment after it. Right (sweep s12-relcode RC2; '
     'CDS-POLICY-RELCODE-UNDATED read for the clinical status as for an undated C90.02): FHIR R4 clinicalStatus is the '
     'status when the record was written, and the record does not say when: after line 2 progressed (2024-08-05) the '
     "status 'relapse' may be the relapse line 3 treated. Relapse UNDETERMINED (DERIVE-RELAPSE-70, -61), "
     'RELAPSE_NOT_DOCUMENTED naming Condition/mm-1 and asking for the date; RRMM regimens INSUFFICIENT_DATA. Before: '
     '"relapse documented by coding only", regimens ranked.')
save(rc2('2026-10-01'),'relapse-status-recorded-after-last-line','Near miss of s13r-relapse-status-undated-three-lines: '
     'Condition/mm-1 recordedDate 2026-10-01, after line 3 started (2024-08-26). Right: the status was written after the '
     'last line started, so relapse is documented by coding only (a weak signal, DERIVE-RELAPSE-05, -13), as before.')

# ---- RL6 rest (sweep s12-flc F1): a serum M-protein reported as ">x" too low to decide the IMWG rise ------------------------
# Base fhir-samples/rrmm-m-protein-rise: VRd -> ASCT -> lenalidomide maintenance to 2026-10-05, improved 2023-08-28;
# serum M-protein 0.6 (2023-08-21), 0.4 (2024-09-16), 0.5 (2025-09-15), 0.9 (2026-07-13), 1.2 g/dL (2026-08-24).
def q(value,unit,comparator=None):
    r={'value':value,'unit':unit,'system':'http://unitsofmeasure.org','code':unit}
    if comparator: r['comparator']=comparator
    return r
b=load('rrmm-m-protein-rise'); get(b,'mprotein-2026-08')['valueQuantity']=q(0.5,'g/dL','>')
save(b,'mprot-gt-confirmation-undecided','fhir-samples/rrmm-m-protein-rise with the 2026-08-24 result reported as '
     '">0.5 g/dL" (as s12f-mprot-confirm-gt-bound-low): 0.4 lowest (2024-09-16), 0.9 on 2026-07-13 meets the IMWG test, '
     'and the result that would confirm it is above 0.5 g/dL, which meets the test only from 0.9 g/dL. Right (sweep '
     's12-flc F1, CDS-POLICY-RELAPSE3-GT-UNDECIDED): the confirmation cannot be decided: a possible progression naming '
     '">0.5 g/dL" and the 0.9 g/dL it would need; relapse UNDETERMINED, lenalidomide refractoriness unknown, RRMM regimens '
     'INSUFFICIENT_DATA. Before: NOT_RELAPSED on the improved 2023 assessment, lenalidomide "not refractory".')
b=load('rrmm-m-protein-rise'); drop(b,lambda r: r.get('id')=='mprotein-2026-08')
get(b,'mprotein-2026-07')['valueQuantity']=q(0.5,'g/dL','>')
save(b,'mprot-gt-latest-undecided','fhir-samples/rrmm-m-protein-rise without the 2026-08-24 result and the 2026-07-13 '
     'one reported as ">0.5 g/dL", the latest on record (lowest 0.4, then 0.5). Right (CDS-POLICY-RELAPSE3-GT-UNDECIDED): '
     'the rise cannot be decided (it would need 0.9 g/dL) and would be unconfirmed: a possible progression, relapse '
     'UNDETERMINED, the gap asking for the measured value or a repeat. Before: NOT_RELAPSED.')
b=load('rrmm-m-protein-rise'); get(b,'mprotein-2026-07')['valueQuantity']=q(0.5,'g/dL','>')
get(b,'mprotein-2026-08')['valueQuantity']=q(0.5,'g/dL')
save(b,'near-miss-mprot-gt-between-low-values','Near miss of s13r-mprot-gt-latest-undecided: ">0.5 g/dL" on 2026-07-13 '
     'followed by 0.5 g/dL on 2026-08-24 (lowest 0.4, then 0.5 before it). Whatever its true value, the bound has no '
     'neighbour that meets or may meet the IMWG test (0.9 g/dL), so it cannot be a confirmed rise and is not the latest. '
     'Right: not named; relapse NOT_RELAPSED on the improved 2023 assessment, as before.')
