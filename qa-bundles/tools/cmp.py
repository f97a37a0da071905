import json,sys
a=json.load(open(sys.argv[1]));b=json.load(open(sys.argv[2]))
def key(d):
    f=d['findings']
    return {'setting':d['setting'],'settingText':f['setting']['text'],
     'lines':[(l['number'],l['drugs'],l['start'],l.get('end'),l.get('ongoing')) for l in f['priorTherapy']['lines']],
     'exp':[(e['drug'],e.get('firstDose'),e.get('lastDose'),e.get('ongoing'),e.get('refractory'),e.get('refractoryUnknown')) for e in f['exposures']],
     'recs':[(r['regimen'],r['status'],r['score'],r.get('rank')) for r in d['recommendations']],
     'not':[(r['regimen'],r['status']) for r in d['notRecommended']],
     'flags':sorted(x['code'] for x in d['flags']),'gaps':sorted(x['code'] for x in d['dataGaps']),
     'renal':[r['text'] for r in f['renal']],'relapse':f['relapse'].get('status')}
ka,kb=key(a),key(b)
for k in ka:
    if ka[k]!=kb[k]: print('DIFF',k,'\n  full :',ka[k],'\n  trunc:',kb[k])
print('compared')
