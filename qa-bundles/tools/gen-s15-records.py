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


# ---- Cytarabine: an ESHAP-like salvage line after a progression on lenalidomide maintenance ------------------------------
def salvage(b, drugs, start_days):
    """Administrations of each (id, text, coding or None) on each of the given days, as an inpatient MAR records them."""
    for day in start_days:
        for rid, text, coding in drugs:
            r = {'resourceType': 'MedicationAdministration', 'id': rid + '-' + day, 'status': 'completed',
                 'medicationCodeableConcept': {'text': text}, 'subject': subject,
                 'effectiveDateTime': day + 'T09:30:00-05:00'}
            if coding: r['medicationCodeableConcept']['coding'] = [coding]
            add(b, r)


RX = 'http://www.nlm.nih.gov/research/umls/rxnorm'
days = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-05']
eshap = [('eto', 'etoposide 40 mg/m2 IV (ESHAP)', {'system': RX, 'code': '4179', 'display': 'etoposide'}),
         ('mp', 'methylprednisolone 500 mg IV (ESHAP)', None),
         ('cis', 'cisplatin 25 mg/m2/day IV continuous infusion (ESHAP)', {'system': RX, 'code': '2555', 'display': 'cisplatin'})]
b = load('s14a-20-vrd-cy-plerixafor-mobilisation-asct-35d-r-pd')
res(b, 'r-maint')['status'] = 'completed'
res(b, 'r-maint')['effectivePeriod']['end'] = '2026-08-24'
salvage(b, eshap[:3], days[:4])
pd2 = copy.deepcopy(res(b, 'pd-1')); pd2['id'] = 'pd-2'; pd2['effectiveDateTime'] = '2026-10-15'
add(b, pd2)
salvage(b, [('ara-c', 'cytarabine 2 g/m2 IV over 2 h (ESHAP day 5)', {'system': RX, 'code': '3041', 'display': 'cytarabine'})], days[4:])
write('s15r-02-vrd-asct-r-pd-then-eshap-like-salvage-with-cytarabine', b, """
Variant of s14a-20: VRd x4, cyclophosphamide mobilisation with G-CSF/plerixafor, HDM-ASCT 2023-05-25, lenalidomide
maintenance to 2026-08-24, PD on it 2026-08-20; then an inpatient ESHAP-like salvage cycle charted as
MedicationAdministrations: etoposide, methylprednisolone and cisplatin 2026-09-01..04, cytarabine 2 g/m2 (RxNorm 3041,
"cytarabine 2 g/m2 IV over 2 h (ESHAP day 5)") 2026-09-05. A haematologist reads two prior lines: VRd-ASCT-R (progressed on
lenalidomide: lenalidomide-refractory) and a cytotoxic salvage line (etoposide, cytarabine, cisplatin, methylprednisolone)
started after that progression, then PD again 2026-10-15 (40 days after the cycle: refractory to its drugs). Right: line 2
holds cytarabine as a known drug (pyrimidine analogue, CDS-POLICY-RECORDS5-CYTARABINE), refractory like the line's other
drugs, no THERAPY_UNCLASSIFIED; 2 prior lines, relapse documented. Before: cytarabine was an unlisted drug given
by infusion, THERAPY_UNCLASSIFIED naming it (CDS-POLICY-UNNAMED2-PARENTERAL), and every line-dependent decision
undecided.
""")

# Near miss: the same cycle with gemcitabine (another pyrimidine analogue, not catalogued) on day 5 in place of cytarabine.
b = load('s14a-20-vrd-cy-plerixafor-mobilisation-asct-35d-r-pd')
res(b, 'r-maint')['status'] = 'completed'
res(b, 'r-maint')['effectivePeriod']['end'] = '2026-08-24'
salvage(b, eshap[:3], days[:4])
add(b, copy.deepcopy(pd2))
salvage(b, [('gem', 'gemcitabine 1000 mg/m2 IV (day 5)', None)], days[4:])
write('s15r-03-vrd-asct-r-pd-then-salvage-with-gemcitabine-not-catalogued', b, """
Near miss of s15r-02: the day-5 drug is gemcitabine 1000 mg/m2 IV (text only), a pyrimidine analogue the catalogue does
not list. Right (unchanged): gemcitabine is an unlisted drug dosed per m2 and given by infusion, so THERAPY_UNCLASSIFIED
names it and the decisions it could change stay undecided; cytarabine's entry does not make every pyrimidine analogue
known.
""")


# ---- R14-1: a statement with status 'unknown' leaves undecided only what it could change ---------------------------------
# The R14-1 bundle itself is qa-bundles/stmt-dara-status-unknown (daratumumab 2026-03-01..2026-08-20, status unknown,
# inside line 3 IRd: read as taken it splits line 3). Two variants move the statement.
b = load('stmt-dara-status-unknown')
res(b, 'stmt-dara-unknown')['effectivePeriod'] = {'start': '2026-09-20', 'end': '2026-10-20'}
write('s15r-04-stmt-dara-status-unknown-after-the-last-line', b, """
Variant of stmt-dara-status-unknown (FINDINGS R14-1): VRd-ASCT-R (line 1), KRd (line 2), IRd (line 3, PD 2026-09-12 on
it, last dose 2026-09-15); a MedicationStatement of daratumumab 2026-09-20..2026-10-20 with status 'unknown' (FHIR R4:
the state of the medication use is not currently known), after line 3. A haematologist: 3 prior lines for sure, a fourth
(daratumumab alone) if it was given; lenalidomide-, carfilzomib- and ixazomib-refractory either way; bortezomib not
refractory (its induction stopped before the 2019 transplant) either way; anti-CD38 exposure, washout and refractoriness
unknown. Right: count 3 to 4 (PRIOR_THERAPY_UNKNOWN "Line count undecided ... refractoriness to daratumumab and to the
last line ... would change line 4 as it would be (2026-09-20 to 2026-10-20: daratumumab) ..."); no drug of lines 1-3
has an undecided refractoriness (findings.exposures without refractoryUnknown); ICARIA-MM undecided (the last line);
ANTI_CD38_REFRACTORY_UNKNOWN on the anti-CD38 regimens.
""")
b = load('stmt-dara-status-unknown')
res(b, 'stmt-dara-unknown')['effectivePeriod'] = {'start': '2024-09-01', 'end': '2026-08-20'}
write('s15r-05-stmt-dara-status-unknown-inside-line3-initial-regimen', b, """
Near miss of stmt-dara-status-unknown (FINDINGS R14-1): the daratumumab statement with status 'unknown' starts
2024-09-01, six days after line 3 (IRd) started, and ends 2026-08-20. Read as taken it would be part of line 3's initial
regimen (D-IRd), which starts and ends as placed: it changes no line and no count. Right: 3 prior lines, no range, no
"Line count undecided"; only the daratumumab use itself is undecided (PRIOR_THERAPY_UNKNOWN "daratumumab use
undecided ..."), and every drug of lines 1-3 keeps its decided refractoriness.
""")
