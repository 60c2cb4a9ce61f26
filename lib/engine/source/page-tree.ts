/**
 * A page as plain data, for the engine to read somewhere else: the auditor content script writes
 * it and posts it to the background, which rebuilds it as a light DOM (light-dom.ts
 * lightDocumentFromTree) and audits it there, off the page's main thread. Only what the engine reads
 * is written (readDom, domPrefix, meta, list): the <title> and <meta>s of the head, the body's
 * elements with the attributes the engine looks at, and its text. Elements whose content is never
 * report text (SKIP) are left out whole, but for buttons, whose words the first look reads.
 *
 * Each node is [parent, text] or [parent, tag, attributes], in document order; elements are
 * numbered in that order from 0 (the root), and a parent is an element's number. The same number
 * indexes the list of page elements the writer returns, so that the background's findings can name
 * elements by number and the content script put its markers on the very elements read.
 */
import { CHECK_EVERY, type Deadline, type Steps } from '../steps';
import { CELL_ROLE, HIDING_STYLE, isSkipped, PAGE_LIMITS, ROW_ROLE, shownOption, TRANSLATION_MARK, type PageLimits } from './dom';
import { INVISIBLE_TEXT_STYLE, isTextRun } from './style-sheet';

export type TreeText = [parent: number, text: string];
/** `attributes` is 0 when the element has none the engine reads (most have none). */
export type TreeElement = [parent: number, tag: string, attributes: Record<string, string> | 0];
export type TreeNode = TreeText | TreeElement;

/** Why a page was written only in part: it holds more text or cells than the engine reads. */
export type TreeCut = 'chars' | 'cells' | null;

/**
 * Attributes the engine reads, by element: a cell's spans, an image's size and alt text, a link's target and
 * title, a meta tag's name (or microdata itemprop) and content, <base>'s href, a text box's value and whether it is read-only, whether a dialog is open (dom.ts, list.ts, parse/meta.ts). On any element, `hidden`,
 * a style that hides it and the role of a grid's row or cell; other styles are left out, as they are most of Word's markup.
 */
const KEPT_BY_TAG: Readonly<Record<string, readonly string[]>> = {
  TD: ['rowspan', 'colspan'],
  TH: ['rowspan', 'colspan'],
  IMG: ['width', 'height', 'alt'],
  A: ['href', 'title'],
  META: ['name', 'property', 'itemprop', 'content'],
  BASE: ['href'],
  INPUT: ['type', 'value', 'readonly', 'disabled'],
  TEXTAREA: ['readonly', 'disabled'],
  // A dialog is shown only while open (dom.ts isHidden); showModal() sets the attribute, so it is the live state.
  DIALOG: ['open'],
  // A closed <details> in a cell shows its <summary> alone (dom.ts shownText).
  DETAILS: ['open'],
  // A column a <col> hides is counted from the columns before it (dom.ts hiddenColumns).
  COL: ['span'],
  COLGROUP: ['span'],
  // <bdo dir="rtl"> shows a cell's digits reversed (dom.ts shownText).
  BDO: ['dir'],
  // A declarative shadow root a parser left as a template (not a browser's: it attaches it) is read in place (dom.ts isShadowRoot).
  TEMPLATE: ['shadowrootmode'],
};
const NONE: readonly string[] = [];

/** What of <head> the engine reads: the page's title, its meta tags (publication dates) and <base> (what its links are relative to). */
const HEAD_KEPT = new Set(['TITLE', 'META', 'BASE']);

/** Nodes per chunk handed to `emit`: each chunk is serialised in one task, a few hundred KB at most. */
export const TREE_CHUNK = 4000;

export interface TreeWritten {
  /** The page's elements by number. */
  elements: Element[];
  cut: TreeCut;
}

export interface TreeOptions {
  /** Elements that are not the page's (the overlay's host), left out with their content. */
  skip?: (el: Element) => boolean;
  limits?: PageLimits;
  /** Receives the nodes in chunks of TREE_CHUNK, the last one shorter. */
  emit: (nodes: TreeNode[]) => void;
}

/**
 * Members of nodes as their prototypes define them, not as the page may shadow them. A <form> answers to its controls'
 * names before its own members (HTML's [LegacyOverrideBuiltIns]), in an extension's isolated world too: in the many portals
 * that hold the whole page in one ASP.NET <form>, 「<input name="nodeType">」 or 「name="lastChild"」 would have the walk skip
 * or misread the report, and 「name="tagName"」 end it with an error. (Chromium's isolated world does not let named
 * elements shadow `document`'s members.) The prototypes are the content script's world's own, which no page script reaches.
 */
function memberOf(node: object, name: string): PropertyDescriptor | undefined {
  for (let p = Object.getPrototypeOf(node) as object | null; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return d;
  }
  return undefined;
}

/** A member's reader from `sample`'s prototypes; a DOM that keeps it as an own field (a light DOM's) is read directly. */
function reader<T>(sample: object, name: string): (node: object) => T {
  const get = memberOf(sample, name)?.get;
  return get ? (node) => get.call(node) as T : (node) => (node as Record<string, T>)[name]!;
}

/**
 * The element as the engine's predicates read it, each member from its prototypes (memberOf): asked of <form>s only,
 * the one kind of element whose members a page can shadow (a proxy is no element: native calls get the element itself).
 */
function unshadowed(el: Element): Element {
  return new Proxy(el, {
    get(target, name) {
      const d = memberOf(target, name as string);
      // Not a prototype's: a light DOM's own field (a browser keeps no member on the element itself).
      if (!d) return Reflect.get(target, name) as unknown;
      if (d.get) return d.get.call(target) as unknown;
      return typeof d.value === 'function' ? (d.value as (...args: unknown[]) => unknown).bind(target) : d.value;
    },
  });
}

/**
 * By name, not through `el.attributes`: that builds an Attr object for each attribute, and Word's markup has many. `el` is
 * what is read (a form's stand-in: unshadowed), `node` the element itself, whose style the browser is asked for.
 */
function attributesOf(el: Element, tag: string, node = el): Record<string, string> | 0 {
  if (!el.hasAttributes()) return 0;
  let out: Record<string, string> | 0 = 0;
  for (const name of KEPT_BY_TAG[tag] ?? NONE) {
    const value = el.getAttribute(name);
    if (value !== null) (out ||= {})[name] = value;
  }
  const hidden = el.getAttribute('hidden') ?? (el.hasAttribute(TRANSLATION_MARK) ? '' : null);
  if (hidden !== null) (out ||= {}).hidden = hidden;
  const style = el.getAttribute('style');
  const styleHides = !!style && HIDING_STYLE.test(style);
  // The engine decides whether such a style hides the element (only a run of text): it needs the style to.
  if (styleHides || (style && INVISIBLE_TEXT_STYLE.test(style))) (out ||= {}).style = style;
  const role = el.getAttribute('role');
  if (role && (CELL_ROLE.test(role) || ROW_ROLE.test(role))) (out ||= {}).role = role;
  if (hidden === null && !styleHides && (hiddenByStyleSheet(el, tag, node) || closedPopover(el))) (out ||= {}).hidden = '';
  return out;
}

/**
 * A popover the page has not opened is not shown, whatever its class (dom.ts reads every popover of a file as closed). `el` is
 * what is read (a form's stand-in: unshadowed), so that a control named 「matches」 cannot answer.
 */
function closedPopover(el: Element): boolean {
  if (!el.hasAttribute('popover')) return false;
  try {
    return !el.matches(':popover-open');
  } catch {
    // A DOM that cannot read the selector (no popovers): closed, as the command line reads every popover.
    return true;
  }
}

/**
 * Whether the page's style sheets hide the element (a phone copy of the article, a stale print copy):
 * written as `hidden`, as the auditor does not see it. Asked only of elements with a class or an id,
 * which such rules select, and never of <head>'s (the light DOM's reading of <style> does the same: style-sheet.ts).
 */
function hiddenByStyleSheet(el: Element, tag: string, node: Element): boolean {
  if (HEAD_KEPT.has(tag) || !(el.hasAttribute('class') || el.hasAttribute('id'))) return false;
  const view = el.ownerDocument.defaultView;
  if (typeof view?.getComputedStyle !== 'function') return false;
  // A form's stand-in (unshadowed) is no element to the browser: the style is asked of the element itself.
  const style = view.getComputedStyle(node);
  return style.display === 'none' || (isTextRun(el) && (textInvisible(style) || struckThrough(style)));
}

/** A run of text a class strikes through (a Google Docs export's 「.c7{text-decoration:line-through}」): deleted text, as inline (dom.ts isStruckOut). */
const struckThrough = (style: CSSStyleDeclaration): boolean => (style.textDecorationLine ?? '').includes('line-through');

/** A run of text the page's style sheets make invisible (anti-copy noise of a class: 「.jm{font-size:0}」), as INVISIBLE_TEXT_STYLE says inline. */
function textInvisible(style: CSSStyleDeclaration): boolean {
  return parseFloat(style.fontSize) === 0 || style.visibility === 'hidden' || style.color === 'rgba(0, 0, 0, 0)' || screenReaderOnly(style);
}

/** Text for screen readers only, as INVISIBLE_TEXT_STYLE says inline: clipped to no area, or placed far off the screen. */
function screenReaderOnly(style: CSSStyleDeclaration): boolean {
  if (style.clipPath === 'inset(50%)' || /^rect\((\d+)px,? \1px,? \1px,? \1px\)$/.test(style.clip)) return true;
  const away = (side: string) => parseFloat(side) <= -999;
  return (style.position === 'absolute' || style.position === 'fixed') && (away(style.left) || away(style.top));
}

/**
 * Writes the document in steps (yielding when `deadline()` says so). Stops after more text than
 * the engine reads, or more table cells (each is at least one cell of the engine's grids): the
 * engine is told why (`cut`) and says the page was read only in part.
 */
export function* pageTreeSteps(doc: Document, { skip, limits = PAGE_LIMITS, emit }: TreeOptions, deadline: Deadline): Steps<TreeWritten> {
  const root = doc.documentElement;
  const elements: Element[] = [root];
  // The walk's own reads, through the prototypes (memberOf): a form among the nodes cannot shadow them.
  const nodeType = reader<number>(root, 'nodeType');
  const tagName = reader<string>(root, 'tagName');
  const lastChild = reader<ChildNode | null>(root, 'lastChild');
  const previousSibling = reader<ChildNode | null>(root, 'previousSibling');
  let chunk: TreeNode[] = [[-1, root.tagName, attributesOf(root, root.tagName.toUpperCase())]];
  const push = (node: TreeNode) => {
    chunk.push(node);
    if (chunk.length >= TREE_CHUNK) {
      emit(chunk);
      chunk = [];
    }
  };
  let chars = 0;
  let cells = 0;
  let cut: TreeCut = null;
  let work = 0;
  // Children are pushed last-first, each with its parent's number (two stacks, no pair per node):
  // an iterative walk, as pages nest deeply.
  const stack: Node[] = [];
  const parents: number[] = [];
  for (let c = lastChild(root); c; c = previousSibling(c)) {
    stack.push(c);
    parents.push(0);
  }
  while (stack.length) {
    if (++work >= CHECK_EVERY) {
      work = 0;
      if (deadline()) yield;
    }
    const node = stack.pop()!;
    const parent = parents.pop()!;
    const type = nodeType(node);
    if (type === 3) {
      const data = (node as Text).data;
      chars += data.length;
      if (chars > limits.chars) {
        cut = 'chars';
        break;
      }
      push([parent, data]);
      continue;
    }
    if (type !== 1) continue;
    const el = node as Element;
    const tag = tagName(el).toUpperCase();
    const inHead = tag === 'HEAD';
    const seen = tag === 'FORM' ? unshadowed(el) : el;
    // A button's few words are no report text, but the first look reads them (a 专栏's year buttons name reports):
    // kept, so that the background's first look reads what the page's did; the readers still leave them out.
    if ((!inHead && tag !== 'BUTTON' && tag !== 'SELECT' && isSkipped(seen, tag)) || skip?.(el)) continue;
    if ((tag === 'TD' || tag === 'TH') && ++cells > limits.cells) {
      cut = 'cells';
      break;
    }
    const index = elements.push(el) - 1;
    push([parent, tag, attributesOf(seen, tag, el)]);
    if (tag === 'SELECT') {
      // A form shown for viewing: the box shows one option, the live selection (a script may have set it), and only that
      // option is written (dom.ts reads it as a cell's value); the others are no text of the page.
      const shown = (el as HTMLSelectElement).selectedOptions?.[0] ?? shownOption(el);
      if (shown) {
        stack.push(shown);
        parents.push(index);
      }
      continue;
    }
    for (let c = lastChild(el); c; c = previousSibling(c)) {
      if (inHead && (nodeType(c) !== 1 || !HEAD_KEPT.has(tagName(c).toUpperCase()))) continue;
      stack.push(c);
      parents.push(index);
    }
    // A web component's open shadow root (a declarative <template shadowrootmode="open"> the parser attached): what the page
    // shows, written before the host's own nodes, as the command line reads the template in place (dom.ts isShadowRoot).
    // Asked of custom elements only (a hyphen in the tag), so that other elements pay nothing.
    const shadow = tag.includes('-') ? el.shadowRoot : null;
    if (shadow)
      for (let c = shadow.lastChild; c; c = c.previousSibling) {
        stack.push(c);
        parents.push(index);
      }
  }
  if (chunk.length) emit(chunk);
  return { elements, cut };
}

/**
 * Whether a value is a list of tree nodes, checked node by node in one loop: a report page sends
 * thousands and a compilation hundreds of thousands, which a schema of tuple unions checks ten
 * times slower. Parents are checked when the tree is rebuilt (lightDocumentFromTree).
 */
export function isTreeNodes(x: unknown): x is TreeNode[] {
  if (!Array.isArray(x)) return false;
  for (const n of x as unknown[]) {
    if (!Array.isArray(n) || !Number.isInteger(n[0]) || typeof n[1] !== 'string') return false;
    if (n.length === 2) continue;
    if (n.length !== 3) return false;
    const attributes: unknown = n[2];
    if (attributes === 0) continue;
    if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) return false;
    for (const v of Object.values(attributes)) if (typeof v !== 'string') return false;
  }
  return true;
}
