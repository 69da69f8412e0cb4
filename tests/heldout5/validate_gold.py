"""Structural check of the heldout5 gold: YAML parses, quote/evidence strings are verbatim substrings of the article,
boilerplate entries are full lines, names used in statements/events/allegations/support are declared actors
(or anonymous speakers). Prints counts only; it does not run or score any extractor."""
import sys, yaml, glob, os, re
base = os.path.dirname(os.path.abspath(__file__))
ok = True
TYPES_A = {'person','country','organization','armed_group','government','international_org','media'}
TYPES_E = {'meeting','phone_call','offensive','attack','capture','deployment','arms_supply','un_action','diplomatic','protest','other'}
MAT = set('weapons drones mercenaries fighters air_defense armored_vehicles aircraft trucks military_personnel training equipment currency ships other'.split())
for g in sorted(glob.glob(base+'/gold/*.yaml')):
    stem = os.path.basename(g)[:-5]
    art = base+'/articles/'+stem+'.txt'
    text = open(art, encoding='utf-8').read()
    lines = set(text.split('\n'))
    d = yaml.safe_load(open(g, encoding='utf-8'))
    errs = []
    if d['article'] != stem+'.txt': errs.append('article name')
    if d['title'] not in lines: errs.append('title not a line')
    for b in d['boilerplate']:
        if b not in lines: errs.append('boilerplate not a line: %r' % b)
    names = set()
    for a in d['actors']:
        if a['type'] not in TYPES_A: errs.append('actor type %r' % a)
        names.add(a['name'])
        for s in a.get('also') or []:
            if str(s) not in text: errs.append('alias not in text: %r' % s)
    for s in d['statements']:
        if s['quote'] not in text: errs.append('quote: %r' % s['quote'])
        if s['kind'] not in ('direct','indirect'): errs.append('kind %r' % s)
        if not s.get('anonymous') and s['speaker'] not in names: errs.append('speaker not actor: %r' % s['speaker'])
    anon = {s['speaker'] for s in d['statements'] if s.get('anonymous')}
    for e in d['events']:
        if e['evidence'] not in text: errs.append('event evidence: %r' % e['evidence'])
        if e['type'] not in TYPES_E: errs.append('event type %r' % e)
        for a in e['actors']:
            if a not in names: errs.append('event actor not actor: %r' % a)
    for a in d['allegations']:
        if a['evidence'] not in text: errs.append('alleg evidence: %r' % a['evidence'])
        for m in a['materiel']:
            if m not in MAT: errs.append('materiel %r' % m)
        for k in ('supplier','recipient'):
            if a[k] is not None and a[k] not in names: errs.append('alleg %s not actor: %r' % (k, a[k]))
        if a['alleged_by'] is not None and a['alleged_by'] not in names and a['alleged_by'] not in anon:
            errs.append('alleged_by neither actor nor anonymous speaker: %r' % a['alleged_by'])
        for x in a['denied_by']:
            if x not in names: errs.append('denied_by not actor %r' % x)
    for s in d['support']:
        if s['evidence'] not in text: errs.append('support evidence: %r' % s['evidence'])
        for k in ('supporter','supported'):
            if s[k] not in names: errs.append('support %s not actor: %r' % (k, s[k]))
        if s['alleged_by'] is not None and s['alleged_by'] not in names and s['alleged_by'] not in anon: errs.append('support alleged_by neither actor nor anonymous speaker: %r' % s['alleged_by'])
    # boilerplate lines must not be in any evidence
    for b in d['boilerplate']:
        for s in d['statements']:
            if s['quote'] in b and s['quote'] not in text.replace(b,''): errs.append('quote only in boilerplate %r' % s['quote'])
    print(stem, 'A=%d S=%d E=%d AL=%d SU=%d BP=%d words=%d' % (len(d['actors']), len(d['statements']), len(d['events']), len(d['allegations']), len(d['support']), len(d['boilerplate']), len(text.split())), 'published=%s' % d['published'])
    for e in errs: print('   ERR', e); ok=False
print('ALL OK' if ok else 'ERRORS')
