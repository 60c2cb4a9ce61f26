/**
 * Sites the user adds beyond *.gov.cn, stored as the match pattern that both the host permission
 * and the content-script registration take. `*://` because many government sites still serve http.
 */

import { t } from './i18n';
export const GOV_CN_PATTERN = '*://*.gov.cn/*';

export type SiteInput = { ok: true; pattern: string } | { ok: false; error: string };

/** Takes what a user types: a host, `*.host`, or a URL copied from the address bar. */
export function sitePattern(input: string): SiteInput {
  let text = input.trim().toLowerCase();
  if (!text) return { ok: false, error: t('sites_empty') };
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const wildcard = text.startsWith('*.');
  if (wildcard) text = text.slice(2);
  let host: string;
  try {
    host = new URL(`https://${text}`).hostname;
  } catch {
    return { ok: false, error: t('sites_badUrl', { input: input.trim() }) };
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return { ok: false, error: t('sites_badHost', { input: input.trim() }) };
  if (host === 'gov.cn' || host.endsWith('.gov.cn')) return { ok: false, error: t('sites_govCn') };
  return { ok: true, pattern: `*://${wildcard ? '*.' : ''}${host}/*` };
}

/** `*.example.org` for `*://*.example.org/*`: what the options page lists. */
export function siteHost(pattern: string): string {
  return pattern.replace(/^\*:\/\//, '').replace(/\/\*$/, '');
}

/**
 * The host patterns a set of URLs needs, each once (`*://host/*`): what a batch audit asks
 * permission for before fetching. gov.cn hosts are included; permissions.contains() answers them
 * from the manifest.
 */
export function hostPatterns(urls: readonly string[]): string[] {
  const hosts = new Set<string>();
  for (const url of urls) {
    try {
      const u = new URL(url);
      if (/^https?:$/.test(u.protocol)) hosts.add(u.hostname);
    } catch {
      // Not a URL: nothing to ask for.
    }
  }
  return [...hosts].map((h) => `*://${h}/*`);
}
