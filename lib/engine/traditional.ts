/**
 * Reports in traditional characters: a portal's 简/繁 switch rewrites the page, and the auditor must read
 * it as it reads the simplified one. Each traditional character the engine's words use is read as its
 * simplified form, and the few words that characters alone do not give back; one character for one,
 * so that offsets within a text stay where they were.
 */
import { SIMPLIFIED, TRADITIONAL, TRADITIONAL_WORDS } from './traditional-chars';
import { NAME_SIMPLIFIED, NAME_TRADITIONAL } from './traditional-name-chars';

/** Built on first use: the auditor's page-tree writer imports the DOM reader's constants, never this table's use. */
let table: { any: RegExp; every: RegExp; toSimplified: Map<string, string> } | undefined;
function tableOf() {
  if (table) return table;
  const any = new RegExp(`[${TRADITIONAL}]|${TRADITIONAL_WORDS.map(([t]) => t).join('|')}`);
  const toSimplified = new Map<string, string>([...[...TRADITIONAL].map((t, i) => [t, SIMPLIFIED[i]!] as const), ...TRADITIONAL_WORDS]);
  return (table = { any, every: new RegExp(any.source, 'g'), toSimplified });
}

/** The text with the engine's traditional characters and words in their simplified forms; the same string when it has none. */
export function simplified(s: string): string {
  const { any, every, toSimplified } = tableOf();
  return any.test(s) ? s.replace(every, (t) => toSimplified.get(t)!) : s;
}

let nameTable: Map<string, string> | undefined;
/**
 * A body's name in simplified characters, whatever its characters, for matching names only (the engine's own
 * table above holds only the characters of its words, and a name may use any). Examples stay in the tests:
 * the generator takes every Han character written in lib/engine for one of the engine's words.
 */
export function simplifiedName(name: string): string {
  nameTable ??= new Map([...NAME_TRADITIONAL].map((t, i) => [t, NAME_SIMPLIFIED[i]!]));
  let out = '';
  for (const c of name) out += nameTable.get(c) ?? c;
  return out;
}
