# Session 2026-12-04 late evening (helper "undated"): issue 10 leftovers. Run from the project root; writes qa-bundles/.
import json, copy
S='fhir-samples/'; O='qa-bundles/'
RX='http://www.nlm.nih.gov/research/umls/rxnorm'
def load(n): return json.load(open(S+n+'.json'))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:undated-'+r['id'],'resource':r}); return r
def save(b,n,story):
    b['id']='undated-'+n
    json.dump(b,open(O+n+'.json','w'),indent=1)
    open(O+n+'.story.txt','w').write(story.strip()+'\n')
def med(code,name): return {'coding':[{'system':RX,'code':code,'display':name}],'text':name}
KFZ=('1302966','carfilzomib')   # clinical-evidence.md RxNorm table [V]

# 1. Undated carfilzomib on rrmm-one-prior-line (1 line VRd -> ASCT -> lenalidomide maintenance, progression on it):
#    the Isa-Kd/D-Kd candidate. Near miss: the same carfilzomib dated inside the induction (no progression within 60 days).
for tag,period,story in [
  ('undated-carfilzomib',None,'From fhir-samples/rrmm-one-prior-line (1 line: VRd, ASCT, lenalidomide maintenance, progression 2026-09-15 on it; the Isa-Kd/D-Kd candidate) + a completed MedicationStatement carfilzomib (RxNorm 1302966) with no effective[x] and no dateAsserted. Right (§3.2 IKEMA excluded any prior carfilzomib; §4.x CANDOR admitted prior carfilzomib only without relapse on it or within 60 days of stopping it; §1.2): prior carfilzomib is certain (IKEMA FAILED), carfilzomib refractoriness UNKNOWN (REFRACTORY_STATUS_UNKNOWN naming the record), so Isa-Kd and D-Kd carry PARTNER_DRUG_REFRACTORY_UNKNOWN (FLAG-PARTNER-22 WARNING, -23 INFO) as Isa-Pd does for undated pomalidomide (FLAG-PARTNER-20), and D-Vd the unverified other-PI form (FLAG-PARTNER-24, INFO).'),
  ('undated-carfilzomib-dated',{'start':'2023-01-23','end':'2023-04-13'},'Near miss of undated-carfilzomib: the same carfilzomib statement dated 2023-01-23..2023-04-13 (with the induction; the progression on 2026-09-15 is years after its last dose). Right: carfilzomib exposed, not refractory (IMWG-C11: no progression on it or within 60 days) - no carfilzomib refractoriness gap and no PARTNER_DRUG_REFRACTORY_UNKNOWN on Isa-Kd, D-Kd or D-Vd; IKEMA still FAILED (prior carfilzomib).'),
]:
    b=load('rrmm-one-prior-line')
    subj=get(b,'line1-induction-lenalidomide')['subject']
    r={'resourceType':'MedicationStatement','id':'carfilzomib-stmt','status':'completed','medicationCodeableConcept':med(*KFZ),'subject':copy.deepcopy(subj)}
    if period: r['effectivePeriod']=period
    add(b,r); save(b,tag,story)
print('ok')

# 3. An unidentified course (RxNorm 9999992, no text, no display: MEDICATION_UNIDENTIFIED) as a possible line, with 0 or
#    1 counted lines (HISTORY-ELIG-03/-04). Base rrmm-one-prior-line (relapse coded C90.02, progression 2026-09-15).
UNK={'coding':[{'system':RX,'code':'9999992'}]}
def unknown_course(b,start,end):
    subj=next(r for r in res(b) if r['resourceType']=='Condition')['subject']
    add(b,{'resourceType':'MedicationStatement','id':'unknown-course','status':'completed','medicationCodeableConcept':UNK,
           'subject':copy.deepcopy(subj),'effectivePeriod':{'start':start,'end':end}})
def strip_therapy(b):
    b['entry']=[e for e in b['entry'] if e['resource']['resourceType'] not in
                ('MedicationStatement','MedicationAdministration','MedicationRequest','Procedure','CarePlan')]
b=load('rrmm-one-prior-line'); strip_therapy(b); unknown_course(b,'2023-02-01','2026-09-20')
save(b,'unidentified-zero-lines','From fhir-samples/rrmm-one-prior-line with every therapy record removed (VRd, melphalan, ASCT, lenalidomide, CarePlan) and one MedicationStatement coded only RxNorm 9999992 (no text, no display) 2023-02-01..2026-09-20; myeloma coded C90.02 (relapse), progression 2026-09-15. Right (§1.1, §2.1, CDS-POLICY-UNIDENTIFIED-MEDICATION): no line is counted, but relapse is documented (so therapy is missing from the record) and the unidentified course may itself be a line: the isatuximab line criteria are UNKNOWN (INSUFFICIENT_DATA), not NOT_ELIGIBLE "0 prior lines" - US Isa-Kd 1-3 and Isa-Pd at least 1 (SC), EU Isa-Kd at least 1 and Isa-Pd at least 2 (HISTORY-ELIG-04 naming the record), as D-Kd/D-Pd already are by their own "coded as relapsed, no therapy recorded" rules (stated once).')
b=load('rrmm-one-prior-line'); strip_therapy(b)
save(b,'unidentified-zero-lines-none','Near miss of unidentified-zero-lines: the same record without the unidentified course (no therapy recorded at all, myeloma coded as relapsed). HISTORY-ELIG-04 must not fire (no unnamed therapy to name); HISTORY-ELIG-05 makes the isatuximab line criteria UNKNOWN (relapse documented, no therapy recorded: the count is unknown, not 0), as D-Kd/D-Pd already were - before this change US Isa-Kd/Isa-Pd were NOT_ELIGIBLE "0 prior lines".')
b=load('rrmm-one-prior-line'); unknown_course(b,'2025-02-01','2025-06-01')
save(b,'unidentified-one-line','From fhir-samples/rrmm-one-prior-line (1 line: VRd, ASCT, lenalidomide maintenance, progression 2026-09-15) + a MedicationStatement coded only RxNorm 9999992 2025-02-01..2025-06-01 during the maintenance. Right (HISTORY-ELIG-03): 1 or 2 lines. US: Isa-Kd/D-Kd 1-3 met either way; Isa-Pd/D-Pd met from 1 line (SC products), so eligible, with the IV products (at least 2) reachable only if the record is a line; EU (run with --jurisdiction EU): Isa-Pd/D-Pd "at least 2" UNKNOWN (INSUFFICIENT_DATA), not NOT_ELIGIBLE. Near miss: fhir-samples/rrmm-one-prior-line itself (EU Isa-Pd NOT_ELIGIBLE, 1 line).')
print('ok3')
