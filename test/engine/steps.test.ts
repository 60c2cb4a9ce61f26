import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditDocument, auditDocumentSteps, auditPage, auditPageSteps, type PageAudit } from '@/lib/engine/audit';
import { runRules, runRulesSteps } from '@/lib/engine/rules';
import { REPORT_RULES } from '@/lib/engine/rules/registry';
import { PAGE_LIMITS, readDomSteps } from '@/lib/engine/source/dom';
import { CHECK_EVERY, NO_DEADLINE, type Deadline, type Steps } from '@/lib/engine/steps';
import { compilationPage } from '../helpers/compilation';
import { FIXTURES, fixtureHtml, htmlDoc } from '../helpers/fixtures';
import { cleanT3 } from '../helpers/make-report';

/** A deadline that comes at random (seeded, reproducible): any slicing the caller's clock could give. */
function randomDeadline(seed: number, p: number): Deadline {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 < p;
  };
}

function run<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, yields };
    yields++;
  }
}

/** An audit as data: page elements (which only the same run shares) left out. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'el' || (v && typeof v === 'object' && 'nodeType' in v) ? undefined : v)));

const PAGES: [string, string][] = [
  ...readdirSync(join(FIXTURES, 'html'))
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f, fixtureHtml(f)] as [string, string]),
  ['compilation of 5, errors planted', compilationPage(5, (n) => ({ t3: { ...cleanT3(), '1': [10 + n, 2, 0, 0, 0, 0, 12] } }))],
];

describe('the stepped audit', () => {
  for (const [name, html] of PAGES)
    it(`gives the same audit whatever the slicing: ${name}`, () => {
      const whole = plain(auditPage(htmlDoc(html)));
      for (const [seed, p] of [
        [1, 1],
        [2, 0.5],
        [3, 0.05],
      ] as const) {
        const { value, yields } = run(auditPageSteps(htmlDoc(html), {}, randomDeadline(seed, p)));
        expect(plain(value)).toEqual(whole);
        if (p === 1 && (value as PageAudit).detected) expect(yields).toBeGreaterThan(10);
      }
    });

  it('never yields without a deadline, and a page of one report gives what auditDocument gives', () => {
    const html = fixtureHtml('000-word.html');
    const { value, yields } = run(auditDocumentSteps(htmlDoc(html), {}, NO_DEADLINE));
    expect(yields).toBe(0);
    const page = auditPage(htmlDoc(html));
    const doc = auditDocument(htmlDoc(html));
    expect(plain(value)).toEqual(plain(doc));
    expect(page.detected && doc.detected && plain(page.parts)).toEqual(plain(doc.detected && [{ report: doc.report, findings: doc.findings }]));
  });

  it('walks the page at most CHECK_EVERY nodes or cells between two looks at the deadline', () => {
    const doc = htmlDoc(compilationPage(10));
    const { yields } = run(readDomSteps(doc.body, PAGE_LIMITS, undefined, () => true));
    // Every element outside a table is a node of the walk; every table cell a unit of work.
    const outside = [...doc.body.querySelectorAll('*')].filter((el) => !el.closest('table')).length;
    const cells = doc.body.querySelectorAll('td, th').length;
    expect(yields).toBeGreaterThanOrEqual(Math.floor((outside + cells) / CHECK_EVERY));
  });

  it('runs the rules one at a time when each slice is spent at once, with the same findings', () => {
    const result = auditDocument(htmlDoc(fixtureHtml('001-word.html')));
    if (!result.detected) throw new Error(result.reason);
    const disabled = ['cell-missing'];
    const { value, yields } = run(runRulesSteps(result.report, disabled, () => true));
    expect(yields).toBe(REPORT_RULES.filter((r) => !disabled.includes(r.id)).length);
    expect(plain(value)).toEqual(plain(runRules(result.report, disabled)));
  });
});
