#!/usr/bin/env python3
"""Regenerates src/main/resources/dev/pmp/source/elexon/datasets.tsv, the one table of per-dataset facts.

Reads Elexon's OpenAPI document (Aug 2026 copy) for every /datasets/{CODE} row schema, and the spec's
catalogue table (shared/sources/elexon/README.md §3.1) for titles, filter families, range limits and
/stream availability; keys, axes, delays and completeness are set below. Run from the repository root:
    python3 sources/elexon/tools/datasets_tsv.py
"""
import json,re
import os
F=os.environ.get('PMP_SHARED', '../shared') + '/sources/elexon/'
s=json.load(open(F+'fixtures/insights-openapi_2026-08_api-evangelist-original.json'))
sch=s['components']['schemas']
def res(x):
    while '$ref' in x: x=sch[x['$ref'].split('/')[-1]]
    return x
readme=open(F+'README.md').read()
table={}
for line in readme.splitlines():
    m=re.match(r'^\| ([A-Z0-9]+) \| (.*?) \| ([A-Z]) \| (.*?) \| (.*?) \| (yes|no) \|',line)
    if m: table[m.group(1)]=m.groups()
codes=sorted(set(m.group(1) for p in s['paths'] for m in [re.match(r'^/datasets/([A-Z0-9]+)$',p)] if m))
assert len(codes)==82 and set(codes)==set(table),(set(codes)^set(table))
SP=['settlementDate','settlementPeriod']
keys={'ABUC':['settlementDate','businessType','psrType','marketAgreementType','flowDirection'],
'AGPT':SP+['psrType','businessType'],'AGWS':SP+['psrType','businessType'],
'AOBE':['timeSeriesId']+SP+['flowDirection'],'ATL':SP,'B1610':['bmUnit'],'BEB':['bidId']+SP+['flowDirection'],
'BOALF':['bmUnit','acceptanceNumber','timeFrom'],'BOD':['bmUnit','pairId','timeFrom'],
'CBS':SP+['flowDirection','timeFrom'],'CCM':['year','month','businessType'],
'CDN':['bscPartyId','enteredDefaultSettlementDate','enteredDefaultSettlementPeriod','creditDefaultLevel'],
'DAG':SP,'DATL':SP,'DCI':['mRID','revisionNumber'],'DGWS':SP+['psrType','processType','businessType'],
'DISBSAD':['id'],'FEIB':['year','month','priceDirection','status'],
'FOU2T14D':['forecastDate','fuelType','biddingZone','interconnectorName'],
'FOU2T3YW':['year','calendarWeekNumber','fuelType','biddingZone','interconnectorName'],
'FREQ':[],'FUELHH':['fuelType'],'FUELINST':['fuelType'],'IGCA':['year','psrType','businessType'],
'IGCPU':['registeredResourceEicCode','effectiveFrom'],
'IMBALNGC':SP+['boundary'],'INDDEM':SP+['boundary'],'INDGEN':SP+['boundary'],'INDO':SP,'INDOD':['settlementDate'],
'ITSDO':SP,'LOLPDRM':SP,'MATL':['forecastYear','forecastMonth','forecastWeekCommencingDate'],
'MDP':['bmUnit','time'],'MDV':['bmUnit','time'],'MELNGC':SP+['boundary'],'MELS':['bmUnit','timeFrom'],
'MID':['dataProvider'],'MILS':['bmUnit','timeFrom'],'MNZT':['bmUnit','time'],'MZT':['bmUnit','time'],
'NDF':SP+['boundary'],'NDFD':['forecastDate'],'NDFW':['year','week'],'NDZ':['bmUnit','time'],'NETBSAD':[],
'NONBM':SP,'NOU2T14D':['forecastDate','systemZone'],'NOU2T3YW':['year','calendarWeekNumber','systemZone'],
'NTB':['bmUnit','time'],'NTO':['bmUnit','time'],'OCNMF3Y':['year','week'],'OCNMF3Y2':['year','week'],
'OCNMFD':['forecastDate'],'OCNMFD2':['forecastDate'],'PBC':['timeSeriesId']+SP+['psrType','flowDirection'],
'PN':['bmUnit','timeFrom'],'PPBR':['settlementDate','psrType','marketAgreementType','flowDirection'],
'QAS':['bmUnit'],'QPN':['bmUnit','timeFrom'],'RDRE':['bmUnit','time'],'RDRI':['bmUnit','time'],
'REMIT':['mrid','revisionNumber'],'RURE':['bmUnit','time'],'RURI':['bmUnit','time'],
'RZDF':['region','gspGroupId','settlementDate'],'RZDR':['region','gspGroupId'],
'SEL':['bmUnit','time'],'SIL':['bmUnit','time'],'SOSO':['contractIdentification','startTime','tradeDirection'],
'SYSWARN':['warningText'],'TEMP':['measurementDate'],'TSDF':SP+['boundary'],'TSDFD':['forecastDate'],
'TSDFW':['year','week'],'TUDM':['tradingUnitName','tradingUnitType','settlementRunType'],
'UOU2T14D':['bmUnit','fuelType','forecastDate'],'UOU2T3YW':['bmUnit','fuelType','year','week'],
'WATL':['forecastDate','forecastWeek'],'WINDFOR':['startTime'],'YAFM':['year','businessType'],
'YATL':['forecastYear','forecastWeek']}
assert set(keys)==set(codes)
# Real MILS rows carry bmUnit null with nationalGridBmUnit set (recorded 2024-05): key on both.
for c,k in keys.items():
    if 'bmUnit' in k:
        i=k.index('bmUnit'); k.insert(i, 'nationalGridBmUnitId' if c=='B1610' else 'nationalGridBmUnit')
# publication delay (minutes) for SP-axis datasets: after the SP *start*
spdelay={'BOD':0,'PN':0,'QPN':0,'BOALF':35,'MELS':45,'MILS':45,'DISBSAD':45,'NETBSAD':45,'MID':45,'FUELHH':35,
 'QAS':60,'B1610':60*24*6,'TUDM':60*24*6}
dense={'FUELINST','FUELHH','FREQ','MID','NETBSAD','BOD','PN','QPN','MELS','MILS'}
revisable={'DISBSAD','NETBSAD','B1610','MELS','MILS','TUDM','QAS','MID'}
maxw={'BOD':'PT6H','PN':'PT6H','QPN':'PT6H','MELS':'PT6H','MILS':'PT6H','BOALF':'PT6H','UOU2T14D':'PT4H','LOLPDRM':'PT12H','REMIT':'PT23H','SOSO':'PT23H','UOU2T3YW':'PT6H'}
def rng(text):
    m=re.search(r'(\d+) days',text)
    if m: return min(int(m.group(1)),7)
    if 'year' in text or 'months' in text: return 7
    if '24 hours' in text: return 1
    return None
T={'string':'S','number':'F','integer':'I','boolean':'B','array':'J','object':'J'}
out=[]
for c in codes:
    code,title,fam,params,maxr,stream=table[c]
    title=re.sub(r'\s*\(.*\)$','',title).strip()
    op=s['paths']['/datasets/'+c]['get']
    r=res(op['responses']['200']['content']['application/json']['schema'])
    row=res(r['properties']['data']['items']) if 'data' in r.get('properties',{}) else res(r['items'])
    fields=[]
    for k,v in row['properties'].items():
        if k=='dataset': continue
        t=T.get(v.get('type'),'J')
        if v.get('format')=='date-time': t='T'
        elif v.get('format')=='date': t='D'
        fields.append(f'{k}:{t}')
    if fam in 'FS' or c=='FUELHH': axis='SP'; cad=30
    elif c=='FUELINST': axis='START5'; cad=5
    elif c=='FREQ': axis='POINT:measurementTime'; cad=5
    elif fam=='Z': axis='SLOT:submissionDateTime'; cad=15
    elif c in ('SEL','SIL'): axis='SLOT:time'; cad=30
    else: axis='SLOT:publishTime'; cad=15
    # Live pulls: every 15 minutes, FREQ and FUELINST every 5 (issue 6); never longer than the cadence.
    poll=5 if c in ('FREQ','FUELINST') else min(cad,15)
    if axis=='SP': delay=spdelay.get(c,35)
    elif axis=='START5': delay=7
    elif axis.startswith('POINT'): delay=3
    else: delay=2
    k=list(keys[c])
    if axis.startswith('SLOT:') and c!='REMIT':
        ref=axis[5:]
        if ref not in k: k=[ref]+k
    if c in maxw: mw=maxw[c]
    else:
        d=rng(maxr)
        mw=f'P{d}D' if d else 'P1D'
    if c=='FREQ' or c=='FUELINST' or c=='FUELHH': mw='P1D'
    fam2 = 'X' if c in ('FUELHH','FUELINST') else fam
    if c=='TUDM': fam2='U'
    out.append('\t'.join([c,title,fam2,axis,str(cad),str(poll),str(delay),mw,'stream' if stream=='yes' else 'plain',
        'dense' if c in dense else 'sparse','revisable' if c in revisable else 'final',','.join(k),','.join(fields)]))
hdr='# code\ttitle\tfamily\taxis\tcadence_min\tpoll_min\tdelay_min\tmax_window\tendpoint\tcompleteness\trevisions\tkey\tfields\n'
open('sources/elexon/src/main/resources/dev/pmp/source/elexon/datasets.tsv','w').write(hdr+'\n'.join(out)+'\n')
print(len(out))
