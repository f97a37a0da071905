# Session 11 (relapse): relapse coding dated by recordedDate, M-protein lowest value reported as a bound, a single
# unconfirmed rise. Run from the worktree root; writes qa-bundles/s11r-*.json with a story in s11r-*.story.txt.
# Base samples from fhir-samples/.
import json
S='fhir-samples/'; O='qa-bundles/'
def load(n): return json.load(open(S+n+'.json'))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def drop(b,pred): b['entry']=[e for e in b['entry'] if not pred(e['resource'])]
def save(b,n,story):
    b['id']='s11r-'+n
    json.dump(b,open(O+'s11r-'+n+'.json','w'),indent=1)
    open(O+'s11r-'+n+'.story.txt','w').write(story.strip()+'\n')
def gdl(value,comparator=None):
    q={'value':value,'unit':'g/dL','system':'http://unitsofmeasure.org','code':'g/dL'}
    if comparator: q['comparator']=comparator
    return q

# R6: the chart before progression-3 was recorded; the only relapse signal is C90.02 recorded 2019-02-04
b=load('rrmm-isa-pd-candidate'); drop(b,lambda r: r.get('id')=='progression-3')
save(b,'coded-relapse-before-last-line','Base fhir-samples/rrmm-isa-pd-candidate without Observation/progression-3: '
     'line 3 IRd from 2024-08-26, no dated assessment after it; Condition/mm-1 coded C90.02, recordedDate 2019-02-04. '
     'Right (clinical-evidence §1.6 E, CDS-POLICY-RELAPSE-CODING-DATE): the coding was written before line 3 started, so it '
     'does not document relapse after it: relapse NOT_DOCUMENTED naming the coding and its date, RRMM regimens '
     'INSUFFICIENT_DATA (RELAPSE_NOT_DOCUMENTED). Before: "relapse documented by coding only", DARA_PD 85 rank 1.')
b=load('rrmm-isa-pd-candidate'); drop(b,lambda r: r.get('id')=='progression-3'); get(b,'mm-1')['recordedDate']='2026-10-01'
save(b,'coded-relapse-after-last-line-start','Near miss of s11r-coded-relapse-before-last-line: the same C90.02 recorded '
     '2026-10-01, after line 3 started. Right: relapse documented by coding only (a weak signal, DERIVE-RELAPSE-13).')

# R5: lowest value "<0.5 g/dL" - the rise to 0.9 is a progression only if the true value was at most 0.4
b=load('rrmm-m-protein-rise')
get(b,'mprotein-2024-09')['valueQuantity']=gdl(0.5,'<'); get(b,'mprotein-2025-09')['valueQuantity']=gdl(0.5,'<')
save(b,'mprot-bound-nadir-undecided','Base fhir-samples/rrmm-m-protein-rise with the 2024-09 and 2025-09 values reported '
     'as "<0.5 g/dL", then 0.9 (2026-07-13) and 1.2 g/dL (2026-08-24) on lenalidomide maintenance. Right (§1.6 A, '
     'CDS-POLICY-RELAPSE-MPROTEIN-BOUND): 0.9 is a progression only if the true lowest value was at most 0.4 g/dL: a '
     'possible progression, relapse UNDETERMINED with RELAPSE_NOT_DOCUMENTED naming it, lenalidomide refractoriness '
     'unknown, never "no progression".')
b=load('rrmm-m-protein-rise')
get(b,'mprotein-2024-09')['valueQuantity']=gdl(0.1,'<'); get(b,'mprotein-2025-09')['valueQuantity']=gdl(0.1,'<')
save(b,'mprot-bound-nadir-decided','Near miss of s11r-mprot-bound-nadir-undecided: the bound is "<0.1 g/dL"; 0.9 and 1.2 '
     'are progressions against 0.1 itself (rise >= 0.5 g/dL and >= 25 %), so in every reading of the bound: relapse '
     'documented 2026-07-13, lenalidomide refractory.')

# R9: one rise 0.4 -> 0.9 on the latest measurement
b=load('rrmm-m-protein-rise'); drop(b,lambda r: r.get('id')=='mprotein-2026-08')
save(b,'mprot-single-rise-latest','Base fhir-samples/rrmm-m-protein-rise without the 1.2 g/dL of 2026-08-24: the latest '
     'value 0.9 g/dL (2026-07-13) rose 0.5 g/dL and 125 % from 0.4, unconfirmed. Right (§1.6 A confirmation): not a '
     'confirmed progression, but named: relapse UNDETERMINED, "unconfirmed, possible progression; repeat the serum '
     'M-protein", RELAPSE_NOT_DOCUMENTED naming it; never "no progression".')
