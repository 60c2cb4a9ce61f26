/** Following a list page's report links, page after page, politely. */
import { nextPage, reportLinks } from '../lib/list';
import { auditLoaded, type Audited } from './audit';
import { errorText, loadUrl } from './sources';

export interface FollowOptions {
  /** List pages to read at most (pagination). */
  maxPages?: number;
  /** Reports fetched at once. */
  concurrency?: number;
  /** Pause before each request, in ms: portals are small servers. */
  delayMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function followList(listUrl: string, first: Document, opts: FollowOptions = {}): Promise<Audited[]> {
  const { maxPages = 20, concurrency = 3, delayMs = 150 } = opts;
  const links = new Map<string, string>();
  const visited = new Set([listUrl]);
  let doc: Document | null = first;
  let url = listUrl;
  for (let page = 0; doc && page < maxPages; page++) {
    for (const l of reportLinks(doc, url)) if (!links.has(l.url)) links.set(l.url, l.title);
    const next = nextPage(doc, url);
    if (!next || visited.has(next)) break;
    visited.add(next);
    await sleep(delayMs);
    const loaded = await loadUrl(next).catch(() => null);
    doc = loaded?.kind === 'html' ? loaded.doc : null;
    url = next;
  }
  const queue = [...links.keys()];
  const results: Audited[] = new Array(queue.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < queue.length) {
      const i = nextIndex++;
      await sleep(delayMs);
      const link = queue[i]!;
      try {
        results[i] = auditLoaded(link, await loadUrl(link), link);
      } catch (e) {
        results[i] = { entry: { source: link, detected: false, findings: [], error: errorText(e) } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return results;
}
