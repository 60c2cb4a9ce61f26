/**
 * Settings changes as the options page asks for them, and the stored settings' versions. Pure: the
 * background applies these to the one stored copy (store/settings.ts).
 */
import * as z from 'zod/mini';
import { LANGUAGE_SETTINGS } from './i18n';
import { DEFAULT_SETTINGS, Settings } from './schema';
import { siteHost, sitePattern } from './sites';

/** A pattern sitePattern() would make itself: it becomes a host permission and a content-script match. */
const isSitePattern = (p: string) => {
  const again = sitePattern(siteHost(p));
  return again.ok && again.pattern === p;
};

/** One edit: a page sends what the user changed, never a whole settings object read earlier. */
export const SettingsChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('auditor'), auditor: z.string().check(z.maxLength(200)) }),
  z.object({ kind: z.literal('rule'), ruleId: z.string().check(z.regex(/^[a-z0-9-]{1,80}$/)), enabled: z.boolean() }),
  /** A match pattern as lib/app/sites.ts makes it; checked again here, the pattern becomes a host permission. */
  z.object({
    kind: z.literal('site'),
    site: z.string().check(z.refine(isSitePattern, '不是有效的网站匹配模式')),
    present: z.boolean(),
  }),
  z.object({ kind: z.literal('language'), language: z.enum(LANGUAGE_SETTINGS) }),
]);
export type SettingsChange = z.infer<typeof SettingsChange>;

export function applySettingsChange(s: Settings, change: SettingsChange): Settings {
  switch (change.kind) {
    case 'auditor':
      return { ...s, auditor: change.auditor.trim() };
    case 'rule':
      return { ...s, disabledRules: change.enabled ? s.disabledRules.filter((r) => r !== change.ruleId) : [...new Set([...s.disabledRules, change.ruleId])] };
    case 'language':
      return { ...s, language: change.language };
    case 'site':
      return { ...s, sites: change.present ? [...new Set([...s.sites, change.site])] : s.sites.filter((p) => p !== change.site) };
  }
}

/**
 * Version 1 is the unversioned object stored before settings had versions, which every page wrote
 * on its own: a field may be missing or damaged. Version 2 keeps each valid field and defaults the
 * others, where reading v1 used to drop the whole object when one field was bad.
 */
export function settingsV2(v1: unknown): Settings {
  const old = typeof v1 === 'object' && v1 !== null ? (v1 as Record<string, unknown>) : {};
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = Settings.shape[key].safeParse(old[key]);
    return parsed.success ? (parsed.data as Settings[K]) : DEFAULT_SETTINGS[key];
  };
  const language = field('language');
  return { auditor: field('auditor'), disabledRules: field('disabledRules'), sites: field('sites'), ...(language && { language }) };
}

/** A stored value that does not parse (written by hand, or a failed migration) reads as the defaults. */
export function readSettings(stored: unknown): Settings {
  const parsed = Settings.safeParse(stored);
  return parsed.success ? parsed.data : settingsV2(stored);
}
