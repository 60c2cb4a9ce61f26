/** Following a list page's report links, page after page, politely. */
import { abortableSleep, requestGate } from '../lib/app/batch/runner';
import { nextPage, reportLinks } from '../lib/engine/list';
import { auditLoaded, type Audited } from './audit';
import { errorText, loadUrl } from './sources';

export interface FollowOptions {
  /** List pages to read at most (pagination). */
  maxPages?: number;
  /** Reports fetched at once. */
  concurrency?: number;
  /** Least time between two request starts, in ms: portals are small servers. */
  delayMs?: number;
}

export async function followList(listUrl: string, first: Document, opts: FollowOptions = {}): Promise<Audited[]> {
  const { maxPages = 20, concurrency = 3, delayMs = 150 } = opts;
  // Spaced as the extension's batch audit spaces its requests, whichever worker makes them.
  const never = new AbortController().signal;
  const gate = requestGate(delayMs, () => performance.now(), abortableSleep);
  const links = new Map<string, string>();
  const visited = new Set([listUrl]);
  let doc: Document | null = first;
  let url = listUrl;
  for (let page = 0; doc && page < maxPages; page++) {
    for (const l of reportLinks(doc, url)) if (!links.has(l.url)) links.set(l.url, l.title);
    const next = nextPage(doc, url);
    if (!next || visited.has(next)) break;
    visited.add(next);
    await gate(never);
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
      await gate(never);
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
