import { cleanT3, type T3Values } from '../test/helpers/make-report';
import { audit } from '../test/helpers/rules';
const t3: T3Values = {};
for (const [row, cols] of Object.entries(cleanT3())) t3[row] = [...cols.slice(0, 6).map(() => ''), cols[6]!];
t3['3.1'] = [5, 1, '', '', '', '', ''];
const r = audit({ t3, s1: '2023年，我局共收到政府信息公开申请12件，上年结转1件。其中予以公开5件。' });
console.log(r.findings.filter((f) => f.rule === 'prose-results' || f.severity==='error').map(f=>[f.rule,f.expected,f.actual,f.message]));
