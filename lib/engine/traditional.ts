/**
 * Reports in traditional characters: a portal's 简/繁 switch rewrites the page, and the auditor must read
 * it as it reads the simplified one. Each traditional character the engine's words use is read as its
 * simplified form, and the few words that characters alone do not give back; one character for one,
 * so that offsets within a text stay where they were.
 */
import { SIMPLIFIED, TRADITIONAL, TRADITIONAL_WORDS } from './traditional-chars';

const TO_SIMPLIFIED = new Map<string, string>([...[...TRADITIONAL].map((t, i) => [t, SIMPLIFIED[i]!] as const), ...TRADITIONAL_WORDS]);
const ANY = new RegExp(`[${TRADITIONAL}]|${TRADITIONAL_WORDS.map(([t]) => t).join('|')}`);
const EVERY = new RegExp(ANY.source, 'g');

/** The text with the engine's traditional characters and words in their simplified forms; the same string when it has none. */
export const simplified = (s: string): string => (ANY.test(s) ? s.replace(EVERY, (t) => TO_SIMPLIFIED.get(t)!) : s);
