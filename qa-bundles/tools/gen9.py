# Session 2026-12-04 late evening (helper "sweepa", issue 10 bullets 1-6): new EHR-shaped variants. Run from the project
# root; writes qa-bundles/. Every bundle gets NAME.story.txt (what was changed, what the right answer is).
import json, copy, datetime
S='fhir-samples/'; O='qa-bundles/'
RX='http://www.nlm.nih.gov/research/umls/rxnorm'; SCT='http://snomed.info/sct'; ICD='http://hl7.org/fhir/sid/icd-10-cm'
ATC='http://www.whocc.no/atc'
def load(n): return json.load(open(S+n+'.json'))
def res(b,i): return next(e['resource'] for e in b['entry'] if e['resource']['id']==i)
def drop(b,*ids): b['entry']=[e for e in b['entry'] if e['resource']['id'] not in ids]
def pid(b): return next(e['resource']['id'] for e in b['entry'] if e['resource']['resourceType']=='Patient')
def add(b,r): b['entry'].append({'fullUrl':'urn:uuid:sweepa-'+r['id'],'resource':r})
def med(text,coding=None):
    c={'text':text}
    if coding: c['coding']=coding
    return c
def stmt(b,i,text,start,end=None,status='completed',coding=None,**kw):
    r={'resourceType':'MedicationStatement','id':i,'status':status,'subject':{'reference':'Patient/'+pid(b)},
       'medicationCodeableConcept':med(text,coding)}
    if start is not None: r['effectivePeriod']={'start':start} if end is None else {'start':start,'end':end}
    r.update(kw); add(b,r); return r
def admin(b,i,text,day,status='completed',coding=None,**kw):
    r={'resourceType':'MedicationAdministration','id':i,'status':status,'subject':{'reference':'Patient/'+pid(b)},
       'medicationCodeableConcept':med(text,coding),'effectiveDateTime':day}
    r.update(kw); add(b,r); return r
def request(b,i,text,authored,status='completed',coding=None,**kw):
    r={'resourceType':'MedicationRequest','id':i,'status':status,'intent':'order','subject':{'reference':'Patient/'+pid(b)},
       'medicationCodeableConcept':med(text,coding),'authoredOn':authored}
    r.update(kw); add(b,r); return r
def dispense(b,i,text,day,status='completed',coding=None,**kw):
    r={'resourceType':'MedicationDispense','id':i,'status':status,'subject':{'reference':'Patient/'+pid(b)},
       'medicationCodeableConcept':med(text,coding),'whenHandedOver':day}
    r.update(kw); add(b,r); return r
def progression(b,i,day,status='final'):
    r={'resourceType':'Observation','id':i,'status':status,'subject':{'reference':'Patient/'+pid(b)},
       'code':{'coding':[{'system':'http://loinc.org','code':'97509-4'}],'text':'Myeloma disease status'},
       'valueCodeableConcept':{'coding':[{'system':SCT,'code':'271299001','display':"Patient's condition worsened"}],
                               'text':'Progressive disease (IMWG)'},'effectiveDateTime':day}
    add(b,r); return r
def condition(b,i,system,code,display,onset,**kw):
    r={'resourceType':'Condition','id':i,'subject':{'reference':'Patient/'+pid(b)},
       'clinicalStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-clinical','code':'active'}]},
       'verificationStatus':{'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-ver-status','code':'confirmed'}]},
       'code':{'coding':[{'system':system,'code':code,'display':display}],'text':display}}
    if onset: r['onsetDateTime']=onset
    r.update(kw); add(b,r); return r
def procedure(b,i,code,display,day,**kw):
    r={'resourceType':'Procedure','id':i,'status':'completed','subject':{'reference':'Patient/'+pid(b)},
       'code':{'coding':[{'system':SCT,'code':code,'display':display}],'text':display},'performedDateTime':day}
    r.update(kw); add(b,r); return r
LEN=[{'system':RX,'code':'342369','display':'lenalidomide'}]; DEX=[{'system':RX,'code':'3264','display':'dexamethasone'}]
BTZ=[{'system':RX,'code':'358258','display':'bortezomib'}]; CFZ=[{'system':RX,'code':'1302966','display':'carfilzomib'}]
IXA=[{'system':RX,'code':'1723735','display':'ixazomib'}]
def days(d,n): return (datetime.date.fromisoformat(d)+datetime.timedelta(days=n)).isoformat()
def save(b,name,story):
    b['id']='sweepa-'+name
    json.dump(b,open(O+name+'.json','w'),indent=1)
    open(O+name+'.story.txt','w').write(story.strip()+'\n')
    print(name)

# ---------- bullet 1: lines and progressions ----------
# L1: VRd -> ASCT -> relapse recorded only as a new Condition C90.02 with an onset -> VRd re-induction inside the
# post-transplant window. Only the dated relapse code says the second VRd is salvage.
b=load('rrmm-one-prior-line'); mm=res(b,'mm-1'); mm['code']['coding']=[c for c in mm['code']['coding'] if c['system']!=ICD]+[{'system':ICD,'code':'C90.00','display':'Multiple myeloma not having achieved remission'}]
drop(b,'line1-maint-lenalidomide','progression-1')
condition(b,'mm-relapse',ICD,'C90.02','Multiple myeloma in relapse','2023-07-20',recordedDate='2023-07-24')
for i,d in enumerate(['2023-08-01','2023-08-04','2023-08-08','2023-08-11','2024-02-05','2024-02-08']):
    admin(b,'salv-btz-%d'%i,'bortezomib',d+'T10:00:00+01:00',coding=BTZ)
stmt(b,'salv-len','lenalidomide','2023-08-01','2024-02-20',coding=LEN); stmt(b,'salv-dex','dexamethasone','2023-08-01','2024-02-20',coding=DEX)
stmt(b,'maint-len','lenalidomide','2024-03-01','2026-09-20',coding=LEN)
progression(b,'progression-2','2026-09-15')
save(b,'lines-relapse-by-new-c9002-then-vrd-reinduction','''
From fhir-samples/rrmm-one-prior-line: VRd induction (2023-01/04), ASCT 2023-05-23. The original myeloma Condition is
C90.00; no disease-status Observation after the ASCT. Early relapse is recorded only as a NEW Condition coded C90.02
"in relapse" with onsetDateTime 2023-07-20 (recordedDate 2023-07-24). Then VRd again from 2023-08-01 (bortezomib
administrations, len/dex statements) to 2024-02-20, lenalidomide 2024-03-01..2026-09-20, progression 2026-09-15.
Right (issue 10 #1/#8, LOT-B15, clinical-evidence §1.1, §1.6 E: C90.02 is a weak but dated signal): the VRd restarted
after a relapse dated 2023-07-20 is salvage -> a new line (2 prior lines; relapse dated on the onset of the relapse
code), or, if a relapse code's onset is not trusted as a progression date, the line count 1-or-2 is a named gap -
never a silent single line that swallows re-induction into the post-transplant window.''')

# L2: same, relapse only as Condition.clinicalStatus = relapse (no date at all)
b=load('rrmm-one-prior-line'); mm=res(b,'mm-1'); mm['code']['coding']=[c for c in mm['code']['coding'] if c['system']!=ICD]
mm['clinicalStatus']={'coding':[{'system':'http://terminology.hl7.org/CodeSystem/condition-clinical','code':'relapse'}]}
drop(b,'line1-maint-lenalidomide','progression-1')
stmt(b,'salv-len','lenalidomide','2023-08-01','2024-02-20',coding=LEN); stmt(b,'salv-dex','dexamethasone','2023-08-01','2024-02-20',coding=DEX)
stmt(b,'salv-cfz','carfilzomib','2023-08-01','2024-02-20',coding=CFZ)
stmt(b,'maint-len','lenalidomide','2024-03-01','2026-09-20',coding=LEN)
progression(b,'progression-2','2026-09-15')
save(b,'lines-clinical-status-relapse-krd-in-window','''
From fhir-samples/rrmm-one-prior-line: VRd induction, ASCT 2023-05-23; the myeloma Condition carries SNOMED only and
clinicalStatus "relapse" (undated); no disease-status Observation before 2026-09-15. KRd from 2023-08-01 (70 days
after the ASCT, inside the post-transplant window) to 2024-02-20, then lenalidomide to 2026-09-20, progression 2026-09-15.
Right (LOT-B15 §1.1 rule 2, issue 10 #1): carfilzomib was never part of line 1, so KRd is an unplanned addition /
different regimen -> line 2 whatever the window says (2 prior lines); the undated relapse status cannot date a
progression, but the new drug is enough. If the engine keeps the window, it must say why carfilzomib joined line 1.''')

# L3: VRd -> ASCT -> VRd consolidation -> lenalidomide maintenance, no plan links (one planned line)
b=load('rrmm-one-prior-line')
for e in b['entry']: e['resource'].pop('basedOn',None)
for i,d in enumerate(['2023-08-14','2023-08-17','2023-08-21','2023-08-24','2023-09-04','2023-09-07','2023-09-11','2023-09-14']):
    admin(b,'cons-btz-%d'%i,'bortezomib',d+'T10:00:00+01:00',coding=BTZ)
stmt(b,'cons-dex','dexamethasone','2023-08-14','2023-09-24',coding=DEX)
res(b,'line1-maint-lenalidomide')['effectivePeriod']['start']='2023-08-14'
save(b,'lines-vrd-consolidation-no-plan-links','''
From fhir-samples/rrmm-one-prior-line with every basedOn link removed: VRd induction, ASCT 2023-05-23, then two
cycles of VRd consolidation (bortezomib administrations 2023-08-14..09-14, dexamethasone, lenalidomide running on into
maintenance to 2026-09-20), no progression before 2026-09-15. Right (LOT-B15: induction -> ASCT -> consolidation ->
maintenance is one line): 1 prior line, lenalidomide and bortezomib exposed, lenalidomide refractory (progression on
maintenance), bortezomib not refractory; same answer as the sample.''')

# L4: post-ASCT progression, then lenalidomide 'maintenance' started after it (same drug, inside the window)
b=load('rrmm-one-prior-line')
res(b,'line1-maint-lenalidomide')['effectivePeriod']={'start':'2023-09-15','end':'2026-09-20'}
res(b,'line1-maint-lenalidomide').pop('basedOn',None)
progression(b,'progression-post-asct','2023-08-20')
save(b,'lines-progression-before-len-start-in-window','''
From fhir-samples/rrmm-one-prior-line: VRd, ASCT 2023-05-23 (plan-linked), then a documented progression 2023-08-20
(before any maintenance), and lenalidomide (no plan link) from 2023-09-15 to 2026-09-20, progression 2026-09-15.
Right (issue 10 #1: "a new regimen started after a documented progression is always a new line, whatever the windows
say"; LOT-B15): lenalidomide after the progression is salvage -> line 2 (2 prior lines). Line 1 (VRd, melphalan, ASCT)
ended 2023-05-23, 89 days before the progression: its drugs are not refractory by the 60-day rule (§1.2); lenalidomide
is refractory through line 2 (progression 2026-09-15 on it).''')

# L5: tandem ASCT without plan links
b=load('rrmm-one-prior-line')
for e in b['entry']: e['resource'].pop('basedOn',None)
admin(b,'admin-melphalan-2','melphalan','2023-08-21T09:00:00+02:00',coding=[{'system':RX,'code':'6718','display':'melphalan'}])
procedure(b,'asct-2','709115004','Transplantation of autologous hematopoietic stem cell (procedure)','2023-08-22')
res(b,'line1-maint-lenalidomide')['effectivePeriod']['start']='2023-11-01'
save(b,'lines-tandem-asct-no-plan','''
From fhir-samples/rrmm-one-prior-line without plan links: VRd, melphalan + ASCT 2023-05-23, a second melphalan + ASCT
2023-08-22 (91 days later, no progression in between), lenalidomide maintenance from 2023-11-01, progression
2026-09-15. Right (LOT-B15 rule 3: each SCT is a new line except a planned tandem with a predefined interval, ~3
months): without a plan the second ASCT at ~3 months with no progression is most likely a tandem; the line count is
1 (tandem) or 2 and the output should say which rule decided (and, if it counts 2, why it did not read a tandem).''')

# L6: overlapping regimens: pomalidomide started before IRd stopped, before the progression
b=load('rrmm-isa-pd-candidate')
stmt(b,'line4-pom','pomalidomide','2026-09-01',None,status='active',coding=[{'system':RX,'code':'1369713','display':'pomalidomide'}])
stmt(b,'line4-dex','dexamethasone','2026-09-01',None,status='active',coding=DEX)
save(b,'lines-overlap-pd-started-before-ird-ended','''
From fhir-samples/rrmm-isa-pd-candidate (IRd line 3 to 2026-09-15, progression 2026-09-12) + pomalidomide and
dexamethasone statements active from 2026-09-01 (two weeks before IRd stopped, before the progression was recorded).
Right (LOT-B15 rule 2: an unplanned addition or substitution of a drug is a new line): pomalidomide-dexamethasone is
line 4 (4 prior lines; pomalidomide exposed, ongoing, progression on it not documented); US Isa-Kd/D-Kd (1-3 lines)
leave; Isa-Pd: prior pomalidomide -> ICARIA FAILED, pomalidomide refractoriness unknown (on it only 2 months).
Wrong: pomalidomide merged into line 3 and called refractory by the progression of 2026-09-12.''')

# ---------- bullet 5: drugs outside the catalogue, as a 4th line after the last progression ----------
OUT=[('vincristine','vincristine 2 mg IV','vinca alkaloid (VAD-type salvage)',True),
     ('vorinostat','vorinostat 400 mg PO','HDAC inhibitor (class of panobinostat)',True),
     ('iberdomide','iberdomide 1.6 mg PO','CELMoD (IMiD class)',True),
     ('mezigdomide','mezigdomide 1 mg PO','CELMoD (IMiD class)',True),
     ('ifosfamide','ifosfamide IV','alkylator',True),
     ('cilta-cel','cilta-cel infusion','BCMA CAR-T (ciltacabtagene autoleucel, abbreviated)',False),
     ('ide-cel','ide-cel infusion','BCMA CAR-T (idecabtagene vicleucel, abbreviated)',False),
     ('dcep','DCEP','regimen name only (dexamethasone, cyclophosphamide, etoposide, cisplatin)',False),
     ('vdt-pace','VDT-PACE cycle 1','regimen name only (bortezomib, dexamethasone, thalidomide, cisplatin, doxorubicin, cyclophosphamide, etoposide)',False),
     ('dara-abbrev','Dara SC 1800 mg','daratumumab abbreviated "Dara" (anti-CD38)',True),
     ('methylprednisolone','methylprednisolone 1 g IV','corticosteroid (pulse steroid salvage)',False),
     ('forimtamig','forimtamig (GPRC5D x CD3) SC','GPRC5D bispecific (investigational, no "study drug" word)',False),
     ('alnuctamab','alnuctamab SC','BCMA bispecific (investigational, no "study drug" word)',False)]
for key,text,what,withdex in OUT:
    b=load('rrmm-isa-pd-candidate')
    stmt(b,'line4-'+key,text,'2026-09-20','2026-10-20')
    if withdex: stmt(b,'line4-dex','dexamethasone','2026-09-20','2026-10-20',coding=DEX)
    save(b,'outside-'+key+'-line4','''
From fhir-samples/rrmm-isa-pd-candidate (3 lines, progression 2026-09-12 on IRd) + a 4th line after the last
progression: MedicationStatement text "%s" only (no coding), completed 2026-09-20..2026-10-20%s. It is %s.
Right (issue 10 #5): the drug is anti-myeloma therapy the catalogue does not hold; it must not vanish: either it is
recognised (line 4 with its class: 4 prior lines, US Isa-Kd/D-Kd 1-3 lines leave, "progression on the last therapy"
undecided) or it raises a named gap (THERAPY_UNCLASSIFIED / MEDICATION_UNIDENTIFIED) and the line count, the last
line and the naive/not-refractory criteria are UNKNOWN. Wrong: 3 lines, ISA_PD ELIGIBLE 90, Isa-Kd/D-Kd line-eligible.'''
    %(text,', with dexamethasone' if withdex else '',what))

# ---------- bullet 2/3: per-line refractoriness, partial dates ----------
# P1: line 3 IRd all ended "2026-07" (month only), progression 2026-09-12 -> 60-day bound straddled
b=load('rrmm-isa-pd-candidate')
for i in ('line3-ird-ixazomib','line3-ird-lenalidomide','line3-ird-dexamethasone'): res(b,i)['effectivePeriod']['end']='2026-07'
save(b,'partial-line3-end-month-prog-60d-straddle','''
From fhir-samples/rrmm-isa-pd-candidate: every line-3 IRd statement ends "2026-07" (month only); progression 2026-09-12.
The last dose lies in 2026-07-01..07-31, so the progression is 43..73 days after it: within 60 days for an end on or
after 07-14, beyond for an earlier one. Right (§1.2 60-day rule, issue 10 #3): ixazomib (and line-3 lenalidomide)
refractoriness UNKNOWN with REFRACTORY_STATUS_UNKNOWN naming the records; ICARIA "refractory to the last line" UNKNOWN;
never decided on 1 July (not refractory) nor on 31 July alone (refractory) without saying so.''')

# P2: D-Rd line 3, daratumumab ended "2026-05", progression "2026-07" (both month only); washout 2026-11-01
b=load('rrmm-isa-pd-candidate')
drop(b,'line3-ird-ixazomib')
for i in ('line3-ird-lenalidomide','line3-ird-dexamethasone'): res(b,i)['effectivePeriod']['end']='2026-05'
stmt(b,'line3-drd-daratumumab','Darzalex Faspro 1800 mg SC','2024-08-26','2026-05',coding=[{'system':RX,'code':'2372199','display':'daratumumab / hyaluronidase'}])
res(b,'progression-3')['effectiveDateTime']='2026-07'
save(b,'partial-dara-end-month-prog-month','''
From fhir-samples/rrmm-isa-pd-candidate with line 3 = D-Rd (Darzalex Faspro statement 2024-08-26..2026-05, lenalidomide
and dexamethasone to 2026-05) and progression-3 dated "2026-07". Last dose 2026-05-01..31, progression 2026-07-01..31:
30..91 days apart -> anti-CD38 refractoriness UNKNOWN (§1.2); washout at 2026-11-01: 154..184 days -> straddles the
180-day band bound -> ANTI_CD38_WASHOUT_UNKNOWN (DERIVE-WASHOUT-02). Right: anti-CD38 exposed (every anti-CD38
regimen carries the exposure), refractoriness and band undecided, both named; not "not refractory", not "adequate".''')

# P3: progression dated by year only "2026", line 3 ended 2026-03-15
b=load('rrmm-isa-pd-candidate')
for i in ('line3-ird-ixazomib','line3-ird-lenalidomide','line3-ird-dexamethasone'): res(b,i)['effectivePeriod']['end']='2026-03-15'
res(b,'progression-3')['effectiveDateTime']='2026'
save(b,'partial-prog-year-only-after-line-end','''
From fhir-samples/rrmm-isa-pd-candidate: line 3 IRd ended 2026-03-15; the last progression is dated "2026" (year only).
It lies in 2026-01-01..2026-11-01 (asOf): on therapy, within 60 days, or later. Right (§1.2, issue 10 #3): ixazomib
refractoriness UNKNOWN (gap naming the observation), relapse after line 3 documented but undated within the year;
ICARIA UNKNOWN; not "not refractory" read on 1 January (which would even place it on therapy -> refractory).''')

# P4: line 3 start year only "2024" (before or after progression-2 2024-08-05)
b=load('rrmm-isa-pd-candidate')
for i in ('line3-ird-ixazomib','line3-ird-lenalidomide','line3-ird-dexamethasone'): res(b,i)['effectivePeriod']['start']='2024'
save(b,'partial-line3-start-year','''
From fhir-samples/rrmm-isa-pd-candidate: line 3 IRd statements start "2024" (year only), end 2026-09-15; line 2 KRd
ended 2024-08-12, progression-2 2024-08-05. IRd differs from KRd (ixazomib new), so it is line 3 whenever it began:
3 prior lines; ixazomib refractory (progression 2026-09-12 on it). Right: the same answer as the sample, with line 3's
start printed as "2024" (not 2024-01-01, which would place it before line 2 ended and could merge it into line 2 or
call carfilzomib refractory on the wrong grounds).''')

# R1: D-Rd line 3 with daratumumab as 3 early administrations only; progression on lenalidomide 2 years later
b=load('rrmm-isa-pd-candidate')
drop(b,'line3-ird-ixazomib')
for i,d in enumerate(['2024-08-26','2024-09-02','2024-09-09']):
    admin(b,'line3-dara-%d'%i,'daratumumab',d+'T10:00:00+01:00',coding=[{'system':ATC,'code':'L01FC01','display':'daratumumab'}])
save(b,'refr-dara-three-early-doses-line-progressed','''
From fhir-samples/rrmm-isa-pd-candidate with line 3 = D-Rd: daratumumab only as three MedicationAdministrations
(2024-08-26, 09-02, 09-09; ATC L01FC01), lenalidomide and dexamethasone statements to 2026-09-15, progression 2026-09-12.
Issue 10 #2: every anti-myeloma drug given in a line that progressed on therapy is refractory, with the line and the
progression as provenance -> daratumumab refractory (line rule), ANTI_CD38_REFRACTORY on every anti-CD38 regimen.
Clinically debatable (three doses two years earlier; §1.2's drug-level rule would say "last dose 2024-09-09, not
refractory"), so at least the text must name the line rule and the 2-year gap; a plain "not refractory" or a plain
"anti-CD38 refractory (on treatment)" without the rule is wrong. Washout from 2024-09-09: adequate.''')

# ---------- bullet 4: medication encodings ----------
b=load('rrmm-isa-pd-candidate')
drop(b,'line3-ird-ixazomib','line3-ird-lenalidomide','line3-ird-dexamethasone')
for i,(t,c) in enumerate([('ixazomib',IXA),('lenalidomide',LEN),('dexamethasone',DEX)]):
    request(b,'rx-line3-%s'%t,t,'2024-08-26',coding=c,dispenseRequest={'quantity':{'value':21,'unit':'capsule'},'numberOfRepeatsAllowed':23})
save(b,'req-dispense-quantity-repeats-no-duration','''
From fhir-samples/rrmm-isa-pd-candidate with line 3 IRd recorded only as completed MedicationRequests, authoredOn
2024-08-26, dispenseRequest quantity 21 + numberOfRepeatsAllowed 23 and NO expectedSupplyDuration or validityPeriod.
The quantity alone does not give a duration (dose frequency unknown). Right (issue 10 #4, CDS-POLICY-UNKNOWN-END):
end unknown (bounded by asOf), ixazomib refractoriness UNKNOWN, THERAPY_END_UNKNOWN naming the requests; not a one-day
course and not 24 x 21 days invented from the quantity.''')

b=load('rrmm-isa-pd-candidate')
drop(b,'line3-ird-ixazomib','line3-ird-lenalidomide','line3-ird-dexamethasone')
for i,(t,c) in enumerate([('ixazomib',IXA),('lenalidomide',LEN),('dexamethasone',DEX)]):
    request(b,'rx-line3-%s'%t,t,'2024-08-26',status='stopped',coding=c,
            dosageInstruction=[{'timing':{'repeat':{'boundsDuration':{'value':104,'unit':'wk','system':'http://unitsofmeasure.org','code':'wk'},'frequency':1,'period':1,'periodUnit':'d'}}}])
save(b,'req-bounds-duration-weeks-stopped','''
From fhir-samples/rrmm-isa-pd-candidate with line 3 IRd as stopped MedicationRequests authoredOn 2024-08-26 with
dosageInstruction.timing.repeat.boundsDuration 104 wk (UCUM "wk"). 104 weeks from 2024-08-26 = 2026-08-24; progression
2026-09-12 is 19 days later. But "stopped" says the order ended early, at an unknown day before its planned end. Right
(issue 10 #4): the planned end is an upper bound; ixazomib refractoriness UNKNOWN (a stop before 2026-07-14 would be
>60 d) with THERAPY_END_UNKNOWN, or, if the policy reads boundsDuration as the course, refractory - stated either way;
never a one-day course.''')

b=load('rrmm-isa-pd-candidate')
for k,d in enumerate(['2026-03-02','2026-04-06','2026-05-04','2026-06-08','2026-07-06','2026-08-03']):
    dispense(b,'disp-dara-%d'%k,'Darzalex 20 mg/mL IV',d,coding=[{'system':ATC,'code':'L01FC01','display':'daratumumab'}])
save(b,'dispense-dara-handover-only-no-supply','''
From fhir-samples/rrmm-isa-pd-candidate + six MedicationDispense of daratumumab (ATC L01FC01, text "Darzalex 20 mg/mL
IV"), whenHandedOver 2026-03-02..2026-08-03 monthly, no daysSupply, no quantity (hospital pharmacy issue for clinic
infusion). Daratumumab was added to IRd during line 3 (no plan) - an unplanned addition (LOT-B15 rule 2: line 4 from
2026-03-02), and progression 2026-09-12 came 40 days after the last dispense (refractory if given then). Right:
anti-CD38 exposed, last dose >= 2026-08-03 (washout 90 days at most -> short band), daratumumab refractory or UNKNOWN
with a named gap; 4 prior lines. Wrong: dispenses ignored, "anti-CD38 naive".''')

b=load('ndmm-transplant-ineligible')
admin(b,'admin-dara-stopped','daratumumab 16 mg/kg IV','2026-10-20T10:00:00+02:00',status='stopped',coding=[{'system':ATC,'code':'L01FC01','display':'daratumumab'}],
      statusReason=[{'text':'infusion-related reaction, infusion stopped after 40 minutes'}])
save(b,'admin-dara-status-stopped-irr','''
From fhir-samples/ndmm-transplant-ineligible (diagnosed 2026-10-05) + one MedicationAdministration of daratumumab
status "stopped" on 2026-10-20, statusReason "infusion-related reaction, infusion stopped after 40 minutes". FHIR
"stopped" = the administration was started and then stopped: part of the dose WAS given. Right (issue 10 #4 "each status
given a stated meaning"): an anti-CD38 exposure (first dose of a D-based induction; the setting is NDMM, on treatment
since 2026-10-20, the IRR recorded as intolerance context); never silently dropped as if not given.''')

b=load('rrmm-isa-pd-candidate')
stmt(b,'stmt-dara-unknown','daratumumab','2026-03-01','2026-08-20',status='unknown',coding=[{'system':ATC,'code':'L01FC01','display':'daratumumab'}])
save(b,'stmt-dara-status-unknown','''
From fhir-samples/rrmm-isa-pd-candidate + a MedicationStatement of daratumumab with status "unknown"
(2026-03-01..2026-08-20). FHIR: "the state of the medication use is not currently known". Right: whether the patient
received daratumumab is unknown -> anti-CD38 naivety, washout and line count UNKNOWN with a named gap; not "anti-CD38
naive" (ISA_PD ELIGIBLE 90) and not certain exposure.''')

# ---------- bullet 6: therapy for other conditions ----------
CYC=[{'system':RX,'code':'3002','display':'cyclophosphamide'}]
def breast(b,onset='2025-02-01'):
    return condition(b,'breast-ca-2',ICD,'C50.911','Malignant neoplasm of unspecified site of right female breast',onset)
# O1: second cancer after myeloma, AC chemo with reasonReference, during line 3
b=load('rrmm-isa-pd-candidate'); breast(b)
for t,c in (('doxorubicin',[{'system':ATC,'code':'L01DB01','display':'doxorubicin'}]),('cyclophosphamide',CYC)):
    stmt(b,'ac-'+t,t,'2025-03-03','2025-05-12',coding=c,reasonReference=[{'reference':'Condition/breast-ca-2'}])
save(b,'other-second-cancer-ac-reasonreference-during-line3','''
From fhir-samples/rrmm-isa-pd-candidate + a right breast cancer (C50.911, onset 2025-02-01, after the 2019 myeloma) and
doxorubicin + cyclophosphamide (AC) statements 2025-03-03..05-12 whose reasonReference is that Condition, during line 3
(IRd). Both drugs are also myeloma drugs (§1.1 catalogue: anthracycline, alkylator). Right (issue 10 #6): other therapy
with its reason, not part of line 3 and not a new line (no UNPLANNED_ADDITION); 3 prior lines; sample answer.''')

# O2: same, reasonCode instead of reasonReference
b=load('rrmm-isa-pd-candidate'); breast(b)
for t,c in (('doxorubicin',[{'system':ATC,'code':'L01DB01','display':'doxorubicin'}]),('cyclophosphamide',CYC)):
    stmt(b,'ac-'+t,t,'2025-03-03','2025-05-12',coding=c,reasonCode=[{'coding':[{'system':ICD,'code':'C50.911'}]}])
save(b,'other-second-cancer-ac-reasoncode-during-line3','''
As other-second-cancer-ac-reasonreference-during-line3 but the AC statements carry reasonCode ICD-10-CM C50.911 (breast
cancer) instead of a reasonReference. Right: other therapy, 3 prior lines, sample answer.''')

# O3: same, no reason, breast cancer dated after the myeloma
b=load('rrmm-isa-pd-candidate'); breast(b)
for t,c in (('doxorubicin',[{'system':ATC,'code':'L01DB01','display':'doxorubicin'}]),('cyclophosphamide',CYC)):
    stmt(b,'ac-'+t,t,'2025-03-03','2025-05-12',coding=c)
save(b,'other-second-cancer-ac-no-reason-during-line3','''
As other-second-cancer-ac-reasonreference-during-line3 but the AC statements carry no reason. A breast cancer
diagnosed 2025-02-01 and AC starting a month later: most likely breast-cancer therapy, but doxorubicin and
cyclophosphamide are myeloma drugs too. Right (issue 10 #6, CDS-POLICY-OTHER-THERAPY): the engine cannot know the
purpose -> a named gap (therapy of undecided purpose) and the line-dependent decisions it could change UNKNOWN, or a
stated policy that places it; not a silent 4th line / unplanned addition, and not silently dropped.''')

# O4: bendamustine-rituximab for follicular lymphoma after the myeloma, reasonReference
b=load('rrmm-isa-pd-candidate')
condition(b,'fl-1',ICD,'C82.90','Follicular lymphoma, unspecified, unspecified site','2025-01-15')
stmt(b,'br-bendamustine','bendamustine','2025-02-03','2025-07-10',coding=[{'system':ATC,'code':'L01AA09','display':'bendamustine'}],reasonReference=[{'reference':'Condition/fl-1'}])
stmt(b,'br-rituximab','rituximab','2025-02-03','2025-07-10',reasonReference=[{'reference':'Condition/fl-1'}])
save(b,'other-lymphoma-br-reasonreference','''
From fhir-samples/rrmm-isa-pd-candidate + follicular lymphoma (C82.90, onset 2025-01-15) treated with bendamustine +
rituximab 2025-02-03..07-10, both with reasonReference to the lymphoma Condition, during line 3. Bendamustine is a
catalogued myeloma alkylator. Right (issue 10 #6): other therapy with its reason; 3 prior lines; sample answer.''')

# O5: D-VCd for AL amyloidosis (reasonReference) before a myeloma diagnosis; patient now NDMM
b=load('ndmm-transplant-ineligible')
condition(b,'al-1',ICD,'E85.81','Light chain (AL) amyloidosis','2025-04-10')
ref=[{'reference':'Condition/al-1'}]
stmt(b,'al-dara','Darzalex Faspro 1800 mg SC','2025-05-05','2026-06-29',coding=[{'system':RX,'code':'2372199','display':'daratumumab / hyaluronidase'}],reasonReference=ref)
stmt(b,'al-btz','bortezomib','2025-05-05','2025-10-20',coding=BTZ,reasonReference=ref)
stmt(b,'al-cyc','cyclophosphamide','2025-05-05','2025-10-20',coding=CYC,reasonReference=ref)
stmt(b,'al-dex','dexamethasone','2025-05-05','2025-10-20',coding=DEX,reasonReference=ref)
save(b,'other-al-amyloidosis-dvcd-then-ndmm','''
From fhir-samples/ndmm-transplant-ineligible (myeloma diagnosed 2026-10-05) + AL amyloidosis (E85.81, onset 2025-04-10)
treated with D-VCd (Darzalex Faspro 2025-05-05..2026-06-29, bortezomib/cyclophosphamide/dexamethasone to 2025-10-20),
every statement with reasonReference to the AL Condition. Right (issue 10 #6; §2.2 D-VCd AL indication): not a line
of myeloma therapy -> the patient is still newly diagnosed (NDMM TI), but daratumumab is an exposure: last dose
2026-06-29, 125 days before asOf -> intermediate washout band on every anti-CD38 regimen; bortezomib exposure; the
NDMM trial populations' "no prior anti-CD38 / no prior therapy" criteria at least UNKNOWN or FAILED with the reason,
not MET. Say which rule decided (other therapy: AL amyloidosis).''')

# O6: bone agents and supportive drugs without reasons, text only
b=load('rrmm-isa-pd-candidate')
for k,d in enumerate(['2024-09-02','2024-10-07','2024-11-04','2024-12-02']):
    admin(b,'zol-%d'%k,'zoledronic acid 4 mg IV',d+'T10:00:00+01:00')
stmt(b,'deno','Xgeva (denosumab) 120 mg SC','2025-01-06','2026-08-03')
stmt(b,'acv','valaciclovir 500 mg','2024-08-26','2026-09-15')
save(b,'supportive-bone-agents-text-only','''
From fhir-samples/rrmm-isa-pd-candidate + supportive care named in text only, no reason: zoledronic acid 4 mg IV
(four administrations 2024-09..12), denosumab (Xgeva) 2025-01..2026-08, valaciclovir prophylaxis during line 3.
Right: none is anti-myeloma therapy; 3 prior lines, sample answer; at most listed as not read.''')
