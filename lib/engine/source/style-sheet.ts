/**
 * What a page's own style sheets hide, for a reader without a browser (the CLI's light DOM): a
 * portal that serves the article twice, once for wide screens and once for phones, or keeps a stale
 * copy for printing, hides one copy with a class rule (`.m-only{display:none}`), and an auditor sees
 * the other only. In a browser the auditor's page tree asks the computed style instead (page-tree.ts).
 * Only what a browser at a desktop width surely applies is read: rules at the top level or inside an
 * @media whose query holds for a desktop screen (DESKTOP) or in a cascade layer (none inside @supports or other at-rules), whose
 * selector is one compound of classes or an id, with or without a tag.
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

/** A compound of a tag, classes and an id; a name may hold escaped characters (Tailwind's 「.md\\:hidden」 for class 「md:hidden」). */
const COMPOUND = /^([a-zA-Z][a-zA-Z0-9-]*)?((?:[.#](?:\\[^\n0-9a-fA-F]|[-\w\u00a0-\uffff])+)*)$/;
const DISPLAY = /(?:^|;)\s*display\s*:\s*([-a-z]+)\s*(!\s*important)?/gi;

/**
 * Styles that make an element's own text invisible but that a child may undo (a container's `font-size:0` is the
 * inline-block gap trick, its children set their own size): they hide only a run of text with no element inside, as an
 * old CMS's anti-copy noise is (「5<font style="font-size:0px;color:#FFF">7</font>3」 shows 53).
 */
export const INVISIBLE_TEXT_STYLE = new RegExp(
  [
    /font-size\s*:\s*0(?:px|pt|em|rem|%)?\s*(?:[;!}]|$)|visibility\s*:\s*hidden|(?<![\w-])color\s*:\s*transparent/.source,
    // Text for screen readers only (an accessibility retrofit's 「40件」 beside the shown 40, Bootstrap's .visually-hidden header words
    // in each cell): clipped to no area (「clip:rect(0,0,0,0)」, 「clip-path:inset(50%)」) or placed far off the screen.
    /clip\s*:\s*rect\(\s*(\d+)(?:px)?[\s,]+\1(?:px)?[\s,]+\1(?:px)?[\s,]+\1(?:px)?\s*\)|clip-path\s*:\s*inset\(\s*50%/.source,
    /^(?=[\s\S]*position\s*:\s*(?:absolute|fixed))(?=[\s\S]*(?:^|[;\s{])(?:left|top)\s*:\s*-(?:999|\d{4,})(?:\.\d+)?(?:px|em|rem)?\s*(?:[;!}]|$))/.source,
  ].join('|'),
  'i',
);

/**
 * Text struck through: deleted text (a value corrected beside its new one, dom.ts isStruckOut), inline or by a class rule (a Google
 * Docs export styles every run by a class of its one <style>: 「.c7{…text-decoration:line-through…}」).
 */
export const STRUCK_STYLE = /text-decoration(?:-line)?\s*:[^;]*line-through/i;

/** Cells and rows keep their place in the grid whatever their text's style: only `display:none` takes them out. */
const GRID_PART = new Set(['TD', 'TH', 'TR', 'TABLE']);

/** A run of text that INVISIBLE_TEXT_STYLE may hide: no element inside, and no part of a table's grid. */
export const isTextRun = (el: { readonly firstElementChild: unknown; readonly tagName: string }): boolean =>
  !el.firstElementChild && !GRID_PART.has(el.tagName.toUpperCase());

type Declared = { value: string; important: boolean } | null;

/** The `display` rules of a style sheet's text, in its order. */
export function displayRules(css: string): DisplayRule[] {
  return rulesOf(css, lastDisplay);
}

/** The rules that make a run of text invisible (INVISIBLE_TEXT_STYLE: 「.jm{font-size:0}」), read as rules that hide it. */
export function invisibleTextRules(css: string): DisplayRule[] {
  return rulesOf(css, (declarations) => (INVISIBLE_TEXT_STYLE.test(declarations) ? { value: 'none', important: false } : null));
}

/** The rules that strike a run of text through (STRUCK_STYLE), read as rules that hide it: its words are deleted ones. */
export function struckTextRules(css: string): DisplayRule[] {
  return rulesOf(css, (declarations) => (STRUCK_STYLE.test(declarations) ? { value: 'none', important: false } : null));
}

function rulesOf(css: string, declared: (declarations: string) => Declared): DisplayRule[] {
  const out: DisplayRule[] = [];
  readRules(css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--|-->/g, ''), out, declared);
  return out;
}

function readRules(text: string, out: DisplayRule[], declared: (declarations: string) => Declared, layered = false): void {
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open < 0) break;
    // A statement at-rule before the block (@import …; @charset …;) is no part of its prelude.
    const prelude = text
      .slice(i, open)
      .replace(/^[^{}]*;/, '')
      .trim();
    const close = blockEnd(text, open);
    if (/^@media\b/i.test(prelude)) {
      if (desktopMatches(prelude.slice(6))) readRules(text.slice(open + 1, close), out, declared, layered);
    } else if (/^@layer\b/i.test(prelude)) {
      // A cascade layer's rules (Tailwind CSS v4 writes all its utilities in 「@layer utilities { .hidden { display: none; } }」)
      // apply as the page's others do, but lose to every rule outside a layer (the cascade weighs layers first).
      readRules(text.slice(open + 1, close), out, declared, true);
    } else if (!prelude.startsWith('@')) {
      const display = declared(ownDeclarations(text.slice(open + 1, close)));
      if (display) for (const selector of prelude.split(',')) pushRule(out, selector.trim(), display, layered);
    }
    i = close + 1;
  }
}

/**
 * A rule's own declarations, with those of the @media blocks nested in it (CSS nesting: Tailwind v4 writes 「.md\\:hidden {
 * @media (width >= 48rem) { display: none; } }」) that hold on DESKTOP after them, as they then apply later. Other nested
 * rules (「&:hover { … }」, 「.a & { … }」) select other elements or states: left out.
 */
function ownDeclarations(block: string): string {
  if (!block.includes('{')) return block;
  let own = '';
  let nested = '';
  let i = 0;
  while (i < block.length) {
    const open = block.indexOf('{', i);
    if (open < 0) {
      own += block.slice(i);
      break;
    }
    // The nested rule's prelude starts after the last declaration before it.
    const cut = Math.max(block.lastIndexOf(';', open), block.lastIndexOf('}', open), i - 1) + 1;
    own += block.slice(i, cut) + ';';
    const prelude = block.slice(cut, open).trim();
    const close = blockEnd(block, open);
    if (/^@media\b/i.test(prelude) && desktopMatches(prelude.slice(6))) nested += ';' + ownDeclarations(block.slice(open + 1, close));
    i = close + 1;
  }
  return own + nested;
}

/**
 * The screen a media query is read for: a desktop browser's window, as an auditor's is (and as the
 * browser tests' is, so that the command line and the extension read a page alike).
 */
const DESKTOP = { width: 1280, height: 720 };

/**
 * Whether a media query list holds on DESKTOP's screen: media types, width and height bounds in px or
 * em, orientation, with not/only. A feature it does not read makes its query false: the rules are then
 * left to a browser, as any @media's were.
 */
function desktopMatches(list: string): boolean {
  return list.split(',').some((query) => {
    const q = query.trim().toLowerCase();
    const negated = /^not\s/.test(q);
    const held = q
      .replace(/^(?:not|only)\s+/, '')
      .split(/\s+and\s+/)
      .map((part) => partHolds(part.trim()));
    // A part not read leaves the query unknown: not applied, even under not.
    if (held.includes(undefined)) return false;
    return held.every(Boolean) !== negated;
  });
}

/** One part of a media query on DESKTOP: true, false, or undefined when it names a feature not read. */
function partHolds(part: string): boolean | undefined {
  if (part === 'all' || part === 'screen') return true;
  if (part === 'print' || part === 'speech') return false;
  const size = /^\(\s*(min-|max-)?(width|height)\s*:\s*([\d.]+)(px|em|rem)\s*\)$/.exec(part);
  if (size) {
    const bound = Number(size[3]) * (size[4] === 'px' ? 1 : 16);
    const actual = DESKTOP[size[2] as 'width' | 'height'];
    return size[1] === 'min-' ? actual >= bound : size[1] === 'max-' ? actual <= bound : actual === bound;
  }
  // Media queries level 4's ranges (「(width >= 48rem)」, as Tailwind v4 writes its breakpoints).
  const range = /^\(\s*(width|height)\s*(>=|<=|>|<)\s*([\d.]+)(px|em|rem)\s*\)$/.exec(part);
  if (range) {
    const bound = Number(range[3]) * (range[4] === 'px' ? 1 : 16);
    const actual = DESKTOP[range[1] as 'width' | 'height'];
    return range[2] === '>=' ? actual >= bound : range[2] === '<=' ? actual <= bound : range[2] === '>' ? actual > bound : actual < bound;
  }
  const orientation = /^\(\s*orientation\s*:\s*(landscape|portrait)\s*\)$/.exec(part);
  return orientation ? orientation[1] === 'landscape' : undefined;
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

function lastDisplay(declarations: string): Declared {
  let found: Declared = null;
  for (const m of declarations.matchAll(DISPLAY)) found = { value: m[1]!.toLowerCase(), important: !!m[2] };
  return found;
}

function pushRule(out: DisplayRule[], selector: string, display: { value: string; important: boolean }, layered = false): void {
  const m = COMPOUND.exec(selector);
  if (!m || !selector) return;
  const parts = (m[2]!.match(/[.#](?:\\.|[^.#\\])+/g) ?? []).map((p) => p.replace(/\\(.)/g, '$1'));
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
    // A layer's rules lose to the others (and among themselves go by specificity and order, as the layers are read in turn).
    weight: specificity * 100_000 + out.length - (layered ? LAYERED : 0),
  });
}

/** Below any weight of a rule outside a layer. */
const LAYERED = 1e13;

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
