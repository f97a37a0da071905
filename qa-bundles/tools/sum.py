import json,sys
try: d=json.load(open(sys.argv[1]))
except Exception as e: print("no json",e); sys.exit()
f=d.get('findings',{})
print("setting:",d.get('setting'), "|", f.get('setting',{}).get('text'))
print("relapse:",f.get('relapse',{}).get('status'))
for l in f.get('priorTherapy',{}).get('lines',[]):
  print(" line",l['number'],l.get('drugs'),l.get('start'),'->',l.get('end'),'ongoing' if l.get('ongoing') else '',l.get('openedBy'),l.get('transplants',''))
pt=f.get('priorTherapy',{})
for k in pt:
  if k!='lines': print(" priorTherapy."+k, json.dumps(pt[k])[:300])
for e in f.get('exposures',[]):
  print(" exp",e['drug'],e.get('firstDose'),'->',e.get('lastDose'),'ongoing' if e.get('ongoing') else '','REFR' if e.get('refractory') else '', e.get('routes'), {k:v for k,v in e.items() if k not in('drug','drugClass','facts','firstDose','lastDose','ongoing','refractory','routes','intolerant')})
for r in f.get('refractoriness',[]): print(" refr",r['code'],r.get('value'),'|',r.get('text')[:160])
for r in f.get('renal',[]): print(" renal",r.get('text'),r.get('category'),'stale' if r.get('stale') else '')
for k in ('diagnoses','otherConditions','pulmonary','skippedResources'):
  v=f.get(k)
  if v: print(" "+k, json.dumps([x.get('text',x) if isinstance(x,dict) else x for x in v] if isinstance(v,list) else v)[:500])
if 'unrecognised' in f: print(" unrecognised",json.dumps(f['unrecognised'])[:400])
if 'otherTherapy' in f: print(" otherTherapy",json.dumps(f['otherTherapy'])[:400])
for r in d.get('recommendations',[]):
  print(" REC",r.get('rank'),r.get('regimen',r.get('id')),r.get('status'),r.get('score'),[x['code'] for x in r.get('flags',[])])
for r in d.get('notRecommended',[]):
  print(" NOT",r.get('regimen',r.get('id')),r.get('status'),(r.get('reasons') or r.get('reason') or '')and json.dumps(r.get('reasons') or r.get('reason'))[:200])
print(" FLAGS",[x['code'] for x in d.get('flags',[])])
print(" GAPS",[x['code'] for x in d.get('dataGaps',[])])
