# Building blocks of the acceptance generators (gen-s1*-accept*.py, gen-s14-timeline4.py): one patient's bundle as an
# EHR export writes it (class B; B.PREFIX names the sweep's bundles), save() with its story, codes and regimen helpers.
# Imported by each generator (run from the project root); a generator may add or redefine helpers after the import.
import json, copy, datetime, uuid, os
O = 'qa-bundles/'
RX = 'http://www.nlm.nih.gov/research/umls/rxnorm'; SCT = 'http://snomed.info/sct'; ICD = 'http://hl7.org/fhir/sid/icd-10-cm'
LOINC = 'http://loinc.org'; UCUM = 'http://unitsofmeasure.org'
CLIN = 'http://terminology.hl7.org/CodeSystem/condition-clinical'; VER = 'http://terminology.hl7.org/CodeSystem/condition-ver-status'
SYN = '/work/main/target/realdata/synthea-transplant/output/fhir/'


def U(ns, i): return 'urn:uuid:' + str(uuid.uuid5(uuid.NAMESPACE_URL, ns + '/' + i))


def days(d, n): return (datetime.date.fromisoformat(d) + datetime.timedelta(days=n)).isoformat()


class B:
    """One patient's bundle as an EHR export writes it."""
    PREFIX = 's14a-'  # the sweep's bundle-name prefix; each generator sets its own

    def __init__(s, name, birth, gender='female', family='Doe', given='Jane', **pkw):
        s.name = name; s.entry = []; s.pid = 'pt-' + name
        p = {'resourceType': 'Patient', 'id': s.pid,
             'identifier': [{'system': 'https://ehr.example.org/fhir/sid/mrn', 'value': 'MRN-' + name.upper()[:20]}],
             'name': [{'use': 'official', 'family': family, 'given': [given]}], 'gender': gender, 'birthDate': birth}
        p.update(pkw); s.add(p)

    def url(s, i): return U(s.name, i)

    def ref(s, i): return {'reference': s.url(i)}

    def add(s, r):
        s.entry.append({'fullUrl': s.url(r['id']), 'resource': r}); return r

    def subj(s): return {'reference': s.url(s.pid)}

    def cond(s, i, codings, text, onset, clin='active', **kw):
        r = {'resourceType': 'Condition', 'id': i, 'clinicalStatus': {'coding': [{'system': CLIN, 'code': clin}]},
             'verificationStatus': {'coding': [{'system': VER, 'code': 'confirmed'}]},
             'category': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/condition-category',
                                       'code': 'problem-list-item'}]}],
             'code': {'coding': codings, 'text': text}, 'subject': s.subj()}
        if onset: r['onsetDateTime'] = onset
        r.update(kw); return s.add(r)

    def med(s, text, code=None):
        c = {'text': text}
        if code: c['coding'] = [{'system': RX, 'code': code[0], 'display': code[1]}]
        return c

    def admin(s, i, text, day, code=None, status='completed', **kw):
        r = {'resourceType': 'MedicationAdministration', 'id': i, 'status': status,
             'medicationCodeableConcept': s.med(text, code), 'subject': s.subj(),
             'effectiveDateTime': day if 'T' in day or len(day) < 10 else day + 'T09:30:00-05:00'}
        r.update(kw); return s.add(r)

    def admins(s, prefix, text, start, every, n, code=None, **kw):
        out = []
        for k in range(n): out.append(s.admin('%s-%d' % (prefix, k + 1), text, days(start, k * every), code, **kw))
        return out

    def stmt(s, i, text, start, end=None, code=None, status='completed', **kw):
        r = {'resourceType': 'MedicationStatement', 'id': i, 'status': status,
             'medicationCodeableConcept': s.med(text, code), 'subject': s.subj()}
        if start: r['effectivePeriod'] = {'start': start} if end is None else {'start': start, 'end': end}
        r.update(kw); return s.add(r)

    def req(s, i, text, authored, code=None, status='completed', **kw):
        r = {'resourceType': 'MedicationRequest', 'id': i, 'status': status, 'intent': 'order',
             'medicationCodeableConcept': s.med(text, code), 'subject': s.subj(), 'authoredOn': authored}
        r.update(kw); return s.add(r)

    def disp(s, i, text, day, supply_days, code=None, **kw):
        r = {'resourceType': 'MedicationDispense', 'id': i, 'status': 'completed',
             'medicationCodeableConcept': s.med(text, code), 'subject': s.subj(), 'whenHandedOver': day,
             'daysSupply': {'value': supply_days, 'unit': 'day', 'system': UCUM, 'code': 'd'}}
        r.update(kw); return s.add(r)

    def proc(s, i, codings, text, day, **kw):
        r = {'resourceType': 'Procedure', 'id': i, 'status': 'completed', 'code': {'coding': codings, 'text': text},
             'subject': s.subj(), 'performedDateTime': day}
        r.update(kw); return s.add(r)

    def status(s, i, day, worse=True, text=None, **kw):
        v = ({'coding': [{'system': SCT, 'code': '271299001', 'display': "Patient's condition worsened"}],
              'text': text or 'Progressive disease (IMWG)'} if worse else
             {'coding': [{'system': SCT, 'code': '268910001', 'display': "Patient's condition improved"}],
              'text': text or 'Very good partial response (IMWG)'})
        r = {'resourceType': 'Observation', 'id': i, 'status': 'final',
             'category': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/observation-category',
                                        'code': 'exam'}]}],
             'code': {'coding': [{'system': LOINC, 'code': '97509-4'}], 'text': 'Myeloma disease status'},
             'subject': s.subj(), 'effectiveDateTime': day, 'valueCodeableConcept': v}
        r.update(kw); return s.add(r)

    def lab(s, i, loinc, text, day, value, unit, ucum, **kw):
        r = {'resourceType': 'Observation', 'id': i, 'status': 'final',
             'category': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/observation-category',
                                        'code': 'laboratory'}]}],
             'code': {'coding': [{'system': LOINC, 'code': loinc, 'display': text}], 'text': text},
             'subject': s.subj(), 'effectiveDateTime': day,
             'valueQuantity': {'value': value, 'unit': unit, 'system': UCUM, 'code': ucum}}
        r.update(kw); return s.add(r)

    def mprot(s, i, day, v): return s.lab(i, '33358-3', 'M-protein [Mass/volume] in Serum by Electrophoresis', day, v, 'g/dL', 'g/dL')

    def egfr(s, day, v=72): return s.lab('egfr-' + day, '98979-8', 'eGFR CKD-EPI 2021', day, v, 'mL/min/{1.73_m2}', 'mL/min/{1.73_m2}')

    def bundle(s):
        return {'resourceType': 'Bundle', 'id': s.PREFIX + s.name, 'type': 'collection',
                'timestamp': '2026-12-04T23:00:00Z', 'entry': s.entry}


def save(b, story):
    bd = b.bundle() if isinstance(b, B) else b
    name = bd['id']
    json.dump(bd, open(O + name + '.json', 'w'), indent=1)
    open(O + name + '.story.txt', 'w').write(story.strip() + '\n')
    print(name)


MM_SCT = [{'system': SCT, 'code': '109989006', 'display': 'Multiple myeloma (disorder)'}]
def MM_ICD(c='C90.00', d='Multiple myeloma not having achieved remission'): return [{'system': ICD, 'code': c, 'display': d}]
BTZ = ('358258', 'bortezomib'); LEN = ('342369', 'lenalidomide'); DEX = ('3264', 'dexamethasone')
CFZ = ('1302966', 'carfilzomib'); POM = ('1369713', 'pomalidomide'); THAL = ('10432', 'thalidomide')
ASCT = [{'system': SCT, 'code': '709115004', 'display': 'Transplantation of autologous hematopoietic stem cell (procedure)'}]
HSCT = [{'system': SCT, 'code': '234336002', 'display': 'Hemopoietic stem cell transplant (procedure)'}]
DARA = ('1721947', 'daratumumab'); CPT = 'http://www.ama-assn.org/go/cpt'
ASCT_CPT = [{'system': CPT, 'code': '38241', 'display': 'Hematopoietic progenitor cell (HPC); autologous transplantation'}]
ALLO_CPT = [{'system': CPT, 'code': '38240', 'display': 'Hematopoietic progenitor cell (HPC); allogeneic transplantation'}]
ALLO_SCT = [{'system': SCT, 'code': '174241000112100', 'display': 'Allogeneic hematopoietic stem cell transplant'}]


def supply(start, end, repeats, dur=28):
    return {'validityPeriod': {'start': start, 'end': end}, 'numberOfRepeatsAllowed': repeats,
            'expectedSupplyDuration': {'value': dur, 'unit': 'days', 'system': UCUM, 'code': 'd'}}


def cycles(b, pre, text, code, start, dlist, n, clen=28):
    for k in range(n):
        for d in dlist:
            day = days(start, k * clen + d); b.admin('%s-%s' % (pre, day), text, day, code)


def reason(b, cid): return [b.ref(cid)]

MEL = ('6718', 'melphalan'); CY = ('3002', 'cyclophosphamide'); DOXO = ('3639', 'doxorubicin')
PRED = ('8640', 'prednisone')


def vrd(b, start='2023-01-09', n=4):
    cycles(b, 'vrd-btz', 'Bortezomib 1.3 mg/m2 SC', BTZ, start, (0, 3, 7, 10), n, 21)
    cycles(b, 'vrd-dex', 'Dexamethasone 40 mg PO', DEX, start, (0, 7, 14), n, 21)
    b.stmt('vrd-len', 'lenalidomide 25 mg capsule', start, days(start, 21 * n - 7), LEN)


def vrd_stmt(b, start, end, pre='vrd'):
    """VRd induction as the clinic's medication list writes it: three statements."""
    b.stmt(pre + '-btz', 'bortezomib 1.3 mg/m2 SC days 1,4,8,11', start, end, BTZ)
    b.stmt(pre + '-len', 'lenalidomide 25 mg capsule days 1-14', start, end, LEN)
    b.stmt(pre + '-dex', 'dexamethasone 20 mg PO', start, end, DEX)


def bounds(a, e): return [{'text': 'as directed', 'timing': {'repeat': {'boundsPeriod': {'start': a, 'end': e}}}}]


IXA = ('1723735', 'ixazomib'); FLU = ('24698', 'fludarabine'); ETO = ('4179', 'etoposide'); CIS = ('2555', 'cisplatin')
LVEF = lambda b, d, v=60: b.lab('lvef-' + d, '10230-1', 'Left ventricular Ejection fraction', d, v, '%', '%')
SMM_ICD = [{'system': ICD, 'code': 'D47.2', 'display': 'Monoclonal gammopathy'}]


def gcsf(b, start, n=6, plerixafor_day=None):
    for k in range(n): b.admin('gcsf-%s-%d' % (start, k), 'filgrastim 10 mcg/kg SC (G-CSF, mobilisation)', days(start, k))
    if plerixafor_day: b.admin('plerixafor-' + plerixafor_day, 'plerixafor 24 mg SC (mobilisation)', plerixafor_day)


def rmaint(b, start, end=None, status='active'):
    b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', start, end, LEN, status=status)


# ---- the shared history of the acceptance generators (s18/s19 sweeps) ----

def out(b, story): save(b.bundle(), story)


def weekly(b, pre, text, code, start, end, every=7, **kw):
    """One administration every {every} days from {start} to {end}."""
    d = start
    while d <= end:
        b.admin('%s-%s' % (pre, d), text, d, code, **kw); d = days(d, every)


def kd(b, start, last, pre='kd'):
    """Kd in 28-day cycles (carfilzomib days 1, 2, 8, 9, 15, 16; weekly dexamethasone) while day 16 is on or before {last}."""
    k = 0
    while days(start, 28 * k + 15) <= last:
        for d in (0, 1, 7, 8, 14, 15):
            day = days(start, 28 * k + d); b.admin(pre + '-cfz-' + day, 'carfilzomib 56 mg/m2 IV (Kd)', day, CFZ)
        k += 1
    weekly(b, pre + '-dex', 'dexamethasone 20 mg PO (Kd)', DEX, start, days(start, 28 * k - 1))


def tail(b):
    """The labs every acceptance bundle ends with: eGFR 66 and LVEF 60% in October 2026."""
    b.egfr('2026-10-20', 66); LVEF(b, '2026-10-15')
