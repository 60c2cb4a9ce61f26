import { readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { auditDocument } from '../lib/engine/audit';
const dir = '/work/wt/rules/test/fixtures/html/';
const files = readdirSync(dir).filter((f) => f.endsWith('.html') && !f.includes('large'));
const docs = files.map((f) => [f, parseHTML(readFileSync(dir + f, 'utf8')).document as unknown as Document] as const);
for (let i = 0; i < 3; i++) for (const [, d] of docs) auditDocument(d);
const per: [string, number][] = [];
for (const [f, d] of docs) { const t = performance.now(); for (let i = 0; i < 10; i++) auditDocument(d); per.push([f, (performance.now() - t) / 10]); }
console.log(per.map(([f, ms]) => `${f} ${ms.toFixed(2)}`).join('\n'));
console.log('total', per.reduce((a, [, m]) => a + m, 0).toFixed(1));
