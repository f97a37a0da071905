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
