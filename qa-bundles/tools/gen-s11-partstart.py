# Session 11 helper "partstart": partial line starts (T7), intervals measured from an unknown end (R10), statements
# dated only by dateAsserted that the timeline cannot place (W6 leftovers). Run from the worktree root; writes
# qa-bundles/s11p-*.json with a story in s11p-*.story.txt. Base sample: fhir-samples/rrmm-isa-pd-candidate.
import json
S='fhir-samples/'; O='qa-bundles/'
RX='http://www.nlm.nih.gov/research/umls/rxnorm'
BASE='rrmm-isa-pd-candidate'; P='Patient/pt-isapd'
BASE_STORY=('Base fhir-samples/rrmm-isa-pd-candidate (VRd -> ASCT 2019-07-16 -> lenalidomide maintenance to 2022-09-27, '
            'progression 2022-09-20; KRd 2022-10-10..2024-08-12, progression 2024-08-05; IRd 2024-08-26..2026-09-15, '
            'progression 2026-09-12; sample answer: 3 lines, ISA_PD ELIGIBLE 90 rank 1). ')
def load(n): return json.load(open(S+n+'.json'))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def drop(b,pred): b['entry']=[e for e in b['entry'] if not pred(e['resource'])]
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:s11p-'+r['id'],'resource':r}); return r
def save(b,n,story):
    b['id']='s11p-'+n
    json.dump(b,open(O+'s11p-'+n+'.json','w'),indent=1)
    open(O+'s11p-'+n+'.story.txt','w').write(story.strip()+'\n')
def med(code,name): return {'coding':[{'system':RX,'code':code,'display':name}],'text':name}
LEN=('342369','lenalidomide'); DEX=('3264','dexamethasone'); IXA=('1723735','ixazomib')
IRD=['line3-ird-ixazomib','line3-ird-lenalidomide','line3-ird-dexamethasone']
def line3_start(b,start,ids=IRD):
    for i in ids: get(b,i)['effectivePeriod']['start']=start

# ---------------- T7: a line start known only to the month
b=load(BASE); line3_start(b,'2024-03')
save(b,'line3-start-month-during','''
'''+BASE_STORY+'''Line 3 IRd statements start "2024-03" (month only), end 2026-09-15. Every day of March 2024 lies while KRd
ran (to 2024-08-12) and before progression-2 (2024-08-05): ixazomib is an unplanned addition to KRd whatever the day,
so line 3 opens by UNPLANNED_ADDITION and carfilzomib, still running, goes on in line 3 (the modified regimen).
Right (issue 10 #3, #11): line 3 starts "2024-03"; line 2 ends on an unknown day from 2024-02-29 to 2024-03-30
(the day before line 3 started), not on 2024-02-29; 3 lines.''')

b=load(BASE); line3_start(b,'2024-08')
save(b,'line3-start-month-straddle','''
'''+BASE_STORY+'''Line 3 IRd statements start "2024-08" (month only). Before 2024-08-13 it was added while KRd ran; from
2024-08-13 on it started after KRd stopped and after progression-2 (2024-08-05). Right (T7): line 2 keeps its
recorded end 2024-08-12, line 3 starts "2024-08" with lenalidomide, ixazomib, dexamethasone (carfilzomib is a drug of
line 2 only), openedBy UNDECIDED naming both readings (unplanned addition / new therapy after progression); 3 lines,
ixazomib refractory (progression 2026-09-12 on it), the sample's decisions.''')

# ---------------- T7: the line count depends on a year-only start
b=load(BASE); drop(b,lambda r:r.get('id')=='line3-ird-ixazomib'); line3_start(b,'2024',IRD[1:])
save(b,'line3-rd-start-year-count','''
'''+BASE_STORY+'''Line 3 is Rd (lenalidomide + dexamethasone statements, no ixazomib) starting "2024" (year only),
end 2026-09-15. Read on a day before progression-2 (2024-08-05) it is lenalidomide continued while KRd ran (same
line, 2 lines); read after it, new therapy after a documented progression (3 lines). Right (issue 10 #3): the line
count is 2 or 3 with a gap naming the statements; decisions that turn on it (US daratumumab monotherapy at least 3
lines, EU/US line limits between 2 and 3) UNKNOWN, not MET.''')

# ---------------- R10: an interval measured from an order with no recorded end
b=load(BASE); drop(b,lambda r:r.get('id') in IRD)
for i,(code,name) in zip(IRD,[IXA,LEN,DEX]):
    add(b,{'resourceType':'MedicationRequest','id':i+'-rx1','status':'completed','intent':'order',
           'medicationCodeableConcept':med(code,name),'subject':{'reference':P},'authoredOn':'2024-08-26'})
    add(b,{'resourceType':'MedicationRequest','id':i+'-rx2','status':'completed','intent':'order',
           'medicationCodeableConcept':med(code,name),'subject':{'reference':P},'authoredOn':'2025-06-02'})
save(b,'ird-orders-unknown-end-resumed','''
'''+BASE_STORY+'''Line 3 IRd recorded only as completed MedicationRequests with authoredOn 2024-08-26 and again
2025-06-02 (no dosage bounds, no dispense): the end of the first orders is not recorded (CDS-POLICY-UNKNOWN-END).
Right (sweep B R10): the texts say what the orders hold - ordered on 2024-08-26 with no recorded end, ordered again
on 2025-06-02, "an interval of at most 280 days" - never "a gap of 280 days (last dose on 2024-08-26)"; THERAPY_GAP
is not raised as a certain gap (GAP-THERAPY-40 words it as an upper bound).''')
print('ok')

# ---------------- W6 leftovers: statements dated only by dateAsserted the timeline cannot place
POM=('1369713','pomalidomide')
def asserted(b,i,cc,day,status='active'):
    return add(b,{'resourceType':'MedicationStatement','id':i,'status':status,'medicationCodeableConcept':cc,
                  'subject':{'reference':P},'dateAsserted':day})
# KRd of line 2 as active statements asserted 2023-06-01 only: between line 1 (ended 2022-09-27) and line 3
b=load(BASE)
KRD=['line2-krd-carfilzomib','line2-krd-lenalidomide','line2-krd-dexamethasone']
for i in KRD:
    r=get(b,i); r.pop('effectivePeriod',None); r['status']='active'; r['dateAsserted']='2023-06-01'
save(b,'asserted-krd-between-lines','''
'''+BASE_STORY+'''Line 2 KRd recorded only as active MedicationStatements with dateAsserted 2023-06-01 and no effective[x];
lines 1 (to 2022-09-27) and 3 (IRd from 2024-08-26) are dated. The asserted day lies between two dated lines, so
CDS-POLICY-DATE-ASSERTED's "after the last line" placement does not apply, and KRd is in no line. Right (W6
leftovers): the statements are named in a gap that gives the line count as a range - 2 dated lines, 3 if KRd was a
line of its own - so label line limits between 2 and 3 (US daratumumab monotherapy at least 3; EU/US Isa-Pd/D-Pd
at least 2 is met either way) are UNKNOWN, not decided on 2 lines; carfilzomib refractoriness unknown.''')

# A pomalidomide statement asserted before any dated line (2018-11-15; line 1 starts 2019-03-04)
b=load(BASE); asserted(b,'pom-asserted-2018',med(*POM),'2018-11-15')
save(b,'asserted-pom-before-first-line','''
'''+BASE_STORY+'''An active MedicationStatement of pomalidomide with only dateAsserted 2018-11-15, before the first dated
line (VRd from 2019-03-04). No dated line precedes it, so it is in no line (CDS-POLICY-DATE-ASSERTED). Right (W6
leftovers): named in a gap with the line count as a range (3 dated lines, 4 if it was a line of its own before line
1); pomalidomide exposure and refractoriness unknown (ICARIA-MM, Isa-Pd, D-Pd trial populations not MET).''')

# near miss: a completed statement asserted between lines (last dose on or before that day)
b=load(BASE); asserted(b,'pom-completed-2023',med(*POM),'2023-06-01',status='completed')
save(b,'asserted-pom-completed-between-lines','''
'''+BASE_STORY+'''A completed MedicationStatement of pomalidomide with only dateAsserted 2023-06-01, between line 2's start
(2022-10-10) and its end (2024-08-12): it says pomalidomide was last taken on or before that day; it may have been
part of line 1 or 2 or a line of its own before 2023-06-01. Right: in no line, named with the line count as a range
(3 or 4).''')
