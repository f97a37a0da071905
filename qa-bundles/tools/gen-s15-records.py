# Session s15 (branch s15-records): bundles for FINDINGS F7 (supportive drugs named with no code), the cytarabine
# catalogue entry, and R14-1 (a status-unknown statement leaves only what it could change undecided). Run from the
# project root; writes qa-bundles/s15r-*.json with a story s15r-*.story.txt each. Each bundle is a variant of an earlier
# sweep bundle (read, never rewritten): the variant says what it changes and why.
import json, copy
O = 'qa-bundles/'


def load(name): return json.load(open(O + name + '.json'))


def res(b, rid):
    for e in b['entry']:
        if e['resource'].get('id') == rid: return e['resource']
    raise KeyError(rid)


def add(b, r): b['entry'].append({'fullUrl': r['resourceType'] + '/' + r['id'], 'resource': r})


def drop(b, pred): b['entry'] = [e for e in b['entry'] if not pred(e['resource'])]


def write(name, b, story):
    b = copy.deepcopy(b); b['id'] = name
    json.dump(b, open(O + name + '.json', 'w'), indent=1)
    open(O + name + '.story.txt', 'w').write(story.strip() + '\n')


# ---- F7: G-CSF and plerixafor named with no code, beside a drug nothing knows -------------------------------------------
b = load('s14a-20-vrd-cy-plerixafor-mobilisation-asct-35d-r-pd')
subject = res(b, 'mob-cy')['subject']
add(b, {'resourceType': 'MedicationStatement', 'id': 'zorvexa', 'status': 'active',
        'medicationCodeableConcept': {'text': 'Zorvexa 4 mg tablet'}, 'subject': subject,
        'effectivePeriod': {'start': '2024-02-01'},
        'dosage': [{'text': '4 mg by mouth once daily',
                    'route': {'coding': [{'system': 'http://snomed.info/sct', 'code': '26643006', 'display': 'Oral route'}]}}]})
write('s15r-01-gcsf-plerixafor-named-and-an-unknown-oral-drug', b, """
Variant of s14a-20 (FINDINGS F7): VRd x4, cyclophosphamide for stem-cell mobilisation 2023-04-20 with eight filgrastim
doses and one plerixafor dose, each a MedicationAdministration named in text only ("filgrastim 10 mcg/kg SC (G-CSF,
mobilisation)", "plerixafor 24 mg SC (mobilisation)"), HDM-ASCT 2023-05-25, lenalidomide maintenance, PD on it
2026-08-20; added: a daily oral "Zorvexa 4 mg tablet" from 2024-02-01 that no terminology names. A haematologist reads one
line (induction, mobilisation, HDM-ASCT, maintenance) progressing on lenalidomide, and G-CSF/plerixafor as the supportive
drugs of the mobilisation. Right: findings.unrecognised lists only Zorvexa (a name to review); the nine G-CSF and
plerixafor records are known supportive care (medication-supportive-myeloma-care), counted as "MedicationAdministration
(supportive care)" 9 in skippedResources, not listed one by one as codes to add; the line count stays 1 and the
cyclophosphamide is still read as the transplant's mobilisation. Before: nine entries "not recognised by the engine's
terminology ... (a code to add to rules/terminology/?)".
""")
