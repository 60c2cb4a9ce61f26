/** --follow-links on a report page that only links its report as PDF/Word files: audit the files. */
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { attachmentLinks } from '../lib/engine/list';
import { errorText, loadUrl, type Loaded } from './sources';

interface Followed {
  entry: { source: string; detected: boolean; findings: unknown[]; error?: string; linkedFrom?: string };
  loaded?: Loaded;
}

/** The attached files of an attachment-only page, each audited as its own input, linked from the page. */
export async function followAttachments<A extends Followed>(page: A, audit: (source: string, loaded: Loaded, url: string) => A): Promise<A[]> {
  if (page.loaded?.kind !== 'html') return [];
  const source = page.entry.source;
  const base = /^https?:/i.test(source) ? source : pathToFileURL(resolvePath(source)).toString();
  const out: A[] = [];
  for (const { url } of attachmentLinks(page.loaded.doc, base)) {
    try {
      const a = audit(url, await loadUrl(url), url);
      out.push({ ...a, entry: { ...a.entry, linkedFrom: source } });
    } catch (e) {
      out.push({ entry: { source: url, detected: false, findings: [], error: errorText(e), linkedFrom: source } } as unknown as A);
    }
  }
  return out;
}
