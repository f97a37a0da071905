# Session s13 (helper "terms"): bundles for FINDINGS D4 (fludarabine), D5 (other therapy per course) and D6 (a provisional
# relapse code beside a confirmed diagnosis). Run from the project root; writes qa-bundles/s13t-*.json with a story
# s13t-*.story.txt each. Each bundle is a variant of a sweep-D bundle (qa-bundles/s12a-*.json, read, never rewritten):
# the variant says what it changes and why.
import json, copy
O = 'qa-bundles/'


def load(name): return json.load(open(O + name + '.json'))


def res(b, rid):
    for e in b['entry']:
        if e['resource'].get('id') == rid: return e['resource']
    raise KeyError(rid)


def drop(b, pred): b['entry'] = [e for e in b['entry'] if not pred(e['resource'])]


def write(name, b, story):
    b = copy.deepcopy(b); b['id'] = name
    json.dump(b, open(O + name + '.json', 'w'), indent=1)
    open(O + name + '.story.txt', 'w').write(story.strip() + '\n')


# ---- D6 near miss: the provisional C90.02 is the only myeloma diagnosis ------------------------------------------------
b = load('s12a-18-provisional-relapse-code-and-confirmed-remission-status')
drop(b, lambda r: r.get('resourceType') == 'Condition' and r.get('id') == 'mm0')
write('s13t-06-provisional-relapse-code-no-confirmed-diagnosis', b, """
Near miss of s12a-18 (FINDINGS D6): the same record without the confirmed C90.00 Condition (mm0), so the only myeloma
diagnosis is the *provisional* C90.02 "relapse?" recorded 2026-10-05. Right: the diagnosis itself is in doubt -
DIAGNOSIS_POSSIBLE (INFO) and DIAGNOSIS_UNCONFIRMED, no RELAPSE_UNCONFIRMED gap, nothing offered. (s12a-18 itself, with
the confirmed C90.00, gives relapse UNDETERMINED, the gap RELAPSE_UNCONFIRMED naming Condition/mm and no
DIAGNOSIS_POSSIBLE: CDS-POLICY-TERMS3-PROVISIONAL-RELAPSE-CODE.)
""")


# ---- D4 near miss: fludarabine/cyclophosphamide with no CAR-T product after it ------------------------------------------
b = load('s12a-08-cilta-cel-bridging-lymphodepletion')
drop(b, lambda r: r.get('id') == 'cilta')
write('s13t-04-fludarabine-cyclophosphamide-without-cart', b, """
Variant of s12a-08 (FINDINGS D4) without the CARVYKTI administration: bridging carfilzomib after the progression on D-Pd,
then fludarabine (RxNorm 24698) and cyclophosphamide 2024-07-08..10, and no CAR-T product. Right: fludarabine does not
vanish - it is catalogued (purine analogue) and, with no CAR-T product or transplant within 7 days after it, counted as
therapy of its line, whose reason says "is given in myeloma care as the lymphodepletion before CAR-T cells or the
conditioning of an allogeneic transplant, and neither follows within 7 days: it is counted as therapy of this line
(project policy, CDS-POLICY-TERMS3-FLUDARABINE)". (In s12a-08 itself fludarabine goes with the cells' line as their
lymphodepletion: line 3 [carfilzomib, cyclophosphamide, cilta-cel, fludarabine], no THERAPY_UNCLASSIFIED gap.)
""")
