import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { attachmentAudit, auditFetched, fetchPage } from '@/lib/app/batch/audit-link';
import { createJob, progressOf, type BatchJob } from '@/lib/app/batch/job';
import { DEFAULT_LIMITS } from '@/lib/app/batch/limits';
import { abortableSleep, requestGate, runJob, type RunDeps } from '@/lib/app/batch/runner';
import { partKey } from '@/lib/engine/finding-id';
import { reportLinks } from '@/lib/engine/list';
import { auditBytes, NODE_READERS } from '../../cli/files';
import { FILES, PDF_REPORT_FILES } from '../portal/pages';
import { getReportState, saveAudit } from '@/store/reports';
import { loadAllAudits } from '@/store/transfer';
import { freshDb } from '../helpers/audits';
import { htmlDoc } from '../helpers/fixtures';
import { onePart } from '../helpers/one-part';
import { startPortal, type Portal } from '../portal/server';
import { SYNTHETIC_REPORT_COUNT } from '../portal/synthetic';

let portal: Portal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(() => portal?.close());

const FAST = { ...DEFAULT_LIMITS, intervalMs: 5 };

/** The job the content script would send from the portal's first list page. */
async function firstPageJob(): Promise<BatchJob> {
  const url = portal.url('/portal/list.html', '127.0.0.1');
  const doc = htmlDoc(await (await fetch(url)).text());
  return createJob({ id: 'j', listUrl: url, listTitle: doc.title, links: reportLinks(doc, url), next: new URL('list_1.html', url).toString(), now: 0 });
}

/** Real fetch and store (fake-indexeddb), linkedom for DOMParser; every persisted job kept. */
function deps(over: Partial<RunDeps> = {}) {
  const db = freshDb();
  const persisted: BatchJob[] = [];
  const d: RunDeps = {
    fetch,
    parse: htmlDoc,
    disabledRules: [],
    // Keyed as the background keys audit:save: a compilation's part by its page and part.
    save: async (report, part) => {
      const { record } = await saveAudit(db, part ? { ...report, url: partKey(report.url, part) } : report, Date.now());
      return { reportId: record.id, agency: record.agency, year: record.year };
    },
    persist: async (job) => void persisted.push(job),
    onChange: () => undefined,
    missingHosts: async () => [],
    now: () => Date.now(),
    sleep: abortableSleep,
    // The portal runs on 127.0.0.1, which a run refuses unless the user named it (as the CLI does).
    trustedHosts: [`127.0.0.1:${portal.port}`],
    ...over,
  };
  return { d, db, persisted };
}

const rulesOf = async (db: ReturnType<typeof freshDb>, slug: string, year: number) =>
  (await loadAllAudits(db)).reports.find((r) => r.url.includes(`/${year}/${slug}/`))!.findings.map((f) => f.rule);

describe('runJob', () => {
  it('collects both list pages, audits every report and stores them with the cross-year findings the CLI finds', async () => {
    const { d, db, persisted } = deps();
    const end = await runJob(await firstPageJob(), d, FAST, new AbortController().signal);
    expect(end.kind).toBe('finished');
    expect(progressOf(end.job)).toEqual({
      total: SYNTHETIC_REPORT_COUNT,
      done: SYNTHETIC_REPORT_COUNT,
      failed: 0,
      pending: 0,
      reports: SYNTHETIC_REPORT_COUNT,
    });
    expect(end.job.listPagesRead).toHaveLength(2);
    expect(persisted.at(-1)).toEqual(end.job);
    expect((await loadAllAudits(db)).reports).toHaveLength(SYNTHETIC_REPORT_COUNT);
    expect(await rulesOf(db, 'sfj', 2023)).toEqual(['cross-year-carryover', 'cross-year-carryover']);
    expect(await rulesOf(db, 'zjj', 2023)).toEqual(['cross-year-in-force']);
    expect(await rulesOf(db, 'jtj', 2023)).toEqual(['cross-year-carryover', 'cross-year-carryover']);
    expect(await rulesOf(db, 'scjgj', 2023)).toEqual(['report-attachment-only']);
    expect(await rulesOf(db, 'sfj', 2022)).toEqual([]);
    expect(end.job.links.find((l) => l.url.includes('/2023/jtj/'))!.result).toMatchObject({ agency: '示范市交通运输局', year: 2023, attachment: false });
  });

  it('keeps to the concurrency limit and spaces request starts', async () => {
    let inFlight = 0;
    let most = 0;
    const starts: number[] = [];
    const counting: typeof fetch = async (input, init) => {
      starts.push(Date.now());
      most = Math.max(most, ++inFlight);
      try {
        await abortableSleep(30, init!.signal!);
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const { d } = deps({ fetch: counting });
    const job = await firstPageJob();
    await runJob({ ...job, nextListPage: null }, d, { ...FAST, concurrency: 2, intervalMs: 20 }, new AbortController().signal);
    expect(most).toBe(2);
    expect(starts).toHaveLength(12);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(19);
  });

  it('stops on cancel with unfinished links pending, and a resumed run fetches those only', async () => {
    const fetched: string[] = [];
    const controller = new AbortController();
    const { d, db } = deps({
      fetch: (input, init) => {
        fetched.push(String(input));
        return fetch(input, init);
      },
      onChange: (job) => {
        if (progressOf(job).done >= 5) controller.abort();
      },
    });
    const first = await runJob(await firstPageJob(), d, FAST, controller.signal);
    expect(first.kind).toBe('stopped');
    const { done, pending } = progressOf(first.job);
    expect(done).toBeGreaterThanOrEqual(5);
    expect(pending).toBe(SYNTHETIC_REPORT_COUNT - done);
    const doneUrls = first.job.links.filter((l) => l.status === 'done').map((l) => l.url);

    fetched.length = 0;
    const second = await runJob(first.job, d, FAST, new AbortController().signal);
    expect(second.kind).toBe('finished');
    expect(progressOf(second.job).done).toBe(SYNTHETIC_REPORT_COUNT);
    expect(fetched.filter((u) => doneUrls.includes(u))).toEqual([]);
    expect(fetched.some((u) => u.includes('list'))).toBe(false); // pagination was already done
    expect((await loadAllAudits(db)).reports).toHaveLength(SYNTHETIC_REPORT_COUNT);
  });

  it('marks unreachable links and non-reports failed, and goes on with the rest', async () => {
    const { d } = deps();
    const job = createJob({
      id: 'j',
      listUrl: portal.url('/portal/list.html', '127.0.0.1'),
      listTitle: '',
      links: [
        { url: portal.url('/nope.html', '127.0.0.1'), title: '示范市某局2023年政府信息公开工作年度报告' },
        { url: portal.url('/reports/nonreport-list.html', '127.0.0.1'), title: '示范市某局2022年政府信息公开工作年度报告' },
        { url: portal.url('/reports/001-semantic.html', '127.0.0.1'), title: '开封市2023年政府信息公开工作年度报告' },
      ],
      next: null,
      now: 0,
    });
    const end = await runJob(job, d, FAST, new AbortController().signal);
    expect(end.job.links.map((l) => [l.status, l.error])).toEqual([
      ['failed', '服务器返回 HTTP 404'],
      ['failed', expect.stringMatching(/^不是年度报告：/)],
      ['done', undefined],
    ]);
  });

  it('asks for hosts it may not fetch before fetching anything', async () => {
    let calls = 0;
    const { d } = deps({
      fetch: async () => {
        calls++;
        return new Response('');
      },
      missingHosts: async (urls) => (urls.length ? ['*://127.0.0.1/*'] : []),
    });
    const end = await runJob(await firstPageJob(), d, FAST, new AbortController().signal);
    expect(end).toMatchObject({ kind: 'needs-access', hosts: ['*://127.0.0.1/*'] });
    expect(calls).toBe(0);
  });
});

describe('runJob with file readers', () => {
  /** The PDF list of the test portal: one report page that only links its PDF, the others straight to their PDFs. */
  async function pdfListJob(): Promise<BatchJob> {
    const url = portal.url('/pdf-portal/list.html', '127.0.0.1');
    const doc = htmlDoc(await (await fetch(url)).text());
    return createJob({ id: 'p', listUrl: url, listTitle: doc.title, links: reportLinks(doc, url), next: null, now: 0 });
  }

  it('audits every PDF of a list, and the PDF a report page only links, stored under the file’s URL with the CLI’s findings', async () => {
    const { d, db } = deps({ files: NODE_READERS });
    const job = await pdfListJob();
    expect(job.links).toHaveLength(PDF_REPORT_FILES.length);
    const end = await runJob(job, d, FAST, new AbortController().signal);
    expect(progressOf(end.job)).toEqual({
      total: PDF_REPORT_FILES.length,
      done: PDF_REPORT_FILES.length,
      failed: 0,
      pending: 0,
      reports: PDF_REPORT_FILES.length,
    });
    const stored = (await loadAllAudits(db)).reports;
    for (const name of PDF_REPORT_FILES) {
      const fileUrl = portal.url(`/files/pdf/${name}`, '127.0.0.1');
      // The same file through the CLI's reader: the batch must store exactly what it finds.
      const cli = onePart((await auditBytes(new Uint8Array(FILES[`/files/pdf/${name}`]!.body()), name, 'application/pdf', fileUrl)).audit);
      if (!cli.detected) throw new Error(`${name} is not read as a report by the CLI`);
      const record = stored.find((r) => r.url === fileUrl);
      expect(record, name).toBeDefined();
      expect(record!.agency).toBe(cli.report.agency);
      expect(record!.findings.map((f) => [f.rule, f.cells])).toEqual(cli.findings.map((f) => [f.rule, f.cells]));
      expect(record!.findings.map((f) => f.rule)).not.toContain('report-attachment-only');
      const link = end.job.links.find((l) => l.result?.file === fileUrl);
      expect(link?.result).toMatchObject({ attachment: true, file: fileUrl });
    }
    // The report page itself is not stored: its report is the file.
    expect(stored.map((r) => r.url)).not.toContain(portal.url('/pdf-portal/attachment-page.html', '127.0.0.1'));
    expect(stored).toHaveLength(PDF_REPORT_FILES.length);
  }, 60_000);

  it('keeps a report page whose attachment cannot be fetched as attachment-only, and names attachments without readers', async () => {
    const { d, db } = deps({ files: NODE_READERS });
    // 2023 市场监管局's page only links /files/scjgj-2023.pdf, which the portal does not have (404).
    const page = portal.url('/portal/2023/scjgj/t20240120_52023.html', '127.0.0.1');
    const job = createJob({
      id: 's',
      listUrl: portal.url('/portal/list.html', '127.0.0.1'),
      listTitle: '',
      links: [{ url: page, title: '示范市市场监督管理局2023年政府信息公开工作年度报告' }],
      next: null,
      now: 0,
    });
    const end = await runJob(job, d, FAST, new AbortController().signal);
    expect(end.job.links[0]).toMatchObject({ status: 'done', result: { attachment: false } });
    expect(end.job.links[0]!.result!.file).toBeUndefined();
    expect(await rulesOf(db, 'scjgj', 2023)).toEqual(['report-attachment-only']);

    // Without readers (the CLI's batch), a PDF link is stored as attachment-only and never fetched.
    const plain = deps();
    const pdfJob = await pdfListJob();
    const direct = pdfJob.links.filter((l) => l.url.endsWith('.pdf'));
    const before = portal.requests.get(new URL(direct[0]!.url).pathname) ?? 0;
    const ended = await runJob({ ...pdfJob, links: direct }, plain.d, FAST, new AbortController().signal);
    expect(ended.job.links.every((l) => l.status === 'done' && l.result?.attachment && !l.result.file)).toBe(true);
    expect(portal.requests.get(new URL(direct[0]!.url).pathname) ?? 0).toBe(before);
  }, 60_000);
});

describe('requestGate', () => {
  it('lets the first request start at once and spaces the next ones', async () => {
    let t = 1000;
    const slept: number[] = [];
    // A fake clock that the sleeps advance: the gate measures from starts as they happened.
    const gate = requestGate(
      500,
      () => t,
      async (ms) => {
        slept.push(ms);
        t += ms;
      },
    );
    const signal = new AbortController().signal;
    await Promise.all([gate(signal), gate(signal), gate(signal)]);
    t = 3000;
    await gate(signal);
    expect(slept).toEqual([500, 500]);
  });
  it('measures from the request’s real start when it started late', async () => {
    let t = 0;
    const slept: number[] = [];
    const gate = requestGate(
      500,
      () => t,
      async (ms) => {
        slept.push(ms);
        t += ms;
      },
    );
    const signal = new AbortController().signal;
    await gate(signal);
    t = 300; // the request itself went out 300 ms after its turn (the thread was busy)
    gate.started();
    await gate(signal);
    expect(t).toBe(800);
    expect(slept).toEqual([500]);
  });
});

describe('one link', () => {
  const signal = new AbortController().signal;
  const respond =
    (body: BodyInit, type: string, status = 200) =>
    async () =>
      new Response(body, { status, headers: { 'content-type': type } });

  it('does not fetch a link to a PDF or Word file, and stores it with one attachment-only finding', async () => {
    const fetched = await fetchPage('https://a.gov.cn/files/2023年报.pdf', () => Promise.reject(new Error('fetched')), signal);
    expect(fetched).toEqual({ kind: 'attachment', url: 'https://a.gov.cn/files/2023年报.pdf' });
    const [report, ...more] = auditFetched(fetched, { title: '示范市统计局2023年政府信息公开工作年度报告', disabledRules: [], parse: htmlDoc });
    expect(more).toEqual([]);
    expect(report).toMatchObject({ agency: '示范市统计局', year: 2023, layout: 'unknown', values: {} });
    expect(report!.findings).toEqual([
      expect.objectContaining({ rule: 'report-attachment-only', severity: 'warning', actual: 'https://a.gov.cn/files/2023年报.pdf' }),
    ]);
    expect(attachmentAudit('https://a.gov.cn/x.pdf', 'x', ['report-attachment-only']).findings).toEqual([]);
  });

  it('knows an attachment by its content type', async () => {
    expect(await fetchPage('https://a.gov.cn/download.do?id=3', respond('%PDF-1.4', 'application/pdf'), signal)).toMatchObject({ kind: 'attachment' });
  });

  it('reads a file by its first bytes when asked to, whatever the link or Content-Type say', async () => {
    const files = { readFiles: true };
    const pdf = await fetchPage('https://a.gov.cn/download.do?id=3', respond('%PDF-1.4 …', 'text/html'), signal, undefined, files);
    expect(pdf).toMatchObject({ kind: 'file', url: 'https://a.gov.cn/download.do?id=3' });
    const zipHead = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(await fetchPage('https://a.gov.cn/r.docx', respond(zipHead, 'application/octet-stream'), signal, undefined, files)).toMatchObject({ kind: 'file' });
    // A spreadsheet is a zip too, but no Word file: named as an attachment, not read.
    expect(await fetchPage('https://a.gov.cn/r.xlsx', respond(zipHead, 'application/octet-stream'), signal, undefined, files)).toEqual({
      kind: 'attachment',
      url: 'https://a.gov.cn/r.xlsx',
    });
    // An OFD is a zip too: read, whether its link says .ofd or not (the zip lists OFD.xml); a zip named .ofd by its link is one.
    const ofd = zipSync({ 'OFD.xml': strToU8('<ofd:OFD/>') });
    expect(await fetchPage('https://a.gov.cn/download.do?id=9', respond(ofd, 'application/octet-stream'), signal, undefined, files)).toMatchObject({
      kind: 'file',
    });
    expect(await fetchPage('https://a.gov.cn/r.ofd', respond(zipHead, 'application/ofd'), signal, undefined, files)).toMatchObject({ kind: 'file' });
    // A .pdf link that answers with an HTML page is read as the page it is.
    expect(await fetchPage('https://a.gov.cn/r.pdf', respond('<html><title>年报</title></html>', 'text/html'), signal, undefined, files)).toMatchObject({
      kind: 'page',
    });
  });

  it('decodes a GBK page by its Content-Type', async () => {
    const gbk = new Uint8Array([0xc4, 0xea, 0xb1, 0xa8]); // 年报
    expect(await fetchPage('https://a.gov.cn/r.html', respond(gbk, 'text/html; charset=GBK'), signal)).toMatchObject({ kind: 'page', text: '年报' });
  });

  it('stores a fetched report as the content script would', async () => {
    const url = portal.url('/portal/2022/sfj/t20230120_32022.html', '127.0.0.1');
    const [report, ...more] = auditFetched(await fetchPage(url, fetch, signal), { title: '', disabledRules: ['published-late'], parse: htmlDoc });
    expect(more).toEqual([]);
    expect(report).toMatchObject({ url, agency: '示范市司法局', year: 2022, layout: '2021', tables: ['t2', 't3', 't4'] });
    const db = freshDb();
    await saveAudit(db, report!, 1);
    expect(await getReportState(db, url)).not.toBeNull();
  });
});
