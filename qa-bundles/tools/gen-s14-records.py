# Session s14 (helper "records"): the record-reading leftovers of note-s13 (issue 10 bullets 4, 7, 10).
# Run from the project root; writes qa-bundles/s14d-*.json with a story s14d-*.story.txt each.
# Each bundle is an earlier qa bundle with one change, so its story says what differs and what is right.
import json, copy

O = 'qa-bundles/'
LOINC = 'http://loinc.org'; UCUM = 'http://unitsofmeasure.org'


def load(name):
    return json.load(open(O + name + '.json'))


def write(name, bundle, story):
    with open(O + name + '.json', 'w') as f:
        json.dump(bundle, f, indent=2); f.write('\n')
    with open(O + name + '.story.txt', 'w') as f:
        f.write(story.strip() + '\n')


def patient_ref(bundle):
    for e in bundle['entry']:
        if e['resource']['resourceType'] == 'Patient': return e['fullUrl']
    raise ValueError('no patient')


def lvef(bundle, rid, day, value):
    return {'fullUrl': 'urn:uuid:s14d-' + rid, 'resource': {
        'resourceType': 'Observation', 'id': rid, 'status': 'final',
        'category': [{'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/observation-category', 'code': 'imaging'}]}],
        'code': {'coding': [{'system': LOINC, 'code': '10230-1', 'display': 'Left ventricular Ejection fraction'}]},
        'subject': {'reference': patient_ref(bundle)}, 'effectiveDateTime': day,
        'valueQuantity': {'value': value, 'unit': '%', 'system': UCUM, 'code': '%'}}}


def transplant_words(name, text, local, story):
    """s13a-01b (VRd, Mel200 2023-05-30, ASCT 2023-05-31, R maintenance, PD) with the transplant's code replaced."""
    b = load('s13a-01b-vrd-mel200-asct-r-pd-no-mobilisation')
    for e in b['entry']:
        r = e['resource']
        if r['resourceType'] == 'Procedure' and r['id'] == 'asct':
            r['code'] = ({'coding': [{'system': 'https://ehr.example.org/fhir/CodeSystem/local-procedures',
                                      'code': local, 'display': text}], 'text': text} if local else {'text': text})
    write(name, b, story)


# --- Replay (bullet 10): two different resources under one id, the first dated after asOf (sweep s13-replay3 RP3-1).
b = load('s13a-01b-vrd-mel200-asct-r-pd-no-mobilisation')
b['entry'].append(lvef(b, 'lvef-echo', '2026-12-03', 35))
b['entry'].append(lvef(b, 'lvef-echo', '2026-10-02', 60))
write('s14d-01-duplicate-id-first-after-asof', b, '''
From s13a-01b (VRd, Mel200 + ASCT, lenalidomide maintenance, progression) with two LVEF Observations that share the id
"lvef-echo" and differ: the first in the bundle is dated 2026-12-03 (LVEF 35 %), the second 2026-10-02 (LVEF 60 %) - an
export that reused an id. Evaluated with --as-of 2026-11-01 the chart as it stood that day held only the 2026-10-02 echo:
the later one was not written yet, so there is nothing to conflict with. Right: the replay equals the chart truncated at
asOf (the 60 % echo is read, no CARDIAC_FUNCTION_UNKNOWN gap, no unreadable part, exit 0). Evaluated at a date after
2026-12-03 both are in the chart, and which one the record holds is unknown: an unreadable part (exit 3 without
--allow-partial). Before the fix the replay at 2026-11-01 was refused: "a second Observation with the id of
Bundle.entry[n] and different content".''')

b = load('s13a-01b-vrd-mel200-asct-r-pd-no-mobilisation')
b['entry'].append(lvef(b, 'lvef-echo', '2026-09-03', 35))
b['entry'].append(lvef(b, 'lvef-echo', '2026-10-02', 60))
write('s14d-01b-duplicate-id-both-before-asof', b, '''
Near miss of s14d-01: the same two LVEF Observations under one id, both dated before 2026-11-01 (2026-09-03 35 %,
2026-10-02 60 %). Both were in the chart on asOf, so which one the record holds is unknown. Right: the second is an
unreadable part, "a second Observation with the id of Bundle.entry[n] and different content" (exit 3; with
--allow-partial an UNREADABLE_INPUT gap), as before.''')

# --- Transplant words (bullet 7): words of a transplant the terminology did not read (sweep s13-precursor P1).
transplant_words('s14d-02-hct-day0-local-code', 'HCT day 0', 'TX-D0', '''
From s13a-01b (VRd 2023-01-09..03-27, melphalan 200 mg/m2 2023-05-30, the transplant 2023-05-31, lenalidomide
maintenance from 2023-08-15, progression) with the transplant recorded only as a local code whose display is "HCT day 0".
HCT is how many centres write haematopoietic cell transplantation, but it is also haematocrit. Before: the procedure
vanished without a word, the melphalan became a line of its own, "3 prior lines" and no data gap. Right: a possible
transplant (CDS-POLICY-RECORDS-TRANSPLANT-WORDS), placed on the timeline as a transplant of unstated kind, the count a
range 1 to 3 (GAP-THERAPY-05), and PRIOR_THERAPY_UNKNOWN (GAP-TRANSPLANT-10) naming Procedure/asct and its words.''')

transplant_words('s14d-02b-hct-haematocrit-check-local-code', 'HCT (haematocrit) check', 'LAB-HCT', '''
Near miss of s14d-02: the same record with the procedure's words "HCT (haematocrit) check". Right: no transplant and no
possible transplant (the words name a haematocrit, text-excludes of procedure-possible-transplant); the record then has
no transplant, melphalan stands alone as before, and no GAP-TRANSPLANT-10. (What a record without its transplant reads
is the s13a-01b story's concern, not this one's.)''')

transplant_words('s14d-03-day0-auto-sct-text', 'Day 0 auto SCT', None, '''
From s13a-01b with the transplant recorded by text alone, "Day 0 auto SCT". Before: read as a stem-cell transplant of
unknown kind (the autologous words were "autologous", "ASCT", "auto-"). Right: an autologous stem-cell transplant ("auto"
before SCT, procedure-autologous-stem-cell-transplant), one line VRd-Mel200-ASCT-R, no gap about the transplant.''')

transplant_words('s14d-04-pbsct-local-code', 'PBSCT', 'TX-PB', '''
From s13a-01b with the transplant recorded only as a local code whose display is "PBSCT" (peripheral blood stem-cell
transplant). Before: not read, melphalan a line of its own, "3 prior lines", no gap. Right: a stem-cell transplant of
unstated kind (the abbreviation is unambiguous), one line VRd-Mel200-SCT-R.''')
