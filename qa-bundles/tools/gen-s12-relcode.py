# Session 12 (relcode): an undated relapse coding (RL2), a transplant's kind from its text beside a kind-less code (A6),
# transplant abbreviations in text (N1), lenalidomide given for smouldering myeloma with the myeloma diagnosed on it
# (A5). Run from the worktree root; writes qa-bundles/s12r-*.json with a story in s12r-*.story.txt.
import json, copy
S='fhir-samples/'; Q='qa-bundles/'; O='qa-bundles/'
def load(n, d=S): return json.load(open(d+n+'.json'))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def drop(b,pred): b['entry']=[e for e in b['entry'] if not pred(e['resource'])]
def save(b,n,story):
    b['id']='s12r-'+n
    json.dump(b,open(O+'s12r-'+n+'.json','w'),indent=1)
    open(O+'s12r-'+n+'.story.txt','w').write(story.strip()+'\n')

# RL2: three lines, the only relapse signal a C90.02 without recordedDate
b=load('rrmm-isa-pd-candidate'); drop(b,lambda r: r.get('id')=='progression-3'); get(b,'mm-1').pop('recordedDate',None)
save(b,'undated-c9002-three-lines','Base fhir-samples/rrmm-isa-pd-candidate without Observation/progression-3 and without '
     'the recordedDate of Condition/mm-1 (C90.02, onset 2019-01-28): line 3 IRd from 2024-08-26, no dated assessment after '
     'it. Right (clinical-evidence §1.6 E; CDS-POLICY-RELCODE-UNDATED): the code says the disease was in relapse when it '
     'was coded, and the record does not say whether that was before or after line 3 started; it may be the relapse '
     'line 3 treated. Relapse UNDETERMINED (DERIVE-RELAPSE-60/61), RELAPSE_NOT_DOCUMENTED naming Condition/mm-1 and asking '
     'for the date of the relapse; RRMM regimens INSUFFICIENT_DATA. Before: "relapse documented by coding only", '
     'DARA_PD rank 1.')
# near miss: a separate relapse Condition whose onset falls after line 3 started (a coding cannot precede its onset)
b=load('rrmm-isa-pd-candidate'); drop(b,lambda r: r.get('id')=='progression-3'); get(b,'mm-1').pop('recordedDate',None)
rel=copy.deepcopy(get(b,'mm-1')); rel['id']='mm-relapse-2026'; rel['onsetDateTime']='2026-09-20'
rel['code']={'coding':[{'system':'http://hl7.org/fhir/sid/icd-10-cm','code':'C90.02','display':'Multiple myeloma in relapse'}],
             'text':'Multiple myeloma, relapse on IRd'}
b['entry'].append({'fullUrl':'urn:uuid:mm-relapse-2026','resource':rel})
save(b,'undated-c9002-onset-after-last-line','Near miss of s12r-undated-c9002-three-lines: a second C90.02 Condition '
     '(mm-relapse-2026), no recordedDate, onset 2026-09-20, after line 3 started 2024-08-26. A coding cannot precede its '
     "condition's onset, so it was written after line 3 started. Right: relapse documented by coding only (a weak signal, "
     'DERIVE-RELAPSE-13); the undated Condition/mm-1 is listed as undated.')

# A6/N1: the allogeneic transplant coded by the kind-less SNOMED 234336002 and the text; and an autologous one by "auto-SCT"
b=load('s11a-b7-hsct-kind-unknown-then-allo-text',Q); get(b,'hsct-1')['code']['text']='auto-SCT (melphalan 200)'
save(b,'hsct-generic-code-auto-sct-text','Base qa-bundles/s11a-b7-hsct-kind-unknown-then-allo-text with the first transplant '
     '(SNOMED 234336002, kind-less) worded "auto-SCT (melphalan 200)". Right (FINDINGS A6, sweep s11 N1): the more specific '
     'words decide: line 1 holds an autologous stem-cell transplant, and the line reason says the kind came from the text '
     'and which rule joined the transplant to line 1 (within 120 days of the induction). The second transplant '
     '("Allogeneic PBSCT") is allogeneic by its text.')
b=load('s11a-b7-hsct-kind-unknown-then-allo-text',Q)
for pid,txt in (('hsct-1','BMT'),('hsct-2','Allo HPC transplantation, MUD')):
    get(b,pid)['code']={'coding':[{'system':'urn:oid:1.2.3.4.5.local-procedures','code':'TX-'+pid[-1],'display':txt}],'text':txt}
save(b,'tx-local-code-bmt-hpc-text','Base qa-bundles/s11a-b7-hsct-kind-unknown-then-allo-text with both transplants coded '
     'by a local code the terminology does not know, worded "BMT" (2021-03-10) and "Allo HPC transplantation, MUD" '
     '(2023-11-08). Right (sweep s11 N1): both are read as transplants by their text, as text-only transplants are: the '
     'first of unknown kind, the second allogeneic. Before: neither was read (no transplant in any line, no gap).')

# A5: lenalidomide for SMM; near misses: stopped long before the diagnosis; the diagnosis dated by year only
b=load('s11a-b6-len-for-smm-then-mm-drd',Q); get(b,'smm-len')['effectivePeriod']={'start':'2022-02-07','end':'2023-06-30'}
save(b,'len-for-smm-stopped-before-mm','Near miss of qa-bundles/s11a-b6-len-for-smm-then-mm-drd (--as-of 2024-06-01): '
     'the lenalidomide for smouldering myeloma stopped 2023-06-30, more than 60 days before the myeloma diagnosis '
     '(2024-05-13). Right: no lenalidomide partner caution on Isa-VRd / D-VRd / D-Rd (the disease did not progress on it '
     'in the IMWG timing); the setting text says no therapy for the myeloma is recorded.')
b=load('s11a-b6-len-for-smm-then-mm-drd',Q); get(b,'mm')['onsetDateTime']='2024'
save(b,'len-for-smm-mm-dated-by-year','Variant of qa-bundles/s11a-b6-len-for-smm-then-mm-drd (--as-of 2024-06-01): the '
     'myeloma diagnosis is dated "2024" only; lenalidomide ran to 2024-05-20, so the diagnosis may or may not fall on it '
     'or within 60 days. Right: PARTNER_DRUG_REFRACTORY_UNKNOWN on the newly diagnosed lenalidomide regimens, naming the '
     'dates (CDS-POLICY-RELCODE-PRECURSOR-PROGRESSION).')
