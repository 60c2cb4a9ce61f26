import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob, progressOf } from '@/lib/app/batch/job';
import { DEFAULT_LIMITS } from '@/lib/app/batch/limits';
import { abortableSleep, runJob, type RunDeps } from '@/lib/app/batch/runner';
import { partKey } from '@/lib/engine/finding-id';
import { loadAllAudits } from '@/store/transfer';
import { saveAudit } from '@/store/reports';
import { NODE_READERS } from '../../cli/files';
import { RULED } from '../fixtures/build-pdf';
import { freshDb } from '../helpers/audits';
import { bodyAgency, bodyTitle, fileCompilationHtml, pageOf, PLANTED_BODY, reportSection } from '../helpers/compilation';
import { htmlDoc } from '../helpers/fixtures';
import { PdfPrinter } from '../helpers/print-pdf';

/**
 * A list linking a compilation page, a compilation PDF (three bodies each; body PLANTED_BODY's 3.7
 * 总计 one too many) and a single report's page: one record per report, a compilation's as its parts.
 */
const SITE = 'https://www.demo.gov.cn';
const LINKS = { page: `${SITE}/hb/2023.html`, pdf: `${SITE}/hb/2023.pdf`, single: `${SITE}/r/1.html` };
const BODIES = 3;
const served = new Map<string, { body: BodyInit; type: string }>();
let printer: PdfPrinter;

beforeAll(async () => {
  printer = await PdfPrinter.start();
  served.set(LINKS.page, { body: fileCompilationHtml(BODIES, true), type: 'text/html; charset=utf-8' });
  served.set(LINKS.pdf, { body: (await printer.print(fileCompilationHtml(BODIES, true), { css: RULED })).slice().buffer, type: 'application/pdf' });
  served.set(LINKS.single, { body: pageOf(bodyTitle(1), reportSection(1)), type: 'text/html; charset=utf-8' });
}, 60_000);
afterAll(() => printer?.close());

const portal: typeof fetch = async (input) => {
  const file = served.get(String(input));
  return file ? new Response(file.body, { headers: { 'content-type': file.type } }) : new Response('', { status: 404 });
};

describe('a batch whose links hold compilations', () => {
  it('stores one record per report of a compilation page or PDF, each with its own findings, and one for a single report', async () => {
    const db = freshDb();
    const deps: RunDeps = {
      fetch: portal,
      parse: htmlDoc,
      disabledRules: [],
      // Keyed as the background keys audit:save: a compilation's part by its page and part.
      save: async (report, part) => {
        const { record } = await saveAudit(db, part ? { ...report, url: partKey(report.url, part) } : report, Date.now());
        return { reportId: record.id, agency: record.agency, year: record.year };
      },
      persist: async () => undefined,
      onChange: () => undefined,
      missingHosts: async () => [],
      now: () => Date.now(),
      sleep: abortableSleep,
      files: NODE_READERS,
    };
    const links = Object.values(LINKS).map((url) => ({ url, title: '' }));
    const job = createJob({ id: 'c', listUrl: `${SITE}/list.html`, listTitle: '', links, next: null, now: 0 });
    const end = await runJob(job, deps, { ...DEFAULT_LIMITS, intervalMs: 1 }, new AbortController().signal);

    expect(progressOf(end.job)).toEqual({ total: 3, done: 3, failed: 0, pending: 0, reports: 2 * BODIES + 1 });
    const records = new Map((await loadAllAudits(db)).reports.map((r) => [r.url, r]));
    expect(records.size).toBe(2 * BODIES + 1);
    for (const url of [LINKS.page, LINKS.pdf]) {
      const result = end.job.links.find((l) => l.url === url)!.result!;
      const parts = [1, 2, 3].map((n) => partKey(url, n));
      expect([result.reportId, ...(result.more ?? []).map((m) => m.reportId)]).toEqual(parts);
      parts.forEach((id, i) => {
        const record = records.get(id);
        expect(record?.agency, id).toBe(bodyAgency(i + 1));
        const wrong = record!.findings.filter((f) => f.rule === 'cell-wrong' && f.cells?.some((c) => c.table === 't3' && c.row === '3.7'));
        expect(wrong.length, id).toBe(i + 1 === PLANTED_BODY ? 1 : 0);
      });
    }
    // Control: a page of one report is one record under its own address, no part.
    expect(end.job.links.find((l) => l.url === LINKS.single)!.result).toMatchObject({ reportId: LINKS.single, agency: bodyAgency(1) });
    expect(end.job.links.find((l) => l.url === LINKS.single)!.result!.more).toBeUndefined();
    expect(records.get(LINKS.single)?.findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 60_000);
});
