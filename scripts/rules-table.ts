/**
 * `npm run docs:rules`: rewrites README.md's rule table from the rule registry, between the markers
 * `<!-- rules:start -->` and `<!-- rules:end -->`. test/rules/registry.test.ts fails when the table is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SEVERITY_LABELS } from '../lib/engine/labels';
import { RULES } from '../lib/engine/rules/registry';

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

const KIND_LABELS = { report: '单份报告', 'cross-year': '跨年度', raised: '引擎直接提出' } as const;

/** A table cell: no line breaks, no bar that would end the cell. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

export function rulesTable(): string {
  const rows = RULES.map(
    (r) =>
      `| \`${r.id}\` | ${SEVERITY_LABELS[r.severity].zh} | ${KIND_LABELS[r.kind]} | ${cell(r.title.zh)} | ${cell(r.title.en)} | ${cell(r.description.zh)} |`,
  );
  return ['| 规则 id | 严重程度 | 类别 | 中文标题 | English title | 说明 |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** The README with its rule table replaced; throws when the markers are missing. */
export function withRulesTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${rulesTable()}\n${readme.slice(end)}`;
}

export const README = fileURLToPath(new URL('../README.md', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const before = readFileSync(README, 'utf8');
  const after = withRulesTable(before);
  if (after !== before) writeFileSync(README, after);
  console.log(after === before ? 'README 规则表已是最新 / rule table up to date' : 'README 规则表已更新 / rule table rewritten');
}
