/**
 * Reports in traditional characters: a portal's 简/繁 switch rewrites the page, and the auditor must read
 * it as it reads the simplified one. Each traditional character the engine's words use is read as its
 * simplified form, and the few words that characters alone do not give back; one character for one,
 * so that offsets within a text stay where they were.
 */
import { SIMPLIFIED, TRADITIONAL, TRADITIONAL_WORDS } from './traditional-chars';
import { NAME_SIMPLIFIED, NAME_TRADITIONAL } from './traditional-name-chars';

interface Table {
  any: RegExp;
  every: RegExp;
  toSimplified: Map<string, string>;
}

/** Each character of `traditional` read as the one at its place in `simplified`, and each word as the word after it. */
function tableOver(traditional: string, simplified: string, words: readonly (readonly [string, string])[] = []): Table {
  const any = new RegExp([`[${traditional}]`, ...words.map(([t]) => t)].join('|'));
  const toSimplified = new Map<string, string>([...[...traditional].map((t, i) => [t, simplified[i]!] as const), ...words]);
  return { any, every: new RegExp(any.source, 'g'), toSimplified };
}

function read(s: string, { any, every, toSimplified }: Table): string {
  return any.test(s) ? s.replace(every, (t) => toSimplified.get(t)!) : s;
}

/** Built on first use: the auditor's page-tree writer imports the DOM reader's constants, never this table's use. */
let table: Table | undefined;

/** The text with the engine's traditional characters and words in their simplified forms; the same string when it has none. */
export function simplified(s: string): string {
  return read(s, (table ??= tableOver(TRADITIONAL, SIMPLIFIED, TRADITIONAL_WORDS)));
}

let nameTable: Table | undefined;
/**
 * A body's name in simplified characters, whatever its characters, for matching names only (the engine's own
 * table above holds only the characters of its words, and a name may use any). Examples stay in the tests:
 * the generator takes every Han character written in lib/engine for one of the engine's words.
 */
export function simplifiedName(name: string): string {
  return read(name, (nameTable ??= tableOver(NAME_TRADITIONAL, NAME_SIMPLIFIED)));
}
