/**
 * `npm run audit -- [options] FILE|DIR|URL …` — audits saved pages, text extractions, folders of
 * them and live URLs with the engine the extension runs, then checks each body's consecutive years
 * against each other. One bad input never stops the rest; the exit code says whether any failed.
 */
import { limitsFromQuery } from '../lib/app/batch/limits';
import type { Finding } from '../lib/engine/model';
import type { Entry } from './entry';
import { run, type Sink } from './run';

export type { Entry } from './entry';

const USAGE = `用法 Usage: npm run audit -- [选项 options] 文件|文件夹|网址 …
  审核已保存的网页（.html/.htm/.mht）、文本（.txt）、PDF、OFD（.ofd 版式文档）、Word（.docx/.doc）、
  文件夹或网址；同一机关相邻年度的报告互相比对。
  Audits saved pages, text files, PDF, OFD and Word files, folders and URLs; compares each body's
  consecutive years.

  --json           以 JSON 数组输出（每个输入一项） / print one JSON array, one entry per input
  --jsonl          每审完一项即输出一行 JSON；跨年度问题在最后以 {"source","crossYear":[…]} 行补充
                   / one JSON line per input as soon as it is audited; cross-year findings follow
                   at the end as {"source","crossYear":[…]} lines
  --follow-links   对报告列表页，逐一审核其中链接的年报（含翻页） / audit every report a list page links to
  --concurrency=N  同时请求数（默认 3） / requests in flight (3)
  --interval=MS    相邻请求的最短间隔，毫秒（默认 500） / least time between request starts (500 ms)
  --pages=N        最多读取的列表页数（默认 20） / list pages read at most (20)
  --workers=N      审核文件的工作线程数（默认按 CPU 核数） / worker threads for files (one per core)

退出码 Exit code: 0 全部读取并审核 / every input was read and audited (findings or not);
  1 有输入无法读取或审核出错（见该项的 error） / some input could not be read or audited (see its "error");
  2 用法错误 / usage error.`;

const VALUE_OPTIONS = ['--concurrency', '--interval', '--pages', '--workers'];
const FLAGS = ['--json', '--jsonl', '--follow-links', '--help', '-h'];

/** Entries kept until the end, cross-year findings added, then printed whole (--json, the summary). */
function collecting(print: (entries: Entry[]) => void): Sink & { end(): void } {
  const entries: Entry[] = [];
  const bySource = new Map<string, Entry>();
  return {
    entry: (json) => {
      const e = JSON.parse(json) as Entry;
      entries.push(e);
      bySource.set(e.source, e);
    },
    crossYear: (source, findings) => bySource.get(source)?.findings.push(...findings),
    end: () => print(entries),
  };
}

const streaming: Sink & { end(): void } = {
  entry: (json) => process.stdout.write(json + '\n'),
  crossYear: (source: string, crossYear: Finding[]) => process.stdout.write(JSON.stringify({ source, crossYear }) + '\n'),
  end: () => undefined,
};

async function main(argv: string[]): Promise<number> {
  const options = argv.filter((a) => a.startsWith('-'));
  const inputs = argv.filter((a) => !a.startsWith('-'));
  const values = new URLSearchParams(options.filter((o) => o.includes('=')).map((o) => [o.slice(2, o.indexOf('=')), o.slice(o.indexOf('=') + 1)]));
  const flags = new Set(options.filter((o) => !o.includes('=')));
  const unknown = options.filter((o) => (o.includes('=') ? !VALUE_OPTIONS.includes(o.slice(0, o.indexOf('='))) : !FLAGS.includes(o)));
  if (flags.has('--help') || flags.has('-h') || unknown.length || !inputs.length) {
    if (unknown.length) console.error(`未知选项 Unknown option: ${unknown.join(' ')}`);
    console.error(USAGE);
    return flags.has('--help') || flags.has('-h') ? 0 : 2;
  }
  const workers = values.has('workers') ? Math.max(0, Math.min(64, Math.round(Number(values.get('workers'))) || 0)) : undefined;
  // The summary's labels load the rules' registry: only for a run that prints it.
  const formatSummary = flags.has('--jsonl') || flags.has('--json') ? null : (await import('./format')).formatSummary;
  const sink = flags.has('--jsonl')
    ? streaming
    : collecting((entries) => process.stdout.write(formatSummary ? entries.map(formatSummary).join('\n') + '\n' : JSON.stringify(entries, null, 2) + '\n'));
  const errors = await run(inputs, { follow: flags.has('--follow-links'), limits: limitsFromQuery(values), workers }, sink);
  sink.end();
  if (errors) console.error(`${errors} 项无法读取或审核出错 / ${errors} input(s) failed`);
  return errors ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: Error) => {
      console.error(`审核未能完成 / the run failed: ${e.message}`);
      process.exitCode = 1;
    },
  );
