# Sweep U (acceptance of s20-int: the regimen reading withdrawn, W4's remote-cancer bound, X3's Z51 encounter codes,
# CDS-POLICY-GVHD-PROPHYLAXIS). Myeloma salvage after an allogeneic transplant whose records say GVHD in passing
# (bortezomib, daratumumab, cyclophosphamide for a relapse, lenalidomide maintenance "hold for GVHD"); a Z51.11 encounter
# code beside a real reason (the myeloma, or the breast cancer); a cancer diagnosed before the myeloma, now in remission,
# treated with shared chemotherapy after the myeloma diagnosis; a cancer in remission with a metastatic recurrence
# recorded as a secondary neoplasm; a recurrence status on the original Condition; metronomic cyclophosphamide alone.
# Run from the project root; writes qa-bundles/s20b-*.json with a story s20b-*.story.txt each.
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ehr_bundle import *  # noqa: F401,F403  the shared building blocks (class B, save, codes, regimens)


class BU(B):
    PREFIX = 's20b-'

    def bundle(s):
        bd = super().bundle(); bd['timestamp'] = '2026-12-06T03:30:00Z'; return bd


TRA = ('224905', 'trastuzumab')
BC = [{'system': ICD, 'code': 'C50.912', 'display': 'Malignant neoplasm of unspecified site of left female breast'}]
BONE_METS = [{'system': ICD, 'code': 'C79.51', 'display': 'Secondary malignant neoplasm of bone'}]
Z5111 = {'system': ICD, 'code': 'Z51.11', 'display': 'Encounter for antineoplastic chemotherapy'}
C9000 = {'system': ICD, 'code': 'C90.00', 'display': 'Multiple myeloma not having achieved remission'}
S2 = '2024-06-17'
TAIL = lambda b, egfr=66: (b.egfr('2026-10-20', egfr), LVEF(b, '2026-10-15'))


# ---- allogeneic transplant after a Kd salvage (Sweep T part 2, s20z-17's history)
def allo_history(b, r_maint=True):
    """VRd-ASCT(-R), PD, Kd with VGPR, then a planned haploidentical allo-SCT 2021-10-18 with fludarabine-melphalan
    conditioning, post-transplant cyclophosphamide on days +3/+4, tacrolimus and mycophenolate (all saying GVHD)."""
    b.cond('mm', MM_ICD(), 'Multiple myeloma IgA lambda, high-risk del(17p)', '2019-01-07')
    vrd(b, '2019-01-28', 4)
    b.admin('asct-mel', 'melphalan 200 mg/m2 IV (conditioning)', '2019-06-09', MEL)
    b.proc('asct', ASCT, 'Autologous peripheral blood stem cell transplant', '2019-06-10')
    if r_maint:
        b.stmt('r-maint', 'lenalidomide 10 mg capsule daily (maintenance)', '2019-08-05', '2021-01-18', LEN)
    b.status('pd-1', '2021-02-01')
    kd(b, '2021-02-15', '2021-08-31')
    b.status('vgpr', '2021-09-06', worse=False)
    for d in ('2021-10-11', '2021-10-12', '2021-10-13', '2021-10-14', '2021-10-15'):
        b.admin('ric-flu-' + d, 'fludarabine 30 mg/m2 IV (RIC conditioning)', d, FLU)
    b.admin('ric-mel', 'melphalan 140 mg/m2 IV (RIC conditioning)', '2021-10-16', MEL)
    b.proc('allo', ALLO_SCT, 'Haploidentical allogeneic peripheral blood stem cell transplant', '2021-10-18')
    for d in ('2021-10-21', '2021-10-22'):
        b.admin('ptcy-' + d, 'cyclophosphamide 50 mg/kg IV (post-transplant cyclophosphamide, GVHD prophylaxis)', d, CY)
    b.stmt('tacro', 'tacrolimus 1 mg PO twice daily (GVHD prophylaxis)', '2021-10-22', '2022-04-30', ('42316', 'tacrolimus'))
    b.stmt('mmf', 'mycophenolate mofetil 1 g PO three times daily (GVHD prophylaxis)', '2021-10-22', '2021-11-25',
           ('68149', 'mycophenolate mofetil'))


ALLO_STORY = '''High-risk IgA-lambda myeloma 2019. L1 VRd x4, ASCT 2019-06-10%s; PD 2021-02-01. L2 Kd 2021-02-15 to
2021-08 (VGPR 2021-09-06), consolidated by a planned haploidentical allo-SCT 2021-10-18 (fludarabine-melphalan 140,
post-transplant cyclophosphamide days +3/+4, tacrolimus and mycophenolate, all charted as GVHD prophylaxis).'''

# ---------------------------------------------------------------- 01 post-allo relapse day +100, Vd salvage, bortezomib text mentions GVHD
b = BU('01-post-allo-relapse-day-100-vd-salvage-bortezomib-text-hold-if-gvhd', '1970-01-01', 'female', 'Ivanova', 'Olga')
allo_history(b)
b.status('pd-2', '2022-01-26')
weekly(b, 'vd-btz', 'bortezomib 1.3 mg/m2 SC weekly (post-allo relapse; hold if acute GVHD grade 3-4)', BTZ, '2022-02-07', '2022-10-31')
weekly(b, 'vd-dex', 'dexamethasone 20 mg PO weekly (Vd)', DEX, '2022-02-07', '2022-10-31')
b.status('vgpr-2', '2022-05-09', worse=False)
b.status('pd-3', '2026-08-10')
TAIL(b, 88)
out(b, '''
Olga Ivanova, 56. ''' + ALLO_STORY % ', lenalidomide maintenance to 2021-01-18' + '''
Early relapse after the allograft: PD 2022-01-26 (day +100). Weekly bortezomib SC + dexamethasone 20 mg (Vd) from
2022-02-07 to 2022-10-31; each bortezomib record's text reads "post-allo relapse; hold if acute GVHD grade 3-4". VGPR
2022-05-09; PD 2026-08-10.
A haematologist: the Vd treated a relapse after the allograft: a new, third line (VRd-ASCT-R; Kd + allo; Vd). The GVHD
words are a hold instruction, not GVHD prophylaxis. 3 prior lines, lenalidomide-refractory, bortezomib exposed (not
refractory: last dose 2022, PD 2026), carfilzomib not refractory, anti-CD38 naive: D-Kd/Isa-Kd (1-3 lines), D-Pd/Isa-Pd,
D-Vd; daratumumab monotherapy not on label (not double-refractory). A confident 2 takes the Vd line away.''')

# ---------------------------------------------------------------- 02 post-allo relapse, daratumumab monotherapy salvage, text mentions GVHD, to progression
b = BU('02-post-allo-relapse-daratumumab-salvage-text-watch-for-gvhd-flare-given-to-pd', '1970-02-02', 'male', 'Ivanov', 'Pavel')
allo_history(b)
b.status('pd-2', '2022-01-26')
d = '2022-02-07'; k = 0
while d <= '2026-07-27':
    b.admin('dara-' + d, 'daratumumab 16 mg/kg IV (relapse after allogeneic transplant; watch for GVHD flare)', d, DARA)
    d = days(d, 7 if k < 7 else 14 if k < 15 else 28); k += 1
b.status('vgpr-2', '2022-06-13', worse=False)
b.status('pd-3', '2026-08-10')
TAIL(b, 88)
out(b, '''
Pavel Ivanov, 56. ''' + ALLO_STORY % ', lenalidomide maintenance to 2021-01-18' + '''
PD 2022-01-26 (day +100). Daratumumab 16 mg/kg IV monotherapy from 2022-02-07 (weekly x8, every 2 weeks x8, then every
4 weeks) to 2026-07-27; each record's text reads "relapse after allogeneic transplant; watch for GVHD flare". VGPR
2022-06-13; PD 2026-08-10 on daratumumab.
A haematologist: daratumumab monotherapy for the post-allograft relapse is the third line, and the disease progressed on
it: daratumumab-refractory (anti-CD38 refractory). 3 prior lines. Anti-CD38 combinations are retreatment of
anti-CD38-refractory disease, outside every label population (CANDOR, IKEMA, APOLLO, ICARIA excluded anti-CD38-refractory
patients). A confident 2 with "anti-CD38 naive" offers them on facts the record contradicts.''')

# ---------------------------------------------------------------- 03 post-allo relapse, weekly Cd salvage day +112, text "no active GVHD"
b = BU('03-post-allo-relapse-day-100-weekly-cd-salvage-text-no-active-gvhd', '1970-03-03', 'female', 'Ivanova', 'Irina')
allo_history(b)
b.status('pd-2', '2022-01-26')
weekly(b, 'cd-cy', 'cyclophosphamide 500 mg PO weekly (relapse post-allo, no active GVHD)', CY, '2022-02-07', '2022-05-23')
weekly(b, 'cd-dex', 'dexamethasone 40 mg PO weekly (Cd)', DEX, '2022-02-07', '2022-05-23')
b.status('pr-2', '2022-05-09', worse=False)
b.status('pd-3', '2026-08-10')
TAIL(b, 88)
out(b, '''
Irina Ivanova, 56. ''' + ALLO_STORY % ', lenalidomide maintenance to 2021-01-18' + '''
PD 2022-01-26 (day +100). Weekly oral cyclophosphamide 500 mg + dexamethasone 40 mg (Cd) from 2022-02-07 to 2022-05-23
(16 weeks); the cyclophosphamide records read "relapse post-allo, no active GVHD". PR 2022-05-09; PD 2026-08-10.
A haematologist: Cd begun day +112 for a relapse is salvage, not post-transplant cyclophosphamide (days +3/+4 only): 3 prior
lines. Lenalidomide-refractory, PIs not refractory, anti-CD38 naive: D-Kd/Isa-Kd, D-Pd/Isa-Pd, D-Vd.''')

# ---------------------------------------------------------------- 04 lenalidomide maintenance after the allo, text "hold for GVHD", progression on it
b = BU('04-post-allo-lenalidomide-maintenance-text-hold-for-gvhd-pd-on-it', '1970-04-04', 'male', 'Ivanov', 'Sergei')
allo_history(b, r_maint=False)
b.stmt('r-post-allo', 'lenalidomide 5 mg capsule daily (post-allo maintenance; hold for GVHD)', '2022-01-17', '2026-08-03',
       LEN, status='completed')
b.status('pd-2', '2026-08-10')
TAIL(b, 88)
out(b, '''
Sergei Ivanov, 56. ''' + ALLO_STORY % ' (no maintenance)' + '''
Lenalidomide 5 mg daily maintenance after the allograft from 2022-01-17 (day +91) to 2026-08-03, statement text
"post-allo maintenance; hold for GVHD"; PD 2026-08-10 on it.
A haematologist: 2 prior lines (L2 = Kd, allo, lenalidomide maintenance). Progression on lenalidomide maintenance:
lenalidomide-refractory. Carfilzomib and bortezomib not refractory; anti-CD38 naive. D-Kd/Isa-Kd, D-Vd, D-Pd/Isa-Pd; D-Rd
is not appropriate (lenalidomide-refractory). Reading the maintenance as GVHD prophylaxis hides the refractoriness.''')


# ---- Kd to a progression dated 2024-05-03 then a Cd from 2024-06-17 (Sweep T's skeleton, s20y-16)
def kd_to_pd_skeleton(b):
    b.cond('mm', MM_ICD(), 'Multiple myeloma', '2019-01-20')
    vrd(b, '2019-02-01')
    b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', days('2019-02-01', 158), MEL)
    b.proc('asct', ASCT, 'Autologous stem cell transplant', days('2019-02-01', 159))
    rmaint(b, days('2019-02-01', 212), '2022-02-28', 'completed')
    b.status('pd-1', '2022-03-10')
    kd(b, '2022-03-21', '2024-04-19')
    b.status('pd-2', '2024-05-03')


def cd(b, start=S2, weeks=16, **kw):
    weekly(b, 'cd-cy', 'cyclophosphamide 500 mg PO weekly (Cd)', CY, start, days(start, 7 * weeks - 1), **kw)
    weekly(b, 'cd-dex', 'dexamethasone 40 mg PO weekly (Cd)', DEX, start, days(start, 7 * weeks - 1), **kw)


def trastuzumab(b, start=S2, n=17):
    for k in range(n):
        d = days(start, 21 * k); b.admin('tra-' + d, 'trastuzumab 6 mg/kg IV every 3 weeks (adjuvant)', d, TRA)


def end(b):
    b.status('pr-3', '2024-09-16', worse=False)
    b.status('pd-3', '2026-08-20')
    TAIL(b)


# ---------------------------------------------------------------- 05 Cd with reasonCode Z51.11 and C90.00 beside a breast cancer and new trastuzumab
b = BU('05-cd-reasoncodes-z51-11-and-c90-00-beside-breast-cancer-new-trastuzumab', '1951-05-05', 'female', 'Haddad', 'Rima')
b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2024-05-20')
kd_to_pd_skeleton(b)
cd(b, reasonCode=[{'coding': [Z5111], 'text': 'Chemotherapy encounter'}, {'coding': [C9000], 'text': 'Multiple myeloma'}])
trastuzumab(b); end(b)
out(b, '''
Rima Haddad, 75. Myeloma 2019: VRd-ASCT-R to 2022-02-28; PD 2022-03-10; Kd from 2022-03-21 to a PD 2024-05-03. HER2+
breast cancer (C50.912, 2024-05-20), operated; adjuvant trastuzumab every 3 weeks from 2024-06-17. Weekly oral
cyclophosphamide 500 mg + dexamethasone 40 mg from 2024-06-17; every Cd record carries two reasonCodes: ICD-10-CM Z51.11
(encounter for antineoplastic chemotherapy) and C90.00 (multiple myeloma). PR 2024-09-16; PD 2026-08-20.
A haematologist: the record states the Cd treated the myeloma: 3 prior lines, no range (the encounter code names the
visit, the C90.00 the disease). Carfilzomib-refractory, lenalidomide-refractory, anti-CD38 naive: daratumumab monotherapy
(3 lines, double-refractory) on label; D-Pd/Isa-Pd, D-Vd.''')

# ---------------------------------------------------------------- 06 Cd with one reasonCode holding Z51.11 and C50.912 (the breast cancer)
b = BU('06-cd-reasoncode-z51-11-with-c50-912-breast-cancer-beside-new-trastuzumab', '1951-06-06', 'female', 'Haddad', 'Yasmin')
b.cond('bc', BC, 'Breast cancer, left, HER2-positive, stage II, after surgery', '2024-05-20')
kd_to_pd_skeleton(b)
cd(b, reasonCode=[{'coding': [Z5111, BC[0]], 'text': 'Chemotherapy for breast cancer'}])
trastuzumab(b); end(b)
out(b, '''
Yasmin Haddad, 75. As s20b-05, but every Cd record carries one reasonCode whose codings are Z51.11 (encounter for
antineoplastic chemotherapy) and C50.912 (left breast cancer), text "Chemotherapy for breast cancer".
A haematologist: unusual, but the record says the cyclophosphamide treated the breast cancer: 2 prior myeloma lines as
recorded (2 to 3 would be a fair caution given the dexamethasone 40 mg and the myeloma PR); a confident 3 overrides the
record.''')

# ---------------------------------------------------------------- 07 breast cancer diagnosed a year before the myeloma, now in remission; AC after the myeloma diagnosis
b = BU('07-breast-cancer-dx-year-before-myeloma-in-remission-ac-after-myeloma-dx-no-reason', '1960-07-07', 'female', 'Moreau', 'Claire')
b.cond('bc', BC, 'Breast cancer, left, ER-negative HER2-negative, stage IIA', '2018-01-15', clin='remission')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-01-20')
for d in ('2019-01-28', '2019-02-18', '2019-03-11', '2019-04-01'):
    b.admin('ac-dox-' + d, 'doxorubicin 60 mg/m2 IV (AC)', d, DOXO)
    b.admin('ac-cy-' + d, 'cyclophosphamide 600 mg/m2 IV (AC)', d, CY)
vrd(b, '2019-04-29')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-10-07', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-10-08')
rmaint(b, '2019-12-02', '2022-02-28', 'completed')
b.status('pd-1', '2022-03-10')
kd(b, '2022-03-21', '2023-06-20')
b.status('vgpr-1', '2023-07-10', worse=False)
b.status('pd-2', '2026-08-20')
TAIL(b)
out(b, '''
Claire Moreau, 66. Triple-negative left breast cancer diagnosed 2018-01-15 (C50.912), operated; adjuvant AC
(doxorubicin 60 mg/m2 + cyclophosphamide 600 mg/m2 every 21 days x4) 2019-01-28 to 2019-04-01, delayed by wound
complications; no reason on the records; the breast cancer is now recorded "remission" with no abatement date. Myeloma
IgG kappa diagnosed 2019-01-20 on the staging work-up; VRd from 2019-04-29 x4, ASCT 2019-10-08, lenalidomide maintenance
to 2022-02-28; PD 2022-03-10; Kd 2022-03-21 to 2023-06, VGPR; PD 2026-08-20.
A haematologist: AC every 21 days for 4 cycles is the breast cancer's adjuvant chemotherapy (no myeloma regimen is AC);
2 prior myeloma lines (2 to 3 is the documented caution while no reason is recorded). A confident 3 invents a line.''')

# ---------------------------------------------------------------- 08 old breast cancer in remission; metastatic recurrence charted only as C79.51; metronomic cyclophosphamide alone
b = BU('08-old-breast-cancer-remission-bone-metastases-c79-51-metronomic-cyclophosphamide-alone', '1952-08-08', 'female', 'Moreau', 'Anne')
b.cond('bc', BC, 'Breast cancer, left, 2009, treated', '2009-03-02', clin='remission')
b.cond('bm', BONE_METS, 'Bone metastases, breast primary', '2024-05-06')
kd_to_pd_skeleton(b)
b.stmt('cy-metro', 'cyclophosphamide 50 mg tablet PO once daily (metronomic)', S2, '2024-12-16', CY)
b.status('pd-3', '2026-08-20')
TAIL(b)
out(b, '''
Anne Moreau, 74. Left breast cancer 2009 (C50.912), treated, recorded "remission"; bone metastases of the breast primary
charted 2024-05-06 as C79.51 (active). Myeloma 2019: VRd-ASCT-R to 2022-02-28; PD 2022-03-10; Kd from 2022-03-21 to a
PD 2024-05-03. From 2024-06-17 to 2024-12-16 oral cyclophosphamide 50 mg once daily (metronomic), no dexamethasone, no
reason, no response recorded; PD 2026-08-20.
A haematologist: metronomic cyclophosphamide alone beside newly metastatic breast cancer and a myeloma progression:
the record does not say which disease it treated; 2 to 3 lines. A confident 3 or a confident 2 decides what the record
leaves open.''')

# ---------------------------------------------------------------- 09 as 08, the breast cancer recorded once, clinicalStatus recurrence, original onset 2009
b = BU('09-breast-cancer-2009-clinicalstatus-recurrence-metronomic-cyclophosphamide-alone', '1952-09-09', 'female', 'Moreau', 'Sophie')
b.cond('bc', BC, 'Breast cancer, left, recurrent with bone metastases 2024', '2009-03-02', clin='recurrence')
kd_to_pd_skeleton(b)
b.stmt('cy-metro', 'cyclophosphamide 50 mg tablet PO once daily (metronomic)', S2, '2024-12-16', CY)
b.status('pd-3', '2026-08-20')
TAIL(b)
out(b, '''
Sophie Moreau, 74. As s20b-08, but the breast cancer is one Condition: onset 2009-03-02, clinicalStatus "recurrence",
text "recurrent with bone metastases 2024". Metronomic cyclophosphamide 50 mg daily alone 2024-06-17 to 2024-12-16, no
reason, after a myeloma PD 2024-05-03 on Kd.
A haematologist: which disease the cyclophosphamide treated is open: 2 to 3 lines.''')

# ---------------------------------------------------------------- 10 old breast cancer in remission, no therapy of it since: Cd after a Kd PD (near miss: 3 lines, no range)
b = BU('10-breast-cancer-2009-remission-untreated-since-cd-after-kd-pd', '1952-10-10', 'female', 'Moreau', 'Lucie')
b.cond('bc', BC, 'Breast cancer, left, 2009, treated', '2009-03-02', clin='remission')
kd_to_pd_skeleton(b)
cd(b); end(b)
out(b, '''
Lucie Moreau, 74. Left breast cancer 2009 (C50.912), treated then, recorded "remission", nothing of it since. Myeloma 2019:
VRd-ASCT-R to 2022-02-28; PD 2022-03-10; Kd from 2022-03-21 to a PD 2024-05-03; weekly oral cyclophosphamide 500 mg +
dexamethasone 40 mg from 2024-06-17 (16 weeks), no reason; PR 2024-09-16; PD 2026-08-20.
A haematologist: 3 prior lines, no hedge: the 2009 cancer has nothing recorded since the myeloma diagnosis.''')

# ---------------------------------------------------------------- 11 post-allo relapse, four 21-day cycles of VCd from day +112 (the last from day +175), bortezomib text mentions GVHD
b = BU('11-post-allo-relapse-vcd-x4-last-cycle-day-175-bortezomib-text-hold-if-gvhd', '1970-11-11', 'female', 'Ivanova', 'Marina')
allo_history(b)
b.status('pd-2', '2022-01-26')
cycles(b, 'vcd-btz', 'bortezomib 1.3 mg/m2 SC days 1, 4, 8, 11 (post-allo relapse; hold if acute GVHD grade 3-4)', BTZ,
       '2022-02-07', (0, 3, 7, 10), 4, 21)
cycles(b, 'vcd-cy', 'cyclophosphamide 300 mg/m2 PO days 1, 8, 15 (VCd)', CY, '2022-02-07', (0, 7, 14), 4, 21)
cycles(b, 'vcd-dex', 'dexamethasone 40 mg PO days 1, 8, 15 (VCd)', DEX, '2022-02-07', (0, 7, 14), 4, 21)
b.status('vgpr-2', '2022-05-09', worse=False)
b.status('pd-3', '2026-08-10')
TAIL(b, 88)
out(b, '''
Marina Ivanova, 56. ''' + ALLO_STORY % ', lenalidomide maintenance to 2021-01-18' + '''
PD 2022-01-26 (day +100). Four 21-day cycles of VCd (bortezomib SC days 1, 4, 8, 11; oral cyclophosphamide 300 mg/m2 and
dexamethasone 40 mg days 1, 8, 15) from 2022-02-07 (day +112) to 2022-04-25 (the last cycle began on day +175); the bortezomib records read "post-allo
relapse; hold if acute GVHD grade 3-4", the others name only the regimen. VGPR 2022-05-09; PD 2026-08-10.
A haematologist: VCd for a relapse after the allograft is the third line (VRd-ASCT-R; Kd + allo; VCd). 3 prior lines,
lenalidomide-refractory, PIs not refractory, anti-CD38 naive: D-Kd/Isa-Kd, D-Pd/Isa-Pd, D-Vd; daratumumab monotherapy
not on label. A confident 2 takes the VCd line away.''')

# ---------------------------------------------------------------- 12 post-allo relapse, 8 weeks of Cd ended day +168, text "no active GVHD"
b = BU('12-post-allo-relapse-cd-8-weeks-ended-day-168-text-no-active-gvhd', '1970-12-12', 'male', 'Ivanov', 'Nikolai')
allo_history(b)
b.status('pd-2', '2022-01-26')
weekly(b, 'cd-cy', 'cyclophosphamide 500 mg PO weekly (relapse post-allo, no active GVHD)', CY, '2022-02-07', '2022-04-04')
weekly(b, 'cd-dex', 'dexamethasone 40 mg PO weekly (Cd)', DEX, '2022-02-07', '2022-04-04')
b.status('pr-2', '2022-05-09', worse=False)
b.status('pd-3', '2026-08-10')
TAIL(b, 88)
out(b, '''
Nikolai Ivanov, 56. ''' + ALLO_STORY % ', lenalidomide maintenance to 2021-01-18' + '''
PD 2022-01-26 (day +100). Weekly oral cyclophosphamide 500 mg + dexamethasone 40 mg from 2022-02-07 to 2022-04-04 (9
weeks, ended day +168); the cyclophosphamide records read "relapse post-allo, no active GVHD". PR 2022-05-09; PD
2026-08-10.
A haematologist: Cd for a relapse at day +112 is salvage (PTCy is days +3/+4 only): 3 prior lines. A confident 2 takes
it away.''')

# ---------------------------------------------------------------- 13 as 12, no GVHD words on any salvage record (near miss)
b = BU('13-post-allo-relapse-cd-8-weeks-ended-day-168-no-gvhd-words', '1970-12-13', 'male', 'Ivanov', 'Dmitri')
allo_history(b)
b.status('pd-2', '2022-01-26')
weekly(b, 'cd-cy', 'cyclophosphamide 500 mg PO weekly (Cd)', CY, '2022-02-07', '2022-04-04')
weekly(b, 'cd-dex', 'dexamethasone 40 mg PO weekly (Cd)', DEX, '2022-02-07', '2022-04-04')
b.status('pr-2', '2022-05-09', worse=False)
b.status('pd-3', '2026-08-10')
TAIL(b, 88)
out(b, '''
Dmitri Ivanov, 56. As s20b-12, but the Cd records name only the regimen ("cyclophosphamide 500 mg PO weekly (Cd)"), no
GVHD words. PD 2022-01-26 (day +100); Cd 2022-02-07 to 2022-04-04; PR 2022-05-09; PD 2026-08-10.
A haematologist: 3 prior lines; carfilzomib not refractory (last dose 2021-08-17, progression 162 days later).''')

# ---------------------------------------------------------------- 14 as 07, the breast cancer's clinicalStatus active (near miss: the range)
b = BU('14-breast-cancer-dx-year-before-myeloma-active-ac-after-myeloma-dx-no-reason', '1960-07-14', 'female', 'Moreau', 'Julie')
b.cond('bc', BC, 'Breast cancer, left, ER-negative HER2-negative, stage IIA', '2018-01-15')
b.cond('mm', MM_ICD(), 'Multiple myeloma IgG kappa', '2019-01-20')
for d in ('2019-01-28', '2019-02-18', '2019-03-11', '2019-04-01'):
    b.admin('ac-dox-' + d, 'doxorubicin 60 mg/m2 IV (AC)', d, DOXO)
    b.admin('ac-cy-' + d, 'cyclophosphamide 600 mg/m2 IV (AC)', d, CY)
vrd(b, '2019-04-29')
b.admin('mel200', 'melphalan 200 mg/m2 IV (conditioning)', '2019-10-07', MEL)
b.proc('asct', ASCT, 'Autologous stem cell transplant', '2019-10-08')
rmaint(b, '2019-12-02', '2022-02-28', 'completed')
b.status('pd-1', '2022-03-10')
kd(b, '2022-03-21', '2023-06-20')
b.status('vgpr-1', '2023-07-10', worse=False)
b.status('pd-2', '2026-08-20')
TAIL(b)
out(b, '''
Julie Moreau, 66. As s20b-07 (breast cancer 2018-01-15, AC x4 2019-01-28 to 2019-04-01 with no reason, myeloma
2019-01-20, VRd-ASCT-R, Kd), but the breast cancer Condition is still "active".
A haematologist: 2 prior myeloma lines; 2 to 3 is the documented caution while the AC has no reason.''')
