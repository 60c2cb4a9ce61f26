import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditText } from '../../lib/engine/audit';
import { RULE_META, RULES } from '../../lib/engine/rules';
import { README, rulesTable, titlesModule, TITLES_MODULE, withRulesTable } from '../../scripts/rules-table';
import { makeReport } from '../helpers/make-report';
import { findings } from '../helpers/rules';

const ROOT = join(import.meta.dirname, '..', '..');
const RULE_DIR = join(ROOT, 'lib', 'engine', 'rules');
const TEST_DIR = import.meta.dirname;
/** Modules of lib/engine/rules that are not rules: the registry and what rules share. */
const NOT_RULES = ['types.ts', 'helpers.ts', 'registry.ts', 'index.ts', 'identities.ts', 'claims.ts', 'arithmetic.ts', 'titles.ts'];
const ids = RULES.map((r) => r.id);

describe('the rule registry', () => {
  it('lists each rule once, each documented in both languages with a basis and an example', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.title.zh && r.title.en && r.description.zh && r.description.en && r.basis && r.example, r.id).toBeTruthy();
      expect(['error', 'warning', 'info'], r.id).toContain(r.severity);
      expect(['report', 'cross-year', 'raised'], r.id).toContain(r.kind);
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
    expect(RULE_META.map((r) => r.id)).toEqual(ids);
  });
  it('has a test file for every rule, and no rule test file without its rule', () => {
    const tests = readdirSync(TEST_DIR).filter((f) => f.endsWith('.test.ts') && f !== 'registry.test.ts');
    expect(
      ids.filter((id) => !tests.includes(`${id}.test.ts`)),
      'rules without test/rules/<id>.test.ts',
    ).toEqual([]);
    expect(
      tests.filter((f) => !ids.includes(f.replace(/\.test\.ts$/, ''))),
      'test files naming no registered rule',
    ).toEqual([]);
    for (const f of tests) expect(readFileSync(join(TEST_DIR, f), 'utf8'), f).toContain(`'${f.replace(/\.test\.ts$/, '')}'`);
  });
  it('registers every rule module of lib/engine/rules, under its file name', () => {
    const modules = readdirSync(RULE_DIR).filter((f) => f.endsWith('.ts') && !NOT_RULES.includes(f));
    expect(
      modules.filter((f) => !ids.includes(f.replace(/\.ts$/, ''))),
      'rule files not in the registry',
    ).toEqual([]);
    expect(
      ids.filter((id) => !modules.includes(`${id}.ts`)),
      'registered rules without their own file',
    ).toEqual([]);
  });
  it('README’s rule table is the one generated from the registry (run `npm run docs:rules`)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(withRulesTable(readme)).toBe(readme);
    for (const id of ids) expect(rulesTable()).toContain(`\`${id}\``);
    expect(() => withRulesTable('# no markers')).toThrow(/markers/);
  });
  it('lib/engine/rules/titles.ts is the one generated from the registry (run `npm run docs:rules`)', async () => {
    expect(readFileSync(TITLES_MODULE, 'utf8')).toBe(await titlesModule());
    const { RULE_TITLES } = await import('../../lib/engine/rules/titles');
    expect(Object.keys(RULE_TITLES)).toEqual(ids);
    for (const r of RULE_META) expect(RULE_TITLES[r.id]).toEqual(r.title);
  });
});

describe('running the report rules', () => {
  it('gives no finding at all on the clean fixture', () => {
    expect(findings()).toEqual([]);
  });
  it('does not run disabled rules', () => {
    const r = auditText(makeReport({ s6: '无。' }), { disabledRules: ['s6-no-fee'] });
    expect(r.detected && r.findings).toEqual([]);
    const on = auditText(makeReport({ s6: '无。' }));
    expect(on.detected && on.findings.map((f) => f.rule)).toEqual(['s6-no-fee']);
  });
});
