// `npm run lint:ext`: Mozilla's web-ext lint over the Firefox build. Fails on any error, and on any warning
// except the known ones that come from bundled libraries (listed below with the code that triggers them).
// Usage: node scripts/lint-ext.mjs [unpacked extension dir, default .output/firefox-mv2]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIR = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '.output', 'firefox-mv2'));

/** Third-party code web-ext flags, recognised by the text around the flagged column. */
const THIRD_PARTY = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: /dangerouslySetInnerHTML[\s\S]*innerHTML=\w+\.__html/,
    from: 'Preact (dangerouslySetInnerHTML support; we never pass it)',
  },
  {
    code: 'DANGEROUS_EVAL',
    near: /jitless[\s\S]*Function\(``\)/,
    from: 'zod (probes whether Function() is allowed; the extension CSP forbids it, so zod does not use it)',
  },
  // Loaded only by the viewer and batch pages (dynamic import), never by a content script.
  {
    code: 'DANGEROUS_EVAL',
    near: /VERSION=|1\.13\.8|Function\(`return this`\)|Function\(o,`_`,a\)|setImmediate=function/,
    from: 'underscore and setImmediate polyfill inside mammoth (the .docx reader): global-object probe and template compiler, never called with page text',
  },
  {
    code: 'DANGEROUS_EVAL',
    near: /Function\(`return this`\)/,
    from: 'core-js global-object probe bundled with pdf.js',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    near: /import\(this\.workerSrc\)/,
    from: 'pdf.js loading its worker (a file of the extension itself)',
  },
];

/** pdf.js's prebuilt worker, shipped as published (pdfjs/): whatever web-ext flags in it is pdf.js's. */
const THIRD_PARTY_FILES = [/^pdfjs\//];

let out;
try {
  out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', DIR, '--output', 'json'], { encoding: 'utf8' });
} catch (e) {
  out = e.stdout; // web-ext exits non-zero when it finds errors; the JSON is still printed
}
const report = JSON.parse(out.slice(out.indexOf('{')));
const ours = [];
for (const m of [...report.errors, ...report.warnings]) {
  const text = m.file ? (readFileSync(join(DIR, m.file), 'utf8').split('\n')[(m.line ?? 1) - 1] ?? '') : '';
  const around = text.slice(Math.max(0, (m.column ?? 0) - 400), (m.column ?? 0) + 100);
  const shipped = m._type === 'warning' && m.file && THIRD_PARTY_FILES.some((re) => re.test(m.file)) && { from: 'pdf.js worker, shipped as published' };
  const known = shipped || (m._type === 'warning' && THIRD_PARTY.find((t) => t.code === m.code && t.near.test(around)));
  if (known) console.log(`third-party ${m.code} in ${m.file}: ${known.from}`);
  else ours.push(m);
}
for (const m of ours) console.error(`${m._type} ${m.code} ${m.file ?? ''}:${m.line ?? ''}:${m.column ?? ''} ${m.message}`);
console.log(
  `web-ext lint: ${ours.length} from our code, ${report.errors.length + report.warnings.length - ours.length} from bundled libraries, ${report.notices.length} notices`,
);
process.exit(ours.length ? 1 : 0);
