# Session 2026-12-04 evening (helper "lines"): one unidentified medication given by many administrations. Run from the
# project root; writes qa-bundles/.
import json, copy, datetime
S='fhir-samples/'; O='qa-bundles/'
RX='http://www.nlm.nih.gov/research/umls/rxnorm'
b=json.load(open(S+'rrmm-one-prior-line.json'))
tmpl=next(e['resource'] for e in b['entry'] if e['resource']['id']=='admin-bortezomib-1')
day=datetime.date(2025,3,3)
for i in range(6):
    r=copy.deepcopy(tmpl); r['id']='admin-unknown-%d'%(i+1)
    r['medicationCodeableConcept']={'coding':[{'system':RX,'code':'9999992'}]}   # no text, no display: names nothing
    r['effectiveDateTime']=(day+datetime.timedelta(days=14*i)).isoformat()+'T10:00:00+01:00'
    r.pop('request',None); r['dosage']={'route':{'text':'intravenous'}}
    b['entry'].append({'fullUrl':'urn:uuid:lines-unknown-%d'%(i+1),'resource':r})
b['id']='lines-unidentified-six-administrations'
json.dump(b,open(O+'unidentified-six-administrations.json','w'),indent=1)
open(O+'unidentified-six-administrations.story.txt','w').write(
'From fhir-samples/rrmm-one-prior-line (1 line: VRd, ASCT, lenalidomide maintenance to 2026-09-20, progression '
'2026-09-15) + six MedicationAdministrations coded only RxNorm 9999992 (no text, no display), every 14 days from '
'2025-03-03 to 2025-05-12, during the maintenance. Right (CDS-POLICY-UNIDENTIFIED-MEDICATION, LOT-B15): one unknown '
'medication given over one course may be one more line, not six: MEDICATION_UNIDENTIFIED naming the records; the line '
'count is 1 or 2, so the US Isa-Kd/D-Kd "1 to 3 prior lines" limit is met either way (not undecided) while naive / '
'not-refractory criteria, trial populations and progression on the last therapy stay UNKNOWN; daratumumab monotherapy '
'(at least 3 lines) is not reachable with 2 and stays NOT_ELIGIBLE on its line count.\n')
print('ok')
