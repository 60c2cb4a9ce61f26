/**
 * What a page's own style sheets hide, for a reader without a browser (the CLI's light DOM): a
 * portal that serves the article twice, once for wide screens and once for phones, or keeps a stale
 * copy for printing, hides one copy with a class rule (`.m-only{display:none}`), and an auditor sees
 * the other only. In a browser the auditor's page tree asks the computed style instead (page-tree.ts).
 * Only what a browser at a desktop width surely applies is read: rules at the top level (none inside
 * @media or @supports) whose selector is one compound of classes or an id, with or without a tag.
 */

/** One top-level rule that sets `display` on one compound selector. */
export interface DisplayRule {
  tag: string | null;
  id: string | null;
  classes: string[];
  hides: boolean;
  important: boolean;
  /** Specificity as one number (ids, classes, tag), then the rule's place: the cascade's order among these rules. */
  weight: number;
}

const COMPOUND = /^([a-zA-Z][a-zA-Z0-9-]*)?((?:[.#][-\w\u00a0-\uffff]+)*)$/;
const DISPLAY = /(?:^|;)\s*display\s*:\s*([-a-z]+)\s*(!\s*important)?/gi;

/** The `display` rules of a style sheet's text, in its order. */
export function displayRules(css: string): DisplayRule[] {
  const out: DisplayRule[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--|-->/g, '');
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    const prelude = text.slice(i, open).trim();
    const close = blockEnd(text, open);
    if (!prelude.startsWith('@')) {
      const display = lastDisplay(text.slice(open + 1, close));
      if (display) for (const selector of prelude.split(',')) pushRule(out, selector.trim(), display);
    }
    i = close + 1;
  }
  return out;
}

/** The index of the `}` that closes the block opened at `open` (nested blocks of an at-rule included). */
function blockEnd(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  return text.length;
}

function lastDisplay(declarations: string): { value: string; important: boolean } | null {
  let found: { value: string; important: boolean } | null = null;
  for (const m of declarations.matchAll(DISPLAY)) found = { value: m[1]!.toLowerCase(), important: !!m[2] };
  return found;
}

function pushRule(out: DisplayRule[], selector: string, display: { value: string; important: boolean }): void {
  const m = COMPOUND.exec(selector);
  if (!m || !selector) return;
  const parts = m[2]!.match(/[.#][^.#]+/g) ?? [];
  // A tag alone (`p{display:none}`) is a reset or a widget's, not a copy hidden: only classes and ids select those.
  if (!parts.length) return;
  const ids = parts.filter((p) => p.startsWith('#')).map((p) => p.slice(1));
  // A compound with two ids matches nothing.
  if (ids.length > 1) return;
  const classes = parts.filter((p) => p.startsWith('.')).map((p) => p.slice(1));
  const specificity = ids.length * 10_000 + classes.length * 100 + (m[1] ? 1 : 0);
  out.push({
    tag: m[1] ? m[1].toUpperCase() : null,
    id: ids[0] ?? null,
    classes,
    hides: display.value === 'none',
    important: display.important,
    weight: specificity * 100_000 + out.length,
  });
}

/** The element's tag, id and class list, as the rules test them. */
export interface Styled {
  tag: string;
  id: string | null;
  classes: readonly string[];
  /** The element's own style attribute. */
  style: string | null;
}

const INLINE_DISPLAY = /(?:^|;)\s*display\s*:\s*([-a-z]+)/i;

/** Whether the rules hide the element: the winning rule among those that match it sets display:none, and no inline display overrides it. */
export function hiddenByRules(el: Styled, rules: readonly DisplayRule[]): boolean {
  let winner: DisplayRule | undefined;
  for (const r of rules) {
    if (r.tag && r.tag !== el.tag) continue;
    if (r.id && r.id !== el.id) continue;
    if (!r.classes.every((c) => el.classes.includes(c))) continue;
    if (!winner || r.important > winner.important || (r.important === winner.important && r.weight > winner.weight)) winner = r;
  }
  if (!winner?.hides) return false;
  const inline = el.style && INLINE_DISPLAY.exec(el.style)?.[1];
  return winner.important || !inline || inline.toLowerCase() === 'none';
}
