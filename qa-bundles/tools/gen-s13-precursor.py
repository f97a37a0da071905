# Session 13 (precursor): an anti-CD38 antibody or bortezomib given for a precursor with the myeloma diagnosed on it
# (issue 10 bullet 6; sweep s12 RC5), and Procedures worded as a transplant in words the terminology does not read
# (bullet 7; sweep s12 RC3). Run from the worktree root; writes qa-bundles/s13p-*.json with a story in s13p-*.story.txt.
import json, copy
S='fhir-samples/'; Q='qa-bundles/'; O='qa-bundles/'
def load(n, d=S): return json.load(open(d+n+'.json'))
def res(b): return [e['resource'] for e in b['entry']]
def get(b,i): return next(r for r in res(b) if r.get('id')==i)
def drop(b,pred): b['entry']=[e for e in b['entry'] if not pred(e['resource'])]
def save(b,n,story):
    b['id']='s13p-'+n
    json.dump(b,open(O+'s13p-'+n+'.json','w'),indent=1)
    open(O+'s13p-'+n+'.story.txt','w').write(story.strip()+'\n')
BTZ={'coding':[{'system':'http://www.nlm.nih.gov/research/umls/rxnorm','code':'358258','display':'bortezomib'}],
     'text':'bortezomib 1.3 mg/m2 SC'}

# RC5 / bullet 6: daratumumab for high-risk SMM, the myeloma diagnosis the only record of the progression
def dara_smm():
    b=load('ndmm-after-daratumumab-for-smm'); drop(b,lambda r: r.get('id')=='status-progression-to-mm'); return b
b=dara_smm()
save(b,'dara-for-smm-mm-diagnosed-on-it','Base fhir-samples/ndmm-after-daratumumab-for-smm without its disease-status '
     'assessment (Observation/status-progression-to-mm): daratumumab SC for high-risk smouldering myeloma 2023-09-04 to '
     '2026-08-17 (reasonReference -> Condition/smm-1), multiple myeloma diagnosed 2026-10-14, 58 days after the last '
     'dose; nothing else records the progression. Right (issue 10 bullet 6: SMM therapy counts for anti-CD38 washout and '
     'refractoriness; IMWG-C11 timing; CDS-POLICY-PRECURSOR-ANTI-CD38-PROGRESSION): ANTI_CD38_REFRACTORY (WARNING, '
     'FLAG-PARTNER-40) on every anti-CD38 regimen, saying the myeloma arose on the antibody or within 60 days and that '
     'whether this makes it anti-CD38-refractory is open; the short washout flag as before. Before: only '
     'ANTI_CD38_WASHOUT_SHORT and the generic "no dated disease-status assessment" gap; D-VRd rank 1 at 30 with no '
     'refractory caution (with the assessment present the sample reads refractory, -25).')
b=dara_smm(); get(b,'dara-smm')['effectivePeriod']={'start':'2023-09-04','end':'2026-05-01'}
save(b,'dara-for-smm-stopped-before-mm','Near miss of s13p-dara-for-smm-mm-diagnosed-on-it: the daratumumab for '
     'smouldering myeloma stopped 2026-05-01, 166 days before the myeloma diagnosis (2026-10-14). Right: no anti-CD38 '
     'refractory caution (the disease did not progress on it in the IMWG timing); the washout is 184 days at asOf '
     '2026-11-01 (adequate band: no washout flag) and the exposure still shows.')
b=dara_smm(); get(b,'mm-1')['onsetDateTime']='2026-10'
save(b,'dara-for-smm-mm-dated-by-month','Variant of s13p-dara-for-smm-mm-diagnosed-on-it: the myeloma diagnosis dated '
     '"2026-10" only; the daratumumab ended 2026-08-17, so the diagnosis lies 45 to 75 days after it. Right: '
     'ANTI_CD38_REFRACTORY_UNKNOWN (WARNING, FLAG-PARTNER-41) on every anti-CD38 regimen naming both dates.')
b=dara_smm(); get(b,'dara-smm')['medicationCodeableConcept']=copy.deepcopy(BTZ); get(b,'dara-smm').pop('dosage',None)
save(b,'btz-for-smm-mm-diagnosed-on-it','Variant of s13p-dara-for-smm-mm-diagnosed-on-it with bortezomib instead of '
     'daratumumab for the smouldering myeloma (2023-09-04 to 2026-08-17; the compendium gives no bortezomib SMM '
     'regimen, the case stands for D-VCd-style precursor therapy). Right (CDS-POLICY-PRECURSOR-BORTEZOMIB-PROGRESSION): '
     'PARTNER_DRUG_REFRACTORY (WARNING, FLAG-PARTNER-42) on the newly diagnosed bortezomib regimens (D-VRd, D-VTd, '
     'Isa-VRd; D-VMP when offered), the question stated as open; no anti-CD38 caution.')
b=load('other-al-amyloidosis-dvcd-then-ndmm',Q); get(b,'al-btz')['effectivePeriod']={'start':'2025-05-05','end':'2026-08'}
save(b,'dvcd-for-al-btz-end-month-mm','Base qa-bundles/other-al-amyloidosis-dvcd-then-ndmm (D-VCd for AL amyloidosis, '
     'myeloma diagnosed 2026-10-05) with the bortezomib ending "2026-08": the diagnosis lies 35 to 65 days after its '
     'last dose. Right: PARTNER_DRUG_REFRACTORY_UNKNOWN (INFO, FLAG-PARTNER-43) on the newly diagnosed bortezomib '
     'regimens; the daratumumab (last dose 2026-06-29, 98 days before the diagnosis) gives no anti-CD38 refractory '
     'caution, only the intermediate washout.')
