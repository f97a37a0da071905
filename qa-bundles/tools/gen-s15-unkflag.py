# FINDINGS G2 (refractoriness left undecided by a record with no dated disease-status assessment): two variants of
# qa-bundles/s15a-24b (D-Rd given to August 2026, the relapse known only as a problem-list C90.02), each changing one
# record, so the reading of the relapse coding against each drug's last dose can be seen on its own.
# Run from the project root; writes qa-bundles/s15u-*.json with a story s15u-*.story.txt each.
import copy, json

SOURCE = 'qa-bundles/s15a-24b-drd-administered-relapse-only-c9002-on-therapy.json'


def load():
    return json.load(open(SOURCE))


def resource(bundle, rid):
    for e in bundle['entry']:
        if e['resource'].get('id') == rid:
            return e['resource']
    raise KeyError(rid)


def patient_ref(bundle):
    return 'Patient/' + next(e['resource']['id'] for e in bundle['entry'] if e['resource']['resourceType'] == 'Patient')


def save(name, bundle, story):
    bundle = copy.deepcopy(bundle)
    bundle['id'] = 's15u-' + name
    with open('qa-bundles/s15u-' + name + '.json', 'w') as f:
        json.dump(bundle, f, indent=2)
        f.write('\n')
    with open('qa-bundles/s15u-' + name + '.story.txt', 'w') as f:
        f.write(story.strip() + '\n')


# 01: the relapse coded 74 days after the last daratumumab dose, 54 days after the end of the last lenalidomide supply.
b = load()
resource(b, 'mm-relapse').update({'onsetDateTime': '2026-10-30', 'recordedDate': '2026-10-30'})
save('01-drd-relapse-coded-74-days-after-last-dara', b, '''
s15a-24b with the relapse coding moved: D-Rd from 2024-02-05, daratumumab SC administrations to 2026-08-17, lenalidomide
dispensed to 2026-08-18 (supply to 2026-09-06); the only relapse signal is a problem-list C90.02 with onset and recordedDate
2026-10-30, 74 days after the last daratumumab dose and 54 days after the last lenalidomide. No dated disease-status
assessment. Haematologist: relapsed after D-Rd; lenalidomide-refractory if the relapse is dated by the coding (within 60
days of its last dose), daratumumab probably not (beyond 60 days) but the coding does not date the progression, so both
refractoriness questions stay open. Every anti-CD38 regimen carries the anti-CD38 refractoriness caution (no dated
assessment), without a word that the coding lies in daratumumab's window; D-Rd's lenalidomide caution says the coding
lies 54 days after its last dose.
''')

# 02: a dated stable-disease assessment in June 2026, then the same relapse coding in September.
b = load()
b['entry'].append({'resource': {
    'resourceType': 'Observation', 'id': 'status-sd-2026-06', 'status': 'final',
    'code': {'coding': [{'system': 'http://loinc.org', 'code': '97509-4', 'display': 'Cancer disease status'}]},
    'subject': {'reference': patient_ref(b)}, 'effectiveDateTime': '2026-06-15',
    'valueCodeableConcept': {'coding': [{'system': 'http://snomed.info/sct', 'code': '359746009',
                                         'display': 'Patient\'s condition stable'}], 'text': 'Stable disease on D-Rd'}}})
save('02-drd-stable-june-then-c9002-september', b, '''
s15a-24b with one dated assessment added: stable disease on D-Rd on 2026-06-15 (mCODE 97509-4, SNOMED 359746009). The
C90.02 problem-list Condition (onset 2026-09-10, recorded 2026-09-14) still comes after it, 28 days after the last
daratumumab dose. Haematologist: stable in June, then relapse coded in September while on D-Rd: relapsed, and at the
least daratumumab and lenalidomide refractoriness unknown. Engine (this commit): the dated stable assessment is read as
the latest word on the disease after the last line (relapse not documented, every relapsed-myeloma regimen
INSUFFICIENT_DATA) and, with a dated assessment on record, no undecided refractoriness caution is given. Kept to show
that shape; it is not the G2 shape (no dated assessment at all) and is not changed here.
''')
