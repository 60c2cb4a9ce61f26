/**
 * A light, read-only DOM for Node, built with htmlparser2's tokenizer: several times faster than
 * linkedom (which uses the same parser but builds a full DOM, an event target per node). It offers
 * exactly what the engine reads of a page (source/dom.ts readDom, detect.ts domPrefix,
 * parse/meta.ts, list.ts) and is handed to it as a Document, as linkedom is. Where linkedom and a
 * browser differ, it does what a browser does: attribute names are lower-cased, a page without
 * <body> is read whole, the title's white space is collapsed. A selector it does not know throws,
 * so that an engine reading more of the DOM than this offers fails loudly in the tests.
 */
import { Parser } from 'htmlparser2';
import type { TreeNode } from './page-tree';
import { displayRules, hiddenByRules, invisibleTextRules, isTextRun, struckTextRules } from './style-sheet';

type LightNode = LightElement | LightText;

abstract class LightChild {
  parentNode: LightElement | null = null;
  previousSibling: LightNode | null = null;
  nextSibling: LightNode | null = null;

  get parentElement(): LightElement | null {
    return this.parentNode;
  }
  get nextElementSibling(): LightElement | null {
    let n = this.nextSibling;
    while (n && n.nodeType !== 1) n = n.nextSibling;
    return n;
  }
  get previousElementSibling(): LightElement | null {
    let n = this.previousSibling;
    while (n && n.nodeType !== 1) n = n.previousSibling;
    return n;
  }
}

export class LightText extends LightChild {
  readonly nodeType = 3 as const;
  constructor(public data: string) {
    super();
  }
  get textContent(): string {
    return this.data;
  }
}

export class LightElement extends LightChild {
  readonly nodeType = 1 as const;
  /** All child nodes (elements and text; comments are dropped, adjacent texts merged, as they read the same). */
  readonly childNodes: LightNode[] = [];
  constructor(
    /** Upper case, as an HTML document's tagName. */
    readonly tagName: string,
    private readonly attributes: Record<string, string>,
  ) {
    super();
  }

  get localName(): string {
    return this.tagName.toLowerCase();
  }
  getAttribute(name: string): string | null {
    const key = name.toLowerCase();
    return Object.hasOwn(this.attributes, key) ? this.attributes[key]! : null;
  }
  hasAttribute(name: string): boolean {
    return Object.hasOwn(this.attributes, name.toLowerCase());
  }
  /** What the page's style sheets hide reads as `hidden` (see hideStyledAway). */
  markHidden(): void {
    this.attributes.hidden = '';
  }
  get firstChild(): LightNode | null {
    return this.childNodes[0] ?? null;
  }
  get lastChild(): LightNode | null {
    return this.childNodes.at(-1) ?? null;
  }
  get firstElementChild(): LightElement | null {
    return this.childNodes.find((c) => c.nodeType === 1) ?? null;
  }
  get lastElementChild(): LightElement | null {
    return this.childNodes.findLast((c) => c.nodeType === 1) ?? null;
  }
  get children(): LightElement[] {
    return this.childNodes.filter((c) => c.nodeType === 1);
  }
  /** The text of every text node below, in document order (an iterative walk: pages nest deeply). */
  get textContent(): string {
    let out = '';
    const stack: LightNode[] = [this];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.nodeType === 3) out += n.data;
      else for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
    }
    return out;
  }
  querySelectorAll(selector: string): LightElement[] {
    return matchAll(this.childNodes, selector);
  }
  querySelector(selector: string): LightElement | null {
    return matchAll(this.childNodes, selector, true)[0] ?? null;
  }

  append(node: LightNode): void {
    const last = this.childNodes.at(-1);
    if (node.nodeType === 3 && last?.nodeType === 3) {
      last.data += node.data;
      return;
    }
    node.parentNode = this;
    node.previousSibling = last ?? null;
    if (last) last.nextSibling = node;
    this.childNodes.push(node);
  }
}

export class LightDocument {
  readonly nodeType = 9 as const;
  readonly URL = 'about:blank';
  /** The <html> element, or one standing for it when the markup has none (as a browser makes one). */
  readonly documentElement: LightElement;
  constructor(
    root: LightElement,
    /** Every element by tag name, in document order (the parser meets them in that order). */
    private readonly byTag: Map<string, LightElement[]>,
  ) {
    const top = root.childNodes.filter((c) => c.nodeType === 1);
    const onlyHtml = top.length === 1 && top[0]!.tagName === 'HTML' && root.childNodes.every((c) => c.nodeType === 1 || !c.data.trim());
    this.documentElement = onlyHtml ? top[0]! : Object.assign(root, { tagName: 'HTML' });
    this.documentElement.parentNode = null;
    if (!onlyHtml) byTag.set('HTML', [root, ...(byTag.get('HTML') ?? [])]);
  }
  get head(): LightElement | null {
    return this.documentElement.children.find((c) => c.tagName === 'HEAD') ?? null;
  }
  /** <body> when the markup has one; otherwise null, and the engine reads the whole document. */
  get body(): LightElement | null {
    return this.documentElement.children.find((c) => c.tagName === 'BODY') ?? null;
  }
  /** The first <title>'s text with white space stripped and collapsed (document.title in a browser). */
  get title(): string {
    const t = this.byTag.get('TITLE')?.[0];
    return t ? t.textContent.replace(/[\t\n\f\r ]+/g, ' ').trim() : '';
  }
  /** A selector of one tag (`a[href]`, `meta[name],meta[property]`) reads that tag's elements, not the whole page. */
  querySelectorAll(selector: string): LightElement[] {
    const list = compile(selector);
    const tag = list[0]!.tag;
    if (!tag || list.some((c) => c.tag !== tag)) return matchAll([this.documentElement], selector);
    return (this.byTag.get(tag) ?? []).filter((el) => list.some((c) => matches(el, c)));
  }
  querySelector(selector: string): LightElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }
}

/** Parses a page; never throws on bad markup (htmlparser2 recovers as linkedom does). */
export function parseLightDom(html: string): LightDocument {
  // A detached <html> holding whatever the markup has at top level; the document decides what it stands for.
  const root = new LightElement('#ROOT', {});
  const byTag = new Map<string, LightElement[]>();
  let open = root;
  // The parser's open elements: it closes them in its own order, some of which a cell start closed already.
  const parserOpen: LightElement[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const el = new LightElement(name.toUpperCase(), attribs);
        open = tableScopeParent(open, el.tagName) ?? open;
        open.append(el);
        open = el;
        parserOpen.push(el);
        const same = byTag.get(el.tagName);
        if (same) same.push(el);
        else byTag.set(el.tagName, [el]);
      },
      ontext(data) {
        // A browser's parser drops a NUL in a page's text (a parse error it ignores), so 「1\u00007」 shows 17.
        open.append(new LightText(data.includes('\0') ? data.replaceAll('\0', '') : data));
      },
      onclosetag() {
        const el = parserOpen.pop();
        if (el && isOpen(el, open)) open = el.parentNode ?? root;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  hideStyledAway(byTag);
  return new LightDocument(root, byTag);
}

/**
 * Marks `hidden` the elements the page's own <style> rules hide (style-sheet.ts), as a browser does
 * not show them: the page tree a browser writes says the same from the computed style (page-tree.ts).
 */
function hideStyledAway(byTag: ReadonlyMap<string, LightElement[]>): void {
  const sheets = (byTag.get('STYLE') ?? []).map((s) => s.textContent);
  const rules = sheets.flatMap(displayRules);
  // Rules that make text invisible hide a run of text only (isTextRun), unless its own style sets a size, colour or visibility;
  // so do rules that strike it through (deleted text, as an inline line-through is: dom.ts isStruckOut).
  const textRules = sheets.flatMap((css) => [...invisibleTextRules(css), ...struckTextRules(css)]);
  if (!rules.some((r) => r.hides) && !textRules.length) return;
  for (const [tag, elements] of byTag)
    for (const el of elements) {
      const id = el.getAttribute('id');
      const classes = el.getAttribute('class');
      if (id === null && classes === null) continue;
      const styled = { tag, id, classes: classes?.split(/[\t\n\f\r ]+/).filter(Boolean) ?? [], style: el.getAttribute('style') };
      const textHidden = () => isTextRun(el) && !/font-size|visibility|(?<![\w-])color/i.test(styled.style ?? '') && hiddenByRules(styled, textRules);
      if (hiddenByRules(styled, rules) || (textRules.length && textHidden())) el.markHidden();
    }
}

/** The part of a table each start tag closes back to, as a browser's table modes do. */
const CLOSES_TO: Partial<Record<string, ReadonlySet<string>>> = {
  TD: new Set(['TD', 'TH']),
  TH: new Set(['TD', 'TH']),
  TR: new Set(['TR']),
  TBODY: new Set(['TBODY', 'THEAD', 'TFOOT']),
  THEAD: new Set(['TBODY', 'THEAD', 'TFOOT']),
  TFOOT: new Set(['TBODY', 'THEAD', 'TFOOT']),
};

/**
 * Where a browser puts a table part whose start tag meets a cell (or row, or body) still open: beside
 * it, whatever inline element inside the cell was left open (Word's `<td><font>1<td>`). htmlparser2
 * closes a cell only when it is the innermost element, and would nest every next cell in the last.
 * Null when nothing is to be closed.
 */
function tableScopeParent(open: LightElement, tag: string): LightElement | null {
  const closes = CLOSES_TO[tag];
  if (!closes) return null;
  for (let e: LightElement | null = open; e && e.tagName !== 'TABLE'; e = e.parentNode) if (closes.has(e.tagName)) return e.parentNode;
  return null;
}

/** Whether `el` is `open` or one of its ancestors: not closed already by a table part's start. */
function isOpen(el: LightElement, open: LightElement): boolean {
  for (let e: LightElement | null = open; e; e = e.parentNode) if (e === el) return true;
  return false;
}

/**
 * Rebuilds a page a content script wrote as a tree (page-tree.ts). `elements[i]` is the element
 * the writer numbered i, so that what the engine says of an element can be sent back by number.
 * Throws on a tree that is not one (a parent not yet seen, no root).
 */
export function lightDocumentFromTree(chunks: readonly (readonly TreeNode[])[]): { doc: Document; elements: LightElement[] } {
  const elements: LightElement[] = [];
  const byTag = new Map<string, LightElement[]>();
  const holder = new LightElement('#ROOT', {});
  for (const chunk of chunks) {
    for (const node of chunk) {
      const parent = node[0] === -1 && elements.length === 0 ? holder : elements[node[0]];
      if (!parent) throw new Error('light-dom: a node of the page tree has no parent before it');
      if (node.length === 2) {
        parent.append(new LightText(node[1]));
        continue;
      }
      const el = new LightElement(node[1].toUpperCase(), node[2] ? { ...node[2] } : {});
      parent.append(el);
      elements.push(el);
      const same = byTag.get(el.tagName);
      if (same) same.push(el);
      else byTag.set(el.tagName, [el]);
    }
  }
  if (!elements.length) throw new Error('light-dom: the page tree is empty');
  return { doc: new LightDocument(holder, byTag) as unknown as Document, elements };
}

/** The light document as the engine's functions take it: they read only what it offers. */
export const parseLightDocument = (html: string): Document => parseLightDom(html) as unknown as Document;

// --- the few selectors the engine uses: tag, [attr], [attr="v"], [attr~="v"], in a comma list ---

interface Compound {
  tag: string | null;
  attrs: { name: string; op: '' | '=' | '~='; value: string }[];
}

const COMPOUND = /^([a-zA-Z][a-zA-Z0-9-]*|\*)?((?:\[[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:~?=(?:"[^"]*"|'[^']*'|[-a-zA-Z0-9_]+))?\])*)$/;
const ATTR = /\[([^~=\]]+)(?:(~?=)(?:"([^"]*)"|'([^']*)'|([^\]]*)))?\]/g;
const parsed = new Map<string, Compound[]>();

function compile(selector: string): Compound[] {
  const known = parsed.get(selector);
  if (known) return known;
  const out = selector.split(',').map((part): Compound => {
    const m = COMPOUND.exec(part.trim());
    if (!m || !part.trim()) throw new Error(`light-dom: unsupported selector "${selector}"`);
    const attrs = [...(m[2] ?? '').matchAll(ATTR)].map((a) => ({
      name: a[1]!.toLowerCase(),
      op: (a[2] ?? '') as '' | '=' | '~=',
      value: a[3] ?? a[4] ?? a[5] ?? '',
    }));
    return { tag: m[1] && m[1] !== '*' ? m[1].toUpperCase() : null, attrs };
  });
  parsed.set(selector, out);
  return out;
}

function matches(el: LightElement, c: Compound): boolean {
  if (c.tag && el.tagName !== c.tag) return false;
  return c.attrs.every(({ name, op, value }) => {
    const v = el.getAttribute(name);
    if (v === null) return false;
    if (op === '=') return v === value;
    if (op === '~=') return value !== '' && !/\s/.test(value) && v.split(/[\t\n\f\r ]+/).includes(value);
    return true;
  });
}

/** Elements below `from` (document order) matching any compound of the list. */
function matchAll(from: readonly LightNode[], selector: string, first = false): LightElement[] {
  const list = compile(selector);
  const out: LightElement[] = [];
  const stack: LightNode[] = [];
  for (let i = from.length - 1; i >= 0; i--) stack.push(from[i]!);
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType !== 1) continue;
    for (const c of list) {
      if (!matches(n, c)) continue;
      out.push(n);
      if (first) return out;
      break;
    }
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
  }
  return out;
}
