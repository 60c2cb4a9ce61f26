/**
 * Runs a batch job: reads the list's further pages for links, then fetches, audits and stores each
 * pending link, a few at a time and spaced out. Every change is persisted before the next one, so
 * an interrupted run (Cancel, a closed tab, a browser restart) resumes with the pending links only.
 */
import type { FileReaders } from '../../engine/audit-file';
import { attachmentLinks, nextPage, reportLinks } from '../../engine/list';
import type { ReportSnapshot } from '../../engine/snapshot';
import { READABLE_FILE } from '../../engine/source/file-kind';
import { auditFetched, auditFetchedFile, fetchPage, LinkError, type Fetched } from './audit-link';
import { checkedHops, type HiddenRedirects } from './hops';
import { addListPage, isFinished, markDone, markFailed, pendingLinks, stopPagination, type BatchJob, type LinkResult, type StoredReport } from './job';
import type { BatchLimits } from './limits';

export interface RunDeps {
  fetch: typeof fetch;
  /** HTML text to a Document (DOMParser in the batch page; the service worker has none). */
  parse(html: string): Document;
  disabledRules: readonly string[];
  /**
   * Stores an audit like a page audited by hand (audit:save), and names what was stored; `part`
   * (from 1) names a compilation's report, stored as a record of its own (`url#part=N`).
   */
  save(report: ReportSnapshot, part?: number, parts?: number): Promise<StoredReport>;
  /** Writes the job where a reopened page finds it. Calls come one at a time, in order. */
  persist(job: BatchJob): Promise<void>;
  /** After every change: the job and the URLs being fetched now. */
  onChange(job: BatchJob, active: readonly string[]): void;
  /** Host patterns among these URLs that the extension may not fetch yet. */
  missingHosts(urls: string[]): Promise<string[]>;
  now(): number;
  /** Resolves after `ms`, rejects once `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /**
   * Hosts (`host:port`) the user named himself, fetched even when local: the CLI auditing a mirror
   * on 127.0.0.1. The extension names none.
   */
  trustedHosts?: readonly string[];
  /**
   * PDF/Word readers (pdf.js's shipped assets, an HTML parser): with them a link to a file, or a
   * report page that only links its report as files, is read and audited; without them (the CLI's
   * --follow-links, which reads attachments itself) such a report is stored as attachment-only.
   */
  files?: FileReaders;
  /**
   * How the extension's page learns where a manual redirect points (a browser hides its Location):
   * the browser's own report of the request (redirect-log.ts). The CLI's fetch shows it and needs none.
   */
  hidden?: HiddenRedirects;
}

export type RunEnd =
  | { kind: 'finished'; job: BatchJob }
  /** Cancelled: what is still pending stays pending. */
  | { kind: 'stopped'; job: BatchJob }
  /** Nothing fetched from these hosts until the user grants them. */
  | { kind: 'needs-access'; job: BatchJob; hosts: string[] };

/** setTimeout as a promise that rejects with the signal's reason once it aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const done = () => {
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}

export interface RequestGate {
  /** Resolves when the caller may start its request; rejects once `signal` aborts. */
  (signal: AbortSignal): Promise<void>;
  /** Records a request start as it happens (called by the fetch itself). */
  started(): void;
}

/**
 * Spaces actual request starts at least `intervalMs` apart, whichever worker starts them. Turns are
 * taken one at a time and measured from the previous start as it happened, not as it was
 * scheduled: a timer that fires late, or a request that starts late (the page busy parsing), cannot
 * let two requests go together.
 */
export function requestGate(intervalMs: number, now: () => number, sleep: RunDeps['sleep']): RequestGate {
  let lastStart = -Infinity;
  let previous: Promise<unknown> = Promise.resolve();
  const started = () => {
    lastStart = Math.max(lastStart, now());
  };
  const gate = (signal: AbortSignal) => {
    const turn = previous.then(async () => {
      for (let wait = lastStart + intervalMs - now(); wait > 0; wait = lastStart + intervalMs - now()) await sleep(wait, signal);
      if (signal.aborted) throw signal.reason;
      started(); // Reserved now; the fetch records its real start again.
    });
    previous = turn.catch(() => undefined);
    return turn;
  };
  return Object.assign(gate, { started });
}

/** Writes the latest job after the writes before it: two workers finishing at once cannot reorder the record. */
function serialWriter(persist: RunDeps['persist']): (job: BatchJob) => Promise<void> {
  let chain = Promise.resolve();
  let latest: BatchJob;
  return (job) => {
    latest = job;
    chain = chain.then(() => persist(latest));
    return chain;
  };
}

/** What went wrong with a link, in words for the user: never a bare stack or engine message. */
export function linkErrorText(e: unknown): string {
  if (e instanceof LinkError) return e.message;
  const err = e as Error | undefined;
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return '请求超时';
  // The browser says no more than "Failed to fetch": name the likely causes rather than a vague 网络错误.
  if (err instanceof TypeError) return `无法连接网站（服务器无响应、拒绝连接、网址无法解析，或网站拒绝了扩展的请求）：${err.message}`;
  if (err instanceof RangeError && /call stack/i.test(err.message)) return '页面嵌套过深，无法处理';
  return err?.message ?? String(e);
}

/** Attachments of one report page tried at most: a report page links its report, maybe a form or two. */
const MAX_ATTACHMENTS = 3;

export async function runJob(start: BatchJob, deps: RunDeps, limits: BatchLimits, signal: AbortSignal): Promise<RunEnd> {
  let job = start;
  const write = serialWriter(deps.persist);
  const gate = requestGate(limits.intervalMs, deps.now, deps.sleep);
  const request = () => AbortSignal.any([signal, AbortSignal.timeout(limits.timeoutMs)]);
  // Each hop of a link is checked and waits its turn like a request; the link's own host was checked before the run fetched anything.
  const guard = checkedHops(deps.missingHosts, { trustedHosts: deps.trustedHosts, wait: () => gate(signal) });
  const fetchNow: typeof fetch = (input, init) => {
    gate.started();
    return deps.fetch(input, init);
  };
  const fetchOptions = { readFiles: !!deps.files, hidden: deps.hidden };

  /** The reports of the first of a page's attachments that reads as a report; null when none does (then the page's own record stands). */
  const readAttachments = async (page: Extract<Fetched, { kind: 'page' }>): Promise<ReportSnapshot[] | null> => {
    const files = attachmentLinks(deps.parse(page.text), page.url).filter((a) => READABLE_FILE.test(a.url));
    for (const a of files.slice(0, MAX_ATTACHMENTS)) {
      if (signal.aborted) throw signal.reason;
      // A file on a site not granted is not asked for in the middle of a run: the page's record names it.
      if ((await deps.missingHosts([a.url])).length) continue;
      try {
        await gate(signal);
        const fetched = await fetchPage(a.url, fetchNow, request(), guard, fetchOptions);
        if (fetched.kind === 'file') return await auditFetchedFile(fetched, deps.files!, deps.disabledRules);
      } catch (e) {
        if (signal.aborted) throw e;
      }
    }
    return null;
  };

  /** What to store for a link (each report of a compilation), and the file it was read from, if any. */
  const auditLink = async (link: { url: string; title: string }): Promise<{ reports: ReportSnapshot[]; attachment: boolean; file?: string }> => {
    const fetched = await fetchPage(link.url, fetchNow, request(), guard, fetchOptions);
    if (fetched.kind === 'file') return { reports: await auditFetchedFile(fetched, deps.files!, deps.disabledRules), attachment: true, file: fetched.url };
    const reports = auditFetched(fetched, { title: link.title, disabledRules: deps.disabledRules, parse: deps.parse });
    // A report page without tables may only link its report as files (judged by what was read, not by a rule the user may have turned off).
    if (fetched.kind === 'page' && deps.files && reports.length === 1 && reports[0]!.tables.length === 0) {
      const fromFile = await readAttachments(fetched);
      if (fromFile) return { reports: fromFile, attachment: true, file: fromFile[0]!.url };
    }
    return { reports, attachment: fetched.kind === 'attachment' };
  };
  /** Each report stored, one after another; a compilation's as its parts, the first standing for the link. */
  const saveReports = async (reports: ReportSnapshot[]): Promise<Omit<LinkResult, 'attachment' | 'file'>> => {
    const saved: StoredReport[] = [];
    for (const [i, report] of reports.entries()) saved.push(await deps.save(report, reports.length > 1 ? i + 1 : undefined, reports.length));
    const [first, ...more] = saved;
    return more.length ? { ...first!, more } : first!;
  };
  // Saved before shown: a link the page shows as done is one a reopened page will not fetch again.
  const changed = async (active: readonly string[] = []) => {
    const saved = job;
    await write(saved);
    deps.onChange(saved, active);
  };

  // Pagination first: the whole list is known before any report is fetched, and shown as the total.
  while (job.nextListPage && !signal.aborted) {
    const pageUrl = job.nextListPage;
    const hosts = await deps.missingHosts([pageUrl]);
    if (hosts.length) return { kind: 'needs-access', job, hosts };
    try {
      await gate(signal);
      const fetched = await fetchPage(pageUrl, fetchNow, request(), guard, { hidden: deps.hidden });
      if (fetched.kind !== 'page') throw new LinkError('下一页是附件，不是列表页');
      const doc = deps.parse(fetched.text);
      job = addListPage(job, pageUrl, reportLinks(doc, fetched.url), nextPage(doc, fetched.url), limits.maxListPages, deps.now());
    } catch (e) {
      if (signal.aborted) break;
      job = stopPagination(job, `翻页到 ${pageUrl} 时出错：${linkErrorText(e)}`, deps.now());
    }
    await changed();
  }
  if (signal.aborted) return { kind: 'stopped', job };

  const queue = pendingLinks(job);
  const hosts = await deps.missingHosts(queue.map((l) => l.url));
  if (hosts.length) return { kind: 'needs-access', job, hosts };
  const active = new Set<string>();
  const worker = async () => {
    for (let link = queue.shift(); link && !signal.aborted; link = queue.shift()) {
      try {
        await gate(signal);
      } catch {
        break; // Cancelled while waiting its turn: the link stays pending.
      }
      active.add(link.url);
      deps.onChange(job, [...active]);
      try {
        const { reports, ...from } = await auditLink(link);
        const saved = await saveReports(reports);
        job = markDone(job, link.url, { ...saved, ...from }, deps.now());
      } catch (e) {
        // A fetch cut off by Cancel is not a failure: the link stays pending for Resume.
        if (!signal.aborted) job = markFailed(job, link.url, linkErrorText(e), deps.now());
      }
      active.delete(link.url);
      await changed([...active]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limits.concurrency, queue.length) }, worker));
  await changed();
  return isFinished(job) ? { kind: 'finished', job } : { kind: 'stopped', job };
}
