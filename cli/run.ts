/**
 * One CLI run: expands folders, audits files across worker threads and URLs in this thread, follows
 * list pages, and hands each entry to a sink in input order as soon as it is ready. Only what the
 * cross-year checks need (each report's facts) is kept until the end; they then come as a last step.
 * A run of local files loads the engine in its threads only: this thread starts them first.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { BatchLimits } from '../lib/app/batch/limits';
import type { Finding } from '../lib/engine/model';
import { entryOf, factsOfKept, failed, keptFacts, type Audited, type AuditedLine, type KeptFacts } from './entry';
import { fileErrorText, filesIn, isUrl } from './inputs';
import { filePool } from './pool';

export interface RunOptions {
  follow: boolean;
  limits: BatchLimits;
  /** Worker threads for files; undefined picks one per core when there are enough files to pay for them. */
  workers?: number;
}

export interface Sink {
  /** Each input's entry as its JSON text, in input order (a list page's reports right after it). */
  entry(json: string): void;
  /** Cross-year findings of a report, once every input has been audited. */
  crossYear(source: string, findings: Finding[]): void;
}

/** Files per thread below which starting threads costs more than it saves. */
const FILES_PER_WORKER = 16;

type Task = { kind: 'file'; path: string } | { kind: 'url'; url: string } | { kind: 'failed'; audited: Audited };

async function tasksOf(input: string): Promise<Task[]> {
  if (isUrl(input)) return [{ kind: 'url', url: input }];
  try {
    if (!(await stat(input)).isDirectory()) return [{ kind: 'file', path: input }];
    const files = await filesIn(input);
    if (!files.length) return [{ kind: 'failed', audited: failed(input, '文件夹中没有可审核的文件（网页、文本、PDF、Word）') }];
    return files.map((path) => ({ kind: 'file', path }));
  } catch (e) {
    return [{ kind: 'failed', audited: failed(input, fileErrorText(e) ?? (e as Error).message) }];
  }
}

/**
 * Inputs audited ahead of the one printed next: enough to keep every thread busy while an input
 * that takes longer holds the order, few enough that memory does not grow with the number of inputs.
 */
const AHEAD_PER_THREAD = 16;

/** Reading URLs and following links: fetching, the batch runner, the engine in this thread. */
async function webReader(intervalMs: number) {
  const [{ auditUrl }, { followList }, { abortableSleep, requestGate }] = await Promise.all([
    import('./audit-input'),
    import('./follow'),
    import('../lib/app/batch/runner'),
  ]);
  // One gate per run: the inputs may share a portal.
  const gate = requestGate(intervalMs, () => performance.now(), abortableSleep);
  return { auditUrl: (url: string) => auditUrl(url, gate), followList };
}

/** Runs the inputs through the sink; resolves to the number of entries that have an error. */
export async function run(inputs: string[], opts: RunOptions, sink: Sink): Promise<number> {
  const tasks = (await Promise.all(inputs.map(tasksOf))).flat();
  const files = tasks.filter((t) => t.kind === 'file').length;
  const workers = opts.workers ?? (files >= 2 * FILES_PER_WORKER ? Math.min(availableParallelism(), Math.ceil(files / FILES_PER_WORKER)) : 0);
  const pool = filePool(workers);
  // Loaded once the threads are at work, not before they start.
  let crossYear: Promise<typeof import('../lib/engine/cross-year')> | undefined;
  const web = opts.follow || tasks.some((t) => t.kind === 'url') ? await webReader(opts.limits.intervalMs) : null;
  // The user named these hosts: a local mirror there is theirs to audit.
  const trusted = inputs.filter((u) => isUrl(u) && URL.canParse(u)).map((u) => new URL(u).host);
  // Files go to the pool, URLs one after another and spaced like the batch's requests; results are taken in input order.
  let urls = Promise.resolve();
  const begin = (t: Task): Promise<Audited | AuditedLine> => {
    if (t.kind === 'failed') return Promise.resolve(t.audited);
    if (t.kind === 'file') return pool.audit(t.path);
    const done = urls.then(() => web!.auditUrl(t.url));
    urls = done.then(() => undefined);
    return done;
  };
  const ahead = AHEAD_PER_THREAD * Math.max(1, workers);
  const results: (Promise<Audited | AuditedLine> | undefined)[] = [];
  let begun = 0;

  const facts: KeptFacts[] = [];
  let errors = 0;
  const emit = (a: Audited | AuditedLine) => {
    if (a.facts) facts.push('entry' in a ? keptFacts(a.facts) : a.facts);
    if ('entry' in a ? a.entry.error : a.error) errors++;
    sink.entry('entry' in a ? JSON.stringify(a.entry) : a.line);
    for (const part of a.more ?? []) emit(part);
  };
  try {
    for (let i = 0; i < tasks.length; i++) {
      for (; begun < tasks.length && begun < i + ahead; begun++) results[begun] = begin(tasks[begun]!);
      const audited = await results[i]!;
      results[i] = undefined; // printed: nothing of it needs to stay
      crossYear ??= import('../lib/engine/cross-year');
      if (web && opts.follow && audited.attachments?.length) {
        emit(audited);
        // The report is in its attached files: each is audited as an input of its own, linked from the page.
        const source = entryOf(audited).source;
        for (const url of audited.attachments) {
          const file = await web.auditUrl(url);
          emit({ ...file, entry: { ...file.entry, linkedFrom: source } });
        }
        continue;
      }
      if (!web || !opts.follow || !audited.list) {
        emit(audited);
        continue;
      }
      const entry = entryOf(audited);
      const { reports, listError } = await web.followList(audited.list, opts.limits, trusted);
      const skipped = audited.list.links.length - reports.length;
      // The runner fetches http(s) only: links to local files of a saved list page are not followed.
      const reason = `报告列表页：找到 ${reports.length} 个报告链接${skipped > 0 ? `（另有 ${skipped} 个非 http(s) 链接未跟随）` : ''}`;
      emit({ entry: { ...entry, links: reports.length, reason, ...(listError && { error: listError }) } });
      for (const r of reports) emit({ ...r, entry: { ...r.entry, linkedFrom: entry.source } });
    }
  } finally {
    await pool.close();
  }

  const { crossYearFindings, previousFinder } = await (crossYear ?? import('../lib/engine/cross-year'));
  const all = facts.map(factsOfKept);
  const find = previousFinder(all);
  for (const f of all) {
    const found = crossYearFindings(f, find);
    if (found.length) sink.crossYear(f.source, found);
  }
  return errors;
}
