/** axe-core run inside a page of the built extension, for the accessibility checks of the browser tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's own script, run inside the page. */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Violations axe-core finds in the page, or only inside `selector`; `rules` limits the run to those rule ids. */
export async function axeViolations(page: Page, selector?: string, rules?: string[]): Promise<string[]> {
  // Evaluated, not added as a <script>: the extension's CSP refuses inline scripts.
  await page.evaluate(AXE);
  type Axe = { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> };
  const result = await page.evaluate(
    ([sel, only]) => (window as unknown as { axe: Axe }).axe.run(sel ? { include: [sel] } : document, only ? { runOnly: only } : {}),
    [selector, rules] as const,
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
