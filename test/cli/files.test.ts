import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../cli/audit';
import { auditDocument } from '../../lib/engine/audit';
import type { Finding } from '../../lib/engine/model';
import { FIXTURES, fixtureHtml, htmlDoc } from '../helpers/fixtures';

const ROOT = join(FIXTURES, '..', '..');
/** The CLI's entries; exit code 1 (some input failed, e.g. a 404 on purpose) still prints them all. */
const cli = async (...args: string[]): Promise<Entry[]> => {
  const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'cli/audit.ts', '--json', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const { stdout } = await run.catch((e: { code?: number; stdout?: string }) => {
    if (e.code === 1 && e.stdout) return { stdout: e.stdout };
    throw e;
  });
  return JSON.parse(stdout);
};

const key = (f: Finding) => JSON.stringify([f.rule, f.severity, f.section ?? null, f.cells ?? [], f.expected ?? null, f.actual ?? null]);
const sameAsPage = (e: Entry | undefined, html: string) => {
  const page = auditDocument(htmlDoc(fixtureHtml(html)));
  if (!page.detected) throw new Error('fixture page not detected');
  expect(e?.detected, e?.source).toBe(true);
  expect(e!.report).toEqual({ title: expect.any(String), agency: page.report.agency, year: page.report.year, layout: page.report.layout });
  expect(e!.findings.map(key).sort()).toEqual(page.findings.map(key).sort());
};

const TITLE = '开封市政务服务和大数据管理局2023年政府信息公开工作年度报告';
const ATTACHMENT_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}</title></head><body><h1>${TITLE}</h1><p>附件：<a href="report.pdf">${TITLE}.pdf</a></p></body></html>`;

/** A portal serving report files: one under a .pdf name, one only known by its Content-Type, one broken. */
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/att/page.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ATTACHMENT_PAGE);
    const file = { '/files/002.pdf': 'pdf/002-short-pages.pdf', '/download?id=4': 'pdf/004-landscape.pdf', '/att/report.pdf': 'pdf/001-table.pdf' }[
      req.url ?? ''
    ];
    if (req.url === '/files/gone.pdf') return res.writeHead(404).end();
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': req.url!.endsWith('.pdf') ? 'application/octet-stream' : 'application/pdf' }).end(readFileSync(join(FIXTURES, file)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('npm run audit -- report.pdf report.docx https://…/report.pdf', () => {
  it('audits PDF and Word files, saved or fetched, as the same reports as their web pages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-files-'));
    // A downloaded file that lost its name: read by its first bytes.
    copyFileSync(join(FIXTURES, 'pdf', '001-table.pdf'), join(dir, 'download'));
    const entries = await cli(
      join(FIXTURES, 'pdf', '000-text.pdf'),
      join(FIXTURES, 'docx', '003.docx'),
      join(dir, 'download'),
      `${base}/files/002.pdf`,
      `${base}/download?id=4`,
      `${base}/files/gone.pdf`,
      join(FIXTURES, 'pdf', 'scanned.pdf'),
    );
    const by = (end: string) => entries.find((e) => e.source.endsWith(end));
    sameAsPage(by('000-text.pdf'), '000-plain.html');
    sameAsPage(by('003.docx'), '003-semantic.html');
    sameAsPage(by('download'), '001-semantic.html');
    sameAsPage(by('/files/002.pdf'), '002-semantic.html');
    sameAsPage(by('id=4'), '004-semantic.html');
    expect(by('gone.pdf')).toMatchObject({ detected: false, error: '服务器返回 HTTP 404' });
    expect(by('scanned.pdf')?.findings).toEqual([expect.objectContaining({ rule: 'file-unreadable', message: expect.stringContaining('扫描件') })]);
  }, 120_000);

  it('reads the PDF and Word files of a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-folder-'));
    copyFileSync(join(FIXTURES, 'docx', '004.docx'), join(dir, 'a.docx'));
    copyFileSync(join(FIXTURES, 'docx', '示范局2023年政府信息公开工作年度报告.wps'), join(dir, 'b.wps'));
    writeFileSync(join(dir, 'c.zip'), 'not read');
    const entries = await cli(dir);
    expect(entries.map((e) => e.source.slice(dir.length + 1))).toEqual(['a.docx', 'b.wps']);
    sameAsPage(entries[0], '004-semantic.html');
    expect(entries[1]!.findings).toEqual([expect.objectContaining({ rule: 'file-unreadable', message: expect.stringContaining('.wps') })]);
  }, 60_000);
});

describe('npm run audit -- --follow-links on a page that only links its report as a file', () => {
  it('audits the attached file, linked from the page; without the flag it only flags the page', async () => {
    const page = `${base}/att/page.html`;
    const plain = await cli(page);
    expect(plain.map((e) => e.findings.map((f) => f.rule))).toEqual([['report-attachment-only']]);
    const followed = await cli('--follow-links', page);
    expect(followed).toHaveLength(2);
    expect(followed[1]).toMatchObject({ source: `${base}/att/report.pdf`, linkedFrom: page });
    sameAsPage(followed[1], '001-semantic.html');
  }, 60_000);
});

describe('a page a browser saved', () => {
  it('is read as the address it was saved from (its top comment), an http(s) one only', async () => {
    const { savedFromUrl } = await import('../../cli/sources');
    const url = 'http://www.example.gov.cn/zwgk/xxgknb/202401/t20240120_123_1.html';
    expect(savedFromUrl(`<!DOCTYPE html>\n<!-- saved from url=(0067)${url} -->\n<html>`)).toBe(url);
    expect(savedFromUrl('<!-- saved from url=(0017)javascript:void(0) --><html>')).toBeUndefined();
    expect(savedFromUrl(`<html>${' '.repeat(2000)}<!-- saved from url=(0067)${url} -->`)).toBeUndefined();
  });
});
