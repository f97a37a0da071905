# Sweep G, finding G1: CAR-T cells recorded only as a Procedure. Variants of s15a-12 (VRd-ASCT-R, D-Pd, CAR-T, then
# teclistamab) for the reading of such a Procedure: the product named by usedCode, no product named (by code, by words
# alone), and the near misses (a planned or not-done infusion; a referral, an evaluation and a leukapheresis that name
# the product but are no infusion).
# Run from the project root; writes qa-bundles/s15c-*.json with a story s15c-*.story.txt each.
# The helpers and the base record are those of gen-s15-accept.py: its text up to its first bundle, and its bundle12
# function, are executed here, so the records are built the same way.
import json, copy
_s15 = open('qa-bundles/tools/gen-s15-accept.py').read()
exec(_s15[:_s15.index('# ---------------------------------------------------------------- 01 ')])
_b12 = _s15.index('def bundle12(name):')
exec(_s15[_b12:_s15.index('story12 =', _b12)])


class B15C(B15):
    def bundle(s):
        bd = super().bundle(); bd['id'] = 's15c-' + s.name; return bd


def base(name, lymphodepletion=True):
    """s15a-12 under a new name, with its CAR-T Procedure removed (each variant adds its own)."""
    b = bundle12(name)
    b.__class__ = B15C
    b.entry = [e for e in b.entry if e['resource']['id'] != 'cart'
               and (lymphodepletion or not e['resource']['id'].startswith('ld-'))]
    return b


def text_proc(b, i, text, day):
    """A Procedure coded by text alone (no coding), as referral letters send them."""
    return b.add({'resourceType': 'Procedure', 'id': i, 'status': 'completed', 'subject': b.subj(),
                  'code': {'text': text}, 'performedDateTime': day})


ADMIN_0540T = {'system': CPT, 'code': '0540T', 'display': 'Chimeric antigen receptor T-cell (CAR-T) therapy; CAR-T cell administration, autologous'}
ADMIN_38228 = {'system': CPT, 'code': '38228', 'display': 'Chimeric antigen receptor T-cell (CAR-T) therapy; CAR-T cell administration, autologous'}
HARVEST_38225 = {'system': CPT, 'code': '38225', 'display': 'Chimeric antigen receptor T-cell (CAR-T) therapy; harvesting of blood-derived T lymphocytes for development of genetically modified autologous CAR-T cells, per day'}

COMMON = '''
VRd-ASCT-R 2019 (PD 2022-03-10), D-Pd 2022-04-01..2023-08-04 (PD 2023-09-25 on it), then a CAR-T at the cell-therapy
centre 2024-01-13 (PD 2025-06-20), teclistamab from 2025-07-07 with PD on it 2026-09-28.'''

# ---------------------------------------------------------------- 01 the product named only by usedCode (CPT 38228)
b = base('01-cart-38228-product-in-usedcode')
b.proc('cart', [ADMIN_38228], 'CAR-T cell administration', '2024-01-13',
       usedCode=[{'text': 'idecabtagene vicleucel (Abecma) 450 x 10^6 CAR+ T cells'}])
out(b, COMMON + '''
The CAR-T is recorded only as a Procedure coded CPT 38228 (the 2025 Category I code for "CAR-T cell administration,
autologous"), text "CAR-T cell administration"; the product is named only in its usedCode ("idecabtagene vicleucel
(Abecma)"). Flu/cy lymphodepletion 2024-01-08..10.
Haematologist: 4 prior lines; line 3 is the ide-cel with its lymphodepletion (LOT-B15); BCMA-exposed twice. US Isa-Kd and
D-Kd (1 to 3 prior lines) NOT on label. Expected: 4 lines, L3 "cyclophosphamide, idecabtagene vicleucel, fludarabine".''')

# ---------------------------------------------------------------- 02 CPT 0540T, no product named
b = base('02-cart-0540t-no-product-named')
b.proc('cart', [ADMIN_0540T], 'CAR-T cell infusion', '2024-01-13')
out(b, COMMON + '''
The CAR-T is recorded only as a Procedure coded CPT 0540T, text "CAR-T cell infusion": no product is named anywhere.
Flu/cy lymphodepletion 2024-01-08..10.
Haematologist: 4 prior lines (the CAR-T is line 3 whatever the product); which product (BCMA or another target) is not
recorded. Expected: the CAR-T not dropped: a THERAPY_UNCLASSIFIED gap naming Procedure/cart ("CAR-T cells, product not
named") and asking for the product; the 1-3-line labels (US Isa-Kd, D-Kd) not on label as a firm answer.''')

# ---------------------------------------------------------------- 03 words only, no code, no product, no lymphodepletion
b = base('03-cart-words-only-no-code-no-product', lymphodepletion=False)
text_proc(b, 'cart', 'Infusion of autologous CAR T-cells (outside centre)', '2024-01-13')
out(b, COMMON + '''
A referral record: the CAR-T is a Procedure with text only, "Infusion of autologous CAR T-cells (outside centre)", no code,
no product, no lymphodepletion record.
Haematologist: 4 prior lines; the product is unknown. Expected: THERAPY_UNCLASSIFIED naming Procedure/cart; never
"3 prior lines" with US D-Kd/Isa-Kd on label and no gap.''')

# ---------------------------------------------------------------- 04 near miss: planned (preparation), never given
b = base('04-near-miss-cart-procedure-planned-only', lymphodepletion=False)
b.proc('cart', [ADMIN_0540T], 'CAR-T cell infusion: ciltacabtagene autoleucel (Carvykti)', '2024-01-13', status='preparation')
out(b, COMMON.replace('then a CAR-T at the cell-therapy\ncentre 2024-01-13', 'a CAR-T planned at the cell-therapy\ncentre for 2024-01-13') + '''
The CAR-T Procedure (CPT 0540T, ciltacabtagene autoleucel) has status "preparation": planned, not given; nothing else
records it.
Haematologist: the record does not show the CAR-T was given: 3 prior lines as recorded (VRd-ASCT-R, D-Pd, teclistamab),
but two progressions (2023-09-25, 2025-06-20) with no therapy recorded between them ask whether it was. Expected: no
CAR-T line and no ciltacabtagene exposure (a planned infusion is no exposure).''')

# ---------------------------------------------------------------- 05 near miss: not done
b = base('05-near-miss-cart-procedure-not-done', lymphodepletion=False)
b.proc('cart', [ADMIN_0540T], 'CAR-T cell infusion: ciltacabtagene autoleucel (Carvykti)', '2024-01-13', status='not-done',
       statusReason={'text': 'Product out of specification'})
out(b, COMMON.replace('then a CAR-T at the cell-therapy\ncentre 2024-01-13', 'a CAR-T infusion not done\n(2024-01-13)') + '''
The CAR-T Procedure (CPT 0540T, ciltacabtagene autoleucel) has status "not-done" (product out of specification).
Haematologist: no CAR-T was given. Expected: no CAR-T line and no ciltacabtagene exposure.''')

# ---------------------------------------------------------------- 06 near misses beside the hit: referral, evaluation, leukapheresis
b = base('06-cart-referral-evaluation-leukapheresis-then-infusion')
text_proc(b, 'cart-ref', 'Referral to CAR-T programme for ciltacabtagene autoleucel', '2023-10-02')
text_proc(b, 'cart-eval', 'CAR-T eligibility evaluation (Carvykti)', '2023-10-20')
b.proc('cart-leuka', [HARVEST_38225], 'Leukapheresis for ciltacabtagene autoleucel manufacturing', '2023-11-06')
b.proc('cart', [ADMIN_0540T], 'CAR-T cell infusion: ciltacabtagene autoleucel (Carvykti)', '2024-01-13')
out(b, COMMON + '''
The CAR-T care is charted step by step as Procedures: the referral (2023-10-02) and eligibility evaluation (2023-10-20),
both naming the product in words, the leukapheresis (CPT 38225 "harvesting of blood-derived T lymphocytes",
"Leukapheresis for ciltacabtagene autoleucel manufacturing", 2023-11-06), flu/cy lymphodepletion 2024-01-08..10, and the
infusion (CPT 0540T, 2024-01-13).
Haematologist: 4 prior lines; line 3 is cilta-cel with its lymphodepletion, given on 2024-01-13. The referral, evaluation
and leukapheresis are steps of care, no dose given. Expected: as s15a-12 (L3 "cyclophosphamide, ciltacabtagene
autoleucel, fludarabine" 2024-01-08 to 2024-01-13), nothing dated 2023-10 or 2023-11 in any line.''')
