# Session 12 helper "texts": the timeline as derived in the texts a tumour board reads (issue 10 bullets 1, 8, 11;
# sweep s11 W-1/W-2, RL3, RL4, RL5, partstart P1/P2). Run from the worktree root; writes qa-bundles/s12t-*.json with a
# story in s12t-*.story.txt. Base sample: fhir-samples/rrmm-isa-pd-candidate.
import json
S='fhir-samples/'; O='qa-bundles/'
RX='http://www.nlm.nih.gov/research/umls/rxnorm'
BASE='rrmm-isa-pd-candidate'; P='Patient/pt-isapd'
BASE_STORY=('Base fhir-samples/rrmm-isa-pd-candidate (VRd -> ASCT 2019-07-16 -> lenalidomide maintenance to 2022-09-27, '
            'progression 2022-09-20; KRd 2022-10-10..2024-08-12, progression 2024-08-05; IRd 2024-08-26..2026-09-15, '
            'progression 2026-09-12; Condition/mm-1 coded C90.02, recorded 2019-02-04; sample answer: 3 lines, ISA_PD '
            'ELIGIBLE 90 rank 1). ')
IRD=['line3-ird-ixazomib','line3-ird-lenalidomide','line3-ird-dexamethasone']
def load(n): return json.load(open(S+n+'.json'))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def drop(b,pred): b['entry']=[e for e in b['entry'] if not pred(e['resource'])]
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:s12t-'+r['id'],'resource':r}); return r
def save(b,n,story):
    b['id']='s12t-'+n
    json.dump(b,open(O+'s12t-'+n+'.json','w'),indent=1)
    open(O+'s12t-'+n+'.story.txt','w').write(story.strip()+'\n')
def mprotein(i,day,value):
    return {'resourceType':'Observation','id':i,'status':'final',
            'category':[{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/observation-category','code':'laboratory'}]}],
            'code':{'coding':[{'system':'http://loinc.org','code':'33358-3','display':'Protein.monoclonal, serum or plasma, by electrophoresis'}]},
            'subject':{'reference':P},'effectiveDateTime':day,
            'valueQuantity':{'value':value,'unit':'g/dL','system':'http://unitsofmeasure.org','code':'g/dL'}}

# ---- W-1 / W-2 / P1: a line count of 2 to 3 (year-only Rd start), with every count inside the US D-Kd/Isa-Kd limits
b=load(BASE); drop(b,lambda r:r.get('id')=='line3-ird-ixazomib')
for i in IRD[1:]: get(b,i)['effectivePeriod']['start']='2024'
save(b,'range-2-3-texts','''
'''+BASE_STORY+'''Line 3 is Rd (lenalidomide + dexamethasone statements, no ixazomib) starting "2024" (year only), end
2026-09-15 (as qa-bundles/s11p-line3-rd-start-year-count). The count is 2 (Rd on a day before progression-2 joins KRd)
or 3 (Rd after it is a new line). Right (sweep s11 W-1, W-2, P1): every criterion text that states the count says
"2 to 3 prior lines (2 as placed; ...)" and whether the decision holds for every count (US D-Kd 1-3, Isa-Kd 1-3,
D-Rd/D-Vd at least 1: yes; US daratumumab monotherapy at least 3: no, UNKNOWN by ELIG-COMMON-06); the relapse texts
say "line 2 as placed (the count is 2 to 3 lines ...)"; the line table's line 2 names the Rd statements as placed
there on the first day of 2024 and says they may open a line of their own.''')

# ---- RL3: relapse not documented after the last line, C90.02 recorded before it
b=load(BASE); drop(b,lambda r:r.get('id')=='progression-3')
save(b,'rl3-coded-relapse-before-last-line','''
'''+BASE_STORY+'''progression-3 removed: nothing after line 3 (IRd, 2024-08-26) shows relapse; the only relapse code
(C90.02 on Condition/mm-1) was recorded 2019-02-04, before line 3 started. Right (sweep s11 RL3): the relapsed-myeloma
regimens are UNKNOWN (ELIG-COMMON-04), and the text asks for a C90.02 "recorded after the last line started (the one on
record was written on or before it)", not for the code the record already holds.''')

b=load(BASE); drop(b,lambda r:r.get('id')=='progression-3')
mm=get(b,'mm-1'); mm['code']={'coding':[{'system':'http://hl7.org/fhir/sid/icd-10-cm','code':'C90.00',
    'display':'Multiple myeloma not having achieved remission'}],'text':'IgG kappa multiple myeloma'}
save(b,'rl3-near-miss-no-relapse-code','''
'''+BASE_STORY+'''Near miss of s12t-rl3-coded-relapse-before-last-line: progression-3 removed and mm-1 coded C90.00
(no relapse code anywhere). Right: ELIG-COMMON-04 asks for "a relapse diagnosis (ICD-10-CM C90.02)" without the
clause about the one on record.''')

# ---- RL4: an unconfirmed serum M-protein rise during line 3 (possible progression)
b=load(BASE); drop(b,lambda r:r.get('id')=='progression-3')
add(b,mprotein('mprotein-2025-06',"2025-06-02",0.4))
add(b,mprotein('mprotein-2026-08',"2026-08-20",1.2))
save(b,'rl4-mprotein-unconfirmed-rise-during-line3','''
'''+BASE_STORY+'''progression-3 removed; serum M-protein 0.4 g/dL on 2025-06-02 (lowest since line 3 started) and
1.2 g/dL on 2026-08-20 while IRd ran (to 2026-09-15), nothing after: a rise meeting the IMWG criteria on the latest
value only, unconfirmed (DERIVE-RELAPSE-43), so a possible progression. Right (sweep s11 RL4): the line table shows
"possible progression (serum M-protein rise, not confirmed) 2026-08-20", not "preliminary progression"; the
REFRACTORY_STATUS_UNKNOWN gaps for ixazomib/lenalidomide ask to repeat the serum M-protein, not to "record the
assessment with a coded, final answer".''')

# ---- RL5: --as-of before the diagnosis (run with --as-of 2018-06-01), and the chart as it stood then
b=load(BASE)
keep=[r for r in res(b) if r['resourceType']=='Patient']
b['entry']=[e for e in b['entry'] if e['resource']['resourceType']=='Patient']
save(b,'rl5-chart-on-2018-06-01','''
'''+BASE_STORY+'''The base chart as it stood on 2018-06-01, before the diagnosis (2019-01-28) and every therapy: the
Patient only. Run both with --as-of 2018-06-01: qa-bundles/sb-replay-asof-before-diagnosis.json (the whole chart)
and this one must give the same Assessment (issue 10 item 10; sweep s11 RL5): setting UNKNOWN, "No multiple myeloma
(or other plasma-cell disorder) diagnosis recorded in the bundle on or before the evaluation date (2018-06-01);
records dated after it are not read", with nothing that names the 2019 diagnosis.''')

# ---- P2: an active statement asserted between line 2 and line 3, after progression-2
b=load(BASE)
add(b,{'resourceType':'MedicationStatement','id':'asserted-pom','status':'active',
       'medicationCodeableConcept':{'coding':[{'system':RX,'code':'1369713','display':'pomalidomide'}],'text':'pomalidomide'},
       'subject':{'reference':P},'dateAsserted':'2024-08-20'})
save(b,'p2-asserted-between-lines-after-progression','''
'''+BASE_STORY+'''Plus an active MedicationStatement of pomalidomide with only dateAsserted 2024-08-20: after line 2
(KRd) ended 2024-08-12 and after progression-2 (2024-08-05), before line 3 (IRd) started 2024-08-26. Its start is
unknown: it may be a line of its own between lines 2 and 3, or line 3's start recorded late, or part of line 2
(CDS-POLICY-DATE-ASSERTED places only after the last line). Right (sweep s11 P2): not placed, the count 3 to 4
(CDS-POLICY-PARTSTART-ASSERTED-COUNT), and the line table's row of line 3 says where the statement lies (between
line 2 and line 3) and that as a line of its own it would add one.''')
print('ok')
